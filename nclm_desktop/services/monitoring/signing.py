"""Electronic signature and record locking (docs/ARCHITECTURE.md §3; 21 CFR 11.50, 11.70,
11.200).

The investigator signs a participant's casebook by entering user name and password again
(a wrong pair fails, is audited and counts towards the sign-in lock), choosing a meaning.
The signature records the printed name, meaning, time with the signer's UTC offset, and the
SHA-256 of the casebook (``records.casebook_hash``): a later change shows as a mismatch.
Signing locks the participant (the lock is enforced in ``uow.writing``; a lock set in a
unit of work takes effect from the next one, so the signature is written with it); unlocking
needs the investigator and a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Participant, Signature, User
from ...models.audit_hook import append_events
from ...models.db import Database
from .. import accounts
from ..errors import AuthenticationFailed, NotFound, RecordLocked, ValidationError
from ..permissions import Actor, Permission
from ..uow import reading, writing
from .records import casebook_hash

# The meanings a signature may carry (code -> the words shown and stored).
MEANINGS: dict[str, str] = {
    "approve": "I have reviewed and approve these data",
    "author": "Author",
    "review": "Review",
}
SIGN_FAILED = "The user name or password is wrong; the casebook was not signed."


@dataclass(frozen=True)
class SignatureRow:
    id: int
    participant_id: int
    printed_name: str
    meaning: str
    signed_utc: dt.datetime
    utc_offset: str
    state: str  # "valid" | "invalid: data changed after signing" | "withdrawn"
    revoke_reason: str | None = None

    @property
    def valid(self) -> bool:
        return self.state == "valid"


def meaning_code(text: str) -> str:
    """A meaning by its code or its words (any case); else a one-line refusal."""
    wanted = (text or "").strip().casefold()
    for code, words in MEANINGS.items():
        if wanted in (code, words.casefold()):
            return code
    choices = "; ".join(f"{c} ({w})" for c, w in MEANINGS.items())
    raise ValidationError("meaning", f"The meaning must be one of: {choices}.")


def _participant(s: Session, participant_id: int) -> Participant:
    p = s.get(Participant, participant_id)
    if p is None:
        raise NotFound(f"There is no participant {participant_id}.")
    return p


def _utc_offset(moment: dt.datetime) -> str:
    text = moment.strftime("%z") or "+0000"
    return f"{text[:3]}:{text[3:]}"


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
        user = s.get(User, actor.user_id)  # writing() has checked it is active
        p = _participant(s, participant_id)
        same = accounts.username_key(username or "") == accounts.username_key(user.username)
        # The same throttle and audit as a sign-in; a different name is a failure too.
        if not (same and accounts._check_password(s, user, password)):
            append_events(
                s,
                [
                    {
                        "username": user.username,
                        "action": "signature_failed",
                        "entity": "participant",
                        "entity_id": str(p.id),
                        "participant_id": p.id,
                    }
                ],
            )
            s.commit()  # the failure stays on record although the signing is refused
            raise AuthenticationFailed(SIGN_FAILED)
        if p.locked:
            raise RecordLocked(f"{p.study_id or 'This participant'} is already signed and locked.")
        now = dt.datetime.now().astimezone()
        signature = Signature(
            participant_id=p.id,
            entity="participant",
            entity_id=str(p.id),
            signer_id=user.id,
            meaning=code,
            meaning_text=MEANINGS[code],
            printed_name=user.display_name or user.username,
            signed_utc=now.astimezone(dt.UTC),
            utc_offset=_utc_offset(now),
            data_hash=casebook_hash(s, p.id),
        )
        s.add(signature)
        p.locked = True  # takes effect from the next unit of work (docs/ARCHITECTURE.md §3)
        s.flush()
        return signature.id


def unlock_casebook(db: Database, actor: Actor | None, participant_id: int, reason: str) -> None:
    """The investigator unlocks a signed casebook for a correction. The signatures stay on
    record: each stands while the casebook still matches what was signed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "Unlocking needs a reason.")
    with writing(db, actor, Permission.SIGN, reason=reason) as s:
        p = _participant(s, participant_id)
        if not p.locked:
            raise ValidationError("participant", f"{p.study_id} is not locked.")
        p.locked = False


def signatures(db: Database, actor: Actor | None, participant_id: int) -> list[SignatureRow]:
    """The participant's signatures, each checked against the casebook as it is now."""
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        current = casebook_hash(s, participant_id)
        rows = []
        for sig in s.scalars(
            select(Signature).filter_by(participant_id=participant_id).order_by(Signature.id)
        ):
            if sig.revoked_utc is not None:
                state = "withdrawn"
            elif sig.data_hash != current:
                state = "invalid: data changed after signing"
            else:
                state = "valid"
            rows.append(
                SignatureRow(
                    sig.id,
                    sig.participant_id,
                    sig.printed_name or "",
                    sig.meaning_text or sig.meaning,
                    sig.signed_utc,
                    sig.utc_offset or "",
                    state,
                    sig.revoke_reason,
                )
            )
        return rows
