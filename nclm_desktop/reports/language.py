"""The language of a printed report: its words, dates, numbers, units and footer time.

Reports stay free of Qt, yet translate from the same Qt Linguist source as the interface
(README "Languages"): the ``.ts`` file is read once as XML and looked up by its English
source text, whatever the context, so one translation serves the screen and the paper.
A report marks its own strings as ``t("...")`` (``t = lang.t``), which ``pyside6-lupdate``
extracts (tools/i18n.py aliases ``t`` to ``tr``); texts defined in tables elsewhere
(the data dictionary, clinical definitions, role names) are marked with
``QT_TRANSLATE_NOOP`` where they are defined and translated here by their English text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..clinical import load_protocol
from ..forms.dates import date_text
from ..forms.field import Field, Kind, format_number
from ..forms.languages import LANGUAGES
from ..forms.translations import translations

DASH = "—"
# Contexts looked up first when one English text has several translations.
_PREFERRED = ("Reports", "DataDictionary", "")


@cache
def catalogue(lang: str) -> dict[str, str]:
    """{English source: translation} of ``lang`` from its .ts file and the protocol's
    bilingual texts (empty for English); unfinished translations are left out so the
    English source shows instead."""
    if lang == "en":
        return {}
    found = translations(lang, _PREFERRED)
    # The protocol file carries its own texts in both languages (visit assessments).
    for spec in load_protocol().schedule.assessments:
        found.setdefault(spec.label_en, spec.label_zh)
    return found


# Units of measure a Chinese report writes in Chinese; SI symbols stay as they are.
_UNITS_ZH = {"days": "天", "day": "天", "months": "个月", "month": "个月", "points": "分",
             "min": "分钟", "units": "单位", "years": "岁"}  # fmt: skip


@dataclass(frozen=True)
class ReportLanguage:
    """``ReportLanguage("zh_CN").t("Operative report")`` → "手术记录"."""

    code: str = "en"

    def __post_init__(self) -> None:
        if self.code not in LANGUAGES:
            raise ValueError(f"unknown report language {self.code!r}")

    @property
    def chinese(self) -> bool:
        return self.code == "zh_CN"

    # -- words --------------------------------------------------------------------------
    def t(self, text: str) -> str:
        """The translation of an English source text (the text itself when there is none)."""
        if not self.chinese or not text:
            return text
        return catalogue(self.code).get(text, text)

    def join(self, items: Iterable[str]) -> str:
        """A list in running text: "a, b" / "a、b"."""
        return ("、" if self.chinese else ", ").join(items)

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return DASH
        if self.chinese:
            return "是" if value else "否"
        return "yes" if value else "no"

    def role(self, role: str) -> str:
        """A role's name ("surgeon" → "Surgeon" / "外科医生")."""
        from ..services.permissions import ROLE_LABELS

        return self.t(ROLE_LABELS.get(role, role))

    # -- dates and times ----------------------------------------------------------------
    def date(self, d: dt.date | None, empty: str = DASH) -> str:
        """Dates as "2026-11-29" / "2026年11月29日"."""
        return date_text(d, self.code, empty)

    def month(self, year: int, month: int) -> str:
        """A month's title: "November 2026" / "2026年11月"."""
        if self.chinese:
            return f"{year}年{month}月"
        return f"{dt.date(year, month, 1):%B} {year}"

    def weekday(self, d: dt.date) -> str:
        return (self.weekdays())[d.weekday()]

    def weekdays(self) -> tuple[str, ...]:
        if self.chinese:
            return ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
        return ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

    def when(self, moment: dt.datetime) -> str:
        """A time with its offset: "2026-11-29 14:05 UTC+08:00" / "2026年11月29日 14:05
        （北京时间）", any other offset as "协调世界时+00:00"."""
        offset = moment.strftime("%z")
        zone = f"{offset[:3]}:{offset[3:]}" if offset else ""
        clock = moment.strftime("%H:%M")
        if not self.chinese:
            return f"{moment:%Y-%m-%d} {clock}" + (f" UTC{zone}" if zone else "")
        text = f"{self.date(moment.date())} {clock}"
        if zone == "+08:00":
            return f"{text}（北京时间）"
        return f"{text}（协调世界时{zone}）" if zone else text

    # -- numbers and units --------------------------------------------------------------
    def unit(self, unit: str) -> str:
        return _UNITS_ZH.get(unit, unit) if self.chinese else unit

    def num(self, value: float | None, unit: str = "", decimals: int = 0) -> str:
        """A number with a fixed count of decimals and its unit ("12 days" / "12 天")."""
        if value is None:
            return DASH
        return self._with_unit(f"{value:.{decimals}f}", unit)

    def _with_unit(self, text: str, unit: str) -> str:
        unit = self.unit(unit)
        if not unit:
            return text
        return f"{text}{unit}" if unit == "%" or unit in _CJK_UNITS else f"{text} {unit}"

    def pct(self, p: float | None, decimals: int = 1) -> str:
        """A proportion in percent: "31.5 %" / "31.5%"."""
        return DASH if p is None else f"{100 * p:.{decimals}f}{self._percent}"

    def pct_range(self, lo: float, hi: float, decimals: int = 1) -> str:
        """An interval of proportions: "29.2 – 100.0 %" / "29.2%–100.0%"."""
        if self.chinese:
            return f"{self.pct(lo, decimals)}–{self.pct(hi, decimals)}"
        return f"{100 * lo:.{decimals}f} – {100 * hi:.{decimals}f} %"

    @property
    def _percent(self) -> str:
        return "%" if self.chinese else " %"

    # -- the data dictionary ------------------------------------------------------------
    def label(self, f: Field) -> str:
        return self.t(f.label)

    def field(self, f: Field, value: Any, *, empty: str = DASH) -> str:
        """A dictionary field's value as the form shows it, in this language: dates in the
        language's style, numbers with the field's precision and unit, choices translated."""
        if value is None or value == [] or value == ():
            return empty
        if f.kind is Kind.DATE:
            return self.date(value)
        if f.kind in (Kind.INTEGER, Kind.DECIMAL):
            text = format_number(value, 0 if f.kind is Kind.INTEGER else f.decimals)
            return self._with_unit(text, f.unit)
        if f.kind in (Kind.CHOICE, Kind.YESNO):
            return self.t(f.choice_label(value))
        if f.kind is Kind.MULTI:
            order = {c.code: i for i, c in enumerate(f.choices)}
            ordered = sorted(value, key=lambda v: order.get(v, 99))
            return self.join(self.t(f.choice_label(v)) for v in ordered)
        return str(value)


_CJK_UNITS = frozenset(_UNITS_ZH.values())


def translated(lang: ReportLanguage, text: str) -> str:
    """``lang.t(text)`` for a text that comes with the data (a label in results.json):
    a name lupdate does not take for a source to extract."""
    return lang.t(text)


def report_language(code: str | None) -> ReportLanguage:
    return ReportLanguage(code or "en")
