"""`make bench`: start-up and list timings on a 10,000-participant database (medians).

Not a test: prints figures for the closing notes. The stress database is built once and
kept in ~/.cache/nclm-desktop-bench/ (delete it to rebuild).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CACHE = Path.home() / ".cache" / "nclm-desktop-bench"
STRESS_DB = CACHE / "stress-10k.db"
PASSWORD = "bench-password-1"
RUNS = 5


def build_stress_db(path: Path, n: int = 10_000) -> None:
    from nclm_desktop.models import Participant, ParticipantIdentity
    from nclm_desktop.models.db import open_database
    from nclm_desktop.services import accounts
    from nclm_desktop.services.uow import writing

    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    admin = accounts.create_first_admin(db, "admin", "Bench Admin", PASSWORD)
    inv = accounts.add_user(db, admin, "pi", "Bench Investigator", "investigator", PASSWORD)
    rng = random.Random(1)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
    with writing(db, inv) as s:
        for i in range(1, n + 1):
            cohort = "hepatectomy" if i % 3 else "systemic"
            p = Participant(
                study_id=f"NCLM-{'H' if cohort == 'hepatectomy' else 'S'}-{i:05d}",
                cohort=cohort,
                status=rng.choice(["enrolled"] * 8 + ["deceased", "withdrawn"]),
                sex=rng.choice("MF"),
                birth_date=dt.date(1950 + rng.randrange(40), 1, 1)
                + dt.timedelta(days=rng.randrange(365)),
                enrolment_date=dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1000)),
            )
            p.identity = ParticipantIdentity(
                name=rng.choice(surnames) + rng.choice(given) + rng.choice(given),
                hospital_record_number=f"FD{1000000 + i}",
                phone=f"138{rng.randrange(10**8):08d}",
            )
            s.add(p)
    db.dispose()


def bench_cold_start(path: Path) -> tuple[list[float], list[float]]:
    child = Path(__file__).with_name("bench_start.py")
    shown, filled = [], []
    for _ in range(RUNS):
        spawned = time.time()
        out = subprocess.run(
            [sys.executable, str(child), str(path)], capture_output=True, text=True, check=True
        )
        t_shown, t_filled = map(float, out.stdout.strip().splitlines()[-1].split())
        shown.append(t_shown - spawned)
        filled.append(t_filled - spawned)
    return shown, filled


def bench_filter(path: Path) -> tuple[list[float], int]:
    from PySide6.QtWidgets import QApplication

    from nclm_desktop.models.db import open_database
    from nclm_desktop.services import accounts
    from nclm_desktop.ui.participants_page import ParticipantsPage

    app = QApplication.instance() or QApplication([])
    db = open_database(path)
    actor = accounts.authenticate(db, "pi", PASSWORD)
    page = ParticipantsPage(db, actor)
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    rows = page.model.rowCount()
    per_key = []
    for word in ("nclm-h-0042", "王伟", "fd10055", "deceased"):
        page.filter_edit.clear()
        app.processEvents()
        typed = ""
        for ch in word:
            typed += ch
            t0 = time.perf_counter()
            page.filter_edit.setText(typed)
            page.table.viewport().repaint()
            app.processEvents()
            per_key.append(time.perf_counter() - t0)
    db.dispose()
    return per_key, rows


def ms(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:.1f} ms (min {min(values) * 1000:.1f}, "
        f"max {max(values) * 1000:.1f}, n={len(values)})"
    )


def main() -> int:
    if not STRESS_DB.exists():
        t0 = time.perf_counter()
        print(f"building {STRESS_DB} (10,000 participants) ...", flush=True)
        build_stress_db(STRESS_DB)
        print(f"  built in {time.perf_counter() - t0:.1f} s")
    shown, filled = bench_cold_start(STRESS_DB)
    print(f"cold start to main window shown: {ms(shown)}")
    print(f"cold start to participants list filled (10,000 rows): {ms(filled)}")
    keys, rows = bench_filter(STRESS_DB)
    print(f"participant filter per keystroke ({rows} rows): {ms(keys)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
