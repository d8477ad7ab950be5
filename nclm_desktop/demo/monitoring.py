"""The monitor's visits to the demo study, after all data are entered: some casebooks
verified against the source, data queries in every state (open, answered, closed), and a few
finished casebooks signed and locked by the investigator. Every step is a call to the
monitoring services, as the Queries page and the sign-off tab would make it."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..models.db import Database
from ..services.monitoring import queries, sdv, signing
from .actors import DEMO_PASSWORD, DemoActors

# Enough to show every state while the demo's speed stays that of its data.
MONITORED_SHARE = 20  # one enrolled participant in twenty is monitored ...
MONITORED_MIN, MONITORED_MAX = 6, 30  # ... within these
SIGNED = 2  # finished casebooks signed (each signing checks a password hash: slow on purpose)
# A casebook to be signed is verified whole; in the others the monitor verifies most of the
# records checked first (eligibility, enrolment, baseline, operation).
FIRST_CHECKED = frozenset({"screening", "participant", "baseline_disease", "operation"})
VERIFIED_SHARE = 0.8
# (form, field) -> the question; only fields every such record has a value for.
QUESTIONS = {
    ("participant", "consent_date"): "Please confirm the consent date against the signed form.",
    ("screening", "inr"): "INR differs from the laboratory print-out in the source file.",
    ("operation", "blood_loss_ml"): "Blood loss differs from the anaesthesia record; please check.",
    ("operation", "duration_min"): "Please confirm the operating time (knife to skin closure).",
}
ANSWERS = (
    "Checked against the source: the value is correct.",
    "Source confirms the entry; the print-out was a preliminary result.",
)


@dataclass
class Monitored:
    """What the demo knows while it generates: who was enrolled and whose follow-up ended."""

    enrolled: list[int]
    ended: set[int]


def monitor_study(
    db: Database,
    actors: DemoActors,
    seed: int,
    seen: Monitored,
    password: str = DEMO_PASSWORD,
) -> None:
    rng = random.Random(f"nclm-demo/{seed}/monitoring")
    ended = sorted(seen.ended)
    to_sign = rng.sample(ended, min(len(ended), SIGNED))
    rest = [pid for pid in seen.enrolled if pid not in to_sign]
    count = min(MONITORED_MAX, max(MONITORED_MIN, len(seen.enrolled) // MONITORED_SHARE))
    chosen = sorted(to_sign + rng.sample(rest, max(0, min(len(rest), count - len(to_sign)))))
    unsigned = 0
    for pid in chosen:
        # A signed casebook's query is closed; the others take turns: open, answered, closed.
        step = 2 if pid in to_sign else unsigned % 3
        unsigned += pid not in to_sign
        _visit(db, actors, rng, pid, step, verify_all=pid in to_sign)
        if pid in to_sign:
            inv = actors.investigator
            signing.sign_casebook(db, inv, pid, inv.username, password, "approve")


def _visit(
    db: Database, actors: DemoActors, rng: random.Random, pid: int, step: int, verify_all: bool
) -> None:
    monitor = actors.monitor
    records = sdv.sdv_states(db, monitor, pid)
    for r in records:
        if verify_all or (r.form in FIRST_CHECKED and rng.random() < VERIFIED_SHARE):
            sdv.mark_verified(db, monitor, r.form, r.record_id)
    asked = [
        (r, field, text)
        for r in records
        for (form, field), text in QUESTIONS.items()
        if form == r.form
    ]
    if not asked:
        return
    record, field, text = rng.choice(asked)
    query_id = queries.raise_query(db, monitor, record.form, record.record_id, field, text)
    if step >= 1:  # step 0: left open; 1: answered by the site; 2: answered and closed
        site = rng.choice((actors.coordinator, actors.investigator))
        queries.answer_query(db, site, query_id, rng.choice(ANSWERS))
    if step == 2:
        queries.close_query(db, monitor, query_id)
