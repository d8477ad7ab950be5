"""Operative report: content read back from the PDF, fonts embedded, page looked at."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.reports.operative import build_operative_report
from nclm_desktop.services.errors import NotFound, PermissionDenied
from nclm_desktop.services.report_data import operative_report_data
from tests.reports.pdfcheck import assert_fonts_embedded, pdf_pages, pdf_text, render_page


def test_operative_report_shows_the_operation_and_its_outcome(db, study, surgeon, tmp_path):
    data = operative_report_data(db, surgeon, "NCLM-H-001", now=study.now)
    out = tmp_path / "op.pdf"
    build_operative_report(data, out)
    text = pdf_text(out)
    render_page(out, "report_operative")
    assert "王小明" in text
    assert "H0012345" in text
    assert "NCLM-H-001" in text
    assert "right hemihepatectomy" in text
    assert "2024-03-04" in text
    assert "Zhi Chen" in text and "Lu Wang (assistant)" in text
    assert "650 mL" in text and "285 min" in text
    assert "3 ×, 45 min in total" in text
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
