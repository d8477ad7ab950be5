"""Accounts and site settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, String, false
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow

ROLES = ("admin", "investigator", "surgeon", "coordinator", "monitor")


class User(Base):
    __tablename__ = "user_account"
    __audited__ = True
    __audit_redacted_fields__ = frozenset({"password_hash"})
    # Sign-in bookkeeping changes without a reason; it is still audited (see accounts.py).
    __audit_workflow_fields__ = frozenset(
        {"password_hash", "failed_logins", "locked_until_utc", "must_change_password"}
    )
    __audit_ignored_fields__ = frozenset({"last_login_utc"})
    __table_args__ = (
        CheckConstraint(
            "role IN ('admin','investigator','surgeon','coordinator','monitor')", name="role"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_utc: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_utc: Mapped[dt.datetime | None]
    # Consecutive failed sign-ins; at the limit the account is locked until locked_until_utc.
    failed_logins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until_utc: Mapped[dt.datetime | None]
    # Set by an administrator's password reset: the next sign-in asks for a new password.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())


class Setting(Base):
    """Site settings (idle lock minutes, site name ...), admin-managed and audited."""

    __tablename__ = "setting"
    __audited__ = True
    __audit_workflow_fields__ = frozenset({"value"})

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(2000))
