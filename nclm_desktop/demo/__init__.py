"""The demo study generator: synthetic participants written through the services.

Not a use case of the application: it sits above ``services`` (it calls their public
functions, as the command line would) and nothing below it imports it. Public API:

- ``DEMO_ACCOUNTS``, ``DEMO_PASSWORD``, ``ensure_demo_accounts(db)`` -> ``DemoActors``
  (``actors.py``);
- ``generate_study(db, actors, participants=N, seed=S, today=D)`` -> ``StudyCounts`` and
  ``GENERATOR_VERSION`` (``generator.py``);
- ``study_counts(db)``, ``has_participants(db)``, ``is_demo_database(db)``: what a database
  holds.
"""

from __future__ import annotations

from .actors import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DemoAccount,
    DemoActors,
    ensure_demo_accounts,
    is_demo_database,
)
from .counts import StudyCounts, has_participants, study_counts
from .generator import BATCH_PARTICIPANTS, GENERATOR_VERSION, generate_study

__all__ = [
    "BATCH_PARTICIPANTS",
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "GENERATOR_VERSION",
    "DemoAccount",
    "DemoActors",
    "StudyCounts",
    "ensure_demo_accounts",
    "generate_study",
    "has_participants",
    "is_demo_database",
    "study_counts",
]
