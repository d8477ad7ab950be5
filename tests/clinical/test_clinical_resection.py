"""Resection names from Couinaud segments (Strasberg / Brisbane 2000 terminology)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nclm_desktop.clinical import resection


@pytest.mark.parametrize(
    ("segments", "name", "name_zh", "major"),
    [
        # Brisbane 2000 second-order (hemiliver) and sectional resections.
        ({5, 6, 7, 8}, "right hemihepatectomy", "右半肝切除术", True),
        ({2, 3, 4}, "left hemihepatectomy", "左半肝切除术", True),
        ({5, 8}, "right anterior sectionectomy", "右前叶切除术", False),
        ({6, 7}, "right posterior sectionectomy", "右后叶切除术", False),
        ({2, 3}, "left lateral sectionectomy", "左外叶切除术", False),
        ({4}, "left medial sectionectomy / segmentectomy 4", "左内叶切除术（S4）", False),
        ({4, 5, 6, 7, 8}, "right trisectionectomy", "右三叶切除术", True),
        ({2, 3, 4, 5, 8}, "left trisectionectomy", "左三叶切除术", True),
        # Third order: segments.
        ({6}, "segmentectomy 6", "肝段切除术（S6）", False),
        ({1}, "caudate lobectomy / segmentectomy 1", "尾状叶切除术（S1）", False),
        ({5, 6}, "bisegmentectomy 5,6", "双肝段切除术（S5、S6）", False),
        ({7, 8}, "bisegmentectomy 7,8", "双肝段切除术（S7、S8）", False),
        ({2, 6, 7}, "multisegmentectomy (segments 2, 6, 7)", "多肝段切除术（S2、S6、S7）", True),
        # The caudate added to a named resection ("± segment 1" in Brisbane 2000).
        ({1, 5, 6, 7, 8}, "right hemihepatectomy + segment 1", "右半肝切除术 + 尾状叶（S1）", True),
        ({1, 2, 3, 4}, "left hemihepatectomy + segment 1", "左半肝切除术 + 尾状叶（S1）", True),
        ({1, 2, 3}, "left lateral sectionectomy + segment 1", "左外叶切除术 + 尾状叶（S1）", True),
        (
            {1, 4, 5, 6, 7, 8},
            "right trisectionectomy + segment 1",
            "右三叶切除术 + 尾状叶（S1）",
            True,
        ),
        # Caudate with a single segment is simply two segments.
        ({1, 4}, "bisegmentectomy 1,4", "双肝段切除术（S1、S4）", False),
        (
            {1, 2, 3, 4, 5, 6, 7, 8},
            "multisegmentectomy (segments 1, 2, 3, 4, 5, 6, 7, 8)",
            "多肝段切除术（S1、S2、S3、S4、S5、S6、S7、S8）",
            True,
        ),
    ],
)
def test_brisbane_names(segments, name, name_zh, major):
    r = resection(segments)
    assert (r.name, r.name_zh, r.major) == (name, name_zh, major)
    assert r.segments == tuple(sorted(segments))
    assert r.segment_count == len(segments)
    assert r.anatomical is True


@pytest.mark.parametrize(
    ("segments", "major"),
    [
        ({2, 3}, False),  # 2 segments: minor
        ({2, 3, 4}, True),  # protocol: 3 or more segments is major
    ],
)
def test_major_threshold(segments, major):
    assert resection(segments).major is major


def test_non_anatomical_resection_is_named_as_wedge_and_counted():
    one = resection([6], anatomical=False)
    assert one.name == "non-anatomical resection (wedge) of segment 6"
    assert one.name_zh == "非解剖性（楔形）肝切除术（S6）"
    assert one.anatomical is False and one.major is False
    three = resection([7, 2, 6], anatomical=False)
    assert three.name == "non-anatomical resection (wedge) of segments 2, 6, 7"
    assert three.major is True  # major/minor is by count whatever the technique


def test_segments_accept_lists_tuples_and_duplicates():
    assert resection([8, 5, 5]).name == "right anterior sectionectomy"
    assert resection((5, 8)).segments == (5, 8)


@pytest.mark.parametrize(
    ("segments", "message"),
    [
        ([9], "segments must be between 1 and 8 (got 9)"),
        ([0, 2], "segments must be between 1 and 8 (got 0)"),
        ([], "segments must name at least one segment 1 to 8 (got none)"),
        (["5"], "segments must be a whole number (got '5')"),
        ([2.0], "segments must be a whole number (got 2.0)"),
        ([True], "segments must be a whole number (got True)"),
        ("58", "segments must be a list of segment numbers 1 to 8"),
        (5, "segments must be a list of segment numbers 1 to 8"),
    ],
)
def test_bad_segments_are_refused(segments, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        resection(segments)


@given(st.sets(st.integers(min_value=1, max_value=8), min_size=1))
def test_every_segment_set_gets_a_name_and_count(segments):
    r = resection(segments)
    assert r.name and r.name_zh
    assert r.segment_count == len(segments)
    assert r.major is (len(segments) >= 3)
