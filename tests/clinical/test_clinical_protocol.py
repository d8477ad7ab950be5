"""The protocol file: loads, is cached, and a broken copy is refused naming the bad key."""

from __future__ import annotations

import copy
import json
from importlib.resources import files

import pytest

from nclm_desktop.clinical import DEFAULT_PROTOCOL, Protocol, load_protocol
from nclm_desktop.clinical.protocol import CRITERION_KINDS


def _raw() -> dict:
    path = files("nclm_desktop") / "resources" / "protocol" / f"{DEFAULT_PROTOCOL}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_default_protocol_loads_with_registered_thresholds():
    p = load_protocol()
    # NCT05771025: ages 18 to 70, ECOG <= 2, Child-Pugh A, FLR >= 30 %.
    assert p.version == "1.0"
    assert p.name == DEFAULT_PROTOCOL
    assert p.study.registration == "NCT05771025"
    e = p.eligibility
    assert (e.age_min_years, e.age_max_years, e.ecog_max) == (18, 70, 2)
    assert e.child_pugh_class == "A"
    assert e.future_liver_remnant_min_pct == 30
    assert p.resection.major_min_segments == 3
    assert p.endpoints.horizon_months == 60
    assert (p.endpoints.morbidity_days, p.endpoints.mortality_days) == (90, 30)
    assert [v.month for v in p.schedule.visits] == [
        1, 3, 6, 9, 12, 15, 18, 21, 24, 30, 36, 42, 48, 54, 60
    ]  # fmt: skip
    assert {v.code: v.window_days for v in p.schedule.visits}["M1"] == 7
    assert {v.code: v.window_days for v in p.schedule.visits}["M24"] == 14
    assert {v.code: v.window_days for v in p.schedule.visits}["M30"] == 28


def test_load_protocol_is_cached_and_accepts_explicit_name():
    assert load_protocol() is load_protocol()
    assert load_protocol(DEFAULT_PROTOCOL) is load_protocol()
    assert load_protocol(DEFAULT_PROTOCOL + ".json") is load_protocol()


def test_protocol_is_frozen():
    p = load_protocol()
    with pytest.raises(AttributeError):
        p.version = "2"  # type: ignore[misc]


def test_every_criterion_has_english_and_chinese_text():
    p = load_protocol()
    ids = [c.id for c in p.eligibility.criteria]
    assert sorted(ids) == sorted(CRITERION_KINDS)
    for c in p.eligibility.criteria:
        assert c.kind == CRITERION_KINDS[c.id]
        assert c.text_en.strip() and c.text_zh.strip()
        # Chinese text really is Chinese (CJK unified ideographs present).
        assert any("\u4e00" <= ch <= "\u9fff" for ch in c.text_zh), c.id


@pytest.mark.parametrize("name", ["no-such-protocol", "../etc/passwd", "UPPER", ""])
def test_unknown_or_unsafe_protocol_name_is_refused(name):
    with pytest.raises(ValueError, match="protocol"):
        load_protocol(name)


def test_from_dict_round_trips_the_file():
    assert Protocol.from_dict(_raw()) == load_protocol()


def _drop(path):
    def edit(d):
        *head, last = path
        for k in head:
            d = d[k]
        del d[last]

    return edit


def _set(path, value):
    def edit(d):
        *head, last = path
        for k in head:
            d = d[k]
        d[last] = value

    return edit


# (id, edit of the raw dict, text the error must contain: the key path)
BROKEN = [
    ("not-an-object", None, "the protocol must be a JSON object"),
    ("missing-version", _drop(["version"]), "'version' is missing"),
    ("bad-format", _set(["format"], 2), "'format'"),
    ("unknown-top-key", _set(["thresholds"], {}), "'thresholds' is not recognised"),
    ("missing-ecog", _drop(["eligibility", "ecog_max"]), "'eligibility.ecog_max' is missing"),
    ("ecog-too-high", _set(["eligibility", "ecog_max"], 7), "'eligibility.ecog_max'"),
    ("age-max-below-min", _set(["eligibility", "age_max_years"], 10), "age_max_years"),
    ("ecog-as-text", _set(["eligibility", "ecog_max"], "2"), "'eligibility.ecog_max'"),
    ("bad-child-pugh", _set(["eligibility", "child_pugh_class"], "D"), "child_pugh_class"),
    ("flr-over-100", _set(["eligibility", "future_liver_remnant_min_pct"], 130), "remnant"),
    ("typo-in-key", _set(["eligibility", "ecog_maxx"], 2), "'eligibility.ecog_maxx'"),
    ("criteria-empty", _set(["eligibility", "criteria"], []), "'eligibility.criteria'"),
    (
        "criterion-unknown-id",
        _set(["eligibility", "criteria", 0, "id"], "inc_magic"),
        "'eligibility.criteria[0].id'",
    ),
    (
        "criterion-wrong-kind",
        _set(["eligibility", "criteria", 0, "kind"], "exclusion"),
        "'eligibility.criteria[0].kind'",
    ),
    (
        "criterion-empty-text",
        _set(["eligibility", "criteria", 1, "text_zh"], " "),
        "'eligibility.criteria[1].text_zh'",
    ),
    (
        "criterion-missing",
        lambda d: d["eligibility"]["criteria"].pop(),
        "missing criteria: exc_understanding",
    ),
    (
        "criterion-repeated",
        lambda d: d["eligibility"]["criteria"].append(d["eligibility"]["criteria"][0]),
        "repeats criterion 'inc_nclm_confirmed'",
    ),
    ("major-zero", _set(["resection", "major_min_segments"], 0), "major_min_segments"),
    (
        "visit-months-not-increasing",
        _set(["schedule", "visits", 2, "month"], 2),
        "'schedule.visits[2].month'",
    ),
    (
        "visit-month-repeated",
        _set(["schedule", "visits", 2, "month"], 3),
        "'schedule.visits[2].month'",
    ),
    (
        "visit-code-repeated",
        _set(["schedule", "visits", 1, "code"], "M1"),
        "'schedule.visits[1].code'",
    ),
    (
        "negative-window",
        _set(["schedule", "visits", 0, "window_days"], -1),
        "'schedule.visits[0].window_days'",
    ),
    (
        "overlapping-windows",
        _set(["schedule", "visits", 1, "window_days"], 60),
        "'schedule.visits[1].window_days' makes the windows of M1 and M3 overlap",
    ),
    (
        "assessment-every-zero",
        _set(["schedule", "assessments", 5, "every_months"], 0),
        "'schedule.assessments[5].every_months'",
    ),
    (
        "assessment-repeated",
        _set(["schedule", "assessments", 1, "code"], "history_exam"),
        "'schedule.assessments[1].code'",
    ),
    ("horizon-zero", _set(["endpoints", "horizon_months"], 0), "'endpoints.horizon_months'"),
    ("horizon-missing", _drop(["endpoints", "horizon_months"]), "'endpoints.horizon_months'"),
    ("study-title-number", _set(["study", "title_en"], 5), "'study.title_en'"),
]


@pytest.mark.parametrize(("edit", "expected"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_protocol_raises_value_error_naming_the_key(edit, expected):
    data = copy.deepcopy(_raw())
    if edit is None:
        data = ["not", "an", "object"]
    else:
        edit(data)
    with pytest.raises(ValueError) as info:
        Protocol.from_dict(data)
    assert expected in str(info.value)


def test_windows_just_apart_are_accepted():
    # M1 -> M3 is at least 28*2 - 3 = 53 days apart; 7 + 45 = 52 < 53 is accepted.
    data = copy.deepcopy(_raw())
    data["schedule"]["visits"][1]["window_days"] = 45
    assert Protocol.from_dict(data).schedule.visits[1].window_days == 45
