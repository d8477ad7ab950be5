"""The tabs of the participant detail view; each feature adds its tab here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..models.db import Database
from ..services.permissions import Actor, Permission

# factory(db, actor, participant_id, parent) -> the tab's widget
TabFactory = Callable[[Database, Actor, int, QWidget | None], QWidget]


@dataclass(frozen=True)
class ParticipantTab:
    key: str
    title: str
    permission: Permission
    factory: TabFactory


def _surgery(db: Database, actor: Actor, participant_id: int, parent: QWidget | None) -> QWidget:
    from .surgical_record import SurgicalRecordTab

    return SurgicalRecordTab(db, actor, participant_id, parent)


def _followup(db: Database, actor: Actor, participant_id: int, parent: QWidget | None) -> QWidget:
    from .followup_tab import FollowupTab

    return FollowupTab(db, actor, participant_id, parent)


def _signoff(db: Database, actor: Actor, participant_id: int, parent: QWidget | None) -> QWidget:
    from .signoff_tab import SignOffTab

    return SignOffTab(db, actor, participant_id, parent)


def participant_tabs() -> list[ParticipantTab]:
    """In display order. Imports are lazy so the detail view opens fast."""
    tabs: list[ParticipantTab] = []
    tabs.append(
        ParticipantTab(
            "surgery",
            QCoreApplication.translate("ParticipantTabs", "Surgery"),
            Permission.READ_SURGERY,
            _surgery,
        )
    )
    tabs.append(
        ParticipantTab(
            "followup",
            QCoreApplication.translate("ParticipantTabs", "Follow-up"),
            Permission.READ_FOLLOWUP,
            _followup,
        )
    )
    tabs.append(
        ParticipantTab(
            "signoff",
            QCoreApplication.translate("ParticipantTabs", "Sign-off"),
            Permission.VIEW_PARTICIPANTS,
            _signoff,
        )
    )
    return tabs
