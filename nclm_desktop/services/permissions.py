"""Roles and what each may do (docs/ARCHITECTURE.md §3), checked inside every service."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..clinical.text_marks import QT_TRANSLATE_NOOP
from .errors import PermissionDenied


class Permission(Enum):
    MANAGE_USERS = "manage users, settings and backups"
    SCREEN_ENROL = "screen and enrol"
    WRITE_SURGERY = "record operations and complications"
    READ_SURGERY = "view operations and complications"
    WRITE_FOLLOWUP = "record follow-up visits and events"
    READ_FOLLOWUP = "view follow-up"
    SIGN = "sign, lock and unlock records"
    REPORTS = "run reports, analysis and de-identified exports"
    IDENTIFIED_EXPORT = "export identified data"
    VIEW_IDENTITY = "see patient names and contact details"
    VIEW_AUDIT = "view the audit trail"
    VIEW_PARTICIPANTS = "view participants"


P = Permission
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "admin": frozenset({P.MANAGE_USERS, P.VIEW_AUDIT}),
    "investigator": frozenset(
        {
            P.SCREEN_ENROL,
            P.WRITE_SURGERY,
            P.READ_SURGERY,
            P.WRITE_FOLLOWUP,
            P.READ_FOLLOWUP,
            P.SIGN,
            P.REPORTS,
            P.IDENTIFIED_EXPORT,
            P.VIEW_IDENTITY,
            P.VIEW_AUDIT,
            P.VIEW_PARTICIPANTS,
        }
    ),
    "surgeon": frozenset(
        {
            P.SCREEN_ENROL,
            P.WRITE_SURGERY,
            P.READ_SURGERY,
            P.WRITE_FOLLOWUP,
            P.READ_FOLLOWUP,
            P.REPORTS,
            P.VIEW_IDENTITY,
            P.VIEW_PARTICIPANTS,
        }
    ),
    "coordinator": frozenset(
        {
            P.SCREEN_ENROL,
            P.READ_SURGERY,
            P.WRITE_FOLLOWUP,
            P.READ_FOLLOWUP,
            P.REPORTS,
            P.VIEW_IDENTITY,
            P.VIEW_PARTICIPANTS,
        }
    ),
    # Monitors verify source data: they read everything but identities, and write nothing.
    "monitor": frozenset({P.READ_SURGERY, P.READ_FOLLOWUP, P.REPORTS, P.VIEW_PARTICIPANTS}),
}

ROLE_LABELS = {
    "admin": QT_TRANSLATE_NOOP("DataDictionary", "Administrator"),
    "investigator": QT_TRANSLATE_NOOP("DataDictionary", "Investigator"),
    "surgeon": QT_TRANSLATE_NOOP("DataDictionary", "Surgeon"),
    "coordinator": QT_TRANSLATE_NOOP("DataDictionary", "Study coordinator"),
    "monitor": QT_TRANSLATE_NOOP("DataDictionary", "Monitor"),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service runs."""

    user_id: int
    username: str
    role: str
    display_name: str = ""

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset())


def require(actor: Actor | None, permission: Permission) -> Actor:
    if actor is None:
        raise PermissionDenied("Please sign in first.")
    if not actor.can(permission):
        label = ROLE_LABELS.get(actor.role, actor.role)
        raise PermissionDenied(f"A {label.lower()} may not {permission.value}.")
    return actor
