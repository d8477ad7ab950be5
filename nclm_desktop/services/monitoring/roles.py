"""Who may do what in monitoring (docs/ARCHITECTURE.md §3): checked against the account as
the database holds it now, inside the write's transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ...forms import QT_TRANSLATE_NOOP, Term
from ...forms.errors import Said
from ..errors import PermissionDenied
from ..permissions import ROLE_LABELS, Actor
from ..uow import current_actor

RAISERS = frozenset({"monitor", "investigator"})
SITE = frozenset({"investigator", "surgeon", "coordinator"})
VERIFIERS = frozenset({"monitor"})


def require_role(session: Session, actor: Actor | None, roles: frozenset[str], what: str) -> Actor:
    """The fresh actor when its role is one of ``roles``, else PermissionDenied; ``what``
    is a marked action ("raise data queries") or a sentence made of one (``said``)."""
    if actor is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Refusals", "Please sign in first."), params={})
    fresh = current_actor(session, actor, None)
    if fresh.role not in roles:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Refusals", "The role {role} may not {action}."),
            params={
                "role": Term(ROLE_LABELS.get(fresh.role, fresh.role)),
                "action": what if isinstance(what, Said) else Term(what, "Refusals"),
            },
        )
    return fresh
