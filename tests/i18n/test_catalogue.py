"""The Qt Linguist catalogue (README "Languages"): every string the sources mark is in
nclm_zh_CN.ts and translated, and the committed .qm is what lrelease makes of the .ts."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

# Files whose strings may wait for a translation (a message is let off only when EVERY place
# that uses it is in one of these files). Empty: every marked string is translated.
PENDING_FILES: tuple[str, ...] = ()


def _messages(ts: Path) -> list[tuple[str, str, str | None, set[str]]]:
    """(context, source, translation type, files using it) of each message."""
    out = []
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            files = {
                loc.get("filename", "").replace("\\", "/").split("nclm_desktop/")[-1]
                for loc in message.iter("location")
            }
            kind = message.find("translation").get("type")
            out.append((name, message.findtext("source"), kind, files))
    return out


def test_every_marked_string_is_translated(workflow, tmp_path):
    copy = tmp_path / "nclm_zh_CN.ts"
    shutil.copy(workflow.ts_file("zh_CN"), copy)
    workflow.lupdate(copy, locations="absolute")
    messages = _messages(copy)
    assert len(messages) > 500  # the sources were read (ui, forms, clinical marks)
    missing = [
        f"{ctx or '(shared)'}: {src!r} in {sorted(files)}"
        for ctx, src, kind, files in messages
        if kind in ("unfinished", "vanished", "obsolete")
        and not (files and all(f.startswith(PENDING_FILES) for f in files))
    ]
    assert not missing, f"{len(missing)} untranslated:\n" + "\n".join(missing[:40])


def test_the_catalogue_knows_the_sources_of_each_kind(workflow, tmp_path):
    """Strings reach lupdate by self.tr, by the modules' `_t()` helpers and by the no-op
    QT_TRANSLATE_NOOP that clinical/ and forms/ define for themselves (no Qt there)."""
    copy = tmp_path / "nclm_zh_CN.ts"
    shutil.copy(workflow.ts_file("zh_CN"), copy)
    workflow.lupdate(copy)
    found = {(ctx, src): kind for ctx, src, kind, _files in _messages(copy)}
    assert ("LoginDialog", "Language") in found  # self.tr in a class
    assert ("", "Participants") in found  # main_window's _t()
    assert ("DataDictionary", "Yes") in found  # forms/field.py's own no-op
    assert ("DataDictionary", "Bile leakage that needs relaparotomy.") in found  # clinical/
    assert ("DataDictionary", "Study coordinator") in found  # services/permissions.py


def test_the_sources_list_follows_the_package(workflow):
    names = {p.relative_to(workflow.PACKAGE).as_posix() for p in workflow.sources()}
    assert {"ui/main_window.py", "forms/field.py", "clinical/isgls.py"} <= names
    assert "models/db.py" not in names  # nothing to translate there


def test_the_committed_qm_is_current(workflow, tmp_path):
    built = tmp_path / "nclm_zh_CN.qm"
    workflow.lrelease(workflow.ts_file("zh_CN"), built)
    committed = workflow.qm_file("zh_CN")
    assert committed.read_bytes() == built.read_bytes(), "run `make i18n` and commit the .qm"


def test_the_qm_is_found_where_the_app_looks():
    """paths.resource is the one resolver (checkout, wheel, PyInstaller bundle); the wheel's
    package-data and the bundle's datas both take resources/ whole."""
    from nclm_desktop import paths

    assert paths.resource("i18n", "nclm_zh_CN.qm").is_file()
    root = Path(__file__).resolve().parents[2]
    assert '"resources/**/*"' in (root / "pyproject.toml").read_text(encoding="utf-8")
    spec = (root / "installer" / "nclm-desktop.spec").read_text(encoding="utf-8")
    assert '(str(PKG / "resources"), "nclm_desktop/resources")' in spec
