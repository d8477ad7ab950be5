"""The flow diagram says that one person can have several screen-failure reasons."""

from __future__ import annotations

from nclm_desktop.reports.screening_log import build_screening_log_report
from nclm_desktop.services.report_data import screening_log_data
from tests.reports.pdfcheck import flat_text


def test_pdf_says_one_person_can_have_several_reasons(db, study, coordinator, tmp_path):
    data = screening_log_data(db, coordinator, now=study.now)
    # Two people not eligible, four reasons (one of them fails three criteria).
    assert data.flow.not_eligible == 2 and sum(n for _, n in data.flow.exclusion_reasons) == 4
    out = tmp_path / "log.pdf"
    build_screening_log_report(data, out)
    assert "One person can have several reasons: they add up to 4 for 2 people." in flat_text(out)
