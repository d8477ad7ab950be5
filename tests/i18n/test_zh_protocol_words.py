"""One name per thing in Chinese: an assessment of the protocol file (shown on "Not done",
the schedule, the worklist) that the interface also names (e.g. ECOG performance status) has
the same Chinese name in both (README "Languages")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nclm_desktop.clinical.protocol import load_protocol


def test_protocol_assessments_are_named_as_the_interface_names_them(zh_cn):
    differ = {}
    for a in load_protocol().schedule.assessments:
        ours = QCoreApplication.translate("DataDictionary", a.label_en)
        if ours != a.label_en and ours != a.label_zh:
            differ[a.label_en] = (a.label_zh, ours)
    assert differ == {}


def test_ecog_is_named_alike_everywhere(zh_cn):
    ecog = next(a for a in load_protocol().schedule.assessments if a.code == "ecog")
    assert ecog.label_zh == "ECOG 体能状态"
    for source in ("ECOG above 2", "ECOG {ecog}", "ECOG above the limit"):
        texts = {
            QCoreApplication.translate(context, source)
            for context in ("DataDictionary", "Refusals", "Reports")
        }
        assert any("ECOG 体能状态" in t for t in texts), source
        assert not any("评分" in t for t in texts), source
