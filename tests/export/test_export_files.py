"""The study export read back: CSV (with its BOM), xlsx (openpyxl), Stata and SPSS
(pyreadstat); values equal the database, labels come from the dictionary."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from nclm_desktop.forms.catalogue import all_forms
from nclm_desktop.models import Complication, Operation, Participant, Visit
from nclm_desktop.services.study_export import DERIVED, ExportOptions, export_study


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no UTF-8 byte-order mark"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def export(db, actor, out: Path, **kw):
    return export_study(db, actor, ExportOptions(out, **kw))


def test_csv_tables_equal_the_database(study, pi, tmp_path):
    out = tmp_path / "export"
    result = export(study, pi, out)
    names = {p.name for p in out.iterdir()}
    expected = {f"{n}.csv" for n in DERIVED} | {"data_dictionary.csv", "README.txt"}
    expected |= {"redcap_data_dictionary.csv"}
    assert expected <= names
    assert "participant_identity.csv" not in names  # direct identifiers only: left out

    with study.session() as s:
        ops = {o.id: o for o in s.scalars(select(Operation))}
        study_ids = {p: sid for p, sid in s.execute(select(Participant.id, Participant.study_id))}
        done = s.scalars(select(Visit).where(Visit.actual_date.is_not(None))).all()
        complications = s.scalars(select(Complication)).all()
    operations = read_csv(out / "operation.csv")
    assert len(operations) == len(ops) == result.rows["operation.csv"] > 0
    for row in operations:
        op = ops[int(row["operation_id"])]
        assert row["study_id"] == study_ids[op.participant_id]
        assert row["operation_date"] == op.operation_date.isoformat()  # ISO dates
        assert row["blood_loss_ml"] == ("" if op.blood_loss_ml is None else str(op.blood_loss_ml))
        assert row["major"] == str(int(op.major))  # yes/no as 1/0
        for seg in range(1, 9):  # multi-choice: one 0/1 column per choice
            assert row[f"segments___{seg}"] == str(int(seg in op.segments))
    # Long format: each complication names its operation, which is in the operation table.
    rows = read_csv(out / "complication.csv")
    assert len(rows) == len(complications)
    op_ids = {r["operation_id"] for r in operations}
    assert all(r["operation_id"] in op_ids for r in rows)
    visits = {int(r["visit_id"]): r for r in read_csv(out / "visit.csv")}
    for v in done:
        assert visits[v.id]["actual_date"] == v.actual_date.isoformat()
        assert visits[v.id]["study_id"] == study_ids[v.participant_id]


def test_screen_failures_are_keyed_by_screening_id(study, pi, tmp_path):
    export(study, pi, tmp_path / "e", forms=("participant", "screening"))
    screening = read_csv(tmp_path / "e" / "screening.csv")
    failed = [r for r in screening if not r["study_id"]]
    assert failed, "the demo study has screen failures"
    assert all(r["screening_id"] for r in screening)
    assert len({r["screening_id"] for r in screening}) == len(screening)


def test_dictionary_and_readme_describe_every_file(study, pi, tmp_path):
    out = tmp_path / "e"
    export(study, pi, out)
    dictionary = read_csv(out / "data_dictionary.csv")
    described = {(r["form"], r["variable"]) for r in dictionary}
    for path in out.glob("*.csv"):
        if "dictionary" in path.name:
            continue
        with path.open(encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh))
        missing = [c for c in header if (path.stem, c) not in described]
        assert not missing, f"{path.name}: {missing} not in the dictionary"
    by_name = {(r["form"], r["variable"]): r for r in dictionary}
    approach = by_name[("operation", "approach")]
    assert approach["type"] == "choice" and "open, " in approach["choices"]
    assert "label_zh" in dictionary[0]
    assert by_name[("participant", "birth_date")]["identifier"] == "quasi"
    assert by_name[("endpoints", "os_days")]["derived"]
    assert by_name[("endpoints", "os_days")]["unit"] == "days"

    redcap = read_csv(out / "redcap_data_dictionary.csv")
    assert list(redcap[0])[:2] == ["Variable / Field Name", "Form Name"]
    assert redcap[0]["Variable / Field Name"] == "study_id"  # REDCap's record ID comes first
    names = [r["Variable / Field Name"] for r in redcap]
    assert len(names) == len(set(names))  # REDCap wants one name per variable
    seg = next(r for r in redcap if r["Variable / Field Name"] == "segments")
    assert seg["Field Type"] == "checkbox"

    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "Identified: no" in readme and "by: pi" in readme.lower()
    for path in out.iterdir():
        if path.name != "README.txt":
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            assert f"{digest}  {path.name}" in readme
    assert f"operation.csv: {len(read_csv(out / 'operation.csv'))}" in readme


def test_xlsx_typed_cells_frozen_header_and_dictionary_sheet(study, pi, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "x"
    export(study, pi, out, fmt="xlsx")
    book = load_workbook(out / "study.xlsx")
    assert "operation" in book.sheetnames and book.sheetnames[-1] == "data_dictionary"
    ws = book["operation"]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert ws.cell(1, 1).font.bold
    row = {h: c.value for h, c in zip(header, ws[2], strict=True)}
    with study.session() as s:
        op = s.get(Operation, row["operation_id"])
    assert isinstance(row["operation_date"], dt.datetime)  # a date cell, not text
    assert row["operation_date"].date() == op.operation_date
    assert row["duration_min"] == op.duration_min
    assert row["approach"] == op.approach
    assert ws.cell(2, header.index("operation_date") + 1).number_format == "yyyy-mm-dd"
    dictionary = book["data_dictionary"]
    assert [c.value for c in dictionary[1]][:3] == ["variable", "form", "label_en"]


@pytest.mark.parametrize("fmt", ["dta", "sav"])
def test_stata_and_spss_carry_variable_and_value_labels(study, pi, tmp_path, fmt):
    import pyreadstat

    out = tmp_path / fmt
    export(study, pi, out, fmt=fmt, forms=("operation", "endpoints"))
    read = pyreadstat.read_dta if fmt == "dta" else pyreadstat.read_sav
    df, meta = read(str(out / f"operation.{fmt}"))
    labels = meta.column_names_to_labels
    form = all_forms()["operation"]
    assert labels["blood_loss_ml"] == form["blood_loss_ml"].label
    approach = meta.variable_value_labels["approach"]
    assert set(approach.values()) == {f"{c.code}: {c.label}" for c in form["approach"].choices}
    assert meta.variable_value_labels["anatomical"] == {0.0: "No", 1.0: "Yes"}
    # A choice coded True/False (major/minor) is 1/0 with the choice's labels.
    major = {float(int(c.code)): c.label for c in form["major"].choices}
    assert meta.variable_value_labels["major"] == major
    with study.session() as s:
        ops = {o.id: o for o in s.scalars(select(Operation))}
    codes = {i: c.code for i, c in enumerate(form["approach"].choices, 1)}
    for _, r in df.iterrows():
        op = ops[int(r["operation_id"])]
        assert codes[int(r["approach"])] == op.approach
        assert pd_date(r["operation_date"]) == op.operation_date
    ep, ep_meta = read(str(out / f"endpoints.{fmt}"))
    assert ep_meta.column_names_to_labels["os_days"] == "Overall survival"
    assert (ep["os_days"] >= 0).all()


def pd_date(value) -> dt.date:
    return value.date() if hasattr(value, "date") else value


def test_every_table_fits_stata_with_long_names_mapped(study, pi, tmp_path):
    import pyreadstat

    out = tmp_path / "dta"
    export(study, pi, out, fmt="dta")
    mapping = read_csv(out / "stata_variable_names.csv")
    assert mapping, "the checkbox columns of the visit form are longer than Stata allows"
    for row in mapping:
        _, meta = pyreadstat.read_dta(str(out / f"{row['table']}.dta"), metadataonly=True)
        assert row["stata_name"] in meta.column_names
        assert row["variable"] not in meta.column_names
        assert len(row["stata_name"]) <= 28
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "stata_variable_names.csv" in readme


def test_chinese_labels_come_from_the_translation_source(study, pi, tmp_path, monkeypatch):
    from nclm_desktop.forms import translations

    label = all_forms()["operation"]["operation_date"].label
    approach = all_forms()["operation"]["approach"].label
    ts = tmp_path / "nclm_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">'
        "<context><name>DataDictionary</name>"
        f"<message><source>{label}</source><translation>手术日期</translation></message>"
        f"<message><source>{approach}</source><translation type='unfinished'>入路</translation>"
        "</message></context></TS>",
        encoding="utf-8",
    )
    monkeypatch.setattr(translations, "ts_file", lambda lang: ts)
    out = tmp_path / "e"
    export(study, pi, out, forms=("operation",))
    by_name = {r["variable"]: r for r in read_csv(out / "data_dictionary.csv")}
    assert by_name["operation_date"]["label_zh"] == "手术日期"
    assert by_name["approach"]["label_zh"] == ""  # unfinished: not used
    assert "手术日期".encode() in (out / "data_dictionary.csv").read_bytes()


def test_the_export_and_the_reports_read_the_same_translation_source(tmp_path, monkeypatch):
    """One .ts reader: a translation edited in the source shows in the export's label column
    and on a Chinese report alike."""
    from nclm_desktop.forms import translations
    from nclm_desktop.reports import language

    label = all_forms()["operation"]["operation_date"].label
    ts = tmp_path / "nclm_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">'
        f"<context><name>DataDictionary</name><message><source>{label}</source>"
        "<translation>手术之日</translation></message></context></TS>",
        encoding="utf-8",
    )
    monkeypatch.setattr(translations, "ts_file", lambda lang: ts)
    language.catalogue.cache_clear()
    try:
        assert translations.dictionary_labels()(label) == "手术之日"
        assert language.ReportLanguage("zh_CN").t(label) == "手术之日"
    finally:
        language.catalogue.cache_clear()
