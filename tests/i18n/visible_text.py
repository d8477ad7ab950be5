"""What a person sees of a widget tree: labels, buttons, tabs, headers, group titles, window
titles, placeholders, tooltips, menus, list and combo items (not table cells: those are data)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

# Kept as-is by Chinese clinicians and in Chinese software (abbreviations, units, names, keys).
ALLOWED = {
    "NCLM", "ECOG", "CT", "MRI", "EBV", "DNA", "INR", "UTC", "PDF", "ics", "iCalendar", "ISGLS",
    "PHLF", "PHH", "CCI", "Clavien", "Dindo", "Child", "Pugh", "Couinaud", "RFS", "OS", "R0",
    "SD", "PR", "CR", "ID", "YYYY", "MM", "DD", "YYYYMMDD", "Ctrl", "Alt", "Shift", "Del",
    "Love", "db", "mL", "min", "kg", "cm", "mg", "dL", "umol", "NPC", "ALBI", "FLR", "ICU", "TPN",
}  # fmt: skip
# File formats and the programs that read them (the Export page).
# Staging systems, classifications and procedures named in English in Chinese practice.
ALLOWED |= {"AJCC", "WHO", "TNM", "TACE", "RFA", "PD", "PRBC", "Pringle", "Brisbane", "µmol", "mm"}
ALLOWED |= {"RECIST", "GP", "R1", "R2", "II"}  # response criteria, a regimen's initials, grades
ALLOWED |= {"Slankamenac", "Rahbari", "HPB"}  # cited authors and journals stay as published
ALLOWED |= {f"{t}{n}" for t in "TNM" for n in "01234X"} | {"IIIa", "IIIb", "IVa", "IVb"}
ALLOWED |= {"CSV", "UTF", "Excel", "xlsx", "Stata", "dta", "SPSS", "sav", "REDCap", "README", "SHA"}
_WORD = re.compile(r"[A-Za-zµ][A-Za-z0-9µ]+")  # one letter is no word (NCLM-H-001, Ctrl+F)
_TAG = re.compile(r"<[^>]+>")
_ACCELERATOR = re.compile(r"\(&\w\)|&")  # 帮助(&H)


def _texts(widget: QWidget) -> Iterable[str]:
    if isinstance(widget, QLabel):
        yield _TAG.sub(" ", widget.text())
    if isinstance(widget, QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))
        yield from (widget.tabToolTip(i) for i in range(widget.count()))
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    if isinstance(widget, (QMenuBar, QMenu)):
        for action in widget.actions():
            yield action.text()
            yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
    header = widget.horizontalHeader() if hasattr(widget, "horizontalHeader") else None
    if isinstance(widget, QAbstractItemView) and header is not None and widget.model():
        model = widget.model()
        for col in range(header.count()):
            if header.isSectionHidden(col):
                continue
            yield str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            tip = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            yield str(tip or "")
    if widget.isWindow():
        yield widget.windowTitle()
    yield widget.toolTip()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(objectName or class, text) of every visible widget under ``root`` (root included)."""
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() and not isinstance(widget, QMenu):
            continue
        name = widget.objectName() or type(widget).__name__
        out.extend((name, text) for text in _texts(widget) if text and text.strip())
    return out


def english_words(texts: Iterable[tuple[str, str]], data: Iterable[str] = ()) -> list[str]:
    """Texts holding an English word outside ALLOWED; ``data`` (names, paths the test itself
    entered) is taken out first: it is the user's, not the interface's."""
    found = []
    for name, text in texts:
        rest = _ACCELERATOR.sub("", text)
        for value in data:  # whole words only: a user "pi" is no part of "copies"
            rest = re.sub(rf"(?<![A-Za-z]){re.escape(value)}(?![A-Za-z])", " ", rest)
        words = [w for w in _WORD.findall(rest) if w not in ALLOWED]
        if words:
            found.append(f"{name}: {text!r} ({', '.join(words)})")
    return sorted(set(found))
