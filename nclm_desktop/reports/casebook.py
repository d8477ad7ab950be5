"""A participant's casebook: every form with its values, queries and verification, the
signatures with their manifestation (21 CFR 11.50) and the audit trail, in English or
Chinese. The mapper hands over English words and plain values; this report writes them in
its language as every report does (reports/language.py): labels and choices from the
translation source, dates, units and times the language's way (README "Languages")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from ..forms.catalogue import form
from ..forms.field import QT_TRANSLATE_NOOP, Field, Kind
from ..services.recorded_texts import is_recorded_text, report_text
from ..services.report_data.casebook import (
    CasebookData,
    CasebookForm,
    CasebookQuery,
    CasebookValue,
    Stamp,
)
from ..services.report_data.casebook_audit import CasebookAuditLine
from .language import ReportLanguage
from .operative import TEAM_ROLES
from .screening_log import CRITERION_NAMES
from .template import (
    DASH,
    PageInfo,
    build_pdf,
    data_table,
    empty_note,
    gap,
    kv_table,
    p,
    section,
    styles,
)

# Words the services hand over in English, translated where they are printed.
SIGNATURE_STATES = {
    "valid": QT_TRANSLATE_NOOP("Reports", "valid"),
    "invalid: data changed after signing": QT_TRANSLATE_NOOP(
        "Reports", "invalid: data changed after signing"
    ),
    "invalid: record deleted after signing": QT_TRANSLATE_NOOP(
        "Reports", "invalid: record deleted after signing"
    ),
    "withdrawn": QT_TRANSLATE_NOOP("Reports", "withdrawn"),
}
QUERY_STATES = {
    "open": QT_TRANSLATE_NOOP("Reports", "open"),
    "answered": QT_TRANSLATE_NOOP("Reports", "answered"),
    "closed": QT_TRANSLATE_NOOP("Reports", "closed"),
}
ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("Reports", "created"),
    "update": QT_TRANSLATE_NOOP("Reports", "changed"),
    "delete": QT_TRANSLATE_NOOP("Reports", "deleted"),
}
CRITERION_STATES = {
    "met": QT_TRANSLATE_NOOP("Reports", "met"),
    "failed": QT_TRANSLATE_NOOP("Reports", "not met"),
    "missing": QT_TRANSLATE_NOOP("Reports", "not recorded"),
}
# The signing meanings (services/monitoring/signing.py), as signed.
MEANINGS = (
    QT_TRANSLATE_NOOP("Reports", "I have reviewed and approve these data"),
    QT_TRANSLATE_NOOP("Reports", "Author"),
    QT_TRANSLATE_NOOP("Reports", "Review"),
)
# What a new monitoring record is about, by its snapshot's keys (casebook_audit.ABOUT).
ABOUT = {"meaning_text": QT_TRANSLATE_NOOP("Reports", "Meaning")}


def _header(d: CasebookData, lang: ReportLanguage) -> Flowable:
    t, pt, enrolment = lang.t, d.patient, form("participant")
    pairs = [
        (t("Study ID"), pt.study_id),
        (t("Cohort"), lang.field(enrolment["cohort"], pt.cohort)),
        (t("Status"), lang.field(enrolment["status"], pt.status)),
        (t("Sex"), lang.field(enrolment["sex"], pt.sex)),
        (t("Birth year"), str(pt.birth_year) if pt.birth_year else DASH),
        (t("Casebook"), t("signed and locked") if d.locked else t("not locked")),
        (
            t("Data queries"),
            t("{open} open of {total}").format(open=d.queries_open, total=d.queries_total),
        ),
    ]
    if pt.name:
        pairs.insert(1, (t("Name"), pt.name))
    return kv_table(pairs)


def _signatures(d: CasebookData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    story: list[Flowable] = [section(t("Signatures"))]
    if not d.signatures:
        return [*story, p(t("The casebook has not been signed."), styles().small)]
    rows = [
        (
            s.printed_name,
            t(s.meaning),
            lang.when(s.signed),
            t(SIGNATURE_STATES.get(s.state, s.state))
            + (f" ({s.revoke_reason})" if s.revoke_reason else ""),
        )
        for s in d.signatures
    ]
    broken = [i for i, s in enumerate(d.signatures) if s.state != "valid"]  # tinted
    head = (t("Printed name"), t("Meaning"), t("Signed (date, time, time zone)"), t("State"))
    return [*story, data_table(head, rows, (0.17, 0.33, 0.34, 0.16), highlight=broken)]


def _stamp(stamp: Stamp | None, lang: ReportLanguage) -> str:
    if stamp is None:
        return ""
    when = lang.when(stamp.when) if stamp.when else ""
    return ("，" if lang.chinese else ", ").join(x for x in (stamp.who, when) if x)


def _query_text(q: CasebookQuery, lang: ReportLanguage) -> str:
    t = lang.t
    state = t(QUERY_STATES.get(q.state, q.state))
    lines = [
        t("Query #{id} ({state}): {text}").format(
            id=q.id, state=state, text=report_text(q.text, t)
        ),
        t("raised by {who}").format(who=_stamp(q.raised, lang)),
    ]
    if q.answer:
        lines.append(
            t("Answer: {text} ({who})").format(text=q.answer, who=_stamp(q.answered, lang))
        )
    if q.closed and q.state == "closed":
        lines.append(t("closed by {who}").format(who=_stamp(q.closed, lang)))
    return "\n".join(lines)


def _criteria(items: list[dict], lang: ReportLanguage) -> str:
    """The screening's criteria, one a line: its short name and whether it was met."""
    return "\n".join(
        f"{lang.t(CRITERION_NAMES.get(c.get('id'), str(c.get('id'))))}"
        f"{'：' if lang.chinese else ': '}{lang.t(CRITERION_STATES.get(c.get('status'), str(c.get('status'))))}"
        for c in items
    )


def value_text(f: Field | None, value: Any, lang: ReportLanguage) -> str:
    """A stored value as the casebook prints it in ``lang``."""
    if value is None or value in ("", [], ()):
        return DASH
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return _criteria(value, lang)  # a derived list of records (screening criteria)
    if isinstance(value, dict):  # several answers in one column (a complication's treatment)
        parts = [
            lang.t(str(k)) if v is True else f"{lang.t(str(k))}: {v}"
            for k, v in value.items()
            if v not in (None, False, "", [])
        ]
        return lang.join(parts) or DASH
    if f is None:
        return lang.join(str(v) for v in value) if isinstance(value, list) else str(value)
    if f.name == "role":  # a role in the operation, stored as its code
        return lang.t(TEAM_ROLES[value]) if value in TEAM_ROLES else lang.role(str(value))
    if f.kind is Kind.CHOICE and f.choice_label(value) == f"Grade {value}":
        t = lang.t  # grade labels made from the grade (forms/crf/complication.py), as the UI
        return t("Grade {g}").format(g=value)
    if f.kind is Kind.TEXT and is_recorded_text(value):  # the application's words, not typed
        return report_text(value, lang.t)
    return lang.field(f, value if isinstance(value, list) or f.kind is not Kind.MULTI else [value])


def _shown(v: CasebookValue, lang: ReportLanguage) -> str:
    if v.hidden:
        t = lang.t
        return t("[hidden]")
    if lang.chinese and v.shown_zh:
        return v.shown_zh
    return v.shown if v.shown is not None else value_text(v.spec, v.value, lang)


def _form(f: CasebookForm, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    record = t("record {key}").format(key=f.record_id)
    heading = f"{t(f.title)} · {record}"
    when = lang.when(f.sdv_when) if f.sdv_when else ""
    sdv = {
        "not verified": t("Source data: not verified"),
        "verified": t("Source data verified by {by}, {when}"),
        "changed since verification": t(
            "Source data verified by {by}, {when}; changed since verification"
        ),
    }.get(f.sdv_state, f.sdv_state).format(by=f.sdv_by, when=when)
    rows = [
        (t(v.label), _shown(v, lang), "\n\n".join(_query_text(q, lang) for q in v.queries))
        for v in f.values
    ]
    highlight = [i for i, v in enumerate(f.values) if any(q.state != "closed" for q in v.queries)]
    head = (t("Field"), t("Value"), t("Data queries"))
    table = data_table(head, rows, (0.34, 0.3, 0.36), small=True, highlight=highlight)
    return [CondPageBreak(60), KeepTogether([section(heading), p(sdv, styles().small)]), table]


def _about(line: CasebookAuditLine, lang: ReportLanguage) -> str:
    """What a new query, mark or signature is about: its form, record, field and words."""
    about = dict(line.about)
    parts = []
    if "form" in about:
        try:
            spec = form(about["form"])
        except KeyError:
            spec = None
        parts.append(lang.t(spec.title) if spec else about["form"])
        if "record_id" in about:
            parts.append(about["record_id"])
        if spec is not None and "field" in about:
            fields = {g.name: g for g in spec.fields}
            g = fields.get(about["field"])
            parts.append(lang.t(g.label) if g else about["field"])
    if "text" in about:
        parts.append(report_text(about["text"], lang.t))  # a query's words
    if "meaning_text" in about:
        parts.append(lang.t(about["meaning_text"]))
    return " · ".join(parts)


def _audit_value(e: CasebookAuditLine, value: Any, lang: ReportLanguage) -> str:
    if e.spec is None and isinstance(value, str) and value in QUERY_STATES:
        return lang.t(QUERY_STATES[value])  # a query's state (a monitoring record's column)
    return value_text(e.spec, value, lang)


def _audit(d: CasebookData, lang: ReportLanguage) -> list[Flowable]:
    t = lang.t
    story: list[Flowable] = [CondPageBreak(80), section(t("Audit trail"))]
    if d.audit is None:
        text = t("The audit trail is printed for roles that may view it (investigator).")
        return [*story, p(text, styles().small)]
    if not d.audit:
        return [*story, empty_note(t("No events."))]
    rows = []
    for e in d.audit:
        change = f"{_audit_value(e, e.old, lang)} → {_audit_value(e, e.new, lang)}"
        change = change if e.field else _about(e, lang)
        what = t(ACTIONS.get(e.action, e.action))
        record = f"{t(e.record)} {e.record_id}".strip()
        when = lang.when(e.when) if e.when else DASH
        rows.append((when, e.who, f"{record}\n{what}", t(e.field), change, e.reason))
    head = (t("When"), t("Who"), t("Record"), t("Field"), t("Old → new"), t("Reason"))
    widths = (0.17, 0.13, 0.16, 0.16, 0.24, 0.14)
    return [*story, data_table(head, rows, widths, small=True)]


def build_casebook_report(d: CasebookData, out: str | Path | None = None) -> bytes:
    lang = ReportLanguage(d.lang)
    t = lang.t
    story: list[Flowable] = [_header(d, lang), gap(2), *_signatures(d, lang), section(t("Forms"))]
    for f in d.forms:
        story += _form(f, lang)
    story += _audit(d, lang)
    info = PageInfo(t("Casebook"), d.meta, study_id=d.patient.study_id, lang=d.lang)
    return build_pdf(story, info, out)
