"""The export is generic over the data dictionary: a form it has never seen is exported,
described and de-identified from its definition alone (no code per form)."""

from __future__ import annotations

from sqlalchemy import select

from nclm_desktop.forms import Field, Form, Identifier, Kind
from nclm_desktop.models import Reoperation
from nclm_desktop.services.study_export import ExportOptions, export_study
from nclm_desktop.services.study_export import run as export_run

from .test_export_files import read_csv

FIXTURE = Form(
    "fixture_reoperation",
    "Fixture reoperation",
    "reoperation",
    (
        Field("reoperation_date", "Date of reoperation", Kind.DATE, required=True),
        Field(
            "planned",
            "Planned",
            Kind.YESNO,
        ),
        Field("reason", "Reason", Kind.TEXT, identifier=Identifier.DIRECT),
    ),
)


def test_a_new_form_is_exported_and_described_from_its_definition(study, pi, tmp_path, monkeypatch):
    monkeypatch.setattr(export_run, "all_forms", lambda: {FIXTURE.name: FIXTURE})
    out = tmp_path / "e"
    export_study(study, pi, ExportOptions(out, forms=(FIXTURE.name,)))
    rows = read_csv(out / "fixture_reoperation.csv")
    with study.session() as s:
        stored = {r.id: r for r in s.scalars(select(Reoperation))}
    assert len(rows) == len(stored) > 0
    assert list(rows[0])[:4] == ["study_id", "screening_id", "reoperation_id", "operation_id"]
    assert "reason" not in rows[0]  # flagged as a direct identifier: left out
    for r in rows:
        reop = stored[int(r["reoperation_id"])]
        assert r["reoperation_date"] == reop.reoperation_date.isoformat()
        assert r["planned"] == str(int(reop.planned))
    dictionary = {d["variable"]: d for d in read_csv(out / "data_dictionary.csv")}
    assert dictionary["planned"]["choices"] == "1, Yes | 0, No"
    assert dictionary["reoperation_date"]["required"] == "yes"

    identified = tmp_path / "i"
    export_study(
        study, pi, ExportOptions(identified, forms=(FIXTURE.name,), identified=True, reason="qa")
    )
    rows = read_csv(identified / "fixture_reoperation.csv")
    assert {r["reason"] for r in rows} == {r.reason for r in stored.values()}
    redcap = {
        d["Variable / Field Name"]: d for d in read_csv(identified / "redcap_data_dictionary.csv")
    }
    assert redcap["reason"]["Identifier?"] == "y"
    assert redcap["planned"]["Field Type"] == "yesno"
    assert redcap["reoperation_date"]["Text Validation Type OR Show Slider Number"] == "date_ymd"
