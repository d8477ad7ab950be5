"""Sign-in throttling, the password policy, forced change after a reset, session re-checks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, User
from nclm_desktop.services import accounts, settings
from nclm_desktop.services.errors import AuthenticationFailed, PermissionDenied, ValidationError
from nclm_desktop.services.password_policy import common_passwords, password_problem
from nclm_desktop.services.permissions import Actor
from tests.conftest import PASSWORD

NEW_PASSWORD = "violet-lantern-917"


def audit_rows(db, action):
    with db.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def fail_times(db, name, n):
    for _ in range(n):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(db, name, "not-the-password")


@pytest.mark.parametrize(
    "password, username, problem",
    [
        ("short", "", "at least 10"),
        ("x" * 257, "", "at most 256"),
        ("a" * 12, "", "single character"),
        (" " * 12, "", "only spaces"),
        ("\t \t \t \t \t ", "", "control characters"),
        ("good-words\x00-here", "", "control characters"),
        ("good-words\x7f-here", "", "control characters"),
        ("lone-\ud800-surrogate", "", "control characters"),
        ("zchen-is-my-name", "ZChen", "user name"),
        ("ZCHEN2024ward", "zchen", "user name"),
        ("1234567890", "", "common passwords"),
        ("Qwertyuiop", "", "common passwords"),
        ("PASSWORD123", "", "common passwords"),
        ("x" * 256 + "", "", "single character"),
        ("correct-horse-42", "zchen", None),
        ("spinach-garden-7", "pi", None),
        ("长城外古道边芳草碧连天", "zchen", None),
        ("y" * 255 + "z", "zchen", None),
    ],
)
def test_password_policy_table(password, username, problem):
    found = password_problem(password, username)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_the_bundled_common_password_list_is_loaded():
    assert len(common_passwords()) > 1000
    assert "qwertyuiop" in common_passwords()


@pytest.mark.parametrize("where", ["first_admin", "add_user", "reset", "change"])
def test_the_policy_applies_at_every_place_a_password_is_set(db, where):
    weak = "1q2w3e4r5t"
    with pytest.raises(ValidationError) as err:
        if where == "first_admin":
            accounts.create_first_admin(db, "admin", "Admin", weak)
        admin = accounts.create_first_admin(db, "admin", "Admin", PASSWORD)
        if where == "add_user":
            accounts.add_user(db, admin, "zchen", "Zhi Chen", "surgeon", weak)
        user = accounts.add_user(db, admin, "zchen", "Zhi Chen", "surgeon", PASSWORD)
        if where == "reset":
            accounts.reset_password(db, admin, user.user_id, weak)
        accounts.change_password(db, user, PASSWORD, weak)
    assert err.value.field == "password" and "common" in str(err.value)


def test_five_failures_lock_the_account_for_fifteen_minutes(db, admin, surgeon):
    fail_times(db, "zchen", 4)
    assert accounts.authenticate(db, "zchen", PASSWORD).username == "zchen"  # resets the count
    fail_times(db, "zchen", 5)
    with pytest.raises(AuthenticationFailed) as locked:
        accounts.authenticate(db, "zchen", PASSWORD)  # the right password, but locked
    with pytest.raises(AuthenticationFailed) as unknown:
        accounts.authenticate(db, "nobody", "whatever")
    assert str(locked.value) == str(unknown.value)  # never says who exists or is locked
    assert [e.entity_id for e in audit_rows(db, "account_locked")] == [str(surgeon.user_id)]
    assert audit_rows(db, "login_refused_locked")
    with db.session() as s:
        until = s.scalar(select(User.locked_until_utc).where(User.username == "zchen"))
    until = until.replace(tzinfo=dt.UTC) if until.tzinfo is None else until
    remaining = until - dt.datetime.now(dt.UTC)
    assert dt.timedelta(minutes=14) < remaining <= dt.timedelta(minutes=15)


def test_the_lock_ends_after_its_time(db, admin, surgeon):
    fail_times(db, "zchen", 5)
    with db.session(write=True) as s:  # as if 15 minutes had passed
        user = s.scalar(select(User).where(User.username == "zchen"))
        user.locked_until_utc = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        s.info["system"] = True
        s.commit()
    assert accounts.authenticate(db, "zchen", PASSWORD).username == "zchen"


def test_an_administrator_unlocks_and_it_is_audited(db, admin, surgeon):
    fail_times(db, "zchen", 5)
    assert next(u for u in accounts.list_users(db, admin) if u["username"] == "zchen")["locked"]
    with pytest.raises(PermissionDenied):
        accounts.unlock_user(db, surgeon, surgeon.user_id, "self")
    accounts.unlock_user(db, admin, surgeon.user_id, "called the ward, identity checked")
    assert accounts.authenticate(db, "zchen", PASSWORD).username == "zchen"
    [event] = audit_rows(db, "account_unlocked")
    assert (event.username, event.reason) == ("admin", "called the ward, identity checked")


def test_odd_characters_typed_at_sign_in_are_a_failed_sign_in(db, admin, surgeon):
    for name, password in (("zchen", "bad\ud800pw"), ("z\ud800chen", PASSWORD), ("\x00", "x")):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(db, name, password)


def test_unknown_names_never_lock_anything_and_are_not_stored(db, admin, surgeon):
    fail_times(db, "my-Secret-pass", 6)
    assert accounts.authenticate(db, "zchen", PASSWORD)
    with db.session() as s:
        cells = [str(c) for row in s.execute(select(AuditEvent.__table__)) for c in row]
    assert not any("Secret" in c for c in cells)


def test_user_names_are_normalised_and_unique_ignoring_case(db, admin):
    user = accounts.add_user(db, admin, "  Ｗｌｉ  ", "Wei Li", "surgeon", PASSWORD)
    assert user.username == "Wli"  # NFKC folds the full-width letters, spaces stripped
    with pytest.raises(ValidationError, match="already taken"):
        accounts.add_user(db, admin, "WLI", "Other", "surgeon", PASSWORD)
    assert accounts.authenticate(db, "wli", PASSWORD).user_id == user.user_id
    for bad in ("w li", "w\u3000li", "w\u202eli", "w\x00li", "w\ud800li", "x" * 65, ""):
        with pytest.raises(ValidationError) as err:
            accounts.add_user(db, admin, bad, "Bad", "surgeon", PASSWORD)
        assert err.value.field == "username"


def test_a_reset_forces_a_change_before_any_write(db, admin, surgeon):
    accounts.reset_password(db, admin, surgeon.user_id, "temporary-pass-31")
    actor = accounts.authenticate(db, "zchen", "temporary-pass-31")
    assert accounts.must_change_password(db, actor)
    with pytest.raises(PermissionDenied, match="choose a new password"):
        accounts.record_session_event(db, actor, "lock") or settings.set_idle_lock_minutes(
            db, admin, 5
        ) or _any_write(db, actor)
    with pytest.raises(ValidationError) as wrong:
        accounts.change_password(db, actor, "not-it-at-all", NEW_PASSWORD)
    assert wrong.value.field == "current_password"
    accounts.change_password(db, actor, "temporary-pass-31", NEW_PASSWORD)
    assert not accounts.must_change_password(db, actor)
    assert accounts.authenticate(db, "zchen", NEW_PASSWORD).username == "zchen"
    assert audit_rows(db, "password_changed")


def _any_write(db, actor):
    from nclm_desktop.services.uow import writing

    with writing(db, actor):
        pass


def test_every_user_changes_their_own_password(db, admin, coordinator):
    accounts.change_password(db, coordinator, PASSWORD, NEW_PASSWORD)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(db, coordinator.username, PASSWORD)
    assert accounts.authenticate(db, coordinator.username, NEW_PASSWORD)


def test_a_deactivated_users_open_session_is_refused_at_the_next_write(db, admin, surgeon):
    second_admin = accounts.add_user(db, admin, "boss2", "Second Admin", "admin", PASSWORD)
    accounts.set_active(db, admin, second_admin.user_id, False, reason="left")
    with pytest.raises(PermissionDenied, match="no longer active"):
        accounts.add_user(db, second_admin, "newbie", "New", "surgeon", PASSWORD)
    assert "newbie" not in {u["username"] for u in accounts.list_users(db, admin)}


def test_a_demoted_users_role_in_memory_is_not_trusted(db, admin, coordinator):
    # The caller claims the admin role for the coordinator's account: the database decides.
    forged = Actor(coordinator.user_id, "admin", "admin", "Forged")
    with pytest.raises(PermissionDenied, match="coordinator"):
        settings.set_idle_lock_minutes(db, forged, 3)
    assert settings.idle_lock_minutes(db) != 3


def test_the_audited_user_comes_from_the_database(db, admin, surgeon):
    forged = Actor(surgeon.user_id, "someone-else", "surgeon", "Forged")
    accounts.record_session_event(db, forged, "lock")
    _any_write(db, forged)
    [event] = audit_rows(db, "lock")
    assert event.username == "zchen"


def test_cli_user_unlock_and_reset(db, db_path, admin, surgeon):
    import os
    import subprocess
    import sys

    def cli(*args, stdin=""):
        return subprocess.run(
            [sys.executable, "-m", "nclm_desktop", "--db", str(db_path), "--user", "admin", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**os.environ, "NCLM_PASSWORD": PASSWORD},
            timeout=120,
        )

    fail_times(db, "zchen", 5)
    done = cli("user", "unlock", "ZCHEN", "--reason", "identity checked by phone")
    assert done.returncode == 0, done.stderr
    assert accounts.authenticate(db, "zchen", PASSWORD)
    unknown = cli("user", "unlock", "nobody", "--reason", "x")
    assert unknown.returncode == 2 and "No user named" in unknown.stderr
    weak = cli("user", "reset", "zchen", stdin="1234567890\n1234567890\n")
    assert weak.returncode == 2 and "common passwords" in weak.stderr
    assert "Traceback" not in weak.stderr
    reset = cli("user", "reset", "zchen", stdin="temporary-pass-31\ntemporary-pass-31\n")
    assert reset.returncode == 0, reset.stderr
    assert accounts.must_change_password(
        db, accounts.authenticate(db, "zchen", "temporary-pass-31")
    )
