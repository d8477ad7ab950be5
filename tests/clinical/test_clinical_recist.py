"""RECIST 1.1 time-point response (Eisenhauer 2009)."""

from __future__ import annotations

import re

import pytest

from nclm_desktop.clinical import recist_response


@pytest.mark.parametrize(
    ("baseline", "nadir", "current", "kwargs", "expected"),
    [
        # PR: >= 30 % decrease from baseline (Eisenhauer 2009, 4.3.1).
        (100, 100, 70, {}, "PR"),  # exactly -30 %
        (100, 100, 71, {}, "SD"),  # -29 %
        (100, 100, 100, {}, "SD"),
        # PD: >= 20 % increase from the nadir AND >= 5 mm absolute.
        (100, 50, 60, {}, "PD"),  # +20 %, +10 mm
        (100, 50, 59, {}, "PR"),  # +18 % from nadir: not PD; still -41 % from baseline
        (100, 20, 24, {}, "PR"),  # +20 % but only 4 mm: not PD
        (100, 20, 25, {}, "PD"),  # +25 % and 5 mm
        (20, 20, 24, {}, "SD"),  # +20 % from nadir = baseline, but only 4 mm
        (100, 0, 5, {}, "PD"),  # nadir 0: reappearance of 5 mm is PD
        (100, 0, 4, {}, "PR"),  # 4 mm from 0 is under 5 mm
        # CR: all target lesions gone, nodes < 10 mm, non-target absent.
        (100, 80, 0, {}, "CR"),
        (100, 80, 0, {"non_target": "present"}, "PR"),  # non-target still there: PR
        (100, 50, 15, {"nodal_target_sum_mm": 15}, "CR"),  # only normal-size target nodes left
        (100, 50, 15, {"nodal_target_sum_mm": 15, "all_nodes_short_axis_lt_10mm": False}, "PR"),
        (100, 50, 20, {"nodal_target_sum_mm": 15}, "PR"),  # 5 mm of non-nodal disease left
        # PD from outside the target sum.
        (100, 60, 50, {"new_lesions": True}, "PD"),
        (100, 60, 0, {"non_target": "unequivocal_progression"}, "PD"),
        (100, 60, 0, {"new_lesions": True}, "PD"),
    ],
)
def test_recist_response(baseline, nadir, current, kwargs, expected):
    assert recist_response(baseline, nadir, current, **kwargs) == expected


def test_pd_on_both_thresholds_from_nadir_not_baseline():
    # 40 -> 48 is +20 % and +8 mm: PD (both thresholds reached).
    assert recist_response(40, 40, 48) == "PD"
    # 40 -> 47 is +17.5 %: SD.
    assert recist_response(40, 40, 47) == "SD"


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((0, 0, 0), {}, "baseline_sum_mm must be > 0 (got 0)"),
        ((100, 120, 90), {}, "nadir_sum_mm must be <= baseline_sum_mm (100)"),
        ((100, 80, -1), {}, "current_sum_mm must be >= 0 (got -1)"),
        ((100, 80, 70), {"non_target": "yes"}, "non_target must be one of 'absent', 'present'"),
        ((100, 80, 10), {"nodal_target_sum_mm": 12}, "nodal_target_sum_mm must be <= current_sum_mm"),
        ((100, 80, 70), {"new_lesions": None}, "new_lesions must be true or false"),
    ],
)  # fmt: skip
def test_bad_input_is_refused(args, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        recist_response(*args, **kwargs)
