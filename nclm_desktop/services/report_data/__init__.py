"""Read-only queries that gather what each printed report shows, as plain frozen dataclasses.

The reportlab builders in ``reports/`` take these and never touch the database. Every
function checks Permission.REPORTS; names, record numbers and phone numbers are filled in
only for roles that may see identities (None otherwise). Clinical figures (CCI, morbidity
and mortality flags, rates with their confidence intervals, resection names, liver scores)
come from ``clinical/``, never from arithmetic here.
"""

from __future__ import annotations

from ...forms.languages import LANGUAGES
from .common import ENROLLED_STATUSES, MONTH_GRID_MAX_MONTHS, PatientHeader, ReportMeta
from .complications import (
    ComplicationsReportData,
    PatientMorbidity,
    Rate,
    complications_report_data,
)
from .operative import LiverFunction, OperativeReportData, operative_report_data
from .schedule import ScheduleReportData, ScheduleVisit, schedule_report_data
from .screening_log import ScreeningFlow, ScreeningLine, ScreeningLogData, screening_log_data
from .surgical_lines import ComplicationLine, ReoperationLine
from .worklist import WorklistData, WorklistLine, worklist_data

__all__ = [
    "ComplicationLine",
    "ComplicationsReportData",
    "ENROLLED_STATUSES",
    "LANGUAGES",
    "LiverFunction",
    "MONTH_GRID_MAX_MONTHS",
    "OperativeReportData",
    "PatientHeader",
    "PatientMorbidity",
    "Rate",
    "ReoperationLine",
    "ReportMeta",
    "ScheduleReportData",
    "ScheduleVisit",
    "ScreeningFlow",
    "ScreeningLine",
    "ScreeningLogData",
    "WorklistData",
    "WorklistLine",
    "complications_report_data",
    "operative_report_data",
    "schedule_report_data",
    "screening_log_data",
    "worklist_data",
]
