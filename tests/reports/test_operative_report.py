"""Operative report: content read back from the PDF, fonts embedded, page looked at."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.reports.operative import build_operative_report
from nclm_desktop.services.errors import NotFound, PermissionDenied
from nclm_desktop.services.report_data import operative_report_data
from tests.reports.pdfcheck import assert_fonts_embedded, flat_text, pdf_pages, render_page


def test_operative_report_shows_the_operation_and_its_outcome(db, study, surgeon, tmp_path):
    data = operative_report_data(db, surgeon, "NCLM-H-001", now=study.now)
    out = tmp_path / "op.pdf"
    build_operative_report(data, out)
    text = flat_text(out)
    render_page(out, "report_operative")
    assert "王小明" in text
    assert "H0012345" in text
    assert "NCLM-H-001" in text
    assert "right hemihepatectomy" in text
    assert "2024-03-04" in text
    assert "Zhi Chen" in text and "Lu Wang (assistant)" in text
    assert "650 mL" in text and "285 min" in text
    assert "Pringle manoeuvres 3" in text and "Pringle total time 45 min" in text
    assert "R0" in text and "6.5 mm" in text
    # Liver function from the screening before the operation, scores from clinical/.
    assert "class A (5 points)" in text
    assert "12.4 µmol/L" in text
    # Complications with their grades, ISGLS and the CCI: sqrt(2750 + 300) / 2 = 27.6.
    assert "Bile leakage" in text and "IIIa" in text
    assert "Pleural effusion" in text
    assert "(CCI): 27.6" in text and "major" in text.lower()
    assert "Page 1 of" in text
    assert "Generated 2024-07-01 09:30 UTC+08:00 by Zhi Chen (zchen)" in text
    assert "Operating surgeon" in text and "Investigator" in text
    assert "Shaded: resected segments 5, 6, 7, 8" in text
    assert_fonts_embedded(out)


def test_unknown_participant_and_participant_without_operation_are_named(db, study, surgeon):
    with pytest.raises(NotFound, match="NCLM-H-999"):
        operative_report_data(db, surgeon, "NCLM-H-999")
    with pytest.raises(NotFound, match="NCLM-S-001 has no operation"):
        operative_report_data(db, surgeon, "NCLM-S-001")


def test_a_given_operation_date_picks_that_operation(db, study, surgeon):
    with pytest.raises(NotFound, match="no operation on 2024-03-05"):
        operative_report_data(db, surgeon, "NCLM-H-001", operation_date=dt.date(2024, 3, 5))
    data = operative_report_data(db, surgeon, "NCLM-H-001", operation_date=dt.date(2024, 3, 4))
    assert data.operation.segments == (5, 6, 7, 8) and data.operation.major


def test_reports_need_the_reports_permission(db, study, admin):
    with pytest.raises(PermissionDenied):
        operative_report_data(db, admin, "NCLM-H-001")


def test_monitor_gets_no_identity_and_death_within_30_days_shows(db, study, monitor, tmp_path):
    data = operative_report_data(db, monitor, "NCLM-H-003", now=study.now)
    assert data.patient.name is None and data.patient.hospital_record_number is None
    assert data.record.outcomes.mortality_30d and data.record.outcomes.cci == 100.0
    out = tmp_path / "op3.pdf"
    build_operative_report(data, out)
    pages = pdf_pages(out)
    text = "\f".join(pages)
    assert "张伟" not in text and "H0034567" not in text
    assert "not shown (no access to identities)" in text
    assert "non-anatomical resection (wedge) of segment 6" in text
    assert "Cardiac complication" in text and "(CCI): 100.0" in text
    assert "30-day mortality yes" in text
    assert "Confidential" not in text
    assert_fonts_embedded(out)


def test_long_complication_list_and_long_text_run_over_pages(
    db, many_complications, surgeon, tmp_path
):
    from nclm_desktop.models import Complication, Operation
    from nclm_desktop.services.uow import writing

    with writing(db, surgeon) as s:
        op = s.query(Operation).one()
        s.add(
            Complication(
                operation_id=op.id,
                onset_date=op.operation_date,
                category="other",
                other_text="Very long note",
                clavien_dindo="I",
                treatment_text="Observed closely on the ward. " * 400,
            )
        )
    data = operative_report_data(db, surgeon, many_complications)
    out = tmp_path / "long-op.pdf"
    build_operative_report(data, out)
    pages = pdf_pages(out)
    assert len(pages) >= 4
    table_pages = [t for t in pages if "Event number" in t]
    assert len(table_pages) >= 2
    assert all("Clavien-Dindo" in t and "Treatment" in t for t in table_pages)
    assert "Operating surgeon" in pages[-1]
    assert_fonts_embedded(out)
