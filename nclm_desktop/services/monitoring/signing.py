"""Electronic signature and record locking (docs/ARCHITECTURE.md §3; 21 CFR 11.50, 11.70,
11.200).

The investigator signs a participant's whole casebook or one form instance by entering user
name and password again (``accounts.confirm_signer``: a wrong pair fails, is audited and
counts towards the sign-in lock), choosing a meaning. The signature records the printed
name, meaning, time with the signer's UTC offset, and the SHA-256 of what was signed (the
casebook, ``records.casebook_hash``, or the one record, ``records.record_hash``): a later
change shows as a mismatch. Signing the casebook locks the participant (the lock is enforced
in ``uow.writing``; a lock set in a unit of work takes effect from the next one, so the
signature is written with it); a form signature does not lock. Unlocking needs the
investigator and a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...forms import QT_TRANSLATE_NOOP
from ...forms.errors import said
from ...forms.form import Form
from ...models import Participant, Signature, User
from ...models.audit_hook import append_events
from ...models.base import Base
from ...models.db import Database
from .. import accounts
from ..errors import AuthenticationFailed, NotFound, RecordLocked, ValidationError, named
from ..permissions import Actor, Permission
from ..uow import reading, writing
from .records import (
    NO_SUCH_PARTICIPANT,
    casebook_hash,
    form_of,
    load_record,
    model_of,
    record_hash,
    record_key,
)

# The meanings a signature may carry (code -> the words shown and stored).
MEANINGS: dict[str, str] = {
    "approve": "I have reviewed and approve these data",
    "author": "Author",
    "review": "Review",
}
SIGN_FAILED = said(
    QT_TRANSLATE_NOOP("Refusals", "The user name or password is wrong; nothing was signed.")
)
# The entity of a signature over a whole casebook (entity_id: the participant's id); a form
# signature names its form and record instead.
CASEBOOK = "casebook"
VALID = "valid"
CHANGED = "invalid: data changed after signing"
DELETED = "invalid: record deleted after signing"
WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class SignatureRow:
    id: int
    participant_id: int
    printed_name: str
    meaning: str
    signed_utc: dt.datetime
    utc_offset: str
    state: str  # VALID | CHANGED | DELETED | WITHDRAWN
    revoke_reason: str | None = None
    form: str | None = None  # None: the whole casebook
    record_id: str | None = None

    @property
    def valid(self) -> bool:
        return self.state == VALID

    @property
    def casebook(self) -> bool:
        return self.form is None


def meaning_code(text: str) -> str:
    """A meaning by its code or its words (any case); else a one-line refusal."""
    wanted = (text or "").strip().casefold()
    for code, words in MEANINGS.items():
        if wanted in (code, words.casefold()):
            return code
    choices = "; ".join(f"{c} ({w})" for c, w in MEANINGS.items())
    raise ValidationError(
        "meaning",
        QT_TRANSLATE_NOOP("Refusals", "The meaning must be one of: {choices}."),
        params={"choices": choices},
    )


def _participant(s: Session, participant_id: int) -> Participant:
    p = s.get(Participant, participant_id)
    if p is None:
        raise NotFound(NO_SUCH_PARTICIPANT, params={"id": participant_id})

    return p


def _utc_offset(moment: dt.datetime) -> str:
    text = moment.strftime("%z") or "+0000"
    return f"{text[:3]}:{text[3:]}"


def _confirm_signer(
    s: Session,
    actor: Actor,
    p: Participant,
    entity: str,
    entity_id: str,
    username: str,
    password: str,
) -> User:
    """The signer typed their own user name and password again, or the refusal is audited
    and committed (it stays on record although nothing is signed)."""
    user = s.get(User, actor.user_id)  # writing() has checked it is active
    if not accounts.confirm_signer(s, user, username, password):
        event = {"username": user.username, "action": "signature_failed", "entity": entity}
        append_events(s, [{**event, "entity_id": entity_id, "participant_id": p.id}])
        s.commit()
        raise AuthenticationFailed(SIGN_FAILED)
    return user


def _signature(
    user: User, p: Participant, entity: str, entity_id: str, code: str, data_hash: str
) -> Signature:
    now = dt.datetime.now().astimezone()
    return Signature(
        participant_id=p.id,
        entity=entity,
        entity_id=entity_id,
        signer_id=user.id,
        meaning=code,
        meaning_text=MEANINGS[code],
        printed_name=user.display_name or user.username,
        signed_utc=now.astimezone(dt.UTC),
        utc_offset=_utc_offset(now),
        data_hash=data_hash,
    )


def sign_casebook(
    db: Database,
    actor: Actor | None,
    participant_id: int,
    username: str,
    password: str,
    meaning: str,
) -> int:
    """Sign and lock one participant's casebook; returns the signature's id."""
    code = meaning_code(meaning)
    with writing(db, actor, Permission.SIGN) as s:
        p = _participant(s, participant_id)
        user = _confirm_signer(s, actor, p, CASEBOOK, str(p.id), username, password)
        if p.locked:
            raise RecordLocked(
                QT_TRANSLATE_NOOP("Refusals", "{study_id} is already signed and locked."),
                params={"study_id": named(p.study_id)},
            )
        signature = _signature(user, p, CASEBOOK, str(p.id), code, casebook_hash(s, p.id))
        s.add(signature)
        p.locked = True  # takes effect from the next unit of work (docs/ARCHITECTURE.md §3)
        s.flush()
        return signature.id


def sign_form(
    db: Database,
    actor: Actor | None,
    form: str,
    record_id: str,
    username: str,
    password: str,
    meaning: str,
    *,
    participant_id: int | None = None,
) -> int:
    """Sign one form instance, bound to that record's hash; returns the signature's id. It
    does not lock; on a locked casebook it is refused like any write (the casebook's
    signature already covers the form). With ``participant_id``, the record must be in
    that participant's casebook."""
    code = meaning_code(meaning)
    with writing(db, actor, Permission.SIGN) as s:
        found, row, pid = load_record(s, form, record_id)
        if participant_id is not None and pid != participant_id:
            raise ValidationError(
                "record_id",
                QT_TRANSLATE_NOOP("Refusals", "{form} record {id} is not in this casebook."),
                params={"form": found.name, "id": record_id},
            )
        p = _participant(s, pid)
        key = record_key(row)
        user = _confirm_signer(s, actor, p, found.name, key, username, password)
        signature = _signature(user, p, found.name, key, code, record_hash(found, row))
        s.add(signature)
        s.flush()
        return signature.id


def unlock_casebook(db: Database, actor: Actor | None, participant_id: int, reason: str) -> None:
    """The investigator unlocks a signed casebook for a correction. The signatures stay on
    record: each stands while the casebook still matches what was signed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            "reason", QT_TRANSLATE_NOOP("Refusals", "Unlocking needs a reason."), params={}
        )
    with writing(db, actor, Permission.SIGN, reason=reason) as s:
        p = _participant(s, participant_id)
        if not p.locked:
            raise ValidationError(
                "participant",
                QT_TRANSLATE_NOOP("Refusals", "{study_id} is not locked."),
                params={"study_id": named(p.study_id)},
            )
        p.locked = False


def _state(s: Session, sig: Signature, casebook_now: str) -> str:
    """A signature stands while what it signed still hashes to what was signed."""
    if sig.revoked_utc is not None:
        return WITHDRAWN
    if sig.entity == CASEBOOK:
        return VALID if sig.data_hash == casebook_now else CHANGED
    found = form_of(sig.entity)
    row = s.get(model_of(found), int(sig.entity_id))
    if row is None:
        return DELETED
    return VALID if sig.data_hash == record_hash(found, row) else CHANGED


def signature_rows(
    s: Session, participant_id: int, records: list[tuple[Form, Base]] | None = None
) -> list[SignatureRow]:
    """Inside a caller's session: the participant's signatures, each checked now
    (``records``: its ``casebook_records`` when the caller has read them)."""
    current = casebook_hash(s, participant_id, records)
    rows = []
    for sig in s.scalars(
        select(Signature).filter_by(participant_id=participant_id).order_by(Signature.id)
    ):
        whole = sig.entity == CASEBOOK
        rows.append(
            SignatureRow(
                sig.id,
                sig.participant_id,
                sig.printed_name or "",
                sig.meaning_text or sig.meaning,
                sig.signed_utc,
                sig.utc_offset or "",
                _state(s, sig, current),
                sig.revoke_reason,
                None if whole else sig.entity,
                None if whole else sig.entity_id,
            )
        )
    return rows


def signatures(db: Database, actor: Actor | None, participant_id: int) -> list[SignatureRow]:
    """The participant's signatures (casebook and form), each checked against the data as
    it is now."""
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        return signature_rows(s, participant_id)
