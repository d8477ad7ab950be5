"""clinical/ stays pure: no Qt, no database, no network, no file I/O but the protocol loader."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import nclm_desktop
import nclm_desktop.clinical as clinical

PACKAGE = Path(nclm_desktop.__file__).parent
CLINICAL = PACKAGE / "clinical"
FORBIDDEN = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "socket", "urllib", "http",
             "requests", "sqlite3", "subprocess", "os", "pathlib", "shutil")  # fmt: skip


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_forbidden_imports_in_clinical():
    for path in sorted(CLINICAL.glob("*.py")):
        for name in _imports(path):
            root = name.split(".")[0]
            assert root not in FORBIDDEN, f"{path.name} imports {name}"


def test_only_the_protocol_loader_reads_files():
    for path in sorted(CLINICAL.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {
            node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
        }
        io_calls = calls & {"open", "read_text", "read_bytes", "files", "iterdir"}
        if path.name == "protocol.py":
            assert io_calls <= {"read_text", "files", "iterdir"}
        else:
            assert not io_calls, f"{path.name} does I/O: {io_calls}"


def test_importing_clinical_pulls_in_no_qt_or_database():
    code = (
        "import sys, nclm_desktop.clinical as c; c.load_protocol(); "
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlalchemy', 'scipy')]; print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
    )
    assert out.stdout.strip() == ""  # scipy too: it is imported only when a CI is asked for


def test_resources_folder_is_data_not_a_package():
    assert not (PACKAGE / "resources" / "__init__.py").exists()
    assert not (PACKAGE / "resources" / "protocol" / "__init__.py").exists()


def test_public_api_is_exported():
    for name in clinical.__all__:
        assert hasattr(clinical, name), name
    assert len(set(clinical.__all__)) == len(clinical.__all__)
    expected = {
        "child_pugh", "ChildPugh", "albi", "Albi", "cci", "clavien_dindo_from_treatment",
        "ClavienDindoProposal", "CLAVIEN_DINDO_GRADES", "clavien_dindo_definition",
        "is_major_complication", "grade_rank", "resection", "Resection", "schedule_visits",
        "PlannedVisit", "add_months", "replan_visits", "ExistingVisit", "Replan",
        "shift_off_weekend", "visit_state", "evaluate_eligibility", "EligibilityResult",
        "ScreeningInput", "Criterion", "age_in_years", "overall_survival", "intrahepatic_rfs",
        "perioperative_outcomes", "PerioperativeOutcomes", "SurvivalTime", "wilson_ci",
        "clopper_pearson_ci", "phlf_grade", "bile_leak_grade", "phh_grade", "fifty_fifty",
        "phlf_criteria_text", "bile_leak_criteria_text", "phh_criteria_text",
        "ISGLS_CATEGORIES", "COMPLICATION_CATEGORIES", "recist_response", "Protocol",
        "load_protocol", "to_canonical", "bilirubin_mg_dl_to_umol_l", "albumin_g_dl_to_g_l",
        "bilirubin_umol_l_to_mg_dl", "albumin_g_l_to_g_dl",
    }  # fmt: skip
    assert expected <= set(clinical.__all__)
    assert importlib.import_module("nclm_desktop.clinical.rates").wilson_ci is clinical.wilson_ci
