"""The sign-off overview of one casebook (docs/ARCHITECTURE.md §3): every form instance with
its source-data verification and signatures, the casebook's signatures and lock, and what
the reader's role may do there; read in one session so the states agree with each other."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...forms import Identifier, Kind
from ...forms.catalogue import all_forms
from ...forms.form import Form
from ...models import Participant
from ...models.base import Base
from ...models.db import Database
from ..errors import NotFound
from ..permissions import Actor, Permission
from ..uow import reading
from .records import NO_SUCH_PARTICIPANT, casebook_records, record_key
from .roles import VERIFIERS
from .sdv import SdvState, sdv_rows
from .signing import WITHDRAWN, SignatureRow, signature_rows


@dataclass(frozen=True)
class FormInstance:
    form: str
    title: str  # the dictionary's form title (translated by the user interface)
    record_id: str
    detail: str  # what tells it from its siblings: a visit code, a date
    sdv: SdvState
    signatures: tuple[SignatureRow, ...]  # on this form instance, oldest first

    @property
    def signature(self) -> SignatureRow | None:
        """The latest signature: the one that says whether the form stands signed."""
        return self.signatures[-1] if self.signatures else None


@dataclass(frozen=True)
class SignOff:
    participant_id: int
    study_id: str
    locked: bool
    forms: tuple[FormInstance, ...]
    casebook_signatures: tuple[SignatureRow, ...]  # oldest first
    can_verify: bool  # a monitor
    can_sign: bool  # the investigator: sign a form or the casebook, unlock

    @property
    def casebook_signature(self) -> SignatureRow | None:
        return self.casebook_signatures[-1] if self.casebook_signatures else None

    @property
    def invalidated(self) -> list[tuple[FormInstance | None, SignatureRow]]:
        """Latest signatures (of the casebook, of each form) broken by a later change; one
        superseded by a newer signature of the same data is history, not an alarm."""
        found: list[tuple[FormInstance | None, SignatureRow]] = []
        latest = self.casebook_signature
        if latest is not None and not latest.valid and latest.state != WITHDRAWN:
            found.append((None, latest))
        # A valid casebook signature signed later covers the forms as they are now.
        since = latest.signed_utc if latest is not None and latest.valid else None
        for instance in self.forms:
            sig = instance.signature
            if sig is None or sig.valid or sig.state == WITHDRAWN:
                continue
            if since is None or sig.signed_utc > since:
                found.append((instance, sig))
        return found


def _detail(form: Form, row: Base) -> str:
    """A visit's code and a date of the record (not the birth date: a monitor reads this)."""
    parts = []
    if "code" in form and getattr(row, form["code"].variable, None):
        parts.append(str(getattr(row, form["code"].variable)))
    dates = [f for f in form.fields if f.kind is Kind.DATE and hasattr(row, f.variable)]
    dates.sort(key=lambda f: f.identifier is not Identifier.NONE)
    for f in dates:
        value = getattr(row, f.variable)
        if isinstance(value, dt.date) and f.name != "birth_date":
            parts.append(value.isoformat())
            break
    return " · ".join(parts)


def _clinical_order(item: tuple[Form, Base]) -> int:
    """The catalogue's order (screening, identity, enrolment ... visits, events); the sort
    is stable, so a form's instances stay in key order."""
    return list(all_forms()).index(item[0].name)


def sign_off(db: Database, actor: Actor | None, participant_id: int) -> SignOff:
    with reading(db, actor, Permission.VIEW_PARTICIPANTS) as s:
        p = s.get(Participant, participant_id)
        if p is None:
            raise NotFound(NO_SUCH_PARTICIPANT, params={"id": participant_id})

        records = casebook_records(s, participant_id)  # read once for all three
        sdv = {(st.form, st.record_id): st for st in sdv_rows(s, participant_id, records)}
        sigs = signature_rows(s, participant_id, records)
        forms = tuple(
            FormInstance(
                form.name,
                form.title,
                record_key(row),
                _detail(form, row),
                sdv[(form.name, record_key(row))],
                tuple(g for g in sigs if (g.form, g.record_id) == (form.name, record_key(row))),
            )
            for form, row in sorted(records, key=_clinical_order)
        )
        return SignOff(
            participant_id,
            p.study_id or "",
            bool(p.locked),
            forms,
            tuple(g for g in sigs if g.casebook),
            bool(actor and actor.role in VERIFIERS),
            bool(actor and actor.can(Permission.SIGN)),
        )
