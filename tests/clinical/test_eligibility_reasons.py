"""Every sentence the eligibility rule answers with is listed in ``REASON_TEMPLATES`` (and
every word it puts in, in ``REASON_TERMS``), so that a stored reason can be read back by its
shape and shown translated (services/recorded_texts.py). Source of the criteria: the
NCT05771025 protocol (clinical/eligibility.py)."""

from __future__ import annotations

import ast
from pathlib import Path

from nclm_desktop.clinical import eligibility
from nclm_desktop.clinical.eligibility_sentences import REASON_TEMPLATES, REASON_TERMS


def test_every_marked_sentence_of_the_rule_is_listed():
    tree = ast.parse(Path(eligibility.__file__).read_text(encoding="utf-8"))
    marked = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[1], ast.Constant)
    }
    assert len(marked) > 40
    assert marked - set(REASON_TEMPLATES) - set(REASON_TERMS) == set()
