"""Fixtures for the translation tests: the workflow module and the interface in zh_CN."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def workflow() -> ModuleType:
    """tools/i18n.py, the same functions `make i18n` runs."""
    spec = importlib.util.spec_from_file_location("nclm_i18n_tools", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def zh_cn(qapp) -> Iterator[None]:
    """The interface in Simplified Chinese for one test; English again afterwards."""
    from nclm_desktop.ui import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    try:
        yield
    finally:
        i18n.install("en")
