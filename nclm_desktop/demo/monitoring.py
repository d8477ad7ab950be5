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
MONITORED_MAX = 60  # ... up to this many (the demo's speed stays that of its data)
SIGNED_MAX = 8  # finished casebooks signed (each signing checks a password hash)
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
    count = min(MONITORED_MAX, max(1, len(seen.enrolled) // MONITORED_SHARE))
    chosen = sorted(rng.sample(seen.enrolled, min(count, len(seen.enrolled))))
    to_sign = [pid for pid in chosen if pid in seen.ended][:SIGNED_MAX]
    for n, pid in enumerate(chosen):
        _visit(db, actors, rng, pid, n, closed=pid in to_sign)
        if pid in to_sign:
            inv = actors.investigator
            signing.sign_casebook(db, inv, pid, inv.username, password, "approve")


def _visit(
    db: Database, actors: DemoActors, rng: random.Random, pid: int, n: int, closed: bool
) -> None:
    monitor = actors.monitor
    records = sdv.sdv_states(db, monitor, pid)
    for r in records:
        if closed or rng.random() < VERIFIED_SHARE:
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
    step = 2 if closed else n % 3  # 0 stays open, 1 is answered, 2 answered and closed
    if step >= 1:
        site = rng.choice((actors.coordinator, actors.investigator))
        queries.answer_query(db, site, query_id, rng.choice(ANSWERS))
    if step == 2:
        queries.close_query(db, monitor, query_id)
