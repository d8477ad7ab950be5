"""A small realistic study written through audited sessions, and PDF reading helpers.

The screening, surgery and follow-up services are written in parallel, so the data is
inserted as model rows inside ``writing(db, actor)`` (the real audit hook runs) and the
visits are planned by ``schedule_sync.sync_schedule``, as the services will do.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from nclm_desktop.clinical import (
    ScreeningInput,
    albi,
    child_pugh,
    evaluate_eligibility,
    resection,
)
from nclm_desktop.models import (
    ClinicalEvent,
    Complication,
    Operation,
    OperationSurgeon,
    Participant,
    ParticipantIdentity,
    Reoperation,
    Screening,
    Visit,
)
from nclm_desktop.services.schedule_sync import sync_schedule
from nclm_desktop.services.uow import writing

TZ = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2024, 7, 1, 9, 30, tzinfo=TZ)
TODAY = dt.date(2024, 7, 1)

GOOD_SCREENING = dict(
    ecog=0,
    nclm_confirmed=True,
    metastatic_sites=["liver"],
    primary_recurrence=False,
    liver_oligometastasis=True,
    response_outside_liver="not_applicable",
    progression_after_systemic=False,
    r0_resectable=True,
    bilirubin_umol_l=12.4,
    albumin_g_l=41.0,
    inr=1.02,
    ascites="none",
    encephalopathy="none",
    future_liver_remnant_pct=46.0,
    prior_local_liver_therapy=False,
    surgical_contraindication=False,
    expected_survival_ge_6_months=True,
    pregnant_or_lactating=False,
    other_malignancy=False,
    severe_mental_illness=False,
    understands_study=True,
    consent_signed=True,
)


def add_screening(s, participant: Participant, screener_id: int, day: dt.date, **values):
    fields = GOOD_SCREENING | values
    inp = ScreeningInput(screening_date=day, birth_date=participant.birth_date, **fields)
    result = evaluate_eligibility(inp)
    labs = {}
    if all(fields.get(k) is not None for k in ("bilirubin_umol_l", "albumin_g_l", "inr")):
        cp = child_pugh(
            fields["bilirubin_umol_l"],
            fields["albumin_g_l"],
            fields["inr"],
            fields["ascites"],
            fields["encephalopathy"],
        )
        a = albi(fields["bilirubin_umol_l"], fields["albumin_g_l"])
        labs = dict(
            child_pugh_points=cp.points,
            child_pugh_grade=cp.grade,
            albi_score=a.score,
            albi_grade=a.grade,
            bilirubin_value=fields["bilirubin_umol_l"],
            bilirubin_unit="umol/L",
            albumin_value=fields["albumin_g_l"],
            albumin_unit="g/L",
        )
    row = Screening(
        participant_id=participant.id,
        screening_date=day,
        screener_id=screener_id,
        age_at_screening=result.age_years,
        verdict=result.verdict,
        disease_pattern=result.disease_pattern,
        criteria=[{"id": c.id, "status": c.status, "reason": c.reason} for c in result.criteria],
        **fields,
        **labs,
    )
    s.add(row)
    s.flush()
    return row


def add_participant(s, *, study_id, cohort, status, name, hrn, phone=None, birth, sex="M"):
    p = Participant(study_id=study_id, cohort=cohort, status=status, sex=sex, birth_date=birth)
    p.identity = ParticipantIdentity(name=name, hospital_record_number=hrn, phone=phone)
    s.add(p)
    s.flush()
    return p


def add_operation(s, p: Participant, day: dt.date, segments, surgeons, **values):
    anatomical = values.pop("anatomical", True)
    r = resection(segments, anatomical=anatomical)
    op = Operation(
        participant_id=p.id,
        operation_date=day,
        segments=list(segments),
        anatomical=anatomical,
        resection_name=r.name,
        major=r.major,
        **values,
    )
    s.add(op)
    s.flush()
    for user_id, role in surgeons:
        s.add(OperationSurgeon(operation_id=op.id, user_id=user_id, role=role))
    p.index_date = day
    p.enrolment_date = p.enrolment_date or day - dt.timedelta(days=10)
    return op


def complication(op, day, category, grade, **values):
    return Complication(
        operation_id=op.id,
        onset_date=day,
        category=category,
        clavien_dindo=grade,
        **values,
    )


@pytest.fixture
def study(db, investigator, surgeon, coordinator):
    """Three operated patients (one Chinese name), one systemic-only, three screen-only."""
    with writing(db, investigator) as s:
        p1 = add_participant(
            s,
            study_id="NCLM-H-001",
            cohort="hepatectomy",
            status="enrolled",
            name="王小明",
            hrn="H0012345",
            phone="138 0013 8000",
            birth=dt.date(1970, 5, 12),
        )
        add_screening(s, p1, investigator.user_id, dt.date(2024, 2, 20))
        op1 = add_operation(
            s,
            p1,
            dt.date(2024, 3, 4),
            [5, 6, 7, 8],
            [(surgeon.user_id, "surgeon"), (investigator.user_id, "assistant")],
            approach="open",
            duration_min=285,
            blood_loss_ml=650,
            transfusion_units=2,
            pringle_count=3,
            pringle_total_min=45,
            lesions_resected=2,
            largest_lesion_mm=38,
            margin_mm=6.5,
            r_status="R0",
            pathology_confirms_npc=True,
            periop_radiotherapy=False,
            periop_chemotherapy=True,
            discharge_date=dt.date(2024, 3, 16),
        )
        s.add(
            complication(
                op1,
                dt.date(2024, 3, 8),
                "bile_leakage",
                "IIIa",
                isgls_grade="B",
                treatment_text="Percutaneous drainage under ultrasound",
                resolved_date=dt.date(2024, 3, 20),
            )
        )
        s.add(
            complication(
                op1,
                dt.date(2024, 3, 10),
                "pleural_effusion",
                "I",
                treatment_text="Observation",
                resolved_date=dt.date(2024, 3, 14),
            )
        )

        p2 = add_participant(
            s,
            study_id="NCLM-H-002",
            cohort="hepatectomy",
            status="enrolled",
            name="Li Hua",
            hrn="H0023456",
            phone="139 2222 3333",
            birth=dt.date(1965, 11, 2),
            sex="F",
        )
        add_screening(s, p2, surgeon.user_id, dt.date(2024, 3, 28))
        op2 = add_operation(
            s,
            p2,
            dt.date(2024, 4, 10),
            [2, 3],
            [(surgeon.user_id, "surgeon")],
            approach="laparoscopic",
            duration_min=190,
            blood_loss_ml=300,
            transfusion_units=0,
            pringle_count=0,
            lesions_resected=1,
            largest_lesion_mm=22,
            margin_mm=3,
            r_status="R0",
            pathology_confirms_npc=True,
            discharge_date=dt.date(2024, 4, 25),
        )
        s.add(
            complication(
                op2,
                dt.date(2024, 4, 11),
                "haemorrhage",
                "IIIb",
                isgls_grade="C",
                treatment_text="Relaparotomy and haemostasis",
                resolved_date=dt.date(2024, 4, 12),
            )
        )
        s.add(
            complication(
                op2,
                dt.date(2024, 4, 15),
                "liver_failure",
                "IVa",
                isgls_grade="B",
                treatment_text="ICU, fresh frozen plasma",
                resolved_date=dt.date(2024, 4, 22),
            )
        )
        s.add(
            Reoperation(
                operation_id=op2.id,
                reoperation_date=dt.date(2024, 4, 11),
                planned=False,
                reason="Relaparotomy for post-hepatectomy haemorrhage",
            )
        )

        p3 = add_participant(
            s,
            study_id="NCLM-H-003",
            cohort="hepatectomy",
            status="deceased",
            name="张伟",
            hrn="H0034567",
            birth=dt.date(1958, 1, 30),
        )
        add_screening(s, p3, surgeon.user_id, dt.date(2024, 5, 6))
        op3 = add_operation(
            s,
            p3,
            dt.date(2024, 5, 20),
            [6],
            [(surgeon.user_id, "surgeon")],
            anatomical=False,
            approach="robotic",
            duration_min=150,
            blood_loss_ml=120,
            r_status="R1",
            margin_mm=0.5,
            pathology_confirms_npc=True,
        )
        s.add(
            complication(
                op3,
                dt.date(2024, 6, 8),
                "cardiac",
                "V",
                treatment_text="Myocardial infarction; resuscitation failed",
            )
        )
        s.add(
            ClinicalEvent(
                participant_id=p3.id,
                kind="death",
                event_date=dt.date(2024, 6, 10),
                cause="Myocardial infarction",
            )
        )

        p4 = add_participant(
            s,
            study_id="NCLM-S-001",
            cohort="systemic",
            status="enrolled",
            name="陈静",
            hrn="S0045678",
            phone="137 5555 6666",
            birth=dt.date(1980, 8, 8),
            sex="F",
        )
        add_screening(s, p4, investigator.user_id, dt.date(2024, 3, 1))
        p4.index_date = dt.date(2024, 3, 15)
        p4.enrolment_date = dt.date(2024, 3, 5)

        p5 = add_participant(
            s,
            study_id=None,
            cohort=None,
            status="screen_failed",
            name="刘洋",
            hrn="X0000005",
            birth=dt.date(1975, 3, 3),
        )
        add_screening(s, p5, coordinator.user_id, dt.date(2024, 4, 2), ecog=3)
        p6 = add_participant(
            s,
            study_id=None,
            cohort=None,
            status="screening",
            name="Zhou Min",
            hrn="X0000006",
            birth=dt.date(1982, 9, 9),
            sex="F",
        )
        add_screening(s, p6, coordinator.user_id, dt.date(2024, 6, 3), r0_resectable=None)
        p7 = add_participant(
            s,
            study_id=None,
            cohort=None,
            status="screening",
            name="黄磊",
            hrn="X0000007",
            birth=dt.date(1990, 12, 1),
        )
        add_screening(s, p7, coordinator.user_id, dt.date(2024, 6, 20))
        p8 = add_participant(
            s,
            study_id=None,
            cohort=None,
            status="screen_failed",
            name="Wu Gang",
            hrn="X0000008",
            birth=dt.date(1950, 2, 2),
        )
        add_screening(
            s, p8, coordinator.user_id, dt.date(2024, 5, 15), metastatic_sites=["liver", "lung"]
        )

        for p in (p1, p2, p3, p4):
            sync_schedule(s, p)
        ids = {p.study_id or p.identity.name: p.id for p in (p1, p2, p3, p4, p5, p6, p7, p8)}
    # M1 of the first patient was seen; recorded in its own session as the follow-up screen will.
    with writing(db, coordinator) as s:
        from sqlalchemy import select

        visit = s.scalar(
            select(Visit).where(Visit.participant_id == ids["NCLM-H-001"], Visit.code == "M1")
        )
        visit.status = "done"
        visit.actual_date = dt.date(2024, 4, 3)
    return SimpleNamespace(ids=ids, now=NOW, today=TODAY)


@pytest.fixture
def many_complications(db, investigator, surgeon):
    """One operation with 120 complications: the table must run over several pages."""
    with writing(db, investigator) as s:
        p = add_participant(
            s,
            study_id="NCLM-H-050",
            cohort="hepatectomy",
            status="enrolled",
            name="Long Table",
            hrn="H0050000",
            birth=dt.date(1960, 1, 1),
        )
        op = add_operation(
            s,
            p,
            dt.date(2024, 1, 10),
            [4, 5, 6, 7, 8],
            [(surgeon.user_id, "surgeon")],
            approach="open",
        )
        grades = ("I", "II", "IIIa", "I", "II")
        for i in range(120):
            s.add(
                complication(
                    op,
                    dt.date(2024, 1, 11) + dt.timedelta(days=i % 60),
                    "other",
                    grades[i % len(grades)],
                    other_text=f"Event number {i + 1:03d}",
                    treatment_text="Managed on the ward",
                )
            )
    return "NCLM-H-050"
