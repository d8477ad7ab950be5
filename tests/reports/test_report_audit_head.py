"""Every report footer prints the audit trail's head, so a paper copy anchors the trail."""

from __future__ import annotations

from nclm_desktop.reports.screening_log import build_screening_log_report
from nclm_desktop.services.audit_anchor import read_head
from nclm_desktop.services.audit_verify import verify_database
from nclm_desktop.services.report_data import screening_log_data
from tests.reports.pdfcheck import pdf_pages


def test_every_page_footer_has_the_event_count_and_head_hash(db, study, coordinator, tmp_path):
    data = screening_log_data(db, coordinator, now=study.now)
    out = tmp_path / "log.pdf"
    build_screening_log_report(data, out)
    with db.engine.connect() as conn:
        head = read_head(conn)
    assert head.count > 10
    label = f"Audit trail head (events · hash): {head.count:,} · {head.hash[:12]}"
    pages = pdf_pages(out)
    assert pages and all(label in page for page in pages)


def test_the_report_study_verifies_against_its_tables(db, study):
    # The fixture writes every clinical table through audited sessions: nothing differs.
    report = verify_database(db.path)
    assert report.ok, [d.describe() for d in report.differences] + report.anchor_problems
    assert report.events > 10
