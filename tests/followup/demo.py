"""A follow-up record with visits in every state around TODAY, for GUI tests and screenshots."""

from __future__ import annotations

import datetime as dt
import random

from nclm_desktop.models.db import Database
from nclm_desktop.services import followup as fu
from nclm_desktop.services.permissions import Actor

from .conftest import TODAY, add_participant

NAMES = [
    "Li Na", "Wang Fang", "Chen Jie", "Liu Yang", "Zhao Lei", "Huang Min", "Zhou Jun",
    "Wu Xia", "Xu Tao", "Sun Li", "Ma Lin", "Zhu Hong", "Hu Bin", "Guo Qiang", "He Ping",
    "Lin Hui", "Luo Jing", "Gao Feng", "Liang Yu", "Song Wen", "Tang Hao", "Han Mei",
]  # fmt: skip


def populate(db: Database, actor: Actor, today: dt.date = TODAY, n: int = 40) -> dict[str, int]:
    """``n`` participants with index dates over the two years before ``today``; past visits
    mostly done, some missed, some left overdue; a recurrence, a death and a withdrawal."""
    rng = random.Random(20250618)
    ids: dict[str, int] = {}
    counters = {"H": 0, "S": 0}
    for i in range(n):
        arm = "H" if i % 3 else "S"
        counters[arm] += 1
        study_id = f"NCLM-{arm}-{counters[arm]:03d}"
        index = today - dt.timedelta(days=rng.randint(20, 720))
        ids[study_id] = add_participant(
            db,
            actor,
            study_id,
            index,
            name=NAMES[i % len(NAMES)],
            phone=f"13{rng.randint(0, 9)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            record_number=f"HR-{700000 + i * 137}",
        )
    # Around a today of 2025-06-18, M1 visits of these show every state in June.
    fixed = {
        "NCLM-H-090": (dt.date(2025, 5, 2), "overdue"),  # M1 Mon 2 Jun, window to 9 Jun
        "NCLM-H-091": (dt.date(2025, 5, 5), "missed"),
        "NCLM-H-092": (dt.date(2025, 5, 9), "done"),
        "NCLM-H-093": (dt.date(2025, 5, 27), "planned"),  # window opens 20 Jun
        "NCLM-H-094": (dt.date(2025, 5, 28), "planned"),
    }
    if today == TODAY:
        for i, (study_id, (index, _)) in enumerate(fixed.items()):
            ids[study_id] = add_participant(
                db, actor, study_id, index, name=NAMES[-1 - i], record_number=f"HR-69{i:04d}"
            )
        for study_id, (_, state) in fixed.items():
            m1 = fu.list_visits(db, actor, ids[study_id], today)[0]
            if state == "missed":
                fu.mark_missed(db, actor, m1.id, today)
            elif state == "done":
                fu.record_visit(db, actor, m1.id, fu.VisitRecord(m1.scheduled_date), today)
    for study_id, pid in ids.items():
        if study_id in fixed:
            continue
        for v in fu.list_visits(db, actor, pid, today):
            if v.state == "overdue":
                roll = rng.random()
                if roll < 0.72:
                    actual = min(v.window_end, v.scheduled_date + dt.timedelta(rng.randint(-3, 3)))
                    record = fu.VisitRecord(
                        actual,
                        list(v.assessments_planned),
                        ecog=rng.choice((0, 0, 1, 1, 2)),
                        ebv_dna_copies_ml=rng.choice((0, 0, 0, 120, 2300)),
                        liver_imaging_result="no_recurrence",
                    )
                    fu.record_visit(db, actor, v.id, record, today)
                elif roll < 0.84:
                    fu.mark_missed(db, actor, v.id, today)
            elif v.state == "due" and v.scheduled_date <= today and rng.random() < 0.6:
                fu.record_visit(db, actor, v.id, fu.VisitRecord(v.scheduled_date), today)

    def last_seen(pid: int) -> dt.date:
        done = [v.actual_date for v in fu.list_visits(db, actor, pid, today) if v.actual_date]
        return max(done, default=today - dt.timedelta(days=30))

    h1 = ids["NCLM-H-001"]
    fu.record_event(
        db,
        actor,
        h1,
        fu.Finding(
            "intrahepatic_recurrence", last_seen(h1), confirmed_by="imaging", detail="segment 7"
        ),
        today,
    )
    fu.record_event(
        db, actor, h1, fu.Finding("last_contact_alive", today - dt.timedelta(days=3)), today
    )
    s2 = ids["NCLM-S-002"]
    death = min(today, max(last_seen(s2) + dt.timedelta(days=1), today - dt.timedelta(days=5)))
    fu.record_event(db, actor, s2, fu.Finding("death", death, cause="disease progression"), today)
    h4 = ids["NCLM-H-004"]
    fu.record_event(
        db,
        actor,
        h4,
        fu.Finding("withdrawal", min(today, last_seen(h4) + dt.timedelta(days=2)),
                   detail="moved to another province"),
        today,
    )  # fmt: skip
    return ids
