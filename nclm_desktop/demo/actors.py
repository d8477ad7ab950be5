"""The demo study's accounts: one per role, sharing one password (printed by the command).

``ensure_demo_accounts`` creates them through the accounts service on a database without
users, or signs them in on a database an earlier demo run made."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..models import User
from ..models.db import Database
from ..services import accounts
from ..services.errors import ServiceError
from ..services.permissions import Actor

DEMO_PASSWORD = "nclm-demo-password"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: str


DEMO_ACCOUNTS = (
    DemoAccount("admin", "Administrator", "admin"),
    DemoAccount("pi", "Dr Zhou Wen", "investigator"),
    DemoAccount("surgeon.chen", "Dr Chen Hao", "surgeon"),
    DemoAccount("surgeon.lin", "Dr Lin Yu", "surgeon"),
    DemoAccount("coordinator", "Wu Jing", "coordinator"),
    DemoAccount("monitor", "He Lei", "monitor"),
)


@dataclass(frozen=True)
class DemoActors:
    admin: Actor
    investigator: Actor
    surgeons: tuple[Actor, ...]
    coordinator: Actor
    monitor: Actor

    @property
    def screeners(self) -> tuple[Actor, ...]:
        return (self.investigator, *self.surgeons, self.coordinator)

    @property
    def operators(self) -> tuple[Actor, ...]:
        return (*self.surgeons, self.investigator)


# --- accounts ------------------------------------------------------------------------------


def ensure_demo_accounts(db: Database, password: str = DEMO_PASSWORD) -> DemoActors:
    """Create the demo accounts on a database without users, or sign them in on one made
    by an earlier demo run. Refuses a database with other users (a real study)."""
    by_name: dict[str, Actor] = {}
    if not accounts.has_users(db):
        first = DEMO_ACCOUNTS[0]
        admin = accounts.create_first_admin(db, first.username, first.display_name, password)
        by_name[first.username] = admin
        for acc in DEMO_ACCOUNTS[1:]:
            by_name[acc.username] = accounts.add_user(
                db, admin, acc.username, acc.display_name, acc.role, password
            )
    else:
        if not is_demo_database(db):
            raise ServiceError(
                "This database already has user accounts that are not the demo accounts: "
                "the demo study is only written into a new database file."
            )
        for acc in DEMO_ACCOUNTS:
            by_name[acc.username] = accounts.authenticate(db, acc.username, password)
    roles = {acc.username: acc.role for acc in DEMO_ACCOUNTS}
    pick = [by_name[name] for name in roles]
    return DemoActors(
        admin=pick[0],
        investigator=pick[1],
        surgeons=(pick[2], pick[3]),
        coordinator=pick[4],
        monitor=pick[5],
    )


def is_demo_database(db: Database) -> bool:
    """True when every demo account exists (the database was made by ``nclm-desktop demo``)."""
    with db.session() as s:
        existing = set(s.scalars(select(User.username)))
    return {a.username for a in DEMO_ACCOUNTS} <= existing
