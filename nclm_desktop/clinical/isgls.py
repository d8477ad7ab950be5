"""ISGLS definitions and A/B/C grades: liver failure, bile leakage, haemorrhage.

Sources (International Study Group of Liver Surgery):
- PHLF: Rahbari NN et al. Surgery 2011;149:713-24.
- Bile leakage: Koch M et al. Surgery 2011;149:680-8.
- PHH: Rahbari NN et al. HPB 2011;13:528-35.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .text_marks import QT_TRANSLATE_NOOP
from .validation import require_bool, require_int, require_number

ISGLS_GRADES = ("A", "B", "C")


@dataclass(frozen=True)
class IsglsScheme:
    category: str  # complication category code (see COMPLICATION_CATEGORIES)
    label: str
    source: str
    definition: str
    grades: Mapping[str, str]  # "A"/"B"/"C" -> definition


_PHLF_GRADES = MappingProxyType(
    {
        "A": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Liver failure with abnormal laboratory values that needs no change in the "
            "patient's clinical management.",
        ),
        "B": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Liver failure that needs a deviation from the regular clinical management but "
            "is manageable without invasive treatment (for example fresh frozen plasma, "
            "albumin, diuretics, non-invasive ventilation).",
        ),
        "C": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Liver failure that needs a deviation from the regular clinical management and "
            "invasive treatment (for example vasopressors, haemodialysis, intubation, "
            "extracorporeal liver support, rescue hepatectomy, liver transplantation).",
        ),
    }
)
_BILE_GRADES = MappingProxyType(
    {
        "A": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Bile leakage that needs no or little change in the patient's clinical management.",
        ),
        "B": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Bile leakage that needs active therapeutic intervention (for example "
            "percutaneous drainage or endoscopic stenting) but is manageable without "
            "relaparotomy.",
        ),
        "C": QT_TRANSLATE_NOOP("DataDictionary", "Bile leakage that needs relaparotomy."),
    }
)
_PHH_GRADES = MappingProxyType(
    {
        "A": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Haemorrhage needing transfusion of up to 2 units of packed red blood cells.",
        ),
        "B": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Haemorrhage needing transfusion of more than 2 units of packed red blood cells "
            "but manageable without invasive intervention.",
        ),
        "C": QT_TRANSLATE_NOOP(
            "DataDictionary",
            "Haemorrhage needing radiological intervention (such as embolisation) or relaparotomy.",
        ),
    }
)

ISGLS_CATEGORIES: Mapping[str, IsglsScheme] = MappingProxyType(
    {
        "liver_failure": IsglsScheme(
            "liver_failure",
            QT_TRANSLATE_NOOP("DataDictionary", "Post-hepatectomy liver failure (PHLF)"),
            "Rahbari 2011, Surgery 149:713-24 (ISGLS)",
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Increased INR and high serum bilirubin (above the local laboratory's normal "
                "limits) on or after postoperative day 5. If either was already abnormal before "
                "the operation: INR and bilirubin both rising, compared with the previous day, on "
                "or after day 5. Other obvious causes, such as biliary obstruction, are ruled out.",
            ),
            _PHLF_GRADES,
        ),
        "bile_leakage": IsglsScheme(
            "bile_leakage",
            QT_TRANSLATE_NOOP("DataDictionary", "Bile leakage"),
            "Koch 2011, Surgery 149:680-8 (ISGLS)",
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Bilirubin in the drain fluid at least 3 times the serum bilirubin on or after "
                "postoperative day 3, or radiological or operative intervention needed for a bile "
                "collection or bile peritonitis.",
            ),
            _BILE_GRADES,
        ),
        "haemorrhage": IsglsScheme(
            "haemorrhage",
            QT_TRANSLATE_NOOP("DataDictionary", "Post-hepatectomy haemorrhage (PHH)"),
            "Rahbari 2011, HPB 13:528-35 (ISGLS)",
            QT_TRANSLATE_NOOP(
                "DataDictionary",
                "Haemoglobin drop of more than 3 g/dL after the end of surgery compared with the "
                "postoperative baseline, and/or any postoperative red-cell transfusion for a "
                "falling haemoglobin, and/or invasive re-intervention (embolisation or "
                "relaparotomy) to stop bleeding; with evidence of intra-abdominal bleeding (drain "
                "or imaging). Up to 2 units given right after surgery for blood lost during the "
                "operation do not count.",
            ),
            _PHH_GRADES,
        ),
    }
)


# --- liver failure ------------------------------------------------------------------------


def phlf_present(
    *,
    postoperative_day: int,
    inr: float,
    bilirubin_umol_l: float,
    inr_upper_limit: float,
    bilirubin_upper_limit_umol_l: float,
    abnormal_before_operation: bool = False,
    previous_day_inr: float | None = None,
    previous_day_bilirubin_umol_l: float | None = None,
) -> bool:
    """Does a day's INR and bilirubin meet the ISGLS PHLF definition (Rahbari 2011)?

    On or after postoperative day 5: INR above the local upper limit and bilirubin above
    the local upper limit. If INR or bilirubin was already abnormal before the operation,
    both must instead be rising compared with the previous day's values. Excluding other
    causes (e.g. biliary obstruction) is left to the clinician.
    """
    day = require_int("postoperative_day", postoperative_day, ge=0)
    value_inr = require_number("inr", inr, gt=0)
    bili = require_number("bilirubin_umol_l", bilirubin_umol_l, ge=0)
    inr_uln = require_number("inr_upper_limit", inr_upper_limit, gt=0)
    bili_uln = require_number("bilirubin_upper_limit_umol_l", bilirubin_upper_limit_umol_l, gt=0)
    require_bool("abnormal_before_operation", abnormal_before_operation)
    if day < 5:
        return False
    if abnormal_before_operation:
        if previous_day_inr is None or previous_day_bilirubin_umol_l is None:
            raise ValueError(
                "previous_day_inr and previous_day_bilirubin_umol_l are required when "
                "abnormal_before_operation is true"
            )
        prev_inr = require_number("previous_day_inr", previous_day_inr, gt=0)
        prev_bili = require_number(
            "previous_day_bilirubin_umol_l", previous_day_bilirubin_umol_l, ge=0
        )
        return value_inr > prev_inr and bili > prev_bili
    return value_inr > inr_uln and bili > bili_uln


def phlf_grade(*, management_changed: bool, invasive_treatment: bool) -> str:
    """ISGLS PHLF grade (Rahbari 2011): A no change in clinical management; B deviation
    from regular management, manageable without invasive treatment; C invasive treatment."""
    require_bool("management_changed", management_changed)
    require_bool("invasive_treatment", invasive_treatment)
    if invasive_treatment:  # invasive treatment is itself a change of management
        return "C"
    return "B" if management_changed else "A"


def phlf_criteria_text() -> dict[str, str]:
    """Grade → definition of PHLF (Rahbari 2011), for the complication wizard."""
    return dict(_PHLF_GRADES)


# --- bile leakage -------------------------------------------------------------------------


def bile_leak_present(
    *,
    postoperative_day: int,
    drain_bilirubin_umol_l: float | None = None,
    serum_bilirubin_umol_l: float | None = None,
    intervention_for_bile_collection: bool = False,
) -> bool:
    """ISGLS bile leakage (Koch 2011): drain bilirubin at least 3 times the serum bilirubin
    on or after postoperative day 3, or a radiological or operative intervention needed for
    a bile collection or bile peritonitis."""
    day = require_int("postoperative_day", postoperative_day, ge=0)
    require_bool("intervention_for_bile_collection", intervention_for_bile_collection)
    if intervention_for_bile_collection:
        return True
    if drain_bilirubin_umol_l is None or serum_bilirubin_umol_l is None:
        return False
    drain = require_number("drain_bilirubin_umol_l", drain_bilirubin_umol_l, ge=0)
    serum = require_number("serum_bilirubin_umol_l", serum_bilirubin_umol_l, gt=0)
    return day >= 3 and drain >= 3 * serum


def bile_leak_grade(*, active_intervention: bool, relaparotomy: bool) -> str:
    """ISGLS bile leakage grade (Koch 2011): A no change in management; B active
    therapeutic intervention but manageable without relaparotomy; C relaparotomy."""
    require_bool("active_intervention", active_intervention)
    require_bool("relaparotomy", relaparotomy)
    if relaparotomy:
        return "C"
    return "B" if active_intervention else "A"


def bile_leak_criteria_text() -> dict[str, str]:
    """Grade → definition of bile leakage (Koch 2011), for the complication wizard."""
    return dict(_BILE_GRADES)


# --- haemorrhage --------------------------------------------------------------------------


def phh_present(
    *,
    haemoglobin_drop_g_dl: float = 0.0,
    transfusion_units: int = 0,
    invasive_intervention: bool = False,
) -> bool:
    """ISGLS post-hepatectomy haemorrhage (Rahbari 2011, HPB): haemoglobin drop > 3 g/dL
    from the postoperative baseline, and/or a transfusion for falling haemoglobin, and/or
    invasive re-intervention to stop bleeding. Evidence of intra-abdominal bleeding and the
    exclusion of early transfusion for intraoperative loss are the clinician's call."""
    drop = require_number("haemoglobin_drop_g_dl", haemoglobin_drop_g_dl)
    units = require_int("transfusion_units", transfusion_units, ge=0)
    require_bool("invasive_intervention", invasive_intervention)
    return drop > 3 or units > 0 or invasive_intervention


def phh_grade(*, transfusion_units: int, invasive_intervention: bool) -> str:
    """ISGLS PHH grade (Rahbari 2011, HPB): A transfusion of up to 2 units of red cells;
    B more than 2 units but no invasive intervention; C embolisation or relaparotomy."""
    units = require_int("transfusion_units", transfusion_units, ge=0)
    require_bool("invasive_intervention", invasive_intervention)
    if invasive_intervention:
        return "C"
    return "B" if units > 2 else "A"


def phh_criteria_text() -> dict[str, str]:
    """Grade → definition of post-hepatectomy haemorrhage (Rahbari 2011), for the wizard."""
    return dict(_PHH_GRADES)
