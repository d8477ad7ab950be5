"""Text input: one check (forms.text.text_problem, used by every text field) refuses NUL and other control
characters, bidi controls, lone surrogates and over-long values with a ValidationError,
never a UnicodeEncodeError or a half-written record."""

from __future__ import annotations

import pytest
from surgery_data import TODAY, right_hemihepatectomy

from nclm_desktop.forms.catalogue import form
from nclm_desktop.forms.text import text_problem
from nclm_desktop.services import accounts, surgery
from nclm_desktop.services.errors import ValidationError
from tests.conftest import PASSWORD

BAD_INPUTS = [
    ("Zhang\x00San", "control character (U+0000)"),
    ("bell\x07", "control character (U+0007)"),
    ("escape\x1b[31m", "control character (U+001B)"),
    ("del\x7f", "control character (U+007F)"),
    ("c1\x85control", "control character (U+0085)"),
    ("admin\u202egnp.exe", "text-direction control character (U+202E)"),
    ("\u202dforced ltr", "text-direction control character (U+202D)"),
    ("isolate\u2067x\u2069", "text-direction control character (U+2067)"),
    ("lone \ud800 high", "lone surrogate"),
    ("lone \udfff low", "lone surrogate"),
    ("x" * 201, "at most 200 characters (got 201)"),
]


@pytest.mark.parametrize("value, problem", BAD_INPUTS)
def test_bad_text_is_named(value, problem):
    assert problem in text_problem(value, 200)
    with pytest.raises(ValidationError) as err:
        form("participant_identity")["name"].clean(value)
    assert err.value.field == "name" and problem in str(err.value)


@pytest.mark.parametrize("value", ["张三", "Zhang San", "O'Brien-Smith", "x" * 200, "عربي"])
def test_good_text_passes(value):
    assert text_problem(value, 200) is None


def test_line_breaks_only_in_multi_line_text():
    assert "control character" in text_problem("two\nlines")
    assert text_problem("two\nlines\tand a tab", multiline=True) is None


@pytest.mark.parametrize("value, problem", BAD_INPUTS[:-1])
def test_every_service_text_goes_through_the_check(db, surgeon, operation, value, problem):
    """Operation notes have no check of their own: the write path catches them."""
    data = right_hemihepatectomy([surgeon.user_id], notes=value)
    with pytest.raises(ValidationError) as err:
        surgery.update_operation(db, surgeon, operation, data, "notes added", today=TODAY)
    assert err.value.field == "notes" and problem in str(err.value)
    assert surgery.get_operation(db, surgeon, operation).notes is None


@pytest.mark.parametrize("value, problem", BAD_INPUTS[:-1])
def test_reasons_and_user_fields_are_checked(db, admin, surgeon, operation, value, problem):
    data = right_hemihepatectomy([surgeon.user_id], blood_loss_ml=500)
    with pytest.raises(ValidationError) as err:
        surgery.update_operation(db, surgeon, operation, data, value, today=TODAY)
    assert err.value.field == "reason"
    with pytest.raises(ValidationError) as err:
        accounts.add_user(db, admin, "newuser", value, "surgeon", PASSWORD)
    assert err.value.field == "display_name" and problem in str(err.value)


def test_over_long_text_is_refused_even_in_an_unsized_column(db, surgeon, participant, operation):
    """The reason column is unsized; its dictionary field allows 2000 characters."""
    with pytest.raises(ValidationError) as err:
        surgery.add_reoperation(
            db,
            surgeon,
            operation,
            surgery.ReoperationInput(TODAY.replace(month=4), False, "r" * 20_001),
            today=TODAY,
        )
    assert err.value.field == "reason" and "at most 2000 characters" in str(err.value)


@pytest.fixture
def operation(db, surgeon, participant) -> int:
    return surgery.record_operation(
        db, surgeon, participant, right_hemihepatectomy([surgeon.user_id]), today=TODAY
    )
