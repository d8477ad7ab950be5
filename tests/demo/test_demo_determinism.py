"""Same seed and today → the same study; another seed → another one."""

from __future__ import annotations

from pathlib import Path

from demo_setup import build_demo, canonical_dump

from nclm_desktop.models.db import open_database


def dump_of(path: Path, template: Path, seed: int) -> dict:
    build_demo(path, template, participants=14, seed=seed)
    db = open_database(path)
    try:
        return canonical_dump(db)
    finally:
        db.dispose()


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path, migrated_template: Path):
    first = dump_of(tmp_path / "a.db", migrated_template, seed=11)
    again = dump_of(tmp_path / "b.db", migrated_template, seed=11)
    other = dump_of(tmp_path / "c.db", migrated_template, seed=12)
    assert first["participant"] and first["visit"] and first["audit_event"]
    for table, rows in first.items():
        assert rows == again[table], table
    assert first["participant_identity"] != other["participant_identity"]
    assert first["visit"] != other["visit"]
