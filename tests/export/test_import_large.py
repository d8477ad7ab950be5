"""Import, a 100,000-row file: read and parsed row by row, memory bounded (README, Import).
Measured in a child process: Python's own allocations (tracemalloc) and the resident peak
(VmHWM), so nothing of the test session counts."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from nclm_desktop.services.study_import.reading import export_columns

ROWS = 100_000

CHILD = """
import json, sys, tracemalloc
from nclm_desktop.services.study_import.cells import parse_row
from nclm_desktop.services.study_import.reading import export_columns, read_source

tracemalloc.start()
[table] = read_source(sys.argv[1])
columns = export_columns(table.table)
rows = bad = 0
for row in table.rows:
    values, errors = parse_row(columns, row.cells)
    rows += 1
    bad += bool(errors)
peak = tracemalloc.get_traced_memory()[1]
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"rows": rows, "bad": bad, "peak": peak, "hwm_kb": int(hwm.split()[1])}))
"""


def test_a_100000_row_csv_is_streamed_in_bounded_memory(tmp_path):
    header = [c.name for c in export_columns("visit")]
    path = tmp_path / "visit.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for i in range(ROWS):
            cells = dict.fromkeys(header, "")
            cells.update(
                study_id=f"NCLM-{i // 12:05d}",
                screening_id=str(i // 12 + 1),
                visit_id=str(i + 1),
                code=f"M{i % 12 * 3}",
                month=str(i % 12 * 3),
                scheduled_date="2024-01-15",
                actual_date="2024/1/20",
                status="done",
                assessments_done___ecog="1",
                ecog="1",
                ebv_dna_copies_ml="1,234.5",
                liver_imaging_result="no_recurrence",
                notes="随访正常",
            )
            out.writerow(cells.values())
    size_mb = path.stat().st_size / 1e6
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    got = json.loads(done.stdout)
    assert got["rows"] == ROWS and got["bad"] == 0
    peak_mb = got["peak"] / 1e6
    # The file is about 20 MB and its rows as dicts several times that; streamed, Python
    # holds a few rows (the caches of the dictionary and the labels aside).
    assert peak_mb < 8, f"peak {peak_mb:.1f} MB for a {size_mb:.0f} MB file"
    print(
        f"\n{ROWS} rows, {size_mb:.1f} MB: tracemalloc peak {peak_mb:.1f} MB, "
        f"VmHWM {got['hwm_kb'] / 1024:.0f} MB"
    )
