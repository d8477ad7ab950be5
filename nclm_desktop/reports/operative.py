"""Operative report of one liver resection, for the ward file (issue 7, report a)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether

from ..forms.crf.operation import FORM as OPERATION
from ..forms.crf.operation_team import FORM as TEAM
from ..services.report_data import OperativeReportData, PatientHeader
from .couinaud import couinaud_drawing
from .template import (
    DASH,
    PageInfo,
    build_pdf,
    data_table,
    fmt_date,
    fmt_num,
    frame_width,
    gap,
    grid,
    kv_table,
    markup,
    p,
    section,
    styles,
    yes_no,
)

TITLE = "Operative report"
COHORTS = {"hepatectomy": "hepatectomy", "systemic": "systemic therapy only"}
HIDDEN = "not shown (no access to identities)"


def _label(value: str | None) -> str:
    return value.replace("_", " ") if value else DASH


def patient_block(pt: PatientHeader, age_on: str) -> list[Flowable]:
    born = fmt_date(pt.birth_date) if pt.birth_date else str(pt.birth_year or DASH)
    if pt.age_years is not None:
        born = f"{born} (age {pt.age_years} {age_on})"
    sex = {"M": "male", "F": "female"}.get(pt.sex, DASH)
    return [
        kv_table(
            [
                ("Name", pt.name if pt.name is not None else HIDDEN),
                ("Hospital record no.", pt.hospital_record_number or DASH),
                ("Sex", sex),
                ("Born", born),
                ("Cohort", COHORTS.get(pt.cohort, pt.cohort or DASH)),
                ("Status", _label(pt.status)),
            ]
        )
    ]


def _liver(d: OperativeReportData) -> list[Flowable]:
    lf = d.liver
    if lf is None:
        return [section("Pre-operative liver function"), p("No screening record.", styles().small)]
    cp = DASH
    if lf.child_pugh_grade:
        points = f" ({lf.child_pugh_points} points)" if lf.child_pugh_points is not None else ""
        cp = f"class {lf.child_pugh_grade}{points}"
    albi = DASH
    if lf.albi_score is not None:
        # A true minus sign: "-2.76" is easily misread on a faint printout.
        albi = f"{lf.albi_score:.2f} (grade {lf.albi_grade})".replace("-", "−")
    return [
        section(f"Pre-operative liver function (screening of {fmt_date(lf.screening_date)})"),
        kv_table(
            [
                ("Bilirubin", fmt_num(lf.bilirubin_umol_l, "µmol/L", 1)),
                ("Albumin", fmt_num(lf.albumin_g_l, "g/L", 1)),
                ("INR", fmt_num(lf.inr, "", 2)),
                ("Ascites", _label(lf.ascites)),
                ("Encephalopathy", _label(lf.encephalopathy)),
                ("Child-Pugh", cp),
                ("ALBI", albi),
                ("Future liver remnant", fmt_num(lf.future_liver_remnant_pct, "%", 0)),
            ]
        ),
    ]


def _field(name: str, value: object) -> tuple[str, str]:
    """A dictionary field as the surgery tab shows it: its label, its formatted value."""
    f = OPERATION[name]
    return f.label, f.format(value)


def _procedure(d: OperativeReportData) -> list[Flowable]:
    op = d.operation
    width = frame_width()
    segments = OPERATION["segments"].format(op.segments)
    name = op.resection_name + (f" ({d.resection_name_zh})" if d.resection_name_zh else "")
    facts = kv_table(
        [
            _field("operation_date", op.operation_date),
            (TEAM["surgeons"].label, op.surgeon_names or DASH),
            _field("approach", op.approach),
            (OPERATION["resection_name"].label, name),
            _field("segments", op.segments),
            _field("anatomical", op.anatomical),
            _field("major", op.major),
        ],
        columns=1,
        width=width * 0.58,
    )
    drawing = couinaud_drawing(
        op.segments, width=width * 0.38, caption=f"Shaded: resected segments {segments}"
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
    title = "Procedure"
    if d.operation_count > 1:
        title += f" (operation {d.operation_number} of {d.operation_count})"
    return [section(title), side]


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


def _intraoperative(d: OperativeReportData) -> list[Flowable]:
    op = d.operation
    return [
        section("Intra-operative figures"),
        kv_table([_field(name, getattr(op, name)) for name in INTRAOPERATIVE]),
        section("Pathology and margin"),
        kv_table([_field(name, getattr(op, name)) for name in PATHOLOGY]),
    ]


def _complications(d: OperativeReportData) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [section("Complications")]
    o = d.record.outcomes
    if d.complications:
        rows = [
            (
                str(c.postoperative_day),
                fmt_date(c.onset_date),
                c.category_label,
                c.grade_text,
                c.isgls_grade or DASH,
                c.treatment,
                fmt_date(c.resolved_date),
            )
            for c in d.complications
        ]
        out.append(
            data_table(
                ("POD", "Onset", "Complication", "Clavien-Dindo", "ISGLS", "Treatment", "Resolved"),
                rows,
                (0.05, 0.11, 0.22, 0.13, 0.06, 0.31, 0.12),
                highlight=[i for i, c in enumerate(d.complications) if c.major],
            )
        )
    else:
        out.append(p("No complications recorded.", st.body))
    out.append(gap(1.5))
    if o is None:
        out.append(p(f"Outcomes not computed: {d.record.outcome_problem}", st.body))
    else:
        summary = (
            f"Comprehensive Complication Index (CCI): <font size=12>{o.cci:.1f}</font> "
            f"(over {o.complication_count} complication"
            f"{'' if o.complication_count == 1 else 's'} with onset within 90 days). "
            f"Major morbidity (Clavien-Dindo IIIa or worse): {yes_no(o.major_morbidity_90d)}."
        )
        out.append(markup(summary, st.body))
    out.append(section("Reoperations"))
    if d.reoperations:
        out.append(
            data_table(
                ("POD", "Date", "Planned", "During index stay", "Reason"),
                [
                    (
                        str(r.postoperative_day),
                        fmt_date(r.reoperation_date),
                        yes_no(r.planned),
                        yes_no(r.during_index_stay),
                        r.reason,
                    )
                    for r in d.reoperations
                ],
                (0.06, 0.12, 0.1, 0.15, 0.57),
            )
        )
    else:
        out.append(p("None.", st.body))
    return out


def _discharge(d: OperativeReportData) -> list[Flowable]:
    op, o = d.operation, d.record.outcomes
    stay = op.length_of_stay_days
    death = fmt_date(d.record.death_date) if d.record.death_date else "none recorded"
    discharged = OPERATION["discharge_date"].format(op.discharge_date, empty="not yet")
    return [
        section("Discharge and perioperative outcome"),
        kv_table(
            [
                (OPERATION["discharge_date"].label, discharged),
                ("Length of stay", f"{stay} days" if stay is not None else DASH),
                ("Death", death),
                ("30-day mortality", yes_no(o and o.mortality_30d)),
                ("Unplanned reoperation", yes_no(o and o.unplanned_reoperation_index_stay)),
                ("90-day mortality", yes_no(o and o.mortality_90d)),
            ]
        ),
    ]


def signature_lines(roles: tuple[str, ...]) -> Flowable:
    st = styles()
    width = frame_width()
    rows = [
        [p(role, st.label), p("", st.value), p("Date", st.label), p("", st.value)] for role in roles
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


def build_operative_report(d: OperativeReportData, out: str | Path | None = None) -> bytes:
    story: list[Flowable] = [
        section("Patient"),
        *patient_block(d.patient, "at operation"),
        *_liver(d),
        *_procedure(d),
        *_intraoperative(d),
        *_complications(d),
        *_discharge(d),
    ]
    if d.operation.notes:
        story += [section(OPERATION["notes"].label), p(d.operation.notes)]
    story.append(
        KeepTogether(
            [section("Signatures"), signature_lines(("Operating surgeon", "Investigator"))]
        )
    )
    info = PageInfo(TITLE, d.meta, study_id=d.patient.study_id)
    return build_pdf(story, info, out)
