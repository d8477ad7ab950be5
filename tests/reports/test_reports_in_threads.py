"""Two reports made at the same time on two worker threads (a print window and the Reports
page, say) come out whole and the same as when made one after the other: reportlab keeps
its font subsets in shared state, so the layout is serialised (reports/template.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import threading
from pathlib import Path

import pytest

from nclm_desktop import demo
from nclm_desktop.models.db import open_database
from nclm_desktop.reports.operative import build_operative_report
from nclm_desktop.reports.schedule import build_schedule_report
from nclm_desktop.services import accounts
from nclm_desktop.services import report_data as rd
from nclm_desktop.services.participant_record import get_summary

DAY = dt.date(2025, 6, 18)
REPEATS = 12


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path):
    path = tmp_path_factory.mktemp("threads") / "demo.db"
    shutil.copy(migrated_template, path)
    db = open_database(path)
    demo.generate_study(db, demo.ensure_demo_accounts(db), participants=20, seed=3, today=DAY)
    yield db
    db.dispose()


def test_two_reports_on_two_threads_at_once(demo_db):
    pi = accounts.authenticate(demo_db, "pi", demo.DEMO_PASSWORD)
    sid = get_summary(demo_db, pi, 1).study_id
    schedule = rd.schedule_report_data(demo_db, pi, sid, "zh_CN")
    operative = rd.operative_report_data(demo_db, pi, sid)
    makers = {
        "schedule": lambda: build_schedule_report(schedule),
        "operative zh": lambda: build_operative_report(operative, lang="zh_CN"),
        "operative en": lambda: build_operative_report(operative, lang="en"),
    }
    alone = {name: make() for name, make in makers.items()}
    results: list[tuple[str, bytes | Exception]] = []
    start = threading.Barrier(len(makers))

    def run(name: str) -> None:
        start.wait()
        for _ in range(REPEATS):
            try:
                results.append((name, makers[name]()))
            except Exception as exc:  # what a worker thread would hand to the page
                results.append((name, exc))

    threads = [threading.Thread(target=run, args=(name,)) for name in makers]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often: the race shows within a few builds
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        sys.setswitchinterval(interval)
    assert len(results) == REPEATS * len(makers)
    failed = [(name, repr(r)) for name, r in results if isinstance(r, Exception)]
    assert failed == []
    assert all(pdf == alone[name] for name, pdf in results)
