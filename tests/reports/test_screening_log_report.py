"""Screening log with the participant flow diagram."""

from __future__ import annotations

import datetime as dt

from nclm_desktop.reports.screening_log import build_screening_log_report
from nclm_desktop.services.report_data import screening_log_data
from tests.reports.pdfcheck import assert_fonts_embedded, flat_text, render_page


def test_flow_counts_follow_each_participants_latest_screening(db, study, coordinator):
    flow = screening_log_data(db, coordinator).flow
    assert flow.screened == 8 and flow.screenings == 8
    assert flow.enrolled == 4 and flow.hepatectomy == 3 and flow.systemic == 1
    assert flow.not_eligible == 2 and flow.incomplete == 1
    assert flow.eligible == 5 and flow.eligible_not_enrolled == 1
    assert flow.deceased == (1, 0)
    # Wu Gang (74, lung metastasis) fails three criteria; each counts once for him.
    assert dict(flow.exclusion_reasons) == {
        "inc_ecog": 1,
        "exc_distant_metastasis": 1,
        "exc_age": 1,
        "inc_disease_pattern": 1,
    }


def test_screening_log_pdf_has_the_flow_and_every_screening(db, study, coordinator, tmp_path):
    data = screening_log_data(db, coordinator, now=study.now)
    out = tmp_path / "log.pdf"
    build_screening_log_report(data, out)
    render_page(out, "report_screening_log")
    text = flat_text(out)
    assert "All screenings: 8 records of 8 participants." in text
    for box in (
        "Screened: 8 participants",
        "Not eligible: 2",
        "Screening incomplete: 1",
        "Eligible: 5",
        "Eligible, not enrolled yet: 1",
        "Enrolled: 4",
        "Hepatectomy: 3",
        "Systemic therapy only: 1",
    ):
        assert box in text
    assert "ECOG above the limit: 1" in text
    assert "Metastasis outside liver and bone: 1" in text
    # The log: names (Chinese too), verdicts and the evaluated reasons.
    assert "刘洋" in text and "黄磊" in text
    assert "ECOG 3 is above 2" in text
    assert "Not recorded" in text
    assert "enrolled (hepatectomy)" in text and "screen failure" in text
    assert "2024-02-20 NCLM-H-001" in text
    assert_fonts_embedded(out)


def test_date_range_filters_and_empty_range_says_so(db, study, coordinator, tmp_path):
    data = screening_log_data(db, coordinator, dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    assert [x.screening_date for x in data.lines] == [dt.date(2024, 6, 3), dt.date(2024, 6, 20)]
    empty = screening_log_data(db, coordinator, dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    out = tmp_path / "empty.pdf"
    build_screening_log_report(empty, out)
    text = flat_text(out)
    assert "No screenings were recorded in this period." in text
    assert "Screenings from 2020-01-01 to 2020-12-31: 0 records" in text
    assert_fonts_embedded(out)


def test_monitor_log_has_no_names(db, study, monitor, tmp_path):
    out = tmp_path / "m.pdf"
    build_screening_log_report(screening_log_data(db, monitor), out)
    text = flat_text(out)
    assert "刘洋" not in text and "王小明" not in text
    assert "Screened: 8 participants" in text
