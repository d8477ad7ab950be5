"""SQLAlchemy 2.x typed ORM (docs/ARCHITECTURE.md §8) and the database plumbing."""

from .audit import AuditEvent
from .base import Base
from .followup import ClinicalEvent, Signature, Visit
from .monitoring import DataQuery, SdvMark
from .participants import Participant, ParticipantIdentity, StudyIdCounter
from .screening import BaselineDisease, Screening, SystemicTreatment, WizardDraft
from .surgery import Complication, Operation, OperationSurgeon, Reoperation
from .users import Setting, User

__all__ = [
    "AuditEvent",
    "Base",
    "BaselineDisease",
    "ClinicalEvent",
    "Complication",
    "DataQuery",
    "Operation",
    "OperationSurgeon",
    "Participant",
    "ParticipantIdentity",
    "Reoperation",
    "Screening",
    "SdvMark",
    "Setting",
    "Signature",
    "StudyIdCounter",
    "SystemicTreatment",
    "User",
    "Visit",
    "WizardDraft",
]
