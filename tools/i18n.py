"""The Qt Linguist workflow (README "Languages"): extract with pyside6-lupdate, compile with
pyside6-lrelease. `make i18n` runs both; tests/i18n reuse these functions on copies.

Usage: python tools/i18n.py [update|release]   (no argument: both)
       python tools/i18n.py fill zh_CN FILE.json   (a batch {source: translation})
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nclm_desktop"
I18N = PACKAGE / "resources" / "i18n"
LANGUAGES = ("zh_CN",)
# The ui modules translate through a one-line helper, `_t("...")` or `t("...")`, in their own
# context; lupdate files these under the empty context and ui/i18n.py falls back to it.
TR_ALIASES = "tr+=_t,tr+=t"
# A module is a source when it uses Qt or marks strings for it (clinical/ and forms/ define
# their own no-op QT_TRANSLATE_NOOP; reports translate with `t = lang.t`, a ReportLanguage's
# lookup in the .ts); the list follows the package, never kept by hand.
_MARKS = re.compile(r"PySide6|QT_TRANSLATE_NOOP|ReportLanguage")


def ts_file(lang: str) -> Path:
    return I18N / f"nclm_{lang}.ts"


def qm_file(lang: str) -> Path:
    return I18N / f"nclm_{lang}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the venv), else on PATH."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"error: {name} not found (it ships with PySide6)")
    return found


def sources() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*.py") if _MARKS.search(path.read_text(encoding="utf-8"))
    )


def lupdate(ts: Path, *, locations: str = "none") -> str:
    """Merge the sources' strings into ``ts`` (kept translations stay, gone ones dropped)."""
    files = [str(p) for p in sources()]
    result = subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-tr-function-alias",
            TR_ALIASES,
            "-no-obsolete",
            "-locations",
            locations,
            "-source-language",
            "en",
            "-target-language",
            ts.stem[5:],
            *files,
            "-ts",
            str(ts),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def lrelease(ts: Path, qm: Path) -> str:
    result = subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def fill(ts: Path, translations: dict[str, str]) -> int:
    """Write translations given as {English source: translation} into ``ts`` (for a batch
    from a translator outside Qt Linguist); placeholders must survive. Returns how many."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    done = 0
    for message in tree.iter("message"):
        text = translations.get(message.findtext("source") or "")
        if text is None:
            continue
        source = message.findtext("source")
        if set(re.findall(r"{[^}]*}", source)) != set(re.findall(r"{[^}]*}", text)):
            raise SystemExit(f"error: placeholders differ in the translation of {source!r}")
        node = message.find("translation")
        node.text = text
        node.attrib.pop("type", None)
        done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


def main(argv: list[str]) -> int:
    if argv[:1] == ["fill"]:  # fill LANG FILE.json, then update to keep lupdate's layout
        import json

        lang, batch = argv[1], json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{fill(ts_file(lang), batch)} translations written")
        argv = []
    steps = argv or ["update", "release"]
    for lang in LANGUAGES:
        if "update" in steps:
            print(lupdate(ts_file(lang)).strip())
        if "release" in steps:
            lrelease(ts_file(lang), qm_file(lang))
            print(f"{qm_file(lang).relative_to(ROOT)} written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
