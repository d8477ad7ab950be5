"""The services' refusals in the user's language (README "Languages"): a message is a marked
template, so the interface shows it in Chinese with its words (field labels, the date it
follows, the role and the action) translated too; without the interface it stays English
(the command line, the logs)."""

from __future__ import annotations

import datetime as dt

import pytest

from nclm_desktop.forms.catalogue import form
from nclm_desktop.services import date_order
from nclm_desktop.services.errors import PermissionDenied, ValidationError
from nclm_desktop.services.permissions import Permission, require

SCREENING = form("screening")


def _date_order_error() -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        date_order.not_before(
            SCREENING["screening_date"], dt.date(1960, 1, 2), date_order.BIRTH, dt.date(1961, 3, 4)
        )
    return caught.value


def test_english_without_the_interface():
    exc = _date_order_error()
    assert exc.field == "screening_date"
    assert (
        str(exc)
        == f"{SCREENING['screening_date'].label} (1960-01-02) is before the birth date (1961-03-04)."
    )


def test_a_date_order_refusal_in_chinese(zh_cn):
    text = str(_date_order_error())
    assert text == "筛选日期（1960-01-02）早于出生日期（1961-03-04）。"


def test_a_permission_refusal_in_chinese_and_back(monitor, qapp):
    from nclm_desktop.ui import i18n

    with pytest.raises(PermissionDenied) as caught:
        require(monitor, Permission.WRITE_SURGERY)
    assert str(caught.value) == "The role Monitor may not record operations and complications."
    i18n.install("zh_CN")
    try:
        assert str(caught.value) == "监查员角色无权录入手术和并发症。"
    finally:
        i18n.install("en")
    assert "may not record operations" in str(caught.value)


def test_every_refusal_template_keeps_its_placeholders(workflow):
    """A translation that lost a placeholder would fall back to English: none may."""
    import re
    import xml.etree.ElementTree as ET

    tree = ET.parse(workflow.ts_file("zh_CN"))
    refusals = [c for c in tree.iter("context") if c.findtext("name") == "Refusals"]
    assert refusals, "no Refusals context in the translation file"
    messages = list(refusals[0].iter("message"))
    assert len(messages) >= 60
    for message in messages:
        source, text = message.findtext("source"), message.findtext("translation")
        assert text and text != source, source
        assert set(re.findall(r"{\w*}", source)) == set(re.findall(r"{\w*}", text)), source


def test_sign_in_and_first_run_refusals_in_chinese(qtbot, db, admin, zh_cn):
    """What a Chinese ward user meets first: a wrong password and a weak first password."""
    from nclm_desktop.ui.login import LoginDialog

    login = LoginDialog(db)
    qtbot.addWidget(login)
    login.username.setText(admin.username)
    login.password.setText("not the password")
    login.submit()
    assert login.message.text().startswith("用户名不存在或密码错误。连续失败 5 次")


def test_a_weak_first_password_is_refused_in_chinese(qtbot, db, zh_cn):
    from nclm_desktop.ui.login import FirstRunDialog

    first = FirstRunDialog(db)  # no account yet in this database
    qtbot.addWidget(first)
    first.username.setText("zhou")
    first.display_name.setText("周文")
    first.password.setText("short")
    first.password_again.setText("short")
    first.submit()
    assert first.message.text() == "密码至少需要 10 个字符。"
