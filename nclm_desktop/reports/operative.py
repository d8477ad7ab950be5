"""Operative report of one liver resection, for the ward file (issue 7, report a)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether

from ..clinical.text_marks import QT_TRANSLATE_NOOP
from ..forms.crf.operation import FORM as OPERATION
from ..forms.crf.operation_team import FORM as TEAM
from ..forms.crf.screening import FORM as SCREENING
from ..services.recorded_texts import report_text
from ..services.report_data import ComplicationLine, OperativeReportData, PatientHeader
from ..services.surgical_record import OperationSummary, SurgeonChoice
from .couinaud import couinaud_drawing
from .language import ReportLanguage, report_language
from .screening_log import OUTCOMES as STATUSES
from .template import (
    DASH,
    PageInfo,
    build_pdf,
    data_table,
    frame_width,
    gap,
    grid,
    kv_table,
    markup,
    p,
    section,
    styles,
)

COHORTS = {
    "hepatectomy": QT_TRANSLATE_NOOP("Reports", "hepatectomy"),
    "systemic": QT_TRANSLATE_NOOP("Reports", "systemic therapy only"),
}
TEAM_ROLES = {"assistant": QT_TRANSLATE_NOOP("Reports", "assistant")}
SEXES = {"M": QT_TRANSLATE_NOOP("Reports", "male"), "F": QT_TRANSLATE_NOOP("Reports", "female")}


def _status(value: str | None, lang: ReportLanguage) -> str:
    """A participant status code ("screen_failed") as words; the interface's translation."""
    if not value:
        return DASH
    if lang.chinese and value in STATUSES:
        return lang.t(STATUSES[value])
    return value.replace("_", " ")


def _coded(name: str, value: str | None, lang: ReportLanguage) -> str:
    """A screening choice: its code as words in English (as it always printed), the
    dictionary's translated label in Chinese."""
    if lang.chinese:
        return lang.field(SCREENING[name], value)
    return value.replace("_", " ") if value else DASH


def patient_block(pt: PatientHeader, age_on: str, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    born = lang.date(pt.birth_date) if pt.birth_date else str(pt.birth_year or DASH)
    if pt.age_years is not None:
        born += t(" (age {age} {when})").format(age=pt.age_years, when=age_on)
    hidden = t("not shown (no access to identities)")
    return [
        kv_table(
            [
                (t("Name"), pt.name if pt.name is not None else hidden),
                (t("Hospital record no."), pt.hospital_record_number or DASH),
                (t("Sex"), t(SEXES[pt.sex]) if pt.sex in SEXES else DASH),
                (t("Born"), born),
                (t("Cohort"), t(COHORTS[pt.cohort]) if pt.cohort in COHORTS else pt.cohort or DASH),
                (t("Status"), _status(pt.status, lang)),
            ]
        )
    ]


def _liver(d: OperativeReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    lf = d.liver
    if lf is None:
        return [
            section(t("Pre-operative liver function")),
            p(t("No screening record."), styles().small),
        ]
    cp = DASH
    if lf.child_pugh_grade:
        points = ""
        if lf.child_pugh_points is not None:
            points = t(" ({n} points)").format(n=lf.child_pugh_points)
        cp = t("class {grade}").format(grade=lf.child_pugh_grade) + points
    albi = DASH
    if lf.albi_score is not None:
        # A true minus sign: "-2.76" is easily misread on a faint printout.
        albi = t("{score} (grade {grade})").format(
            score=f"{lf.albi_score:.2f}".replace("-", "−"), grade=lf.albi_grade
        )
    return [
        section(
            t("Pre-operative liver function (screening of {date})").format(
                date=lang.date(lf.screening_date)
            )
        ),
        kv_table(
            [
                (t("Bilirubin"), lang.num(lf.bilirubin_umol_l, "µmol/L", 1)),
                (t("Albumin"), lang.num(lf.albumin_g_l, "g/L", 1)),
                ("INR", lang.num(lf.inr, "", 2)),
                (t("Ascites"), _coded("ascites", lf.ascites, lang)),
                (t("Encephalopathy"), _coded("encephalopathy", lf.encephalopathy, lang)),
                ("Child-Pugh", cp),
                ("ALBI", albi),
                (t("Future liver remnant"), lang.num(lf.future_liver_remnant_pct, "%", 0)),
            ]
        ),
    ]


def _field(name: str, value: object, lang: ReportLanguage) -> tuple[str, str]:
    """A dictionary field as the surgery tab shows it: its label, its formatted value."""
    f = OPERATION[name]
    return lang.label(f), lang.field(f, value)


def _procedure(d: OperativeReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    op = d.operation
    width = frame_width()
    segments = lang.field(OPERATION["segments"], op.segments)
    if lang.chinese:
        name = d.resection_name_zh or op.resection_name
    else:
        name = op.resection_name + (f" ({d.resection_name_zh})" if d.resection_name_zh else "")
    facts = kv_table(
        [
            _field("operation_date", op.operation_date, lang),
            (lang.label(TEAM["surgeons"]), _surgeons(op, lang)),
            _field("approach", op.approach, lang),
            (lang.label(OPERATION["resection_name"]), name),
            _field("segments", op.segments, lang),
            _field("anatomical", op.anatomical, lang),
            _field("major", op.major, lang),
        ],
        columns=1,
        width=width * 0.58,
    )
    drawing = couinaud_drawing(
        op.segments,
        width=width * 0.38,
        caption=t("Shaded: resected segments {segments}").format(segments=segments),
    )
    side = grid(
        [[facts, drawing]],
        [width * 0.6, width * 0.4],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    title = t("Procedure")
    if d.operation_count > 1:
        title += t(" (operation {n} of {m})").format(n=d.operation_number, m=d.operation_count)
    return [section(title), side]


def _surgeons(op: OperationSummary, lang: ReportLanguage) -> str:
    """The team as the surgery tab lists it, "Lu Wang (assistant)": names as the users
    gave them, the role in the operation translated."""
    if not op.surgeons:
        return DASH
    if not lang.chinese:
        return op.surgeon_names

    def one(s: SurgeonChoice) -> str:
        if s.in_operation == "surgeon":
            return s.display_name
        role = lang.t(TEAM_ROLES[s.in_operation]) if s.in_operation in TEAM_ROLES else None
        return f"{s.display_name}（{role or lang.role(s.in_operation)}）"

    return lang.join(one(s) for s in op.surgeons)


INTRAOPERATIVE = (
    "duration_min",
    "blood_loss_ml",
    "transfusion_units",
    "pringle_count",
    "pringle_total_min",
    "lesions_resected",
    "largest_lesion_mm",
)
PATHOLOGY = (
    "margin_mm",
    "r_status",
    "pathology_confirms_npc",
    "periop_radiotherapy",
    "periop_chemotherapy",
)


def _intraoperative(d: OperativeReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    op = d.operation
    return [
        section(t("Intra-operative figures")),
        kv_table([_field(name, getattr(op, name), lang) for name in INTRAOPERATIVE]),
        section(t("Pathology and margin")),
        kv_table([_field(name, getattr(op, name), lang) for name in PATHOLOGY]),
    ]


def complication_name(c: ComplicationLine, lang: ReportLanguage) -> str:
    """The complication's category as the dictionary names it; "Other: <typed text>"."""
    if lang.chinese and c.category == "other" and c.category_label.startswith("Other: "):
        other = "Other"  # the dictionary's own label (DataDictionary)
        return f"{lang.t(other)}：{c.category_label[len('Other: ') :]}"
    return lang.t(c.category_label)


def _complications(d: OperativeReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    st = styles()
    out: list[Flowable] = [section(t("Complications"))]
    o = d.record.outcomes
    if d.complications:
        rows = [
            (
                str(c.postoperative_day),
                lang.date(c.onset_date),
                complication_name(c, lang),
                c.grade_text,
                c.isgls_grade or DASH,
                c.treatment,
                lang.date(c.resolved_date),
            )
            for c in d.complications
        ]
        out.append(
            data_table(
                (
                    t("POD"),
                    t("Onset"),
                    t("Complication"),
                    "Clavien-Dindo",
                    "ISGLS",
                    t("Treatment"),
                    t("Resolved"),
                ),
                rows,
                (0.05, 0.11, 0.22, 0.13, 0.06, 0.31, 0.12)
                if not lang.chinese
                else (0.08, 0.14, 0.19, 0.12, 0.07, 0.26, 0.14),
                highlight=[i for i, c in enumerate(d.complications) if c.major],
            )
        )
    else:
        out.append(p(t("No complications recorded."), st.body))
    out.append(gap(1.5))
    if o is None:
        out.append(
            p(
                t("Outcomes not computed: {problem}").format(
                    problem=report_text(d.record.outcome_problem or "", t)
                )
            )
        )
    else:
        count = o.complication_count
        summary = (
            t("Comprehensive Complication Index (CCI): {cci} ")
            + (
                t("(over {n} complication with onset within 90 days). ")
                if count == 1
                else t("(over {n} complications with onset within 90 days). ")
            )
            + t("Major morbidity (Clavien-Dindo IIIa or worse): {major}.")
        ).format(
            cci=f"<font size=12>{o.cci:.1f}</font>",
            n=count,
            major=lang.yes_no(o.major_morbidity_90d),
        )
        out.append(markup(summary, st.body))
    out.append(section(t("Reoperations")))
    if d.reoperations:
        out.append(
            data_table(
                (t("POD"), t("Date"), t("Planned"), t("During index stay"), t("Reason")),
                [
                    (
                        str(r.postoperative_day),
                        lang.date(r.reoperation_date),
                        lang.yes_no(r.planned),
                        lang.yes_no(r.during_index_stay),
                        r.reason,
                    )
                    for r in d.reoperations
                ],
                (0.06, 0.12, 0.1, 0.15, 0.57)
                if not lang.chinese
                else (0.08, 0.15, 0.1, 0.12, 0.55),
            )
        )
    else:
        out.append(p(t("None."), st.body))
    return out


def _discharge(d: OperativeReportData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    op, o = d.operation, d.record.outcomes
    stay = op.length_of_stay_days
    death = lang.date(d.record.death_date) if d.record.death_date else t("none recorded")
    discharged = lang.field(OPERATION["discharge_date"], op.discharge_date, empty=t("not yet"))
    return [
        section(t("Discharge and perioperative outcome")),
        kv_table(
            [
                (lang.label(OPERATION["discharge_date"]), discharged),
                (t("Length of stay"), lang.num(stay, "days") if stay is not None else DASH),
                (t("Death"), death),
                (t("30-day mortality"), lang.yes_no(o and o.mortality_30d)),
                (
                    t("Unplanned reoperation"),
                    lang.yes_no(o and o.unplanned_reoperation_index_stay),
                ),
                (t("90-day mortality"), lang.yes_no(o and o.mortality_90d)),
            ]
        ),
    ]


def signature_lines(roles: tuple[str, ...], lang: ReportLanguage) -> Flowable:
    st = styles()
    width = frame_width()
    t = lang.t
    date = t("Date")
    rows = [
        [p(role, st.label), p("", st.value), p(date, st.label), p("", st.value)] for role in roles
    ]
    return grid(
        rows,
        [width * 0.22, width * 0.43, width * 0.08, width * 0.27],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, -1), 0.6, st.value.textColor),
            ("LINEBELOW", (3, 0), (3, -1), 0.6, st.value.textColor),
        ],
        rowHeights=26,
    )


def build_operative_report(
    d: OperativeReportData, out: str | Path | None = None, lang: str = "en"
) -> bytes:
    language = report_language(lang)
    t = language.t
    story: list[Flowable] = [
        section(t("Patient")),
        *patient_block(d.patient, t("at operation"), language),
        *_liver(d, language),
        *_procedure(d, language),
        *_intraoperative(d, language),
        *_complications(d, language),
        *_discharge(d, language),
    ]
    if d.operation.notes:
        story += [section(language.label(OPERATION["notes"])), p(d.operation.notes)]
    roles = (t("Operating surgeon"), language.role("investigator"))
    story.append(KeepTogether([section(t("Signatures")), signature_lines(roles, language)]))
    info = PageInfo(t("Operative report"), d.meta, study_id=d.patient.study_id, lang=lang)
    return build_pdf(story, info, out)
