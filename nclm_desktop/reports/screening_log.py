"""Screening log with the participant flow diagram (report e)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from ..services.report_data import ScreeningFlow, ScreeningLine, ScreeningLogData
from .fonts import register_fonts
from .template import (
    ACCENT,
    DASH,
    INK,
    MUTED,
    PageInfo,
    build_pdf,
    data_table,
    empty_note,
    fmt_date,
    frame_width,
    gap,
    p,
    section,
    styles,
)

TITLE = "Screening log"
# Why a criterion excluded someone, phrased as the reason (criterion ids: clinical/protocol).
EXCLUSION_LABELS = {
    "inc_nclm_confirmed": "NCLM not confirmed",
    "inc_ecog": "ECOG above the limit",
    "inc_disease_pattern": "No eligible disease pattern",
    "inc_r0": "Not R0-resectable",
    "inc_liver_function": "Liver function or remnant insufficient",
    "inc_no_contraindication": "Surgical contraindication",
    "inc_expected_survival": "Expected survival under 6 months",
    "inc_consent": "No signed consent",
    "exc_age": "Age outside the range",
    "exc_distant_metastasis": "Metastasis outside liver and bone",
    "exc_progression": "Progression after systemic treatment",
    "exc_local_liver_therapy": "Prior local liver therapy",
    "exc_pregnancy": "Pregnant or breastfeeding",
    "exc_other_malignancy_mental": "Other malignancy or mental illness",
    "exc_understanding": "Cannot understand the study",
}
VERDICTS = {"eligible": "eligible", "not_eligible": "not eligible", "incomplete": "incomplete"}
OUTCOMES = {
    "screening": "not enrolled yet",
    "screen_failed": "screen failure",
    "enrolled": "enrolled",
    "withdrawn": "withdrawn",
    "completed": "completed",
    "deceased": "deceased",
}
COHORTS = {"hepatectomy": "hepatectomy", "systemic": "systemic only"}
BOX_FILL = colors.HexColor("#f3f6fa")


class _Flow:
    """Boxes and arrows of the flow diagram, laid out top-down in a Drawing."""

    def __init__(self, width: float, height: float) -> None:
        self.font = register_fonts()
        self.d = Drawing(width, height, initialFontName=self.font)
        self.height = height

    def box(self, cx: float, top: float, w: float, title: str, lines: list[str]) -> float:
        """A box centred on ``cx`` hanging from ``top`` (from the drawing's top); returns
        its bottom, measured the same way."""
        wrapped = [part for line in lines for part in simpleSplit(line, self.font, 7.8, w - 12)]
        h = 8 + 12 + 10 * len(wrapped) + 4
        y = self.height - top - h
        self.d.add(
            Rect(cx - w / 2, y, w, h, fillColor=BOX_FILL, strokeColor=ACCENT, strokeWidth=0.8)
        )
        self.d.add(
            String(
                cx,
                y + h - 16,
                title,
                fontName=self.font,
                fontSize=9.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        for i, text in enumerate(wrapped):
            self.d.add(
                String(
                    cx,
                    y + h - 28 - 10 * i,
                    text,
                    fontName=self.font,
                    fontSize=7.8,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
        return top + h

    def arrow(self, x1: float, top1: float, x2: float, top2: float) -> None:
        y1, y2 = self.height - top1, self.height - top2
        self.d.add(Line(x1, y1, x2, y2, strokeColor=ACCENT, strokeWidth=0.9))
        # Arrowhead pointing along the (vertical or horizontal) line.
        if x1 == x2:
            s = -1 if y2 < y1 else 1
            pts = [x2, y2, x2 - 3.5, y2 - s * 6, x2 + 3.5, y2 - s * 6]
        else:
            s = 1 if x2 > x1 else -1
            pts = [x2, y2, x2 - s * 6, y2 + 3.5, x2 - s * 6, y2 - 3.5]
        self.d.add(Polygon(pts, fillColor=ACCENT, strokeColor=ACCENT, strokeWidth=0.5))


def flow_diagram(f: ScreeningFlow, width: float) -> Drawing:
    # Laid out once to measure (the boxes grow with their lines), then at that height.
    _, bottom = _draw_flow(f, width, 1000.0)
    return _draw_flow(f, width, bottom + 4)[0]


def _draw_flow(f: ScreeningFlow, width: float, height: float) -> tuple[Drawing, float]:
    fl = _Flow(width, height)
    main_x, main_w = width * 0.3, width * 0.4
    side_x, side_w = width * 0.76, width * 0.44
    screened = fl.box(
        main_x,
        4,
        main_w,
        f"Screened: {f.screened} participants",
        [f"{f.screenings} screening records; the latest one per participant counts"],
    )
    reasons = [f"{EXCLUSION_LABELS.get(cid, cid)}: {n}" for cid, n in f.exclusion_reasons[:6]]
    if len(f.exclusion_reasons) > 6:
        reasons.append(f"{len(f.exclusion_reasons) - 6} further reasons (see the log)")
    reasons_total = sum(n for _, n in f.exclusion_reasons)
    if reasons_total > f.not_eligible:
        reasons.append(
            f"One person can have several reasons: they add up to {reasons_total} "
            f"for {f.not_eligible} people."
        )
    excluded_top = screened + 10
    excluded_bottom = fl.box(
        side_x, excluded_top, side_w, f"Not eligible: {f.not_eligible}", reasons
    )
    incomplete_bottom = fl.box(
        side_x,
        excluded_bottom + 8,
        side_w,
        f"Screening incomplete: {f.incomplete}",
        ["criteria still to be recorded"],
    )
    eligible_top = max(incomplete_bottom + 14, screened + 70)
    eligible = fl.box(main_x, eligible_top, main_w, f"Eligible: {f.eligible}", [])
    waiting_bottom = fl.box(
        side_x,
        eligible + 12,
        side_w,
        f"Eligible, not enrolled yet: {f.eligible_not_enrolled}",
        [],
    )
    enrolled_top = max(eligible + 40, waiting_bottom + 8)
    enrolled = fl.box(main_x, enrolled_top, main_w, f"Enrolled: {f.enrolled}", [])
    arms_top = enrolled + 28
    arm_w = width * 0.3
    left_x, right_x = width * 0.155, width * 0.47
    bottom = arms_top
    for x, title, idx in (
        (left_x, f"Hepatectomy: {f.hepatectomy}", 0),
        (right_x, f"Systemic therapy only: {f.systemic}", 1),
    ):
        bottom = fl.box(
            x,
            arms_top,
            arm_w,
            title,
            [
                f"withdrawn {f.withdrawn[idx]} · deceased {f.deceased[idx]} · "
                f"completed {f.completed[idx]}"
            ],
        )
    # Main spine with branches to the side boxes.
    fl.arrow(main_x, screened, main_x, eligible_top)
    fl.arrow(
        main_x,
        (excluded_top + excluded_bottom) / 2,
        side_x - side_w / 2,
        (excluded_top + excluded_bottom) / 2,
    )
    mid_incomplete = (excluded_bottom + 8 + incomplete_bottom) / 2
    fl.arrow(main_x, mid_incomplete, side_x - side_w / 2, mid_incomplete)
    fl.arrow(main_x, eligible, main_x, enrolled_top)
    mid_wait = (eligible + 12 + waiting_bottom) / 2
    fl.arrow(main_x, mid_wait, side_x - side_w / 2, mid_wait)
    fl.arrow(main_x, enrolled, main_x, enrolled + 12)
    fl.d.add(
        Line(
            left_x,
            height - enrolled - 12,
            right_x,
            height - enrolled - 12,
            strokeColor=ACCENT,
            strokeWidth=0.9,
        )
    )
    fl.arrow(left_x, enrolled + 12, left_x, arms_top)
    fl.arrow(right_x, enrolled + 12, right_x, arms_top)
    return fl.d, bottom


def _reasons(line: ScreeningLine) -> str:
    if line.failed:
        return "; ".join(reason or EXCLUSION_LABELS.get(cid, cid) for cid, reason in line.failed)
    if line.missing:
        return "; ".join(reason or cid for cid, reason in line.missing)
    return ""


def _outcome(line: ScreeningLine) -> str:
    text = OUTCOMES.get(line.outcome, line.outcome)
    if line.cohort and line.outcome not in ("screening", "screen_failed"):
        text += f" ({COHORTS.get(line.cohort, line.cohort)})"
    return text


def build_screening_log_report(d: ScreeningLogData, out: str | Path | None = None) -> bytes:
    st = styles()
    width = frame_width()
    if d.date_from or d.date_to:
        period = f"Screenings from {fmt_date(d.date_from)} to {fmt_date(d.date_to)}"
    else:
        period = "All screenings"
    story: list[Flowable] = [
        p(f"{period}: {len(d.lines)} records of {d.flow.screened} participants.", st.big),
        p(
            "Participants without a study ID are shown by their database number (#). "
            "Counts in the diagram come from each participant's latest screening.",
            st.small,
        ),
    ]
    if not d.lines:
        story.append(empty_note("No screenings were recorded in this period."))
        return build_pdf(story, PageInfo(TITLE, d.meta), out)
    story += [
        section("Participant flow"),
        flow_diagram(d.flow, width),
        gap(2),
        section("Log"),
        data_table(
            ("Date", "Study ID", "Name", "Screener", "Age", "Verdict", "Reason", "Outcome"),
            [
                (
                    fmt_date(x.screening_date),
                    x.label,
                    x.name if x.name is not None else DASH,
                    x.screener,
                    str(x.age_years) if x.age_years is not None else DASH,
                    VERDICTS.get(x.verdict, x.verdict),
                    _reasons(x),
                    _outcome(x),
                )
                for x in d.lines
            ],
            (0.1, 0.115, 0.09, 0.09, 0.045, 0.1, 0.29, 0.17),
            right=(4,),
        ),
    ]
    return build_pdf(story, PageInfo(TITLE, d.meta), out)
