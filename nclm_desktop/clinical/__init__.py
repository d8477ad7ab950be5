"""Pure protocol rules of the NCLM study: no Qt, no database, no I/O beyond reading the
packaged protocol file. Everything a clinician could check by hand lives here."""

from .complications import (
    CCI_WEIGHTS,
    CLAVIEN_DINDO_GRADES,
    COMPLICATION_CATEGORIES,
    ClavienDindoProposal,
    cci,
    clavien_dindo_definition,
    clavien_dindo_from_treatment,
    grade_rank,
    is_major_complication,
    normalize_clavien_dindo_grade,
)
from .eligibility import evaluate_eligibility
from .endpoints import (
    ALIVE_EVENT_KINDS,
    PerioperativeOutcomes,
    SurvivalTime,
    endpoints_from_records,
    intrahepatic_rfs,
    overall_survival,
    perioperative_outcomes,
)
from .index_stay import (
    ASSUMED_STAY_DAYS,
    reoperation_during_index_stay,
    unplanned_reoperation_flag,
)
from .isgls import (
    ISGLS_CATEGORIES,
    ISGLS_GRADES,
    IsglsScheme,
    bile_leak_criteria_text,
    bile_leak_grade,
    bile_leak_present,
    phh_criteria_text,
    phh_grade,
    phh_present,
    phlf_criteria_text,
    phlf_grade,
    phlf_present,
)
from .liver import (
    ASCITES_CHOICES,
    ENCEPHALOPATHY_CHOICES,
    Albi,
    ChildPugh,
    albi,
    child_pugh,
    fifty_fifty,
    fifty_fifty_criteria_text,
)
from .protocol import DEFAULT_PROTOCOL, Protocol, load_protocol
from .rates import RateSummary, clopper_pearson_ci, rate_summary, wilson_ci
from .recist import NON_TARGET_CHOICES, RECIST_RESPONSES, recist_response
from .resection import Resection, resection
from .schedule import (
    VISIT_STATES,
    VISIT_STATUSES,
    ExistingVisit,
    PlannedVisit,
    Replan,
    add_months,
    replan_visits,
    schedule_visits,
    shift_off_weekend,
    visit_state,
)
from .screening_input import (
    METASTATIC_SITES,
    RESPONSES,
    Criterion,
    EligibilityResult,
    ScreeningInput,
    age_in_years,
)
from .units import (
    CANONICAL_UNITS,
    albumin_g_dl_to_g_l,
    albumin_g_l_to_g_dl,
    bilirubin_mg_dl_to_umol_l,
    bilirubin_umol_l_to_mg_dl,
    to_canonical,
)

__all__ = [
    # reoperation during the index stay
    "ASSUMED_STAY_DAYS",
    "reoperation_during_index_stay",
    "unplanned_reoperation_flag",
    # liver function
    "ASCITES_CHOICES",
    "ENCEPHALOPATHY_CHOICES",
    "Albi",
    "ChildPugh",
    "albi",
    "child_pugh",
    "fifty_fifty",
    "fifty_fifty_criteria_text",
    # units
    "CANONICAL_UNITS",
    "albumin_g_dl_to_g_l",
    "albumin_g_l_to_g_dl",
    "bilirubin_mg_dl_to_umol_l",
    "bilirubin_umol_l_to_mg_dl",
    "to_canonical",
    # complications
    "CCI_WEIGHTS",
    "CLAVIEN_DINDO_GRADES",
    "COMPLICATION_CATEGORIES",
    "ClavienDindoProposal",
    "cci",
    "clavien_dindo_definition",
    "clavien_dindo_from_treatment",
    "grade_rank",
    "is_major_complication",
    "normalize_clavien_dindo_grade",
    # ISGLS
    "ISGLS_CATEGORIES",
    "ISGLS_GRADES",
    "IsglsScheme",
    "bile_leak_criteria_text",
    "bile_leak_grade",
    "bile_leak_present",
    "phh_criteria_text",
    "phh_grade",
    "phh_present",
    "phlf_criteria_text",
    "phlf_grade",
    "phlf_present",
    # resection
    "Resection",
    "resection",
    # schedule
    "VISIT_STATES",
    "VISIT_STATUSES",
    "ExistingVisit",
    "PlannedVisit",
    "Replan",
    "add_months",
    "replan_visits",
    "schedule_visits",
    "shift_off_weekend",
    "visit_state",
    # eligibility
    "METASTATIC_SITES",
    "RESPONSES",
    "Criterion",
    "EligibilityResult",
    "ScreeningInput",
    "age_in_years",
    "evaluate_eligibility",
    # endpoints and rates
    "PerioperativeOutcomes",
    "SurvivalTime",
    "intrahepatic_rfs",
    "overall_survival",
    "endpoints_from_records",
    "ALIVE_EVENT_KINDS",
    "perioperative_outcomes",
    "RateSummary",
    "clopper_pearson_ci",
    "rate_summary",
    "wilson_ci",
    # RECIST
    "NON_TARGET_CHOICES",
    "RECIST_RESPONSES",
    "recist_response",
    # protocol
    "DEFAULT_PROTOCOL",
    "Protocol",
    "load_protocol",
]
