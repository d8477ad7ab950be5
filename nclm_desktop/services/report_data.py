"""Read-only queries that gather what each printed report shows, as plain frozen dataclasses.

The reportlab builders in ``reports/`` take these and never touch the database. Every
function checks Permission.REPORTS; names, record numbers and phone numbers are filled in
only for roles that may see identities (None otherwise). Clinical figures (CCI, morbidity
and mortality flags, rates with their confidence intervals, resection names, liver scores)
come from ``clinical/``, never from arithmetic here.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..clinical import (
    COMPLICATION_CATEGORIES,
    PerioperativeOutcomes,
    RateSummary,
    age_in_years,
    albi,
    child_pugh,
    grade_rank,
    is_major_complication,
    load_protocol,
    perioperative_outcomes,
    rate_summary,
    reoperation_during_index_stay,
    resection,
    visit_state,
)
from ..models import (
    ClinicalEvent,
    Complication,
    Operation,
    OperationSurgeon,
    Participant,
    ParticipantIdentity,
    Reoperation,
    Screening,
    Setting,
    User,
    Visit,
)
from ..models.db import Database
from .audit_anchor import head_label
from .errors import NotFound, ValidationError
from .permissions import Actor, Permission
from .settings import CONTACT_SETTINGS  # printed on the schedule; blank lines when unset
from .uow import reading

ENROLLED_STATUSES = ("enrolled", "withdrawn", "completed", "deceased")
MONTH_GRID_MAX_MONTHS = 12


# --- shared -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportMeta:
    study_title: str
    study_title_zh: str
    registration: str
    generated_at: dt.datetime
    generated_by: str
    identified: bool  # names/phones are printed: the page says it is confidential
    # The audit chain's head when the report was made (services/audit_anchor.py): printed in
    # the footer, so a paper copy anchors the trail too.
    audit_head: str = ""


def _meta(actor: Actor, now: dt.datetime | None, s: Session | None = None) -> ReportMeta:
    study = load_protocol().study
    when = now or dt.datetime.now().astimezone()
    who = actor.display_name or actor.username
    by = who if who == actor.username else f"{who} ({actor.username})"
    return ReportMeta(
        study_title=study.title_en,
        study_title_zh=study.title_zh,
        registration=study.registration,
        generated_at=when,
        generated_by=by,
        identified=actor.can(Permission.VIEW_IDENTITY),
        audit_head=head_label(s.connection()) if s is not None else "",
    )


def _participant(s: Session, study_id: str) -> Participant:
    wanted = (study_id or "").strip()
    if not wanted:
        raise ValidationError("study_id", "Enter the participant's study ID (e.g. NCLM-H-001).")
    p = s.scalar(select(Participant).where(Participant.study_id == wanted))
    if p is None:
        raise NotFound(f"No participant with study ID {wanted!r}.")
    return p


def _check_range(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise ValidationError(
            "date_to", f"The end date {date_to} is before the start date {date_from}."
        )


@dataclass(frozen=True)
class PatientHeader:
    study_id: str
    cohort: str
    status: str
    sex: str
    # None for readers who may not see identity (birth date plus sex identify): the year only.
    birth_date: dt.date | None
    birth_year: int | None
    age_years: int | None  # on the date the report is about (the operation date)
    index_date: dt.date | None
    name: str | None  # None: the reader may not see identities
    hospital_record_number: str | None
    phone: str | None


def _header(p: Participant, on: dt.date | None, show_identity: bool) -> PatientHeader:
    ident = p.identity if show_identity else None
    age = age_in_years(p.birth_date, on) if p.birth_date and on else None
    return PatientHeader(
        study_id=p.study_id or f"#{p.id}",
        cohort=p.cohort or "",
        status=p.status,
        sex=p.sex or "",
        birth_date=p.birth_date if show_identity else None,
        birth_year=p.birth_date.year if p.birth_date else None,
        age_years=age,
        index_date=p.index_date,
        name=ident.name if ident else None,
        hospital_record_number=ident.hospital_record_number if ident else None,
        phone=ident.phone if ident else None,
    )


# --- complications (operative and M&M reports) -------------------------------------------


@dataclass(frozen=True)
class ComplicationLine:
    onset_date: dt.date
    postoperative_day: int
    category: str
    category_label: str
    clavien_dindo: str
    suffix_d: bool
    isgls_grade: str | None
    treatment: str
    resolved_date: dt.date | None
    major: bool  # Clavien-Dindo IIIa or worse
    within_morbidity_window: bool  # onset within the protocol's 90 days

    @property
    def grade_text(self) -> str:
        return self.clavien_dindo + ("-d" if self.suffix_d else "")


@dataclass(frozen=True)
class ReoperationLine:
    reoperation_date: dt.date
    postoperative_day: int
    planned: bool
    during_index_stay: bool | None  # None: unknown (no discharge date, after day 30)
    reason: str


def _complication_line(c: Complication, op_date: dt.date, morbidity_days: int) -> ComplicationLine:
    label = COMPLICATION_CATEGORIES.get(c.category, c.category)
    if c.category == "other" and c.other_text:
        label = f"Other: {c.other_text}"
    return ComplicationLine(
        onset_date=c.onset_date,
        postoperative_day=(c.onset_date - op_date).days,
        category=c.category,
        category_label=label,
        clavien_dindo=c.clavien_dindo,
        suffix_d=bool(c.suffix_d),
        isgls_grade=c.isgls_grade,
        treatment=c.treatment_text or "",
        resolved_date=c.resolved_date,
        major=is_major_complication(c.clavien_dindo),
        within_morbidity_window=(c.onset_date - op_date).days <= morbidity_days,
    )


def _reoperation_line(r: Reoperation, op: Operation) -> ReoperationLine:
    return ReoperationLine(
        reoperation_date=r.reoperation_date,
        postoperative_day=(r.reoperation_date - op.operation_date).days,
        planned=bool(r.planned),
        during_index_stay=reoperation_during_index_stay(
            r.reoperation_date, op.operation_date, op.discharge_date
        ),
        reason=r.reason or "",
    )


def _outcomes(
    op: Operation,
    complications: list[Complication],
    reoperations: list[Reoperation],
    death_date: dt.date | None,
    label: str,
) -> PerioperativeOutcomes:
    try:
        return perioperative_outcomes(
            op.operation_date,
            op.discharge_date,
            [(c.onset_date, c.clavien_dindo) for c in complications],
            [(r.reoperation_date, bool(r.planned)) for r in reoperations],
            death_date,
        )
    except ValueError as exc:  # inconsistent dates in the record: say which record
        raise ValidationError("data", f"{label}, operation of {op.operation_date}: {exc}") from exc


def _resection_name(op: Operation) -> tuple[str, str, bool]:
    try:
        r = resection(op.segments or [], anatomical=bool(op.anatomical))
    except ValueError:
        return op.resection_name, "", bool(op.major)
    return r.name, r.name_zh, r.major


def _death_dates(s: Session, participant_ids: list[int]) -> dict[int, dt.date]:
    if not participant_ids:
        return {}
    rows = s.execute(
        select(ClinicalEvent.participant_id, func.min(ClinicalEvent.event_date))
        .where(ClinicalEvent.kind == "death", ClinicalEvent.participant_id.in_(participant_ids))
        .group_by(ClinicalEvent.participant_id)
    )
    return dict(rows.all())


# --- operative report ------------------------------------------------------------------------


@dataclass(frozen=True)
class LiverFunction:
    screening_date: dt.date
    bilirubin_umol_l: float | None
    albumin_g_l: float | None
    inr: float | None
    ascites: str | None
    encephalopathy: str | None
    child_pugh_points: int | None
    child_pugh_grade: str | None
    albi_score: float | None
    albi_grade: int | None
    future_liver_remnant_pct: float | None


@dataclass(frozen=True)
class OperativeReportData:
    meta: ReportMeta
    patient: PatientHeader
    operation_date: dt.date
    surgeons: tuple[str, ...]
    approach: str
    segments: tuple[int, ...]
    anatomical: bool
    resection_name: str
    resection_name_zh: str
    major: bool
    duration_min: int | None
    blood_loss_ml: int | None
    transfusion_units: float | None
    pringle_count: int | None
    pringle_total_min: int | None
    lesions_resected: int | None
    largest_lesion_mm: float | None
    margin_mm: float | None
    r_status: str | None
    pathology_confirms_npc: bool | None
    periop_radiotherapy: bool | None
    periop_chemotherapy: bool | None
    discharge_date: dt.date | None
    length_of_stay_days: int | None
    notes: str
    liver: LiverFunction | None
    complications: tuple[ComplicationLine, ...]
    reoperations: tuple[ReoperationLine, ...]
    outcomes: PerioperativeOutcomes
    death_date: dt.date | None
    operation_number: int  # 1-based, by date, of operation_count
    operation_count: int


def _liver_function(s: Session, participant_id: int, before: dt.date) -> LiverFunction | None:
    """The last screening on or before the operation (else the latest) holds the pre-op labs."""
    base = select(Screening).where(Screening.participant_id == participant_id)
    sc = s.scalar(
        base.where(Screening.screening_date <= before)
        .order_by(Screening.screening_date.desc(), Screening.id.desc())
        .limit(1)
    ) or s.scalar(base.order_by(Screening.screening_date.desc(), Screening.id.desc()).limit(1))
    if sc is None:
        return None
    points, grade = sc.child_pugh_points, sc.child_pugh_grade
    inputs = (sc.bilirubin_umol_l, sc.albumin_g_l, sc.inr, sc.ascites, sc.encephalopathy)
    if points is None and all(v is not None for v in inputs):
        try:
            reported = (sc.bilirubin_value, sc.bilirubin_unit or "µmol/L")
            if sc.bilirubin_value is None:
                reported = (sc.bilirubin_umol_l, "µmol/L")
            cp = child_pugh(reported[0], *inputs[1:], bilirubin_unit=reported[1])
            points, grade = cp.points, cp.grade
        except ValueError:
            pass
    albi_score, albi_grade = sc.albi_score, sc.albi_grade
    if albi_score is None and sc.bilirubin_umol_l and sc.albumin_g_l is not None:
        try:
            a = albi(sc.bilirubin_umol_l, sc.albumin_g_l)
            albi_score, albi_grade = a.score, a.grade
        except ValueError:
            pass
    return LiverFunction(
        screening_date=sc.screening_date,
        bilirubin_umol_l=sc.bilirubin_umol_l,
        albumin_g_l=sc.albumin_g_l,
        inr=sc.inr,
        ascites=sc.ascites,
        encephalopathy=sc.encephalopathy,
        child_pugh_points=points,
        child_pugh_grade=grade,
        albi_score=albi_score,
        albi_grade=albi_grade,
        future_liver_remnant_pct=sc.future_liver_remnant_pct,
    )


def operative_report_data(
    db: Database,
    actor: Actor | None,
    study_id: str,
    operation_date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> OperativeReportData:
    """One operation of a participant: the latest, or the one on ``operation_date``."""
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        p = _participant(s, study_id)
        ops = list(
            s.scalars(
                select(Operation)
                .where(Operation.participant_id == p.id)
                .order_by(Operation.operation_date, Operation.id)
            )
        )
        if not ops:
            raise NotFound(f"{p.study_id} has no operation recorded.")
        if operation_date is None:
            op = ops[-1]
        else:
            matching = [o for o in ops if o.operation_date == operation_date]
            if not matching:
                dates = ", ".join(str(o.operation_date) for o in ops)
                raise NotFound(
                    f"{p.study_id} has no operation on {operation_date} (operations: {dates})."
                )
            op = matching[-1]
        surgeons = tuple(
            f"{name} ({role})" if role and role != "surgeon" else name
            for name, role in s.execute(
                select(User.display_name, OperationSurgeon.role)
                .join(User, User.id == OperationSurgeon.user_id)
                .where(OperationSurgeon.operation_id == op.id)
                .order_by(OperationSurgeon.id)
            )
        )
        comps = list(
            s.scalars(
                select(Complication)
                .where(Complication.operation_id == op.id)
                .order_by(Complication.onset_date, Complication.id)
            )
        )
        reops = list(
            s.scalars(
                select(Reoperation)
                .where(Reoperation.operation_id == op.id)
                .order_by(Reoperation.reoperation_date, Reoperation.id)
            )
        )
        death = _death_dates(s, [p.id]).get(p.id)
        days = load_protocol().endpoints.morbidity_days
        name, name_zh, major = _resection_name(op)
        return OperativeReportData(
            meta=_meta(actor, now, s),
            patient=_header(p, op.operation_date, actor.can(Permission.VIEW_IDENTITY)),
            operation_date=op.operation_date,
            surgeons=surgeons,
            approach=op.approach,
            segments=tuple(sorted(int(x) for x in op.segments or [])),
            anatomical=bool(op.anatomical),
            resection_name=name,
            resection_name_zh=name_zh,
            major=major,
            duration_min=op.duration_min,
            blood_loss_ml=op.blood_loss_ml,
            transfusion_units=op.transfusion_units,
            pringle_count=op.pringle_count,
            pringle_total_min=op.pringle_total_min,
            lesions_resected=op.lesions_resected,
            largest_lesion_mm=op.largest_lesion_mm,
            margin_mm=op.margin_mm,
            r_status=op.r_status,
            pathology_confirms_npc=op.pathology_confirms_npc,
            periop_radiotherapy=op.periop_radiotherapy,
            periop_chemotherapy=op.periop_chemotherapy,
            discharge_date=op.discharge_date,
            length_of_stay_days=(
                (op.discharge_date - op.operation_date).days if op.discharge_date else None
            ),
            notes=op.notes or "",
            liver=_liver_function(s, p.id, op.operation_date),
            complications=tuple(_complication_line(c, op.operation_date, days) for c in comps),
            reoperations=tuple(_reoperation_line(r, op) for r in reops),
            outcomes=_outcomes(op, comps, reops, death, p.study_id or f"#{p.id}"),
            death_date=death,
            operation_number=ops.index(op) + 1,
            operation_count=len(ops),
        )


# --- complications and morbidity (M&M) --------------------------------------------------------


@dataclass(frozen=True)
class PatientMorbidity:
    study_id: str
    name: str | None
    operation_date: dt.date
    resection_name: str
    major_resection: bool
    discharge_date: dt.date | None
    complications: tuple[ComplicationLine, ...]
    reoperations: tuple[ReoperationLine, ...]
    outcomes: PerioperativeOutcomes
    worst_grade: str | None
    death_date: dt.date | None


@dataclass(frozen=True)
class Rate:
    label: str
    summary: RateSummary


def _index_stay_rate(flags: list[bool | None]) -> tuple[Rate, ...]:
    """Unknown flags (no discharge date, reoperation after day 30) are missing, not 'no'."""
    known = [f for f in flags if f is not None]
    unknown = len(flags) - len(known)
    label = "Unplanned reoperation during the index stay"
    if unknown:
        label += f" (unknown for {unknown}: no discharge date)"
    return (Rate(label, rate_summary(sum(known), len(known))),) if known else ()


@dataclass(frozen=True)
class ComplicationsReportData:
    meta: ReportMeta
    date_from: dt.date
    date_to: dt.date
    patients: tuple[PatientMorbidity, ...]  # one per operation in the range, by date
    rates: tuple[Rate, ...]  # empty when no operation falls in the range
    grade_counts: tuple[tuple[str, int], ...]  # complications per Clavien-Dindo grade
    complication_count: int
    cci_median: float | None
    cci_mean: float | None
    morbidity_days: int
    mortality_days: int
    mortality_days_secondary: int


def complications_report_data(
    db: Database,
    actor: Actor | None,
    date_from: dt.date,
    date_to: dt.date,
    now: dt.datetime | None = None,
) -> ComplicationsReportData:
    """Operations performed from ``date_from`` to ``date_to`` (inclusive) and their outcomes."""
    _check_range(date_from, date_to)
    endpoints = load_protocol().endpoints
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        show = actor.can(Permission.VIEW_IDENTITY)
        rows = s.execute(
            select(Operation, Participant.study_id, Participant.id, ParticipantIdentity.name)
            .join(Participant, Participant.id == Operation.participant_id)
            .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
            .where(Operation.operation_date.between(date_from, date_to))
            .order_by(Operation.operation_date, Participant.study_id, Operation.id)
        ).all()
        op_ids = [r[0].id for r in rows]
        comps: dict[int, list[Complication]] = defaultdict(list)
        reops: dict[int, list[Reoperation]] = defaultdict(list)
        if op_ids:
            for c in s.scalars(
                select(Complication)
                .where(Complication.operation_id.in_(op_ids))
                .order_by(Complication.onset_date, Complication.id)
            ):
                comps[c.operation_id].append(c)
            for r in s.scalars(
                select(Reoperation)
                .where(Reoperation.operation_id.in_(op_ids))
                .order_by(Reoperation.reoperation_date, Reoperation.id)
            ):
                reops[r.operation_id].append(r)
        deaths = _death_dates(s, sorted({r[2] for r in rows}))
        patients = []
        for op, study_id, pid, name in rows:
            label = study_id or f"#{pid}"
            lines = tuple(
                _complication_line(c, op.operation_date, endpoints.morbidity_days)
                for c in comps[op.id]
            )
            res_name, _zh, major = _resection_name(op)
            patients.append(
                PatientMorbidity(
                    study_id=label,
                    name=name if show else None,
                    operation_date=op.operation_date,
                    resection_name=res_name,
                    major_resection=major,
                    discharge_date=op.discharge_date,
                    complications=lines,
                    reoperations=tuple(_reoperation_line(r, op) for r in reops[op.id]),
                    outcomes=_outcomes(op, comps[op.id], reops[op.id], deaths.get(pid), label),
                    worst_grade=max((c.clavien_dindo for c in lines), key=grade_rank, default=None),
                    death_date=deaths.get(pid),
                )
            )
        meta = _meta(actor, now, s)
    n = len(patients)
    rates: tuple[Rate, ...] = ()
    if n:
        o = [p.outcomes for p in patients]
        rates = (
            Rate(
                f"Morbidity (any complication within {endpoints.morbidity_days} days)",
                rate_summary(sum(x.morbidity_90d for x in o), n),
            ),
            Rate(
                f"Major morbidity (Clavien-Dindo IIIa or worse within "
                f"{endpoints.morbidity_days} days)",
                rate_summary(sum(x.major_morbidity_90d for x in o), n),
            ),
            *_index_stay_rate([x.unplanned_reoperation_index_stay for x in o]),
            Rate(
                f"{endpoints.mortality_days}-day mortality",
                rate_summary(sum(x.mortality_30d for x in o), n),
            ),
            Rate(
                f"{endpoints.mortality_days_secondary}-day mortality",
                rate_summary(sum(x.mortality_90d for x in o), n),
            ),
        )
    all_lines = [c for p in patients for c in p.complications]
    counts = {g: 0 for g in ("I", "II", "IIIa", "IIIb", "IVa", "IVb", "V")}
    for c in all_lines:
        counts[c.clavien_dindo] = counts.get(c.clavien_dindo, 0) + 1
    ccis = [p.outcomes.cci for p in patients]
    return ComplicationsReportData(
        meta=meta,
        date_from=date_from,
        date_to=date_to,
        patients=tuple(patients),
        rates=rates,
        grade_counts=tuple(counts.items()),
        complication_count=len(all_lines),
        cci_median=round(statistics.median(ccis), 1) if ccis else None,
        cci_mean=round(statistics.fmean(ccis), 1) if ccis else None,
        morbidity_days=endpoints.morbidity_days,
        mortality_days=endpoints.mortality_days,
        mortality_days_secondary=endpoints.mortality_days_secondary,
    )


# --- the patient's visit schedule -----------------------------------------------------------


@dataclass(frozen=True)
class ScheduleVisit:
    code: str
    month: int
    target_date: dt.date
    window_start: dt.date
    window_end: dt.date
    scheduled_date: dt.date
    status: str  # planned, done, missed
    actual_date: dt.date | None
    assessments: tuple[str, ...]  # labels in the report's language


@dataclass(frozen=True)
class ScheduleReportData:
    meta: ReportMeta
    lang: str  # "en" or "zh_CN"
    patient: PatientHeader
    visits: tuple[ScheduleVisit, ...]  # cancelled visits are left out
    contacts: tuple[tuple[str, str], ...]  # (label in the report's language, number or "")


LANGUAGES = ("en", "zh_CN")


def schedule_report_data(
    db: Database,
    actor: Actor | None,
    study_id: str,
    lang: str = "en",
    now: dt.datetime | None = None,
) -> ScheduleReportData:
    if lang not in LANGUAGES:
        raise ValidationError("lang", f"The language must be one of {', '.join(LANGUAGES)}.")
    schedule = load_protocol().schedule
    labels = {a.code: (a.label_zh if lang == "zh_CN" else a.label_en) for a in schedule.assessments}
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        p = _participant(s, study_id)
        visits = tuple(
            ScheduleVisit(
                code=v.code,
                month=v.month,
                target_date=v.target_date,
                window_start=v.window_start,
                window_end=v.window_end,
                scheduled_date=v.scheduled_date,
                status=v.status,
                actual_date=v.actual_date,
                assessments=tuple(labels.get(a, a) for a in v.assessments_planned or ()),
            )
            for v in s.scalars(
                select(Visit)
                .where(Visit.participant_id == p.id, Visit.status != "cancelled")
                .order_by(Visit.month, Visit.id)
            )
        )
        stored = dict(
            s.execute(
                select(Setting.key, Setting.value).where(
                    Setting.key.in_([k for k, _en, _zh in CONTACT_SETTINGS])
                )
            ).all()
        )
        contacts = tuple(
            (zh if lang == "zh_CN" else en, (stored.get(key) or "").strip())
            for key, en, zh in CONTACT_SETTINGS
        )
        return ScheduleReportData(
            meta=_meta(actor, now, s),
            lang=lang,
            patient=_header(p, p.index_date, actor.can(Permission.VIEW_IDENTITY)),
            visits=visits,
            contacts=contacts,
        )


# --- coordinator worklist -----------------------------------------------------------------


@dataclass(frozen=True)
class WorklistLine:
    study_id: str
    name: str | None
    phone: str | None
    code: str
    target_date: dt.date
    window_start: dt.date
    window_end: dt.date
    scheduled_date: dt.date
    state: str  # "planned", "due" or "overdue" on ``today`` (clinical.visit_state)
    days_overdue: int  # days since the window closed; 0 unless overdue
    assessments: tuple[str, ...]
    extra_tests: tuple[str, ...]  # the assessments not done at every visit (chest CT ...)


@dataclass(frozen=True)
class WorklistData:
    meta: ReportMeta
    date_from: dt.date
    date_to: dt.date
    today: dt.date
    overdue: tuple[WorklistLine, ...]  # window closed before today, still open
    due: tuple[WorklistLine, ...]  # scheduled within the range (not overdue)
    months: tuple[dt.date, ...]  # first day of each month the grid pages show
    months_left_out: int
    routine_tests: tuple[str, ...]  # assessments of every visit, printed once


def worklist_data(
    db: Database,
    actor: Actor | None,
    date_from: dt.date,
    date_to: dt.date,
    today: dt.date,
    now: dt.datetime | None = None,
) -> WorklistData:
    """Open visits scheduled in the range, and every open visit already overdue on ``today``."""
    _check_range(date_from, date_to)
    specs = load_protocol().schedule.assessments
    labels = {a.code: a.label_en for a in specs}
    periodic = {a.code for a in specs if a.every_months is not None}
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        show = actor.can(Permission.VIEW_IDENTITY)
        rows = s.execute(
            select(Visit, Participant.study_id, Participant.id, ParticipantIdentity)
            .join(Participant, Participant.id == Visit.participant_id)
            .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
            .where(
                Visit.status == "planned",
                or_(Visit.scheduled_date.between(date_from, date_to), Visit.window_end < today),
            )
            .order_by(Visit.scheduled_date, Participant.study_id, Visit.month)
        ).all()
        lines = []
        for v, study_id, pid, ident in rows:
            state = visit_state(v.status, v.window_start, v.window_end, today)
            lines.append(
                WorklistLine(
                    study_id=study_id or f"#{pid}",
                    name=ident.name if show and ident else None,
                    phone=(ident.phone or "") if show and ident else None,
                    code=v.code,
                    target_date=v.target_date,
                    window_start=v.window_start,
                    window_end=v.window_end,
                    scheduled_date=v.scheduled_date,
                    state=state,
                    days_overdue=(today - v.window_end).days if state == "overdue" else 0,
                    assessments=tuple(labels.get(a, a) for a in v.assessments_planned or ()),
                    extra_tests=tuple(
                        labels.get(a, a) for a in v.assessments_planned or () if a in periodic
                    ),
                )
            )
        meta = _meta(actor, now, s)
    months = []
    m = date_from.replace(day=1)
    while m <= date_to:
        months.append(m)
        m = (m + dt.timedelta(days=32)).replace(day=1)
    return WorklistData(
        meta=meta,
        date_from=date_from,
        date_to=date_to,
        today=today,
        overdue=tuple(
            sorted(
                (x for x in lines if x.state == "overdue"),
                key=lambda x: (-x.days_overdue, x.study_id),
            )
        ),
        due=tuple(x for x in lines if x.state != "overdue"),
        months=tuple(months[:MONTH_GRID_MAX_MONTHS]),
        months_left_out=max(0, len(months) - MONTH_GRID_MAX_MONTHS),
        routine_tests=tuple(a.label_en for a in specs if a.every_months is None),
    )


# --- screening log ------------------------------------------------------------------------


@dataclass(frozen=True)
class ScreeningLine:
    screening_date: dt.date
    label: str  # study ID once enrolled, else "#<participant number>"
    name: str | None
    screener: str
    age_years: int | None
    verdict: str  # eligible, not_eligible, incomplete
    failed: tuple[tuple[str, str], ...]  # (criterion id, reason)
    missing: tuple[tuple[str, str], ...]  # (criterion id, what is not recorded yet)
    outcome: str  # participant status
    cohort: str


@dataclass(frozen=True)
class ScreeningFlow:
    """Participant counts for the flow diagram, from each participant's latest screening."""

    screened: int
    screenings: int
    not_eligible: int
    incomplete: int
    eligible: int
    eligible_not_enrolled: int
    enrolled: int
    hepatectomy: int
    systemic: int
    withdrawn: tuple[int, int]  # (hepatectomy, systemic)
    deceased: tuple[int, int]
    completed: tuple[int, int]
    exclusion_reasons: tuple[tuple[str, int], ...]  # criterion id → participants, most first


@dataclass(frozen=True)
class ScreeningLogData:
    meta: ReportMeta
    date_from: dt.date | None
    date_to: dt.date | None
    lines: tuple[ScreeningLine, ...]
    flow: ScreeningFlow


def screening_log_data(
    db: Database,
    actor: Actor | None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ScreeningLogData:
    if date_from and date_to:
        _check_range(date_from, date_to)
    with reading(db, actor, Permission.REPORTS) as s:
        assert actor is not None
        show = actor.can(Permission.VIEW_IDENTITY)
        stmt = (
            select(Screening, Participant, ParticipantIdentity.name, User.display_name)
            .join(Participant, Participant.id == Screening.participant_id)
            .outerjoin(ParticipantIdentity, ParticipantIdentity.participant_id == Participant.id)
            .outerjoin(User, User.id == Screening.screener_id)
            .order_by(Screening.screening_date, Screening.id)
        )
        if date_from:
            stmt = stmt.where(Screening.screening_date >= date_from)
        if date_to:
            stmt = stmt.where(Screening.screening_date <= date_to)
        lines = []
        latest: dict[int, tuple[ScreeningLine, Participant]] = {}
        for sc, p, name, screener in s.execute(stmt):
            crit = [c for c in sc.criteria or [] if isinstance(c, dict)]
            line = ScreeningLine(
                screening_date=sc.screening_date,
                label=p.study_id or f"#{p.id}",
                name=name if show else None,
                screener=screener or "",
                age_years=sc.age_at_screening,
                verdict=sc.verdict,
                failed=tuple(
                    (str(c.get("id", "")), str(c.get("reason", "")))
                    for c in crit
                    if c.get("status") == "failed"
                ),
                missing=tuple(
                    (str(c.get("id", "")), str(c.get("reason", "")))
                    for c in crit
                    if c.get("status") == "missing"
                ),
                outcome=p.status,
                cohort=p.cohort or "",
            )
            lines.append(line)
            latest[p.id] = (line, p)  # ordered by date: the last one wins
        meta = _meta(actor, now, s)
    return ScreeningLogData(
        meta=meta,
        date_from=date_from,
        date_to=date_to,
        lines=tuple(lines),
        flow=_flow(latest, len(lines)),
    )


def _flow(latest: dict[int, tuple[ScreeningLine, Participant]], screenings: int) -> ScreeningFlow:
    by_verdict: dict[str, int] = defaultdict(int)
    reasons: dict[str, int] = defaultdict(int)
    arms = {"hepatectomy": 0, "systemic": 0}
    ends = {k: [0, 0] for k in ("withdrawn", "deceased", "completed")}
    enrolled = eligible_waiting = 0
    for line, p in latest.values():
        is_enrolled = p.status in ENROLLED_STATUSES and p.cohort in arms
        # Someone enrolled counts as eligible even if a later re-screen was left incomplete.
        verdict = "eligible" if is_enrolled else line.verdict
        by_verdict[verdict] += 1
        if verdict == "not_eligible":
            for cid in {cid for cid, _ in line.failed}:
                reasons[cid] += 1
        if is_enrolled:
            enrolled += 1
            arms[p.cohort] += 1
            if p.status in ends:
                ends[p.status][0 if p.cohort == "hepatectomy" else 1] += 1
        elif verdict == "eligible":
            eligible_waiting += 1
    return ScreeningFlow(
        screened=len(latest),
        screenings=screenings,
        not_eligible=by_verdict["not_eligible"],
        incomplete=by_verdict["incomplete"],
        eligible=by_verdict["eligible"],
        eligible_not_enrolled=eligible_waiting,
        enrolled=enrolled,
        hepatectomy=arms["hepatectomy"],
        systemic=arms["systemic"],
        withdrawn=tuple(ends["withdrawn"]),  # type: ignore[arg-type]
        deceased=tuple(ends["deceased"]),  # type: ignore[arg-type]
        completed=tuple(ends["completed"]),  # type: ignore[arg-type]
        exclusion_reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
