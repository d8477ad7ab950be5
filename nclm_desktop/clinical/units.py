"""Laboratory unit conversion, in one place.

Raw values are stored with the unit they were reported in; the rules work in the canonical
unit (bilirubin µmol/L, albumin g/L). Factors: bilirubin 1 mg/dL = 17.1 µmol/L (molar mass
584.7 g/mol); albumin 1 g/dL = 10 g/L.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .validation import require_choice, require_number

BILIRUBIN_UMOL_L_PER_MG_DL = 17.1
ALBUMIN_G_L_PER_G_DL = 10.0

CANONICAL_UNITS: Mapping[str, str] = MappingProxyType({"bilirubin": "µmol/L", "albumin": "g/L"})

# Unit -> factor to the canonical unit. Spellings are matched after _normalise_unit.
_FACTORS: Mapping[str, Mapping[str, float]] = MappingProxyType(
    {
        "bilirubin": {"umol/l": 1.0, "mg/dl": BILIRUBIN_UMOL_L_PER_MG_DL},
        "albumin": {"g/l": 1.0, "g/dl": ALBUMIN_G_L_PER_G_DL},
    }
)
_DISPLAY = {"umol/l": "µmol/L", "mg/dl": "mg/dL", "g/l": "g/L", "g/dl": "g/dL"}


def _normalise_unit(unit: str) -> str:
    # Accept the micro sign (U+00B5), the Greek mu (U+03BC) and plain "u"; any case and spaces.
    return unit.replace("µ", "u").replace("μ", "u").replace(" ", "").lower()


def bilirubin_mg_dl_to_umol_l(value: float) -> float:
    """Bilirubin mg/dL -> µmol/L (× 17.1)."""
    return require_number("bilirubin_mg_dl", value, ge=0) * BILIRUBIN_UMOL_L_PER_MG_DL


def bilirubin_umol_l_to_mg_dl(value: float) -> float:
    """Bilirubin µmol/L -> mg/dL (÷ 17.1)."""
    return require_number("bilirubin_umol_l", value, ge=0) / BILIRUBIN_UMOL_L_PER_MG_DL


def albumin_g_dl_to_g_l(value: float) -> float:
    """Albumin g/dL -> g/L (× 10)."""
    return require_number("albumin_g_dl", value, ge=0) * ALBUMIN_G_L_PER_G_DL


def albumin_g_l_to_g_dl(value: float) -> float:
    """Albumin g/L -> g/dL (÷ 10)."""
    return require_number("albumin_g_l", value, ge=0) / ALBUMIN_G_L_PER_G_DL


def to_canonical(quantity: str, value: float, unit: str) -> float:
    """Convert ``value`` of ``quantity`` ("bilirubin" or "albumin") from ``unit`` to the
    canonical unit in CANONICAL_UNITS (bilirubin µmol/L, albumin g/L)."""
    require_choice("quantity", quantity, _FACTORS)
    factors = _FACTORS[quantity]
    key = _normalise_unit(unit) if isinstance(unit, str) else None
    if key not in factors:
        allowed = ", ".join(_DISPLAY[k] for k in factors)
        raise ValueError(f"unit for {quantity} must be one of {allowed} (got {unit!r})")
    return require_number(quantity, value, ge=0) * factors[key]
