"""A backup file the application must not open, refused in the user's language: the file
check's own sentence (models/db_files.py) inside the restore refusal is translated too (the
paths and the restore command stay as typed)."""

from __future__ import annotations

import pytest

from nclm_desktop.services.restore import RestoreError, restore_database
from tests.i18n.visible_text import english_words


def _refusal(backup, target) -> str:
    with pytest.raises(RestoreError) as caught:
        restore_database(backup, target)
    return str(caught.value)


def test_english_without_the_interface(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    text = _refusal(empty, tmp_path / "study.db")
    assert text.startswith(f"{empty} is empty (0 bytes), so it holds no study.")
    assert text.endswith("The current database was not changed.")


@pytest.mark.parametrize("kind", ("empty", "folder"))
def test_a_refused_backup_file_in_chinese(tmp_path, zh_cn, kind):
    backup = tmp_path / "backup.db"
    if kind == "empty":
        backup.write_bytes(b"")
    else:
        backup.mkdir()
    text = _refusal(backup, tmp_path / "study.db")
    assert str(backup) in text
    assert ("为空" if kind == "empty" else "文件夹") in text
    data = [str(backup), "nclm-desktop restore BACKUP --db"]
    assert english_words([("refusal", text)], data=data) == []
