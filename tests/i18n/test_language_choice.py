"""Which language the interface speaks (README "Languages"): --lang / NCLM_LANG for a run,
else the user's own setting (Account menu, Administration, or picked at sign-in), else the
system locale; the translators load only for zh_CN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog

from nclm_desktop import cli
from nclm_desktop.services import settings
from nclm_desktop.services.errors import PermissionDenied, ValidationError
from nclm_desktop.ui import app as app_module
from nclm_desktop.ui import i18n
from nclm_desktop.ui.language_dialog import LanguageDialog
from nclm_desktop.ui.login import LANGUAGE_CHANGED, LoginDialog
from tests.conftest import PASSWORD


@pytest.fixture
def english(qapp, monkeypatch):
    monkeypatch.delenv("NCLM_LANG", raising=False)
    i18n.install("en")
    yield
    i18n.install("en")


def test_each_user_keeps_a_language_and_only_an_administrator_sets_another_s(
    db, admin, surgeon, coordinator
):
    assert settings.user_language(db, surgeon.user_id) is None  # never chosen: the locale
    settings.set_user_language(db, surgeon, surgeon.user_id, "zh_CN")
    settings.set_user_language(db, admin, coordinator.user_id, "zh_CN")
    assert settings.user_language(db, surgeon.user_id) == "zh_CN"
    assert settings.user_language(db, coordinator.user_id) == "zh_CN"
    assert settings.user_language(db, admin.user_id) is None
    with pytest.raises(PermissionDenied):
        settings.set_user_language(db, surgeon, coordinator.user_id, "en")
    with pytest.raises(ValidationError):
        settings.set_user_language(db, surgeon, surgeon.user_id, "fr")
    assert settings.user_language(db, coordinator.user_id) == "zh_CN"


def test_installing_chinese_translates_ours_qts_and_the_locale(english):
    assert QCoreApplication.translate("MainWindow", "Participants") == "Participants"
    i18n.install("zh_CN")
    assert QCoreApplication.translate("MainWindow", "Participants") == "受试者"
    # a label marked in clinical/ and looked up through a page's own context
    assert QCoreApplication.translate("Followup", "Bile leakage") == "胆漏"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # qtbase_zh_CN
    assert QLocale().language() == QLocale.Language.Chinese
    assert QCoreApplication.translate("Nowhere", "not in the catalogue") == "not in the catalogue"
    i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "Participants") == "Participants"


def test_lang_option_and_environment_fix_the_language_for_the_run(english, tmp_path):
    """`--lang` reaches the window as NCLM_LANG (english() restores the environment)."""
    import os

    seen = []
    rc = cli.run(
        ["--db", str(tmp_path / "x.db"), "--lang", "zh_CN"],
        gui=lambda target, smoke: seen.append(os.environ.get("NCLM_LANG")) or 0,
    )
    assert rc == 0 and seen == ["zh_CN"]
    assert i18n.forced_language() == "zh_CN"


def test_forced_language_beats_the_system_locale(english, monkeypatch):
    monkeypatch.setenv("NCLM_LANG", "zh_CN")
    assert i18n.forced_language() == "zh_CN" and i18n.start_language() == "zh_CN"
    monkeypatch.setenv("NCLM_LANG", "klingon")
    assert i18n.forced_language() is None
    assert i18n.start_language() == i18n.system_language()


def test_picking_chinese_at_sign_in_reopens_the_dialog_in_it_and_keeps_the_choice(
    qtbot, db, surgeon, english, monkeypatch
):
    shown: list[LoginDialog] = []

    def run(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        if len(shown) == 1:  # the user types a name, then picks 简体中文
            dialog.username.setText(surgeon.username)
            dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
            return dialog.result() == LANGUAGE_CHANGED
        assert dialog.username.text() == surgeon.username  # kept across the switch
        dialog.password.setText(PASSWORD)
        dialog.submit()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(app_module, "run_dialog", run)
    controller = app_module.SessionController(db)
    opened = []
    monkeypatch.setattr(controller, "open_main", opened.append)
    assert controller.start()
    assert len(shown) == 2
    assert shown[0].windowTitle() == "NCLM Desktop — sign in"
    assert shown[1].windowTitle() == "NCLM 桌面版 — 登录"
    assert opened[0].username == surgeon.username
    assert settings.user_language(db, surgeon.user_id) == "zh_CN"  # kept for next time


def test_a_user_s_setting_applies_at_sign_in(qtbot, db, surgeon, english, monkeypatch):
    settings.set_user_language(db, surgeon, surgeon.user_id, "zh_CN")
    controller = app_module.SessionController(db)
    controller.use_language(surgeon, None)
    assert i18n.current_language() == "zh_CN"
    monkeypatch.setenv("NCLM_LANG", "en")  # --lang en wins over the setting for this run
    i18n.install("en")
    controller.use_language(surgeon, None)
    assert i18n.current_language() == "en"


def test_the_account_menu_dialog_saves_one_s_own_language(qtbot, db, coordinator, english):
    dialog = LanguageDialog(db, coordinator, coordinator.user_id, coordinator.username)
    qtbot.addWidget(dialog)
    dialog.choice.setCurrentIndex(dialog.choice.findData("zh_CN"))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.user_language(db, coordinator.user_id) == "zh_CN"


def test_protocol_texts_follow_the_language(english):
    from nclm_desktop.clinical.protocol import load_protocol

    criterion = load_protocol().eligibility.criteria[1]
    assert i18n.localized(criterion.text_en, criterion.text_zh) == criterion.text_en
    i18n.install("zh_CN")
    assert i18n.localized(criterion.text_en, criterion.text_zh) == "ECOG 评分 ≤ 2 分。"
