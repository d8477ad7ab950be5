"""The eligibility rule's sentences and words, listed (clinical/eligibility.py writes them
where it decides): what a stored reason can be read back from."""

from __future__ import annotations

from .eligibility import NOT_ASSESSABLE
from .screening_input import _SITE_LABELS, FIELD_LABELS
from .text_marks import AND, COMMA, SEMICOLON

# Every sentence the eligibility rule answers with, and the words it puts in: a stored reason is
# recognised by its shape (services/recorded_texts.py) and shown translated, old rows too.
# tests/clinical/test_eligibility_reasons.py checks that no marked sentence is missing.
REASON_TEMPLATES: tuple[str, ...] = (
    "Age {age} on {date} is above {limit}",
    "Age {age} on {date} is below {limit}",
    "Age {age} on {date} is within {low} to {high}",
    (
        "Child-Pugh at least {points} points from the recorded values, worse than class "
        "{required}; class {required} required"
    ),
    "Child-Pugh {grade} (as recorded)",
    "Child-Pugh {grade} ({points} points)",
    "Contraindication to surgery found",
    ("Disease progressed (PD) after systemic treatment of the primary tumour and bone metastases"),
    "ECOG {ecog} is above {limit}",
    "ECOG {ecog}; {limit} or less required",
    "Expected survival 6 months or more",
    "Expected survival under 6 months",
    "Informed consent not signed",
    "Informed consent signed",
    "Liver lesions cannot be removed by R0 resection",
    "Liver lesions judged R0-resectable",
    "Liver metastases already treated locally (for example TACE or ablation)",
    "Metastases only in {sites}",
    "Metastasis outside liver and bone: {sites}",
    "NCLM confirmed by pathology, or by imaging with the clinical history",
    "NCLM not confirmed by pathology, or by imaging with the clinical history",
    "No contraindication to surgery found",
    "No disease pattern fits: {reasons}",
    "No metastatic site recorded outside liver and bone",
    "No other malignant tumour and no severe mental illness",
    "No prior local treatment of the liver metastases",
    "No progression after systemic treatment",
    "Not pregnant or breastfeeding",
    "Not recorded: {fields}",
    "Pattern 1: no primary tumour recurrence, liver-only oligometastasis",
    (
        "Pattern 2: bone and liver metastases without primary tumour recurrence, {response} "
        "outside the liver"
    ),
    (
        "Pattern 3: primary tumour recurrence with liver and bone metastases, {response} "
        "outside the liver"
    ),
    "Pattern 3: primary tumour recurrence with liver metastases, {response} outside the liver",
    "Pregnant or breastfeeding",
    "Response outside the liver is progressive disease (PD)",
    "The patient or family cannot understand the study",
    "The patient or family understands the study",
    "future liver remnant {flr} % ({min} % or more required)",
    "future liver remnant {flr} % is below {min} %",
    "history of another malignant tumour",
    "no liver metastasis is recorded",
    "pattern {number}: {why}",
    "severe mental illness",
    "the liver disease is not oligometastatic",
    "the primary tumour has not recurred",
    "the primary tumour has recurred",
    "the response outside the liver is {response} (SD, PR or CR needed)",
    "there are metastases outside the liver",
    "there are no bone metastases",
    "{grade}; class {required} required",
    COMMA,
    AND,
    SEMICOLON,
)
REASON_TERMS: tuple[str, ...] = (
    *FIELD_LABELS.values(),
    *_SITE_LABELS.values(),
    NOT_ASSESSABLE,
)
