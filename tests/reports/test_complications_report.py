"""Complications and morbidity (M&M) report."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.reports.complications import build_complications_report
from nclm_desktop.services.errors import ValidationError
from nclm_desktop.services.report_data import complications_report_data
from tests.reports.pdfcheck import assert_fonts_embedded, flat_text, pdf_pages, render_page

SPRING = (dt.date(2024, 3, 1), dt.date(2024, 6, 30))


def test_mm_report_lists_every_complication_cci_per_patient_and_rates(db, study, surgeon, tmp_path):
    data = complications_report_data(db, surgeon, *SPRING, now=study.now)
    assert [p.study_id for p in data.patients] == ["NCLM-H-001", "NCLM-H-002", "NCLM-H-003"]
    assert [p.outcomes.cci for p in data.patients] == [27.6, 54.2, 100.0]
    out = tmp_path / "mm.pdf"
    build_complications_report(data, out)
    render_page(out, "report_complications")
    text = flat_text(out)
    assert "Operations performed from 2024-03-01 to 2024-06-30: 3" in text
    assert "Complications recorded for them: 5" in text
    for grade in ("IIIa", "IIIb", "IVa", "V"):
        assert grade in text
    for cci in ("27.6", "54.2", "100.0"):
        assert cci in text
    assert "王小明" in text and "张伟" in text
    assert "Relaparotomy for post-hepatectomy haemorrhage" in text
    # 30-day mortality 1/3: Wilson 95 % CI 6.1 - 79.2 %, Clopper-Pearson 0.8 - 90.6 %.
    assert "30-day mortality" in text
    assert "1/3" in text and "33.3 %" in text
    assert "6.1 – 79.2 %" in text
    assert "0.8 – 90.6 %" in text
    # Morbidity 3/3: Wilson upper bound is exactly 100 %.
    assert "3/3" in text and "43.9 – 100.0 %" in text
    assert "2024-06-10 (day 21)" in text
    assert_fonts_embedded(out)


def test_empty_range_says_so_on_the_page(db, study, surgeon, tmp_path):
    data = complications_report_data(db, surgeon, dt.date(2023, 1, 1), dt.date(2023, 1, 31))
    out = tmp_path / "empty.pdf"
    build_complications_report(data, out)
    text = flat_text(out)
    assert data.rates == ()
    assert "No operations were recorded from 2023-01-01 to 2023-01-31." in text
    assert "Page 1 of 1" in text
    assert_fonts_embedded(out)


def test_reversed_range_is_refused_naming_the_field(db, surgeon):
    with pytest.raises(ValidationError) as err:
        complications_report_data(db, surgeon, dt.date(2024, 5, 1), dt.date(2024, 4, 1))
    assert err.value.field == "date_to"


def test_long_complication_table_breaks_across_pages_with_its_header(
    db, many_complications, surgeon, tmp_path
):
    data = complications_report_data(db, surgeon, dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    out = tmp_path / "long.pdf"
    build_complications_report(data, out)
    pages = pdf_pages(out)
    assert len(pages) >= 3
    table_pages = [t for t in pages if "Event number" in t]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "Clavien-Dindo" in page and "Treatment" in page and "Resolved" in page
    text = "".join(pages)
    assert all(f"Event number {i:03d}" in text for i in range(1, 121))
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    render_page(out, "report_complications_long", page=2)
    assert_fonts_embedded(out)


def test_monitor_sees_no_names(db, study, monitor, tmp_path):
    data = complications_report_data(db, monitor, *SPRING)
    assert all(p.name is None for p in data.patients)
    out = tmp_path / "mm.pdf"
    build_complications_report(data, out)
    text = flat_text(out)
    assert "王小明" not in text and "Li Hua" not in text
    assert "Confidential" not in text
