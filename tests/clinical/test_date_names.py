"""Every date the endpoint rules can name in a date-order problem has a marked name
(clinical/validation.py ``date_name``), so the problem is shown translated (README
"Languages"). Rules: clinical/endpoints.py (NCT05771025 outcomes), clinical/index_stay.py."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nclm_desktop.clinical.endpoints import (
    intrahepatic_rfs,
    overall_survival,
    perioperative_outcomes,
)
from nclm_desktop.clinical.index_stay import reoperation_during_index_stay
from nclm_desktop.clinical.text_marks import Said, Term
from nclm_desktop.clinical.validation import (
    DATE_NAMES,
    LISTED_DATE_NAMES,
    DateOrderError,
    date_name,
)

DAY0 = date(2026, 1, 10)
BEFORE, AFTER = DAY0 - timedelta(days=3), DAY0 + timedelta(days=30)

# Each call puts one pair of dates in the wrong order.
WRONG_ORDERS = [
    lambda: overall_survival(DAY0, death_date=BEFORE),
    lambda: overall_survival(DAY0, last_alive_date=BEFORE),
    lambda: overall_survival(DAY0, death_date=DAY0, last_alive_date=AFTER),
    lambda: intrahepatic_rfs(DAY0, intrahepatic_recurrence_dates=[AFTER, BEFORE]),
    lambda: intrahepatic_rfs(DAY0, death_date=BEFORE),
    lambda: intrahepatic_rfs(DAY0, last_liver_imaging_date=BEFORE),
    lambda: intrahepatic_rfs(DAY0, death_date=DAY0, last_liver_imaging_date=AFTER),
    lambda: perioperative_outcomes(DAY0, death_date=BEFORE),
    lambda: perioperative_outcomes(DAY0, discharge_date=BEFORE),
    lambda: perioperative_outcomes(DAY0, discharge_date=AFTER, death_date=DAY0),
    lambda: perioperative_outcomes(DAY0, complications=[(AFTER, "I"), (BEFORE, "II")]),
    lambda: perioperative_outcomes(DAY0, reoperations=[(BEFORE, True)]),
    lambda: reoperation_during_index_stay(BEFORE, DAY0, None),
]


@pytest.mark.parametrize("call", WRONG_ORDERS)
def test_every_date_a_rule_names_is_marked(call):
    with pytest.raises(DateOrderError) as caught:
        call()
    for key in ("name", "other"):
        word = date_name(caught.value.params[key])
        marked = (isinstance(word, Term) and word in DATE_NAMES.values()) or (
            isinstance(word, Said) and word.template in LISTED_DATE_NAMES.values()
        )
        assert marked, caught.value.params[key]


def test_a_listed_date_is_numbered_from_one():
    assert date_name("complications[1] onset date") == "onset date of complication 2"
    assert date_name("reoperations[0] date") == "date of reoperation 1"
    assert date_name("intrahepatic_recurrence_dates[2]") == "date of intrahepatic recurrence 3"
    assert date_name("something else") == "something else"
