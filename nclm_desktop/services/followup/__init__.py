"""Follow-up: visits, worklists, recording visits and clinical events, timeline, endpoints.

The schedule itself is planned by ``services.schedule_sync``; this package reads it, moves
single visits, records what happened and derives the participant's endpoints. Every
function that depends on the date takes ``today`` so nothing here reads the wall clock.

- ``visit_rows``: the ``VisitRow`` every list shows, and the queries that list visits;
- ``worklists``: the one rule of which open visits to arrange (screen, print, export);
- ``visits``: moving, marking missed, recording a visit (through the visit form);
- ``clinical_events``: findings and events (through the clinical_event form);
- ``timeline``: the chronological view and the endpoints.
"""

from __future__ import annotations

from .clinical_events import (
    CONFIRMED_BY,
    EVENT_KINDS,
    EventRow,
    Finding,
    RecordResult,
    list_events,
    record_event,
    record_events,
)
from .timeline import Endpoints, Timeline, TimelineEntry, participant_endpoints, timeline
from .visit_rows import (
    VisitRow,
    assessment_labels,
    get_visit,
    list_visits,
    month_counts,
    month_grid,
    month_view,
    participant_study_id,
    visits_between,
)
from .visits import (
    OutsideWindow,
    VisitRecord,
    mark_missed,
    record_visit,
    reschedule_visit,
    unmark_missed,
)
from .worklists import (
    WORKLISTS,
    Worklist,
    open_visits_between,
    worklist,
    worklist_between,
    worklist_range,
)

__all__ = [
    "CONFIRMED_BY",
    "EVENT_KINDS",
    "WORKLISTS",
    "Endpoints",
    "EventRow",
    "Finding",
    "OutsideWindow",
    "RecordResult",
    "Timeline",
    "TimelineEntry",
    "VisitRecord",
    "VisitRow",
    "Worklist",
    "assessment_labels",
    "get_visit",
    "list_events",
    "list_visits",
    "mark_missed",
    "month_counts",
    "month_grid",
    "month_view",
    "open_visits_between",
    "participant_endpoints",
    "participant_study_id",
    "record_event",
    "record_events",
    "record_visit",
    "reschedule_visit",
    "timeline",
    "unmark_missed",
    "visits_between",
    "worklist",
    "worklist_between",
    "worklist_range",
]
