"""The one text check's phrases (forms/text.py) in the user's language: a field or a change
reason refused for a control character or its length reads in Chinese, every word of it
(the English wording stays where no translator is installed)."""

from __future__ import annotations

import pytest

from nclm_desktop.forms.catalogue import form
from nclm_desktop.services.errors import ValidationError
from nclm_desktop.services.uow import writing
from tests.i18n.visible_text import english_words

NOTES = form("screening")["notes"]


def _refusal(value: str) -> str:
    with pytest.raises(ValidationError) as caught:
        NOTES.clean(value)
    return str(caught.value)


def test_english_without_the_interface():
    assert _refusal("a\x00b") == f"{NOTES.label} contains a control character (U+0000)."


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("a\x00b", "控制字符"),
        ("a\u202eb", "文字方向控制字符"),
        ("a\ud800b", "无效字符"),
        ("x" * 2001, "2001"),
    ],
)
def test_a_text_field_refusal_in_chinese(zh_cn, value, words):
    text = _refusal(value)
    assert words in text
    assert english_words([("refusal", text)]) == []


def test_a_change_reason_refusal_in_chinese(db, admin, zh_cn):
    with pytest.raises(ValidationError) as caught, writing(db, admin, reason="typo\x07"):
        pass
    text = str(caught.value)
    assert "U+0007" in text and "控制字符" in text
    assert english_words([("refusal", text)]) == []
