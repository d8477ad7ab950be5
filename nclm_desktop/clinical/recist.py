"""RECIST 1.1 time-point response (Eisenhauer EA et al. Eur J Cancer 2009;45:228-47)."""

from __future__ import annotations

from .validation import require_bool, require_choice, require_number

RECIST_RESPONSES = ("CR", "PR", "SD", "PD")
NON_TARGET_CHOICES = ("absent", "present", "unequivocal_progression")


def recist_response(
    baseline_sum_mm: float,
    nadir_sum_mm: float,
    current_sum_mm: float,
    non_target: str = "absent",
    new_lesions: bool = False,
    all_nodes_short_axis_lt_10mm: bool = True,
    nodal_target_sum_mm: float = 0.0,
) -> str:
    """Overall response at one time point for patients with target disease (RECIST 1.1,
    Eisenhauer 2009, table 1).

    Sums are of target lesion diameters: longest diameter for non-nodal lesions, short axis
    for nodes; ``nodal_target_sum_mm`` is the part of ``current_sum_mm`` that comes from
    target nodes. ``nadir_sum_mm`` is the smallest sum so far, baseline included.
    ``non_target``: "absent" (none, or all gone and nodes normal), "present" (non-CR/non-PD)
    or "unequivocal_progression".

    - PD: sum up >= 20 % from the nadir and >= 5 mm in absolute terms, or new lesions, or
      unequivocal progression of non-target disease.
    - CR: every non-nodal target lesion gone, every node < 10 mm short axis, non-target
      absent. With non-target disease still present, a target CR is a PR overall.
    - PR: sum down >= 30 % from baseline.
    - SD: neither.
    """
    baseline = require_number("baseline_sum_mm", baseline_sum_mm, gt=0)
    nadir = require_number("nadir_sum_mm", nadir_sum_mm, ge=0)
    current = require_number("current_sum_mm", current_sum_mm, ge=0)
    nodal = require_number("nodal_target_sum_mm", nodal_target_sum_mm, ge=0)
    require_choice("non_target", non_target, NON_TARGET_CHOICES)
    require_bool("new_lesions", new_lesions)
    require_bool("all_nodes_short_axis_lt_10mm", all_nodes_short_axis_lt_10mm)
    if nadir > baseline:
        raise ValueError(
            f"nadir_sum_mm must be <= baseline_sum_mm ({baseline:g}), as the nadir includes "
            f"the baseline (got {nadir:g})"
        )
    if nodal > current:
        raise ValueError(
            f"nodal_target_sum_mm must be <= current_sum_mm ({current:g}) (got {nodal:g})"
        )

    # Compare by cross-multiplying rather than with 0.7 / 1.2 factors, so that whole
    # millimetres land exactly on the cut-offs (e.g. 100 → 70 is a PR, 50 → 60 is a PD).
    increase = current - nadir
    if new_lesions or non_target == "unequivocal_progression":
        return "PD"
    if increase >= 5 and increase * 5 >= nadir:
        return "PD"
    target_cr = current - nodal == 0 and all_nodes_short_axis_lt_10mm
    if target_cr:
        return "CR" if non_target == "absent" else "PR"
    if (baseline - current) * 10 >= 3 * baseline:
        return "PR"
    return "SD"
