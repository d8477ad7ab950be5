"""The languages of the interface, the dictionary's labels and the printed reports."""

from __future__ import annotations

LANGUAGES = ("en", "zh_CN")
