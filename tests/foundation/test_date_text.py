"""The one date reader behind every date input (ui/date_text.py), good and bad inputs."""

from __future__ import annotations

import ast
import datetime as dt
import inspect

import pytest

from nclm_desktop.ui import date_text
from nclm_desktop.ui.date_text import DateTextError, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-03-05", dt.date(2026, 3, 5)),
        ("  2026-03-05 ", dt.date(2026, 3, 5)),
        ("2026-3-5", dt.date(2026, 3, 5)),
        ("05.03.2026", dt.date(2026, 3, 5)),
        ("5.3.2026", dt.date(2026, 3, 5)),
        ("2026/03/05", dt.date(2026, 3, 5)),
        ("20260305", dt.date(2026, 3, 5)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("29.02.2024", dt.date(2024, 2, 29)),
        ("19700504", dt.date(1970, 5, 4)),
        ("1900-01-01", dt.date(1900, 1, 1)),
        ("2100-12-31", dt.date(2100, 12, 31)),
        ("", None),
        ("   ", None),
    ],
)
def test_good_inputs(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("2026-02-30", "day"),
        ("31.04.2026", "day"),
        ("2025-02-29", "day"),
        ("20260230", "day"),
        ("2026-13-01", "month"),
        ("2026-00-10", "month"),
        ("2026-01-00", "day"),
        ("0001-01-01", "year"),
        ("9999-12-31", "year"),
        ("01.01.0001", "year"),
        ("99991231", "year"),
        ("abc", "format"),
        ("2026-0a-01", "format"),
        ("March 5 2026", "format"),
        ("05/03/2026", "format"),  # day/month or month/day: refused
        ("2026-03", "format"),
        ("202603051", "format"),
        ("2026--03-05", "format"),
        ("2026-03-05x", "format"),
    ],
)
def test_bad_inputs(text, code):
    with pytest.raises(DateTextError) as err:
        parse_date(text)
    assert err.value.code == code
    assert err.value.text == text.strip()


def test_the_reader_has_no_qt():
    tree = ast.parse(inspect.getsource(date_text))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any(name.startswith("PySide6") for name in imported), imported
