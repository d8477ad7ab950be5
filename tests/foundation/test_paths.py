"""One resource resolver for the checkout, the wheel and the frozen installer build."""

from __future__ import annotations

import sys

from nclm_desktop import paths


def test_resources_and_migrations_resolve_from_the_checkout():
    assert (paths.resource("protocol") / "nclm-protocol-v1.json").is_file()
    assert (paths.migrations_dir() / "env.py").is_file()


def test_frozen_build_reads_from_the_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert (
        paths.resource("fonts", "x.ttf")
        == tmp_path / "nclm_desktop" / "resources" / "fonts" / "x.ttf"
    )
    assert paths.migrations_dir() == tmp_path / "nclm_desktop" / "migrations"


def test_database_location_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NCLM_DB", str(tmp_path / "site.db"))
    assert paths.default_database_url() == str(tmp_path / "site.db")
    monkeypatch.delenv("NCLM_DB")
    assert paths.default_database_url().endswith("nclm.db")
    assert "NCLM Desktop" in paths.default_database_url()
