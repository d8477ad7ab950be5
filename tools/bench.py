"""`make bench`: timings on a 10,000-participant study (medians of several runs).

Not a test: prints figures for the closing notes, against the aims of issue 8. The stress
database is made by the demo generator (nclm_desktop/demo/) through the services, once, and
kept in ~/.cache/nclm-desktop-bench/ under a name holding the generator version and a digest
of its source, so a change of the generator rebuilds it (delete the folder to rebuild).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from nclm_desktop.demo import GENERATOR_VERSION  # noqa: E402

CACHE = Path.home() / ".cache" / "nclm-desktop-bench"
# Audit anchors of the bench database stay with it, not in the user's data folder.
os.environ.setdefault("NCLM_ANCHOR_DIR", str(CACHE / "anchors"))
PARTICIPANTS = 10_000
SEED = 1
TODAY = dt.date(2026, 11, 18)  # fixed, so the cached database stays meaningful


def generator_key() -> str:
    """GENERATOR_VERSION plus a digest of the generator's source: editing it rebuilds."""
    import nclm_desktop.demo as demo

    digest = hashlib.sha256()
    for source in sorted(Path(demo.__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return f"g{GENERATOR_VERSION}-{digest.hexdigest()[:10]}"


STRESS_DB = CACHE / f"stress-{PARTICIPANTS}-seed{SEED}-{TODAY}-{generator_key()}.db"
START_RUNS = 5
RUNS = 5
AIMS = {  # issue 8
    "start": 1.5,
    "filter": 0.030,
    "month": 0.100,
    "schedule_pdf": 0.300,
    "analysis": 3.0,
    "memory_mb": 400.0,
    "verify": 20.0,  # issue 12: `audit verify` on ~500,000 events
}

AIMS["outcomes_report"] = 10.0  # issue 17: analysis + figures + PDF
AIMS["export_csv"] = 10.0  # issue 15: the whole study exported
AIMS["export_xlsx"] = 30.0
AIMS["export_memory_mb"] = 400.0
AIMS["status_screen"] = 0.100  # issue 16: a screen of the status dashboard


def load() -> str:
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def ms(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:7.1f} ms "
        f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}, n={len(values)})"
    )


def verdict(value: float, aim: float, unit: str = "s") -> str:
    shown = f"{aim * 1000:g} ms" if unit == "ms" else f"{aim:g} {unit}"
    return f"[aim < {shown}: {'met' if value < aim else 'MISSED'}]"


class Times(list):
    """Wall seconds per run; ``cpu``: this process's CPU seconds of the same runs, what the
    bare-window units divide (the yardstick is CPU too, so a busy machine inflates neither)."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: list[float] = []

    def add(self, wall_start: float, cpu_start: float) -> None:
        self.append(time.perf_counter() - wall_start)
        self.cpu.append(time.process_time() - cpu_start)


def timed(fn: Callable[[], object], runs: int = RUNS, budget_s: float = 30.0) -> Times:
    """Run ``fn`` up to ``runs`` times (fewer if one run eats the time budget)."""
    times = Times()
    started = time.perf_counter()
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.add(t0, c0)
        if time.perf_counter() - started > budget_s and len(times) >= 1:
            break
    return times


# --- the yardstick: a bare PySide6 window (README, "Benchmark") ------------------------------

# Figures are also printed in "bare-window units": divided by the CPU time of this child
# process, measured in the same run, so they compare across machines.
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab()
"""
AIMS_BW = {  # issue 19, in bare-window units
    "start": 3.0,
    "filter": 0.1,
    "month": 0.3,
    "worklists": 0.1,
    "analysis": 8.0,
    "verify": 50.0,
}
START_PAIRS = 7
# The application as a user starts it (`nclm-desktop --db FILE`), ended at a point of its
# start-up: "paint" as soon as the sign-in dialog is on screen (the aim; the database opens
# after that paint), "ready" once the database has opened behind it.
SIGN_IN = """
import sys
from nclm_desktop.__main__ import main
from nclm_desktop.ui import app as gui
shown, path, until = gui.run_dialog, sys.argv[1], sys.argv[2]
def close_at(dialog):
    if until == "paint":
        dialog.first_painted.disconnect()
    dialog.first_painted.connect(dialog.reject)
    return shown(dialog)
gui.run_dialog = close_at
sys.argv[1:] = ["--db", path]
sys.exit(main())
"""
BARE_S: float | None = None  # the yardstick of this run, seconds of CPU


def child_cpu(argv: list[str]) -> float:
    """User + system CPU seconds of one child process, start to exit."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def startup_pairs(app_argv: list[str], pairs: int = START_PAIRS) -> tuple[list[float], list[float]]:
    """(bare window CPU, application CPU) of alternating runs of ``app_argv`` and the bare
    window; each pair runs back to back so the machine's load affects both alike."""
    bare, app = [], []
    bare_argv = [sys.executable, "-c", BARE_WINDOW]
    child_cpu(bare_argv), child_cpu(app_argv)  # warm the file cache, not counted
    for i in range(pairs):
        first, second = (bare_argv, app_argv) if i % 2 == 0 else (app_argv, bare_argv)
        a, b = child_cpu(first), child_cpu(second)
        bare.append(a if first is bare_argv else b)
        app.append(b if first is bare_argv else a)
    return bare, app


def bench_startup_ratio(path: Path) -> None:
    """Sets the run's yardstick (BARE_S) and prints the start-up as paired ratios: the aim is
    for the first paint (the sign-in dialog); the others show what follows it."""
    global BARE_S
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        shot = str(Path(tmp) / "window.png")
        cases = [
            ("sign-in dialog painted, exit", "start", [sys.executable, "-c", SIGN_IN, str(path), "paint"]),
            ("sign-in dialog painted, database opened behind it, exit", None,
             [sys.executable, "-c", SIGN_IN, str(path), "ready"]),
            ("main window painted (--smoke-test: no sign-in), exit", None,
             [sys.executable, "-m", "nclm_desktop", "--db", str(path), "--smoke-test", shot]),
        ]  # fmt: skip
        for label, aim, argv in cases:
            bare, app = startup_pairs(argv)
            ratios = [a / b for a, b in zip(app, bare, strict=True)]
            ratio = statistics.median(ratios)
            if BARE_S is None:
                BARE_S = statistics.median(bare)
                print(f"bare PySide6 window, open and exit (the yardstick): median CPU "
                      f"{BARE_S * 1000:.0f} ms (n={len(bare)})")  # fmt: skip
            verdict_text = ""
            if aim:
                met = "met" if ratio <= AIMS_BW[aim] else "MISSED"
                verdict_text = f" [aim <= {AIMS_BW[aim]:g}: {met}]"
            print(f"start-up, {label}: median CPU {statistics.median(app) * 1000:.0f} ms; paired "
                  f"ratio to the bare window: median {ratio:.2f} "
                  f"(runs: {', '.join(f'{r:.1f}' for r in ratios)}){verdict_text}", flush=True)  # fmt: skip


def bw(seconds: float | Times, aim: str | None = None) -> str:
    """A figure in bare-window units (of CPU: the median CPU of ``Times``), with its aim
    when it has one."""
    if not BARE_S:
        return ""
    if isinstance(seconds, Times):
        seconds = statistics.median(seconds.cpu)
    value = seconds / BARE_S
    shown = f" = {value:.3g} bare windows (CPU {seconds * 1000:.1f} ms)"
    if aim is not None:
        limit = AIMS_BW[aim]
        shown += f" [aim <= {limit:g}: {'met' if value <= limit else 'MISSED'}]"
    return shown


def _fresh_study(folder: Path) -> Path:
    """A migrated study with its administrator only: start-up alone, without a big file's
    quick_check."""
    from nclm_desktop.models.db import open_database
    from nclm_desktop.services import accounts

    path = folder / "startup.db"
    db = open_database(path)
    accounts.create_first_admin(db, "admin", "Administrator", "bench-password-1")
    db.dispose()
    return path


# --- the stress database ---------------------------------------------------------------------


def build_stress_db(path: Path) -> None:
    from nclm_desktop import demo
    from nclm_desktop.models.db import open_database

    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("stress-*.db*"):
        stale.unlink()  # other generator versions or settings
    part = path.with_name(path.name + ".building")
    db = open_database(part)
    started = time.perf_counter()

    def progress(i: int, n: int) -> None:
        if i % 1000 == 0:
            print(f"  {i}/{n} participants, {time.perf_counter() - started:.0f} s", flush=True)

    actors = demo.ensure_demo_accounts(db)
    counts = demo.generate_study(
        db, actors, participants=PARTICIPANTS, seed=SEED, today=TODAY, progress=progress
    )
    db.dispose()  # checkpoints the WAL into the file
    part.rename(path)
    for line in counts.lines():
        print("  " + line)


# --- measurements ------------------------------------------------------------------------------


def bench_cold_start(path: Path) -> tuple[list[float], list[float]]:
    child = Path(__file__).with_name("bench_start.py")
    shown, filled = [], []
    for _ in range(START_RUNS):
        spawned = time.time()
        out = subprocess.run(
            [sys.executable, str(child), str(path)], capture_output=True, text=True, check=True
        )
        t_shown, t_filled = map(float, out.stdout.strip().splitlines()[-1].split()[:2])
        shown.append(t_shown - spawned)
        filled.append(t_filled - spawned)
    return shown, filled


def bench_memory(path: Path) -> tuple[list[float], list[float]]:
    """Peak of the app process (start + list + analysis as the Outcomes page runs it, in a
    child process) and, separately, of that short-lived analysis process."""
    child = Path(__file__).with_name("bench_start.py")
    peaks, analysis_peaks = [], []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, str(child), str(path), "--memory"],
            capture_output=True,
            text=True,
            check=True,
        )
        fields = out.stdout.strip().splitlines()[-1].split()
        peaks.append(float(fields[2]))
        analysis_peaks.append(float(fields[3]))
    return peaks, analysis_peaks


def bench_filter(app, db, actor) -> tuple[Times, int]:
    from nclm_desktop.ui.participants_page import ParticipantsPage

    page = ParticipantsPage(db, actor)
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    rows = page.model.rowCount()
    from nclm_desktop.ui.tasks import wait_for_background

    wait_for_background()  # the pinyin search keys, computed off the UI thread
    app.processEvents()
    per_key = Times()
    for word in ("nclm-h-0042", "王伟", "2401", "deceased", "systemic only", "wangwei", "zw"):
        page.filter_edit.clear()
        app.processEvents()
        typed = ""
        for ch in word:
            typed += ch
            t0, c0 = time.perf_counter(), time.process_time()
            page.filter_edit.setText(typed)
            page.table.viewport().repaint()
            app.processEvents()
            per_key.add(t0, c0)
    page.close()
    page.deleteLater()
    return per_key, rows


def bench_list_load(db, actor) -> tuple[list[float], list[float]]:
    """The participant list's query (with its bulk columns), and the pinyin search keys of
    every name (computed off the UI thread; the per-character cache starts empty)."""
    from nclm_desktop.services.participants import list_participants
    from nclm_desktop.ui.pinyin_search import readings, search_keys

    names = {r.name for r in list_participants(db, actor)}
    readings.cache_clear()
    keys = timed(lambda: search_keys(names), 3)
    return timed(lambda: list_participants(db, actor)), keys


def bench_month(app, db, actor) -> tuple[Times | None, list[float], float | None]:
    """(month grid painted with its counts and the chosen day's visits, the grid's counts
    alone (``month_counts``), first display of the page)."""
    from nclm_desktop.services import followup as fu

    months = []
    y, m = TODAY.year, TODAY.month
    for k in range(-6, 6):
        yy, mm = divmod(y * 12 + m - 1 + k, 12)
        months.append((yy, mm + 1))
    service = []
    for yy, mm in months:
        t0 = time.perf_counter()
        fu.month_counts(db, actor, yy, mm, TODAY)
        service.append(time.perf_counter() - t0)
    try:
        from nclm_desktop.ui.calendar_page import CalendarPage
    except ImportError:
        return None, service, None
    t0 = time.perf_counter()
    page = CalendarPage(db, actor, today=lambda: TODAY)
    page.resize(1280, 800)
    page.show()
    app.processEvents()
    first = time.perf_counter() - t0
    painted = Times()
    for _ in range(2):
        for yy, mm in months:
            t0, c0 = time.perf_counter(), time.process_time()
            page.calendar.setCurrentPage(yy, mm)  # loads the month (signal) ...
            page.calendar.repaint()  # ... and paints the grid now
            painted.add(t0, c0)
    page.close()
    page.deleteLater()
    return painted, service, first


def bench_status(app, db, actor) -> tuple[float, list[float], list[float], int]:
    """The status dashboard (issue 16): (first screen: order + page + paint; each new
    screen scrolled to, its rows fetched and painted: wall clock, and this process's CPU
    (steadier on a shared machine); participants)."""
    import random

    from nclm_desktop.ui.status_dashboard import StatusDashboardPage

    t0 = time.perf_counter()
    page = StatusDashboardPage(db, actor)
    page.resize(1186, 700)  # the page's part of a 1366x768 window
    page.show()
    page.table.viewport().repaint()
    app.processEvents()
    first = time.perf_counter() - t0
    bar, rows = page.table.verticalScrollBar(), page.model.rowCount()
    screens, cpu = [], []
    for value in random.Random(SEED).sample(range(bar.maximum()), 20):
        t0, c0 = time.perf_counter(), time.process_time()
        bar.setValue(value)  # rows never shown before: their page is fetched
        page.table.viewport().repaint()
        app.processEvents()
        screens.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    page.close()
    page.deleteLater()
    return first, screens, cpu, rows


def bench_worklists(db, actor) -> dict[str, tuple[Times, int]]:
    from nclm_desktop.services import followup as fu

    out = {}
    for kind in fu.WORKLISTS:
        n = len(fu.worklist(db, actor, kind, TODAY))
        out[kind] = (timed(lambda kind=kind: fu.worklist(db, actor, kind, TODAY)), n)
    return out


def _study_ids(db) -> dict[str, str]:
    from sqlalchemy import func, select

    from nclm_desktop.models import Complication, Operation, Participant

    with db.session() as s:
        operated = s.scalar(
            select(Participant.study_id)
            .join(Operation, Operation.participant_id == Participant.id)
            .join(Complication, Complication.operation_id == Operation.id)
            .group_by(Participant.study_id)
            .order_by(func.count(Complication.id).desc(), Participant.study_id)
            .limit(1)
        )
        followed = s.scalar(
            select(Participant.study_id)
            .where(Participant.status == "enrolled", Participant.cohort == "systemic")
            .order_by(Participant.study_id)
            .limit(1)
        )
    return {"operated": operated or "", "followed": followed or ""}


def report_cases(db) -> list[tuple[str, str, str, str, tuple]]:
    ids = _study_ids(db)
    year_ago = TODAY - dt.timedelta(days=365)
    four_weeks = TODAY + dt.timedelta(days=27)
    return [
        # (label, report_data function, builder module, builder, arguments after actor)
        ("schedule PDF (en)", "schedule_report_data", "schedule", "build_schedule_report",
         (ids["followed"], "en")),
        ("schedule PDF (zh_CN)", "schedule_report_data", "schedule", "build_schedule_report",
         (ids["followed"], "zh_CN")),
        ("operative report PDF", "operative_report_data", "operative", "build_operative_report",
         (ids["operated"],)),
        ("complications (M&M) PDF, 12 months", "complications_report_data", "complications",
         "build_complications_report", (year_ago, TODAY)),
        ("worklist PDF, next 4 weeks + overdue", "worklist_data", "worklist",
         "build_worklist_report", (TODAY, four_weeks, TODAY)),
        ("screening log PDF, whole study", "screening_log_data", "screening_log",
         "build_screening_log_report", ()),
    ]  # fmt: skip


def bench_reports(db, actor) -> list[tuple[str, list[float] | None, int]]:
    results = []
    for label, data_name, module, builder, args in report_cases(db):
        try:
            report_data = importlib.import_module("nclm_desktop.services.report_data")
            data_fn = getattr(report_data, data_name)
            build = getattr(importlib.import_module(f"nclm_desktop.reports.{module}"), builder)
        except (ImportError, AttributeError):
            results.append((label, None, 0))
            continue

        def make(build=build, data_fn=data_fn, args=args) -> bytes:
            return build(data_fn(db, actor, *args))

        size = len(make())
        results.append((label, timed(make, 5, 20), size))
    return results


def bench_analysis(db, actor) -> tuple[list[float], Times, int]:
    from nclm_desktop.analysis.study import run_analysis
    from nclm_desktop.services.outcomes import study_dataset

    data_t, total_t = [], Times()
    n = 0
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        rows = study_dataset(db, actor)
        t1 = time.perf_counter()
        run_analysis(rows)
        data_t.append(t1 - t0)
        total_t.add(t0, c0)
        n = len(rows)
    return data_t, total_t, n


# --- the same study on a PostgreSQL server ---------------------------------------------------


class NoServer(Exception):
    pass


def _server_for_bench(path: Path) -> tuple[str, Callable[[], None]]:
    """(app URL, stop) of a server database holding a copy of ``path``: the one in
    NCLM_BENCH_PG_OWNER_URL / NCLM_BENCH_PG_APP_URL (an empty database), else a throwaway
    cluster like the tests' (tests/pgcluster.py). The copy is made by `migrate-to`."""
    import shutil
    import tempfile

    from nclm_desktop.cli import run
    from nclm_desktop.demo import DEMO_PASSWORD

    owner_url = os.environ.get("NCLM_BENCH_PG_OWNER_URL")
    app_url = os.environ.get("NCLM_BENCH_PG_APP_URL", owner_url)
    stop: Callable[[], None] = lambda: None  # noqa: E731
    if not owner_url:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        import pgcluster

        reason = pgcluster.missing_reason()
        if reason:
            raise NoServer(reason)
        base = Path(tempfile.mkdtemp(prefix="nclm-bench-"))
        cluster = pgcluster.PgCluster(pgcluster.cluster_folder(base))
        cluster.start()
        name = cluster.create_database("nclm_bench")
        owner_url, app_url = cluster.url(name, user=pgcluster.OWNER), cluster.url(name)

        def stop() -> None:
            cluster.stop()

    os.environ["NCLM_PASSWORD"] = DEMO_PASSWORD
    # Signing in for migrate-to adds an audit event: copy from a scratch copy of the study.
    from nclm_desktop.models.db import backup_sqlite

    scratch = backup_sqlite(path, Path(tempfile.mkdtemp(prefix="nclm-bench-src-")) / path.name)
    t0 = time.perf_counter()
    argv = ["--db", str(scratch), "--user", "admin", "migrate-to", "--to", owner_url]
    if run(argv) != 0 or run(["--db", owner_url, "init", "--grant-to", _role(app_url)]) != 0:
        stop()
        raise NoServer("migrate-to failed")
    print(f"  copied to the server with migrate-to in {time.perf_counter() - t0:.0f} s")
    shutil.rmtree(scratch.parent, ignore_errors=True)
    return app_url, stop


def _role(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).username or ""


def bench_backends(app, path: Path) -> None:
    """Filter, calendar month and worklists on SQLite and on PostgreSQL, side by side."""
    from sqlalchemy import select

    from nclm_desktop.models import User
    from nclm_desktop.models.db import open_database
    from nclm_desktop.services.permissions import Actor

    print("same study, SQLite file vs PostgreSQL server (socket on this machine):")
    try:
        app_url, stop = _server_for_bench(path)
    except NoServer as exc:
        print(f"  PostgreSQL: skipped ({exc})")
        return
    try:
        figures: dict[str, dict[str, str]] = {}
        for backend, target in (("SQLite", str(path)), ("PostgreSQL", app_url)):
            db = open_database(target)
            with db.session() as s:
                user = s.scalars(select(User).where(User.username == "pi")).one()
                actor = Actor(user.id, user.username, user.role, user.display_name)
            col = figures.setdefault(backend, {})
            keys, _rows = bench_filter(app, db, actor)
            col["filter per keystroke"] = f"{statistics.median(keys) * 1000:.1f} ms"
            painted, service, _first = bench_month(app, db, actor)
            if painted is not None:
                col["calendar month painted"] = f"{statistics.median(painted) * 1000:.1f} ms"
            col["month query"] = f"{statistics.median(service) * 1000:.1f} ms"
            for kind, (times, n) in bench_worklists(db, actor).items():
                col[f"worklist {kind} ({n:,})"] = f"{statistics.median(times) * 1000:.1f} ms"
            db.dispose()
        print(f"  {'median':<34} {'SQLite':>12} {'PostgreSQL':>12}")
        for label, value in figures["SQLite"].items():
            print(f"  {label:<34} {value:>12} {figures['PostgreSQL'].get(label, '-'):>12}")
    finally:
        stop()


def bench_verify(path: Path) -> tuple[float, float, float, str]:
    """`audit verify`'s checks (chain, anchors, every table replayed) in a child process:
    wall seconds, its CPU seconds (what a busy machine does not inflate), peak memory (MB)
    and the verdict."""
    code = (
        "import resource, sys, time\n"
        "from nclm_desktop.services.audit_verify import verify_database\n"
        "t, c = time.perf_counter(), time.process_time()\n"
        "r = verify_database(sys.argv[1])\n"
        "wall, cpu = time.perf_counter() - t, time.process_time() - c\n"
        # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of this
        # (large) bench process would report the parent's peak.
        "peak = next(int(l.split()[1]) for l in open('/proc/self/status')"
        " if l.startswith('VmHWM')) / 1024\n"
        "verdict = 'intact' if r.ok else f'{r.difference_count} differences'\n"
        "print(wall, cpu, peak, r.events, verdict)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    wall, cpu, peak, events, verdict = out.stdout.strip().splitlines()[-1].split(maxsplit=4)
    return float(wall), float(cpu), float(peak), f"{int(events):,} events, {verdict}"


def bench_outcomes_report(db, actor) -> tuple[list[float], int]:
    """`report outcomes`: the analysis with its figures, then the PDF (issue 17)."""
    from nclm_desktop.analysis.job import run_study_analysis
    from nclm_desktop.reports.outcomes import build_outcomes_report
    from nclm_desktop.services.outcomes import outcomes_report_meta

    target = db.url.render_as_string(hide_password=False)
    times, size = [], 0
    for _ in range(3):
        t0 = time.perf_counter()
        output = run_study_analysis(target, actor)
        figures = {f.name: f.png for f in output.figures}
        pdf = build_outcomes_report(output.results, figures, outcomes_report_meta(actor))
        times.append(time.perf_counter() - t0)
        size = len(pdf)
    return times, size


def bench_export(path: Path, fmt: str) -> tuple[float, float, float]:
    """`export --format fmt` of the whole study (de-identified) in a child process: wall
    seconds, CPU seconds and peak memory (MB). Each run adds its export event to the trail."""
    code = (
        "import sys, tempfile, time\n"
        "from pathlib import Path\n"
        "from sqlalchemy import select\n"
        "from nclm_desktop.models import User\n"
        "from nclm_desktop.models.db import open_database\n"
        "from nclm_desktop.services.permissions import Actor\n"
        "from nclm_desktop.services.study_export import ExportOptions, export_study\n"
        "db = open_database(sys.argv[1])\n"
        "with db.session() as s:\n"
        "    u = s.scalars(select(User).where(User.username == 'pi')).one()\n"
        "    actor = Actor(u.id, u.username, u.role, u.display_name)\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    t, c = time.perf_counter(), time.process_time()\n"
        "    export_study(db, actor, ExportOptions(Path(tmp) / 'export', fmt=sys.argv[2]))\n"
        "    wall, cpu = time.perf_counter() - t, time.process_time() - c\n"
        # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of this
        # (large) bench process would report the parent's peak.
        "peak = next(int(l.split()[1]) for l in open('/proc/self/status')"
        " if l.startswith('VmHWM')) / 1024\n"
        "print(wall, cpu, peak)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), fmt], capture_output=True, text=True, check=True
    )
    wall, cpu, peak = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu), float(peak)


def describe(db) -> str:
    from sqlalchemy import func, select

    from nclm_desktop.models import AuditEvent, Participant, Visit

    with db.session() as s:
        p = s.scalar(select(func.count()).select_from(Participant))
        v = s.scalar(select(func.count()).select_from(Visit))
        a = s.scalar(select(func.count()).select_from(AuditEvent))
    return f"{p:,} participants, {v:,} visits, {a:,} audit events"


def main() -> int:
    global TODAY
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="benchmark this database instead")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="with --db: its today")
    parser.add_argument(
        "--backends-only",
        action="store_true",
        help="only the SQLite vs PostgreSQL comparison (filter, calendar, worklists)",
    )
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="only the start-up, as a paired ratio to a bare PySide6 window (a minute)",
    )
    args = parser.parse_args()
    path = STRESS_DB
    if args.db:
        path, TODAY = args.db, args.today or dt.date.today()
        if not path.exists():
            parser.error(f"{path} does not exist")
    print(f"NCLM Desktop benchmark, {dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs, "
          f"{load()}")  # fmt: skip
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        bench_startup_ratio(_fresh_study(Path(tmp)))
    if args.startup_only:
        return 0
    if not path.exists():
        print(f"building {path} ({PARTICIPANTS:,} participants, through the services) ...",
              flush=True)  # fmt: skip
        t0 = time.perf_counter()
        build_stress_db(path)
        print(f"  built in {time.perf_counter() - t0:.0f} s ({load()})")

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from nclm_desktop.models import User
    from nclm_desktop.models.db import open_database
    from nclm_desktop.services.permissions import Actor

    db = open_database(path)
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == "pi")).one()
        actor = Actor(user.id, user.username, user.role, user.display_name)
    print(f"database: {path} ({describe(db)}); today = {TODAY}")
    if args.backends_only:
        db.dispose()
        bench_backends(_quiet_app(), path)
        return 0

    shown, filled = bench_cold_start(path)
    print(f"cold start to main window shown:        {ms(shown)} "
          f"{verdict(statistics.median(shown), AIMS['start'])}")  # fmt: skip
    print("  (wall clock, this study; the CPU ratio above is the machine-independent figure)")
    print(f"cold start to participants list filled: {ms(filled)}")

    from PySide6.QtCore import qInstallMessageHandler

    def quiet(_mode, _context, message: str) -> None:  # the offscreen plugin's chatter
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication([])
    keys, rows = bench_filter(app, db, actor)
    print(f"participant filter per keystroke ({rows:,} rows): {ms(keys)} "
          f"{verdict(statistics.median(keys), AIMS['filter'], 'ms')}")  # fmt: skip
    print(f"  per keystroke{bw(keys, 'filter')}")

    query, keys = bench_list_load(db, actor)
    print(f"  participant list query (missing data, next visit, ...): {ms(query)}")
    print(f"  pinyin search keys of all names (background thread): {ms(keys)}")

    painted, service, first = bench_month(app, db, actor)
    if painted is None:
        print("calendar month render: not available (no calendar page)")
    else:
        print(f"calendar month render (query + grid painted): {ms(painted)} "
              f"{verdict(statistics.median(painted), AIMS['month'], 'ms')}")  # fmt: skip
        print(f"  month render{bw(painted, 'month')}")
        print(f"  calendar page first shown (month + 3 worklists): {first * 1000:.0f} ms")
    print(f"  month counts alone (services.followup.month_counts): {ms(service)}")
    first, screens, cpu, n = bench_status(app, db, actor)
    print(f"status dashboard, a new screen ({n:,} participants; page query + paint): "
          f"{ms(screens)} {verdict(statistics.median(screens), AIMS['status_screen'], 'ms')}")  # fmt: skip
    print(f"  status screen{bw(statistics.median(cpu))}; CPU median "
          f"{statistics.median(cpu) * 1000:.1f} ms; first screen (order + page + paint): "
          f"{first * 1000:.0f} ms")  # fmt: skip
    for kind, (times, n) in bench_worklists(db, actor).items():
        print(f"worklist query {kind:<13} ({n:,} visits): {ms(times)}"
              f"{bw(times, 'worklists')}")  # fmt: skip

    for label, times, size in bench_reports(db, actor):
        if times is None:
            print(f"{label}: not available")
            continue
        aim = (
            " " + verdict(statistics.median(times), AIMS["schedule_pdf"], "ms")
            if label.startswith("schedule")
            else ""
        )
        print(f"{label} ({size / 1024:.0f} KiB): {ms(times)}{aim}{bw(times)}")

    data_t, total_t, n = bench_analysis(db, actor)
    print(f"analysis, study_dataset + run_analysis ({n:,} participants): {ms(total_t)} "
          f"{verdict(statistics.median(total_t), AIMS['analysis'])}")  # fmt: skip
    print(f"  analysis{bw(total_t, 'analysis')}")
    print(f"  of which study_dataset: {ms(data_t)}")
    report_t, size = bench_outcomes_report(db, actor)
    print(f"outcomes report PDF, analysis + figures + layout ({size / 1024:.0f} KiB): "
          f"{ms(report_t)} {verdict(statistics.median(report_t), AIMS['outcomes_report'])}")  # fmt: skip
    db.dispose()

    seconds, cpu, peak, what = bench_verify(path)
    print(f"audit verify, chain + anchors + every audited table ({what}): {seconds:.1f} s "
          f"(CPU {cpu:.1f} s), peak {peak:.0f} MB {verdict(seconds, AIMS['verify'])}")  # fmt: skip
    print(f"  audit verify{bw(cpu, 'verify')}")

    for fmt in ("csv", "xlsx"):
        seconds, cpu, peak = bench_export(path, fmt)
        print(f"study export {fmt} (every table, dictionary, README): {seconds:.1f} s "
              f"(CPU {cpu:.1f} s) {verdict(seconds, AIMS[f'export_{fmt}'])}, peak {peak:.0f} MB "
              f"{verdict(peak, AIMS['export_memory_mb'], 'MB')}")  # fmt: skip

    peaks, analysis_peaks = bench_memory(path)
    print(f"peak memory of the app, start + list + analysis (VmHWM): median "
          f"{statistics.median(peaks):.0f} MB (runs: {', '.join(f'{p:.0f}' for p in peaks)}) "
          f"{verdict(statistics.median(peaks), AIMS['memory_mb'], 'MB')}")  # fmt: skip
    print(
        f"  the analysis child process, while it runs: median "
        f"{statistics.median(analysis_peaks):.0f} MB"
    )
    bench_backends(app, path)
    print(f"finished, {load()}")
    return 0


def _quiet_app():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    return QApplication.instance() or QApplication([])


if __name__ == "__main__":
    sys.exit(main())
