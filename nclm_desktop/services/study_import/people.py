"""Participants: identity, screening, baseline, treatment lines and enrolment, written by the
services of typed entry (``screen`` or ``screen_and_enrol``), so eligibility is computed,
study IDs assigned and the follow-up of the systemic-only cohort planned exactly as when a
person is entered on the screen (docs/ARCHITECTURE.md §12).

The five tables of a person are read first (one call needs them all), keyed by the
screening number; every later table is streamed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from ...forms import QT_TRANSLATE_NOOP
from ...forms.catalogue import form
from ...forms.errors import said
from ...models import Participant, ParticipantIdentity, Screening, SystemicTreatment
from .. import enrolment as enrol_service
from ..baseline import BaselineInput, save_baseline
from ..enrolment import IdentityInput, ScreeningData, SystemicLine
from .context import Context
from .existing import compare
from .values import Parsed

PERSON_TABLES = (
    "participant",
    "participant_identity",
    "screening",
    "baseline_disease",
    "systemic_treatment",
)
SCREENING_FORM = form("screening")
BASELINE_FORM = form("baseline_disease")
LINE_FIELDS = ("line", "regimen", "start_date", "end_date", "best_response", "for_liver_metastases")


def _by_person(ctx: Context, rows: Iterable[Parsed], table: str) -> dict[Any, Parsed]:
    out: dict[Any, Parsed] = {}
    for p in rows:
        key = p.participant_key
        if key in out:
            ctx.problems.at(
                p.row,
                "screening_id" if "screening_id" in p.row.cells else "study_id",
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "A second {table} row for the same participant (the first is row "
                        "{row}); only one is imported per participant.",
                    ),
                    table=table,
                    row=out[key].row.number,
                ),
            )
            continue
        out[key] = p
    return out


def existing_participants(ctx: Context) -> tuple[dict[str, int], dict[str, int]]:
    """Study ID → id and hospital record number → id of the database's participants."""
    with ctx.db.session() as s:
        by_study = {
            sid: pid for pid, sid in s.execute(select(Participant.id, Participant.study_id)) if sid
        }
        by_record = {
            hrn: pid
            for pid, hrn in s.execute(
                select(
                    ParticipantIdentity.participant_id, ParticipantIdentity.hospital_record_number
                )
            )
        }
    return by_study, by_record


def import_people(ctx: Context, tables: dict[str, list[Parsed]]) -> None:
    participants = tables.get("participant", [])
    identity = _by_person(ctx, tables.get("participant_identity", []), "participant_identity")
    screening = _by_person(ctx, tables.get("screening", []), "screening")
    baseline = _by_person(ctx, tables.get("baseline_disease", []), "baseline_disease")
    lines: dict[Any, list[Parsed]] = {}
    for p in tables.get("systemic_treatment", []):
        lines.setdefault(p.participant_key, []).append(p)
    by_study, by_record = existing_participants(ctx)
    seen: dict[Any, Parsed] = {}
    study_ids: dict[str, Parsed] = {}
    for person in participants:
        key = person.participant_key
        if key in seen:
            ctx.problems.at(
                person.row,
                "study_id" if person.study_id else "screening_id",
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "The same participant appears twice (first in row {row})."
                    ),
                    row=seen[key].row.number,
                ),
            )
            continue
        seen[key] = person
        twin = study_ids.get(person.study_id) if person.study_id else None
        if twin is not None:
            ctx.problems.at(
                person.row,
                "study_id",
                said(
                    QT_TRANSLATE_NOOP("Refusals", "The study ID {study_id} is also in row {row}."),
                    study_id=person.study_id,
                    row=twin.row.number,
                ),
            )
            ctx.block(person)
            continue
        if person.study_id:
            study_ids[person.study_id] = person
        ident = identity.get(key)
        hrn = ident.values.get("hospital_record_number") if ident else None
        found = by_study.get(person.study_id or "") or by_record.get((hrn or "").strip())
        if found is not None:
            _existing(ctx, key, found, person, ident, screening.get(key), baseline.get(key))
            for line in lines.get(key, []):
                if not compare(ctx, "systemic_treatment", line, found):
                    ctx.problems.at(
                        line.row,
                        "line",
                        said(
                            QT_TRANSLATE_NOOP(
                                "Refusals",
                                "A treatment line is added at enrolment, not by an import.",
                            )
                        ),
                    )
            continue
        if not person.ok or any(p is not None and not p.ok for p in (ident, screening.get(key))):
            ctx.block(person)  # its cells are already reported
            continue
        _create(ctx, key, person, ident, screening.get(key), baseline.get(key), lines.get(key, []))
    # Rows of people the participant table does not list.
    for table, rows in (
        ("participant_identity", identity),
        ("screening", screening),
        ("baseline_disease", baseline),
    ):
        for key, p in rows.items():
            if key not in seen:
                ctx.problems.at(
                    p.row,
                    "screening_id",
                    said(
                        QT_TRANSLATE_NOOP(
                            "Refusals",
                            "No row for this participant in participant ({table} cannot stand "
                            "alone).",
                        ),
                        table=table,
                    ),
                )
    for key, group in lines.items():
        if key not in seen:
            ctx.problems.at(
                group[0].row,
                "screening_id",
                said(QT_TRANSLATE_NOOP("Refusals", "No row for this participant in participant.")),
            )


def _existing(ctx: Context, key: Any, pid: int, *rows: Parsed | None) -> None:
    """A participant already in the database: matched, each of its rows compared."""
    ctx.participants[key] = pid
    person = rows[0]
    if person is not None and person.study_id:
        ctx.participants[("study", person.study_id)] = pid
    ctx.existing.add(pid)
    for table, p in zip(PERSON_TABLES, rows, strict=False):
        if p is None or not p.ok or compare(ctx, table, p, pid):
            continue
        if table == "baseline_disease":  # none recorded yet: record it
            values = {f.name: p.values.get(f.name) for f in BASELINE_FORM.inputs}
            ctx.attempt(
                [p], save_baseline, ctx.db, ctx.actor, pid, BaselineInput(**values), today=ctx.today
            )
            if ctx.ok:
                ctx.imported(table, p, pid, pid)


def _create(
    ctx: Context,
    key: Any,
    person: Parsed,
    ident: Parsed | None,
    screened: Parsed | None,
    base: Parsed | None,
    lines: list[Parsed],
) -> None:
    if ident is None or screened is None:
        missing = "participant_identity" if ident is None else "screening"
        ctx.problems.at(
            person.row,
            "screening_id",
            said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "A new participant needs a row in {missing} (name and hospital record "
                    "number, and the screening, are entered for every person).",
                ),
                missing=missing,
            ),
        )
        return
    pv, iv = person.values, ident.values
    identity = IdentityInput(
        name=iv.get("name") or "",
        hospital_record_number=iv.get("hospital_record_number") or "",
        sex=pv.get("sex"),  # type: ignore[arg-type]
        birth_date=pv.get("birth_date"),  # type: ignore[arg-type]
        phone=iv.get("phone"),
        address=iv.get("address"),
    )
    data = ScreeningData(**{k: v for k, v in screened.values.items() if v is not None})
    baseline = (
        BaselineInput(**{f.name: base.values.get(f.name) for f in BASELINE_FORM.inputs})
        if base is not None and base.ok
        else None
    )
    systemic = [SystemicLine(**{n: p.values.get(n) for n in LINE_FIELDS}) for p in lines if p.ok]
    rows = [screened, person, ident, *([base] if base else []), *lines]
    cohort = pv.get("cohort")
    if cohort and pv.get("enrolment_date") is None:
        # Typed entry takes the day of entry; an import has no such day: it must be given.
        ctx.problems.at(
            person.row,
            "enrolment_date",
            said(
                QT_TRANSLATE_NOOP("Refusals", "An enrolled participant needs the enrolment date.")
            ),
        )
        ctx.block(person)
        return
    if cohort:
        index = pv.get("index_date") if cohort == "systemic" else None
        result = ctx.attempt(
            rows,
            enrol_service.screen_and_enrol,
            ctx.db,
            ctx.actor,
            identity,
            data,
            cohort=cohort,
            consent_date=pv.get("consent_date"),
            enrolment_date=pv.get("enrolment_date"),
            index_date=index,
            systemic_lines=systemic,
            baseline=baseline,
            today=ctx.today,
        )
        pid = None if result is None else result.participant_id
        study_id = None if result is None else result.study_id
        existing = result is not None and result.existing
    else:
        if lines:
            ctx.problems.at(
                lines[0].row,
                "line",
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals",
                        "Treatment lines are entered at enrolment; this participant has no cohort.",
                    )
                ),
            )
        outcome = ctx.attempt(
            rows,
            enrol_service.screen,
            ctx.db,
            ctx.actor,
            identity,
            data,
            baseline=baseline,
            today=ctx.today,
        )
        pid = None if outcome is None else outcome.participant_id
        study_id = None if outcome is None else outcome.study_id
        existing = outcome is not None and outcome.existing
    if pid is None:
        return
    if existing:
        ctx.problems.at(
            ident.row,
            "hospital_record_number",
            said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "This hospital record number is already given to another row of the import.",
                )
            ),
        )
        return
    if person.study_id and study_id != person.study_id and cohort not in ctx.renumbered:
        ctx.renumbered.add(cohort)  # the later ones of the cohort shift with it: said once
        ctx.problems.at(
            person.row,
            "study_id",
            said(
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "Enrolled now, this participant is given the study ID {given}, not {file_id} "
                    "(and the later ones of the cohort shift too): study IDs are assigned in "
                    "order of enrolment, so import into a study whose numbering this file "
                    "continues, in the order of the file.",
                ),
                given=study_id,
                file_id=person.study_id,
            ),
        )
    ctx.participants[key] = pid
    if study_id:
        ctx.participants[("study", study_id)] = pid
    _audit_person(ctx, pid, person, ident, screened, base, lines)


def _audit_person(
    ctx: Context,
    pid: int,
    person: Parsed,
    ident: Parsed,
    screened: Parsed,
    base: Parsed | None,
    lines: list[Parsed],
) -> None:
    with ctx.db.session() as s:
        screening_id = s.scalar(select(Screening.id).where(Screening.participant_id == pid))
        line_ids = dict(
            s.execute(
                select(SystemicTreatment.line, SystemicTreatment.id).where(
                    SystemicTreatment.participant_id == pid
                )
            ).all()
        )
    ctx.imported("participant", person, pid, pid)
    ctx.imported("participant_identity", ident, pid, pid)
    ctx.imported("screening", screened, screening_id, pid)
    if base is not None:
        ctx.imported("baseline_disease", base, pid, pid)
    for p in lines:
        ctx.imported("systemic_treatment", p, line_ids.get(p.values.get("line")), pid)
