"""Roles and what each may do (docs/ARCHITECTURE.md §3), checked inside every service."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..clinical.text_marks import QT_TRANSLATE_NOOP
from ..forms.errors import Term
from .errors import PermissionDenied


class Permission(Enum):
    MANAGE_USERS = QT_TRANSLATE_NOOP("Refusals", "manage users, settings and backups")
    SCREEN_ENROL = QT_TRANSLATE_NOOP("Refusals", "screen and enrol")
    WRITE_SURGERY = QT_TRANSLATE_NOOP("Refusals", "record operations and complications")
    READ_SURGERY = QT_TRANSLATE_NOOP("Refusals", "view operations and complications")
    WRITE_FOLLOWUP = QT_TRANSLATE_NOOP("Refusals", "record follow-up visits and events")
    READ_FOLLOWUP = QT_TRANSLATE_NOOP("Refusals", "view follow-up")
    SIGN = QT_TRANSLATE_NOOP("Refusals", "sign, lock and unlock records")
    REPORTS = QT_TRANSLATE_NOOP("Refusals", "run reports, analysis and de-identified exports")
    IDENTIFIED_EXPORT = QT_TRANSLATE_NOOP("Refusals", "export identified data")
    VIEW_IDENTITY = QT_TRANSLATE_NOOP("Refusals", "see patient names and contact details")
    VIEW_AUDIT = QT_TRANSLATE_NOOP("Refusals", "view the audit trail")
    VIEW_PARTICIPANTS = QT_TRANSLATE_NOOP("Refusals", "view participants")


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
        raise PermissionDenied(QT_TRANSLATE_NOOP("Refusals", "Please sign in first."), params={})
    if not actor.can(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Refusals", "The role {role} may not {action}."),
            params={
                "role": Term(ROLE_LABELS.get(actor.role, actor.role)),
                "action": Term(permission.value, "Refusals"),
            },
        )
    return actor
