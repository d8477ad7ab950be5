"""One way to say who a window or wizard is about: study ID, name and hospital record
number for roles that may see identities; the study ID and birth year for the others."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from ..models.db import Database
from ..services import participant_record as record
from ..services.errors import ServiceError
from ..services.participant_record import ParticipantLabel
from ..services.permissions import Actor


def _t(text: str) -> str:
    return QCoreApplication.translate("ParticipantLabel", text)


def who_text(label: ParticipantLabel) -> str:
    """ "NCLM-H-001 · Wang Fang · HRN H100001"; a screen failure without a study ID is
    named by its record number; masked roles see "identity hidden, born 1969"."""
    parts = [label.study_id or _t("no study ID")]
    if label.name is not None:
        parts.append(label.name)
        parts.append(_t("HRN {number}").format(number=label.hospital_record_number or "—"))
    else:
        parts.append(
            _t("identity hidden, born {year}").format(year=label.birth_year or "—")
            if label.birth_year
            else _t("identity hidden")
        )
    if not label.study_id and label.name is None:
        parts[0] = _t("no study ID (#{id})").format(id=label.id)
    return "  ·  ".join(parts)


def window_title(label: ParticipantLabel) -> str:
    """Short: the study ID, else the record number (never a bare database id when the role
    may see the record number)."""
    if label.study_id:
        main = label.study_id
    elif label.hospital_record_number:
        main = _t("HRN {number}").format(number=label.hospital_record_number)
    else:
        main = f"#{label.id}"
    return f"{main} — {label.name}" if label.name else main


def who_for(db: Database, actor: Actor, participant_id: int) -> str:
    """who_text for a participant id; never raises (a wizard must still open)."""
    try:
        return who_text(record.get_label(db, actor, participant_id))
    except ServiceError:
        return f"#{participant_id}"


def label_pages(wizard: QWizard, who: str) -> None:
    """Every page of the wizard says who it is about, as the first line of its subtitle."""
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        subtitle = page.subTitle()
        if not subtitle.startswith(who):
            page.setSubTitle(f"{who}\n{subtitle}" if subtitle else who)
