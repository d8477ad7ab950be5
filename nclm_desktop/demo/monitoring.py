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

MONITORED_SHARE = 10  # one enrolled participant in ten is monitored ...
MONITORED_MIN, MONITORED_MAX = 6, 60  # ... within these (the demo's speed stays that of its data)
SIGNED_SHARE = 25  # finished casebooks signed: 2, and one more per 25 enrolled ...
SIGNED_MIN, SIGNED_MAX = 2, 8  # ... up to 8 (each signing checks a password hash)
VERIFIED_SHARE = 0.8  # of a monitored casebook's form instances
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
    to_sign = rng.sample(ended, min(len(ended), SIGNED_MIN + len(seen.enrolled) // SIGNED_SHARE))
    to_sign = to_sign[:SIGNED_MAX]
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
        if verify_all or rng.random() < VERIFIED_SHARE:
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
