"""The interface language: which one (README "Languages") and Qt translators for it.

Order: `--lang` / `NCLM_LANG` for this run, else the user's own setting once signed in,
else the system locale. Only zh_CN loads translators; English is the source text.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import paths
from ..forms.errors import Said, Term, set_translator
from ..forms.languages import LANGUAGES

LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}  # each in its own language
assert set(LANGUAGE_NAMES) == set(LANGUAGES)


# Where a miss looks next: the ui modules' `_t()` helpers pass their own context but lupdate
# files their strings under the empty one (tools/i18n.py); labels defined below ui (roles,
# clinical names, statuses) are marked QT_TRANSLATE_NOOP("DataDictionary", ...) and often
# looked up through a page's own helper.
_SHARED_CONTEXTS = ("", "DataDictionary")


class _AppTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102
        found = super().translate(context, source, disambiguation, n)
        for shared in _SHARED_CONTEXTS:
            if found:
                break
            if shared != context:
                found = super().translate(shared, source, disambiguation, n)
        return found or None  # None (a null string) lets Qt keep the source; "" would blank it


_installed: list[QTranslator] = []
_current = "en"
_start_locale: QLocale | None = None


def forced_language() -> str | None:
    """`--lang` (the CLI puts it into NCLM_LANG) or NCLM_LANG: wins over the user's setting."""
    value = os.environ.get("NCLM_LANG", "")
    return value if value in LANGUAGES else None


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def start_language() -> str:
    """The language of the sign-in dialog (no user yet)."""
    return forced_language() or system_language()


def current_language() -> str:
    return _current


def install(lang: str) -> str:
    """Make ``lang`` the interface language of widgets built from now on; returns it."""
    global _current
    app = QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else "en"
    if lang == _current and (lang == "en" or _installed):
        return lang  # start-up in English loads nothing
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang != "en":
        ours = _AppTranslator(app)
        if ours.load(str(paths.resource("i18n", f"nclm_{lang}.qm"))):
            _installed.append(ours)
        qt_own = QTranslator(app)  # standard buttons and dialogs (OK, Cancel, Yes ...)
        if qt_own.load(
            f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            _installed.append(qt_own)
        for translator in _installed:
            app.installTranslator(translator)
    QLocale.setDefault(_locale(lang))  # month and day names, numbers in Qt's widgets
    set_translator(None if lang == "en" else refusal_text)  # services' messages, see there
    _current = lang
    return lang


def _locale(lang: str) -> QLocale:
    global _start_locale
    if _start_locale is None:
        _start_locale = QLocale()  # what Qt chose before any switch (the system's)
    if lang == "zh_CN":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    if _start_locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return _start_locale  # keeps an English user's own regional formats
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def weekday_date(day) -> str:
    """The weekday in the interface language: "Tue 2026-12-01" / "周二 2026-12-01"."""
    from PySide6.QtCore import QDate

    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd yyyy-MM-dd")


def localized(en: str, zh: str) -> str:
    """A text the protocol file or a clinical rule carries in both languages (criteria,
    assessments, resection names): the one for the interface language."""
    return zh if _current == "zh_CN" and zh else en


def refusal_text(template: str, params: Mapping[str, Any]) -> str:
    """A refusal (forms/errors.py) in the interface language: the services' messages are
    marked in the "Refusals" context, the data dictionary's in "DataDictionary"; the words
    put into them (``Term``) are translated in their own context."""
    text = QCoreApplication.translate("Refusals", template)
    if text == template:
        text = QCoreApplication.translate("DataDictionary", template)
    return text.format(**{k: _word(v) for k, v in params.items()})


def _word(value: Any) -> Any:
    if isinstance(value, Term):
        if _current == "zh_CN" and value in _protocol_words():
            return _protocol_words()[value]
        return QCoreApplication.translate(value.context, value)
    if isinstance(value, Said):  # a sentence put into a sentence
        return refusal_text(value.template, value.params)
    return value


@cache
def _protocol_words() -> dict[str, str]:
    """The protocol file's own bilingual words put into sentences (visit assessments), as the
    reports' catalogue has them (reports/language.py)."""
    from ..clinical.protocol import load_protocol

    return {a.label_en: a.label_zh for a in load_protocol().schedule.assessments if a.label_zh}
