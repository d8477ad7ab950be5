"""Accounts, sign-in, roles and permission checks inside services."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from nclm_desktop.models import AuditEvent, User
from nclm_desktop.services import accounts, settings
from nclm_desktop.services.errors import AuthenticationFailed, PermissionDenied, ValidationError
from nclm_desktop.services.permissions import Permission, require
from tests.conftest import PASSWORD


def audit_actions(db):
    with db.session() as s:
        return [
            (e.action, e.username) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def test_first_admin_is_created_once_with_an_argon2id_hash(db):
    assert not accounts.has_users(db)
    admin = accounts.create_first_admin(db, "admin", "Site Admin", PASSWORD)
    assert admin.role == "admin"
    with db.session() as s:
        user = s.scalar(select(User))
        assert user.password_hash.startswith("$argon2id$")
        assert PasswordHasher().verify(user.password_hash, PASSWORD)
    with pytest.raises(ValidationError, match="already exists"):
        accounts.create_first_admin(db, "admin2", "Another", PASSWORD)


@pytest.mark.parametrize("password", ["short", "123456789", "admin"])
def test_weak_passwords_are_refused(db, password):
    with pytest.raises(ValidationError, match="at least 10 characters|user name") as err:
        accounts.create_first_admin(db, "admin", "Site Admin", password)
    assert err.value.field == "password"
    assert not accounts.has_users(db)


def test_password_equal_to_user_name_is_refused(db):
    with pytest.raises(ValidationError):
        accounts.create_first_admin(db, "administrator", "A", "Administrator")


def test_login_is_audited_and_wrong_password_does_not_reveal_the_user(db, admin, surgeon):
    actor = accounts.authenticate(db, "zchen", PASSWORD)
    assert (actor.username, actor.role) == ("zchen", "surgeon")
    with pytest.raises(AuthenticationFailed) as wrong:
        accounts.authenticate(db, "zchen", "not-the-password")
    with pytest.raises(AuthenticationFailed) as unknown:
        accounts.authenticate(db, "nobody", "not-the-password")
    assert str(wrong.value) == str(unknown.value) == accounts.LOGIN_FAILED_MESSAGE
    actions = audit_actions(db)
    assert ("login", "zchen") in actions
    assert ("login_failed", "zchen") in actions
    # The unknown name is audited without the typed text (it may be a misplaced password).
    assert ("login_failed", None) in actions
    with db.session() as s:
        stored = [tuple(map(str, r)) for r in s.execute(select(AuditEvent.__table__))]
    assert not any("nobody" in cell for row in stored for cell in row)


def test_inactive_user_cannot_sign_in(db, admin, surgeon):
    accounts.set_active(db, admin, surgeon.user_id, False, reason="left the department")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(db, "zchen", PASSWORD)


def test_only_admin_manages_users(db, admin, investigator, coordinator):
    with pytest.raises(PermissionDenied):
        accounts.add_user(db, coordinator, "x1", "X", "surgeon", PASSWORD)
    with pytest.raises(PermissionDenied):
        accounts.list_users(db, investigator)
    with pytest.raises(PermissionDenied):
        settings.set_idle_lock_minutes(db, investigator, 10)
    settings.set_idle_lock_minutes(db, admin, 10)
    assert settings.idle_lock_minutes(db) == 10


def test_duplicate_user_name_is_refused(db, admin, surgeon):
    with pytest.raises(ValidationError, match="already taken"):
        accounts.add_user(db, admin, "zchen", "Other", "surgeon", PASSWORD)


@pytest.mark.parametrize(
    "role, permission, allowed",
    [
        ("coordinator", Permission.WRITE_SURGERY, False),
        ("coordinator", Permission.WRITE_FOLLOWUP, True),
        ("monitor", Permission.WRITE_FOLLOWUP, False),
        ("monitor", Permission.VIEW_IDENTITY, False),
        ("surgeon", Permission.SIGN, False),
        ("investigator", Permission.SIGN, True),
        ("surgeon", Permission.IDENTIFIED_EXPORT, False),
        ("admin", Permission.SCREEN_ENROL, False),
    ],
)
def test_role_matrix_of_design_section_4(db, make_user, role, permission, allowed):
    actor = make_user(f"u_{role}", role)
    if allowed:
        require(actor, permission)
    else:
        with pytest.raises(PermissionDenied):
            require(actor, permission)
