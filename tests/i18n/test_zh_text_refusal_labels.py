"""The write path's text check names the column by its label (the data dictionary's, or the
column's own marked name), so the refusal is in the user's language (README "Languages")."""

from __future__ import annotations

import pytest

from nclm_desktop.forms.catalogue import form
from nclm_desktop.models import ParticipantIdentity
from nclm_desktop.services import accounts
from nclm_desktop.services.enrolment import screen
from nclm_desktop.services.errors import ValidationError
from nclm_desktop.services.uow import writing
from tests.conftest import PASSWORD
from tests.enrolment.conftest import TODAY, make_identity, make_screening
from tests.i18n.visible_text import english_words


def _bad_address(db, surgeon) -> ValidationError:
    pid = screen(db, surgeon, make_identity(), make_screening(), today=TODAY).participant_id
    with pytest.raises(ValidationError) as caught, writing(db, surgeon) as s:
        identity = s.query(ParticipantIdentity).filter_by(participant_id=pid).one()
        identity.address = "Room 5\x07"
    return caught.value


def test_english_names_the_dictionary_label(db, surgeon):
    exc = _bad_address(db, surgeon)
    label = form("participant_identity")["address"].label
    assert exc.field == "address"
    assert str(exc) == f"{label} contains a control character (U+0007)."


def test_a_dictionary_column_in_chinese(db, surgeon, zh_cn):
    text = str(_bad_address(db, surgeon))
    assert "地址" in text and "控制字符" in text
    assert english_words([("refusal", text)]) == []


def test_a_column_outside_the_dictionary_in_chinese(db, admin, zh_cn):
    with pytest.raises(ValidationError) as caught:
        accounts.add_user(db, admin, "newuser", "Wang\x07", "surgeon", PASSWORD)
    text = str(caught.value)
    assert caught.value.field == "display_name" and text.startswith("姓名")
    assert english_words([("refusal", text)]) == []


def test_a_column_only_the_write_path_checks_in_chinese(db, admin, zh_cn):
    """A user's name written without the accounts service's own check (the write path's)."""
    from nclm_desktop.models.users import User

    with pytest.raises(ValidationError) as caught, writing(db, admin, reason="typo") as s:
        s.get(User, admin.user_id).display_name = "Wang\x07"
    text = str(caught.value)
    assert caught.value.field == "display_name" and text.startswith("姓名")
    assert english_words([("refusal", text)]) == []
