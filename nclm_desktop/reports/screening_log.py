"""Screening log with the participant flow diagram (report e)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from ..clinical.text_marks import QT_TRANSLATE_NOOP
from ..services.recorded_texts import eligibility_reason, report_text
from ..services.report_data import ScreeningFlow, ScreeningLine, ScreeningLogData
from .fonts import register_fonts
from .language import ReportLanguage, report_language
from .line_breaks import break_lines
from .template import (
    ACCENT,
    DASH,
    INK,
    MUTED,
    PageInfo,
    build_pdf,
    data_table,
    empty_note,
    frame_width,
    gap,
    p,
    section,
    styles,
)

# Why a criterion excluded someone, phrased as the reason (criterion ids: clinical/protocol).
EXCLUSION_LABELS = {
    "inc_nclm_confirmed": QT_TRANSLATE_NOOP("Reports", "NCLM not confirmed"),
    "inc_ecog": QT_TRANSLATE_NOOP("Reports", "ECOG above the limit"),
    "inc_disease_pattern": QT_TRANSLATE_NOOP("Reports", "No eligible disease pattern"),
    "inc_r0": QT_TRANSLATE_NOOP("Reports", "Not R0-resectable"),
    "inc_liver_function": QT_TRANSLATE_NOOP("Reports", "Liver function or remnant insufficient"),
    "inc_no_contraindication": QT_TRANSLATE_NOOP("Reports", "Surgical contraindication"),
    "inc_expected_survival": QT_TRANSLATE_NOOP("Reports", "Expected survival under 6 months"),
    "inc_consent": QT_TRANSLATE_NOOP("Reports", "No signed consent"),
    "exc_age": QT_TRANSLATE_NOOP("Reports", "Age outside the range"),
    "exc_distant_metastasis": QT_TRANSLATE_NOOP("Reports", "Metastasis outside liver and bone"),
    "exc_progression": QT_TRANSLATE_NOOP("Reports", "Progression after systemic treatment"),
    "exc_local_liver_therapy": QT_TRANSLATE_NOOP("Reports", "Prior local liver therapy"),
    "exc_pregnancy": QT_TRANSLATE_NOOP("Reports", "Pregnant or breastfeeding"),
    "exc_other_malignancy_mental": QT_TRANSLATE_NOOP(
        "Reports", "Other malignancy or mental illness"
    ),
    "exc_understanding": QT_TRANSLATE_NOOP("Reports", "Cannot understand the study"),
}
VERDICTS = {
    "eligible": QT_TRANSLATE_NOOP("Reports", "eligible"),
    "not_eligible": QT_TRANSLATE_NOOP("Reports", "not eligible"),
    "incomplete": QT_TRANSLATE_NOOP("Reports", "incomplete"),
}
OUTCOMES = {
    "screening": QT_TRANSLATE_NOOP("Reports", "not enrolled yet"),
    "screen_failed": QT_TRANSLATE_NOOP("Reports", "screen failure"),
    "enrolled": QT_TRANSLATE_NOOP("Reports", "enrolled"),
    "withdrawn": QT_TRANSLATE_NOOP("Reports", "withdrawn"),
    "completed": QT_TRANSLATE_NOOP("Reports", "completed"),
    "deceased": QT_TRANSLATE_NOOP("Reports", "deceased"),
}
COHORTS = {
    "hepatectomy": QT_TRANSLATE_NOOP("Reports", "hepatectomy"),
    "systemic": QT_TRANSLATE_NOOP("Reports", "systemic only"),
}
# A criterion's short name, for what is still to be recorded (Chinese reports; the English
# log prints the rule's own sentence).
CRITERION_NAMES = {
    "inc_nclm_confirmed": QT_TRANSLATE_NOOP("Reports", "NCLM confirmation"),
    "inc_ecog": QT_TRANSLATE_NOOP("Reports", "ECOG"),
    "inc_disease_pattern": QT_TRANSLATE_NOOP("Reports", "Disease pattern"),
    "inc_r0": QT_TRANSLATE_NOOP("Reports", "R0 resectability"),
    "inc_liver_function": QT_TRANSLATE_NOOP("Reports", "Liver function and remnant"),
    "inc_no_contraindication": QT_TRANSLATE_NOOP("Reports", "Surgical contraindication"),
    "inc_expected_survival": QT_TRANSLATE_NOOP("Reports", "Expected survival"),
    "inc_consent": QT_TRANSLATE_NOOP("Reports", "Informed consent"),
    "exc_age": QT_TRANSLATE_NOOP("Reports", "Age"),
    "exc_distant_metastasis": QT_TRANSLATE_NOOP("Reports", "Distant metastasis"),
    "exc_progression": QT_TRANSLATE_NOOP("Reports", "Progression after systemic treatment"),
    "exc_local_liver_therapy": QT_TRANSLATE_NOOP("Reports", "Prior local liver therapy"),
    "exc_pregnancy": QT_TRANSLATE_NOOP("Reports", "Pregnancy or breastfeeding"),
    "exc_other_malignancy_mental": QT_TRANSLATE_NOOP(
        "Reports", "Other malignancy or mental illness"
    ),
    "exc_understanding": QT_TRANSLATE_NOOP("Reports", "Understanding of the study"),
}
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
        wrapped = [part for line in lines for part in break_lines(line, self.font, 7.8, w - 12)]
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


def flow_diagram(f: ScreeningFlow, width: float, lang: ReportLanguage | None = None) -> Drawing:
    # Laid out once to measure (the boxes grow with their lines), then at that height.
    lang = lang or report_language("en")
    _, bottom = _draw_flow(f, width, 1000.0, lang)
    return _draw_flow(f, width, bottom + 4, lang)[0]


def _draw_flow(
    f: ScreeningFlow, width: float, height: float, lang: ReportLanguage
) -> tuple[Drawing, float]:
    t = lang.t
    fl = _Flow(width, height)
    main_x, main_w = width * 0.3, width * 0.4
    side_x, side_w = width * 0.76, width * 0.44
    screened = fl.box(
        main_x,
        4,
        main_w,
        t("Screened: {n} participants").format(n=f.screened),
        [t("{n} screening records; the latest one per participant counts").format(n=f.screenings)],
    )
    colon = "：" if lang.chinese else ": "
    reasons = [f"{_exclusion(cid, lang)}{colon}{n}" for cid, n in f.exclusion_reasons[:6]]
    if len(f.exclusion_reasons) > 6:
        reasons.append(
            t("{n} further reasons (see the log)").format(n=len(f.exclusion_reasons) - 6)
        )
    reasons_total = sum(n for _, n in f.exclusion_reasons)
    if reasons_total > f.not_eligible:
        reasons.append(
            t("One person can have several reasons: they add up to {total} for {n} people.").format(
                total=reasons_total, n=f.not_eligible
            )
        )
    excluded_top = screened + 10
    excluded_bottom = fl.box(
        side_x, excluded_top, side_w, t("Not eligible: {n}").format(n=f.not_eligible), reasons
    )
    incomplete_bottom = fl.box(
        side_x,
        excluded_bottom + 8,
        side_w,
        t("Screening incomplete: {n}").format(n=f.incomplete),
        [t("criteria still to be recorded")],
    )
    eligible_top = max(incomplete_bottom + 14, screened + 70)
    eligible = fl.box(main_x, eligible_top, main_w, t("Eligible: {n}").format(n=f.eligible), [])
    waiting_bottom = fl.box(
        side_x,
        eligible + 12,
        side_w,
        t("Eligible, not enrolled yet: {n}").format(n=f.eligible_not_enrolled),
        [],
    )
    enrolled_top = max(eligible + 40, waiting_bottom + 8)
    enrolled = fl.box(main_x, enrolled_top, main_w, t("Enrolled: {n}").format(n=f.enrolled), [])
    arms_top = enrolled + 28
    arm_w = width * 0.3
    left_x, right_x = width * 0.155, width * 0.47
    bottom = arms_top
    for x, title, idx in (
        (left_x, t("Hepatectomy: {n}").format(n=f.hepatectomy), 0),
        (right_x, t("Systemic therapy only: {n}").format(n=f.systemic), 1),
    ):
        bottom = fl.box(
            x,
            arms_top,
            arm_w,
            title,
            [
                t("withdrawn {w} · deceased {d} · completed {c}").format(
                    w=f.withdrawn[idx], d=f.deceased[idx], c=f.completed[idx]
                )
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


def _exclusion(cid: str, lang: ReportLanguage) -> str:
    return lang.t(EXCLUSION_LABELS[cid]) if cid in EXCLUSION_LABELS else cid


def _reasons(line: ScreeningLine, lang: ReportLanguage) -> str:
    """Why not eligible, or what is still to be recorded: the rule's own sentence ("ECOG 3
    is above 2"), translated; a reason the rule never wrote, by its criterion's name."""
    sep = "；" if lang.chinese else "; "
    if line.failed:
        return sep.join(
            _reason(reason, lang) or _exclusion(cid, lang) for cid, reason in line.failed
        )
    if line.missing:
        return sep.join(
            _reason(reason, lang) or lang.t(CRITERION_NAMES.get(cid, cid))
            for cid, reason in line.missing
        )
    return ""


def _reason(stored: str, lang: ReportLanguage) -> str:
    found = eligibility_reason(stored) if stored else None
    if found is None:
        return "" if lang.chinese else stored
    return report_text(found, lang.t)


def _outcome(line: ScreeningLine, lang: ReportLanguage) -> str:
    text = lang.t(OUTCOMES[line.outcome]) if line.outcome in OUTCOMES else line.outcome
    if line.cohort and line.outcome not in ("screening", "screen_failed"):
        cohort = lang.t(COHORTS[line.cohort]) if line.cohort in COHORTS else line.cohort
        text += f"（{cohort}）" if lang.chinese else f" ({cohort})"
    return text


def build_screening_log_report(
    d: ScreeningLogData, out: str | Path | None = None, lang: str = "en"
) -> bytes:
    language = report_language(lang)
    t = language.t
    st = styles()
    width = frame_width()
    if d.date_from or d.date_to:
        period = t("Screenings from {start} to {end}").format(
            start=language.date(d.date_from), end=language.date(d.date_to)
        )
    else:
        period = t("All screenings")
    info = PageInfo(t("Screening log"), d.meta, lang=lang)
    story: list[Flowable] = [
        p(
            t("{period}: {n} records of {m} participants.").format(
                period=period, n=len(d.lines), m=d.flow.screened
            ),
            st.big,
        ),
        p(
            t(
                "Participants without a study ID are shown by their database number (#). "
                "Counts in the diagram come from each participant's latest screening."
            ),
            st.small,
        ),
    ]
    if not d.lines:
        story.append(empty_note(t("No screenings were recorded in this period.")))
        return build_pdf(story, info, out)
    widths = (0.1, 0.115, 0.09, 0.09, 0.045, 0.1, 0.29, 0.17)
    if language.chinese:  # Chinese dates are wider, the reasons shorter
        widths = (0.14, 0.115, 0.09, 0.09, 0.05, 0.1, 0.285, 0.13)
    story += [
        section(t("Participant flow")),
        flow_diagram(d.flow, width, language),
        gap(2),
        section(t("Log")),
        data_table(
            (
                t("Date"),
                t("Study ID"),
                t("Name"),
                t("Screener"),
                t("Age"),
                t("Verdict"),
                t("Reason"),
                t("Outcome"),
            ),
            [
                (
                    language.date(x.screening_date),
                    x.label,
                    x.name if x.name is not None else DASH,
                    x.screener,
                    str(x.age_years) if x.age_years is not None else DASH,
                    t(VERDICTS[x.verdict]) if x.verdict in VERDICTS else x.verdict,
                    _reasons(x, language),
                    _outcome(x, language),
                )
                for x in d.lines
            ],
            widths,
            right=(4,),
        ),
    ]
    return build_pdf(story, info, out)
