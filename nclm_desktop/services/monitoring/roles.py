"""Who may do what in monitoring (docs/ARCHITECTURE.md §3): checked against the account as
the database holds it now, inside the write's transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..errors import PermissionDenied
from ..permissions import ROLE_LABELS, Actor
from ..uow import current_actor

RAISERS = frozenset({"monitor", "investigator"})
SITE = frozenset({"investigator", "surgeon", "coordinator"})
VERIFIERS = frozenset({"monitor"})


def require_role(session: Session, actor: Actor | None, roles: frozenset[str], what: str) -> Actor:
    """The fresh actor when its role is one of ``roles``, else PermissionDenied."""
    if actor is None:
        raise PermissionDenied("Please sign in first.")
    fresh = current_actor(session, actor, None)
    if fresh.role not in roles:
        label = ROLE_LABELS.get(fresh.role, fresh.role)
        raise PermissionDenied(f"A {label.lower()} may not {what}.")
    return fresh
