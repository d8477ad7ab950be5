"""A participant's casebook: every form with its values, queries and verification, the
signatures with their manifestation (21 CFR 11.50) and the audit trail. English or Chinese:
the Qt translation files do not reach this layer, so the report's own words live here in
both languages; the dictionary's labels come translated from the mapper."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from ..services.report_data.casebook import (
    CasebookData,
    CasebookForm,
    CasebookQuery,
)
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

TEXT = {
    "en": {
        "title": "Casebook",
        "study_id": "Study ID",
        "cohort": "Cohort",
        "status": "Status",
        "sex": "Sex",
        "birth": "Birth year",
        "name": "Name",
        "lock": "Casebook",
        "locked": "signed and locked",
        "unlocked": "not locked",
        "queries": "Data queries",
        "queries_count": "{open} open of {total}",
        "signatures": "Signatures",
        "sig_cols": ("Printed name", "Meaning", "Signed (date, time, UTC offset)", "State"),
        "no_signatures": "The casebook has not been signed.",
        "states": {
            "valid": "valid",
            "invalid: data changed after signing": "invalid: data changed after signing",
            "withdrawn": "withdrawn",
        },
        "forms": "Forms",
        "record": "record {key}",
        "value_cols": ("Field", "Value", "Data queries"),
        "sdv": {
            "not verified": "Source data: not verified",
            "verified": "Source data verified by {by}, {when}",
            "changed since verification": "Source data verified by {by}, {when}; "
            "changed since verification",
        },
        "query": "Query #{id} ({state}): {text}",
        "raised": "raised by {who}",
        "answer": "Answer: {text} ({who})",
        "closed": "closed by {who}",
        "query_states": {"open": "open", "answered": "answered", "closed": "closed"},
        "audit": "Audit trail",
        "audit_cols": ("When", "Who", "Record", "Field", "Old → new", "Reason"),
        "audit_none": "No events.",
        "audit_hidden": "The audit trail is printed for roles that may view it (investigator).",
        "actions": {"insert": "created", "update": "changed", "delete": "deleted"},
        "statuses": {},
        "sep": "; ",
    },
    "zh_CN": {
        "title": "病例报告册",
        "study_id": "研究编号",
        "cohort": "队列",
        "status": "状态",
        "sex": "性别",
        "birth": "出生年份",
        "name": "姓名",
        "lock": "病例报告册",
        "locked": "已签名并锁定",
        "unlocked": "未锁定",
        "queries": "数据质疑",
        "queries_count": "未解决 {open} 条，共 {total} 条",
        "signatures": "电子签名",
        "sig_cols": ("签名人姓名", "签名含义", "签名时间（日期、时间、UTC 时差）", "状态"),
        "no_signatures": "病例报告册尚未签名。",
        "states": {
            "valid": "有效",
            "invalid: data changed after signing": "无效：签名后数据已更改",
            "withdrawn": "已撤回",
        },
        "forms": "表单",
        "record": "记录 {key}",
        "value_cols": ("字段", "数值", "数据质疑"),
        "sdv": {
            "not verified": "源数据：未核查",
            "verified": "源数据已核查：{by}，{when}",
            "changed since verification": "源数据已核查：{by}，{when}；核查后已更改",
        },
        "query": "质疑 #{id}（{state}）：{text}",
        "raised": "提出人 {who}",
        "answer": "回复：{text}（{who}）",
        "closed": "关闭人 {who}",
        "query_states": {"open": "未解决", "answered": "已回复", "closed": "已关闭"},
        "audit": "稽查轨迹",
        "audit_cols": ("时间", "操作人", "记录", "字段", "原值 → 新值", "原因"),
        "audit_none": "无事件。",
        "audit_hidden": "稽查轨迹仅对有权查看的角色（研究者）打印。",
        "actions": {"insert": "新建", "update": "修改", "delete": "删除"},
        "statuses": {
            "screening": "筛选中",
            "screen_failed": "筛选失败",
            "enrolled": "已入组",
            "withdrawn": "已退出",
            "completed": "已完成",
            "deceased": "已死亡",
        },
        "cohorts": {"hepatectomy": "肝切除", "systemic": "系统治疗"},
        "sexes": {"M": "男", "F": "女"},
        "meanings": {
            "I have reviewed and approve these data": "我已审阅并批准这些数据",
            "Author": "作者",
            "Review": "审阅",
        },
        "sep": "；",
    },
}


def _header(d: CasebookData, t: dict) -> Flowable:
    pt = d.patient
    pairs = [
        (t["study_id"], pt.study_id),
        (t["cohort"], t.get("cohorts", {}).get(pt.cohort, pt.cohort) or DASH),
        (t["status"], t["statuses"].get(pt.status, pt.status)),
        (t["sex"], t.get("sexes", {}).get(pt.sex, pt.sex) or DASH),
        (t["birth"], str(pt.birth_year) if pt.birth_year else DASH),
        (t["lock"], t["locked"] if d.locked else t["unlocked"]),
        (t["queries"], t["queries_count"].format(open=d.queries_open, total=d.queries_total)),
    ]
    if pt.name:
        pairs.insert(1, (t["name"], pt.name))
    return kv_table(pairs)


def _meaning(recorded: str, t: dict) -> str:
    """The meaning as signed (English), after its translation in a Chinese casebook."""
    words = t.get("meanings", {}).get(recorded)
    return f"{words}\n({recorded})" if words else recorded


def _signatures(d: CasebookData, t: dict) -> list[Flowable]:
    story: list[Flowable] = [section(t["signatures"])]
    if not d.signatures:
        return [*story, p(t["no_signatures"], styles().small)]
    rows = [
        (
            s.printed_name,
            _meaning(s.meaning, t),
            s.signed,
            t["states"].get(s.state, s.state)
            + (f" ({s.revoke_reason})" if s.revoke_reason else ""),
        )
        for s in d.signatures
    ]
    broken = [i for i, s in enumerate(d.signatures) if s.state != "valid"]  # tinted
    return [*story, data_table(t["sig_cols"], rows, (0.2, 0.3, 0.26, 0.24), highlight=broken)]


def _query_text(q: CasebookQuery, t: dict) -> str:
    lines = [
        t["query"].format(id=q.id, state=t["query_states"].get(q.state, q.state), text=q.text),
        t["raised"].format(who=q.raised),
    ]
    if q.answer:
        lines.append(t["answer"].format(text=q.answer, who=q.answered))
    if q.closed and q.state == "closed":
        lines.append(t["closed"].format(who=q.closed))
    return "\n".join(lines)


def _form(f: CasebookForm, t: dict) -> list[Flowable]:
    heading = f"{f.title} · {t['record'].format(key=f.record_id)}"
    sdv = t["sdv"][f.sdv_state].format(by=f.sdv_by, when=f.sdv_when)
    rows = [
        (v.label, v.text, "\n\n".join(_query_text(q, t) for q in v.queries) or "") for v in f.values
    ]
    highlight = [i for i, v in enumerate(f.values) if any(q.state != "closed" for q in v.queries)]
    table = data_table(t["value_cols"], rows, (0.34, 0.33, 0.33), small=True, highlight=highlight)
    return [CondPageBreak(60), KeepTogether([section(heading), p(sdv, styles().small)]), table]


def _audit(d: CasebookData, t: dict) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(80), section(t["audit"])]
    if d.audit is None:
        return [*story, p(t["audit_hidden"], styles().small)]
    if not d.audit:
        return [*story, empty_note(t["audit_none"])]
    rows = []
    for e in d.audit:
        change = f"{e.old or DASH} → {e.new or DASH}" if e.field else e.new
        what = t["actions"].get(e.action, e.action)
        rows.append((e.when, e.who, f"{e.record}\n{what}", e.field, change, e.reason))
    widths = (0.15, 0.1, 0.17, 0.18, 0.24, 0.16)
    return [*story, data_table(t["audit_cols"], rows, widths, small=True)]


def build_casebook_report(d: CasebookData, out: str | Path | None = None) -> bytes:
    t = TEXT[d.lang]
    story: list[Flowable] = [_header(d, t), gap(2), *_signatures(d, t), section(t["forms"])]
    for f in d.forms:
        story += _form(f, t)
    story += _audit(d, t)
    info = PageInfo(t["title"], d.meta, study_id=d.patient.study_id, lang=d.lang)
    return build_pdf(story, info, out)
