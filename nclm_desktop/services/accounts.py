"""Accounts: first administrator, sign-in, user management (argon2id hashes)."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from ..models import User
from ..models.audit_hook import append_events
from ..models.db import Database
from ..models.users import ROLES
from .errors import AuthenticationFailed, NotFound, ValidationError
from .permissions import Actor, Permission
from .uow import reading, writing

MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_dummy_hash: str | None = None


def _dummy() -> str:
    """Verified against when the user does not exist, so timing does not reveal who exists.
    Made on first use: hashing costs ~0.1 s, too much for every start-up."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not-a-real-password-0000")
    return _dummy_hash


LOGIN_FAILED_MESSAGE = "Unknown user name or wrong password."


def check_password_policy(password: str, username: str = "") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password", f"The password must have at least {MIN_PASSWORD_LENGTH} characters."
        )
    if username and password.strip().lower() == username.strip().lower():
        raise ValidationError("password", "The password must not be the user name.")


def _check_user_fields(username: str, display_name: str, role: str) -> None:
    if not username or not username.strip() or len(username) > 64 or " " in username:
        raise ValidationError("username", "The user name must be 1 to 64 characters, no spaces.")
    if not display_name.strip():
        raise ValidationError("display_name", "The display name is required.")
    if role not in ROLES:
        raise ValidationError("role", f"The role must be one of: {', '.join(ROLES)}.")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, user.display_name)


def has_users(db: Database) -> bool:
    with db.session() as s:
        return bool(s.scalar(select(func.count()).select_from(User)))


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> Actor:
    """Only on a database with no users at all (first start)."""
    _check_user_fields(username, display_name, "admin")
    check_password_policy(password, username)
    with writing(db, None, system=True) as s:
        s.info["actor"] = username
        s.info["reason"] = "first start: administrator account created"
        if s.scalar(select(func.count()).select_from(User)):
            raise ValidationError("username", "An administrator already exists; please sign in.")
        user = User(
            username=username.strip(),
            display_name=display_name.strip(),
            role="admin",
            password_hash=hash_password(password),
        )
        s.add(user)
        s.flush()
        return _actor(user)


def add_user(
    db: Database, actor: Actor | None, username: str, display_name: str, role: str, password: str
) -> Actor:
    _check_user_fields(username, display_name, role)
    check_password_policy(password, username)
    with writing(db, actor, Permission.MANAGE_USERS) as s:
        if s.scalar(select(User.id).where(User.username == username.strip())):
            raise ValidationError("username", f"The user name {username!r} is already taken.")
        user = User(
            username=username.strip(),
            display_name=display_name.strip(),
            role=role,
            password_hash=hash_password(password),
        )
        s.add(user)
        s.flush()
        return _actor(user)


def authenticate(db: Database, username: str, password: str) -> Actor:
    """Sign in; every attempt is audited; the failure message never says who exists."""
    with writing(db, None, system=True) as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        ok = False
        try:
            ok = _hasher.verify(user.password_hash if user else _dummy(), password)
        except (VerificationError, InvalidHashError):
            ok = False
        if not user or not user.active or not ok:
            append_events(
                s,
                [
                    {
                        "username": username.strip()[:64],
                        "action": "login_failed",
                        "entity": "user_account",
                    }
                ],
            )
            s.commit()
            raise AuthenticationFailed(LOGIN_FAILED_MESSAGE)
        s.info["actor"] = user.username
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_utc = dt.datetime.now(dt.UTC)
        append_events(
            s,
            [
                {
                    "username": user.username,
                    "action": "login",
                    "entity": "user_account",
                    "entity_id": str(user.id),
                }
            ],
        )
        return _actor(user)


def verify_password(db: Database, actor: Actor, password: str) -> bool:
    """Re-check the signed-in user's password (unlocking the idle lock)."""
    try:
        again = authenticate(db, actor.username, password)
    except AuthenticationFailed:
        return False
    return again.user_id == actor.user_id


def record_session_event(db: Database, actor: Actor, action: str) -> None:
    """Lock, unlock and logout in the audit trail."""
    with writing(db, actor) as s:
        append_events(
            s,
            [
                {
                    "username": actor.username,
                    "action": action,
                    "entity": "user_account",
                    "entity_id": str(actor.user_id),
                }
            ],
        )


def list_users(db: Database, actor: Actor | None) -> list[dict]:
    with reading(db, actor, Permission.MANAGE_USERS) as s:
        return [
            {
                "id": u.id,
                "username": u.username,
                "display_name": u.display_name,
                "role": u.role,
                "active": u.active,
                "last_login_utc": u.last_login_utc,
            }
            for u in s.scalars(select(User).order_by(User.username))
        ]


def users_with_role(db: Database, roles: tuple[str, ...]) -> list[Actor]:
    """Active users of the given roles (e.g. surgeons for the operation wizard)."""
    with db.session() as s:
        rows = s.scalars(
            select(User)
            .where(User.role.in_(roles), User.active.is_(True))
            .order_by(User.display_name)
        )
        return [_actor(u) for u in rows]


def set_active(db: Database, actor: Actor | None, user_id: int, active: bool, reason: str) -> None:
    with writing(db, actor, Permission.MANAGE_USERS, reason=reason) as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(f"No user with id {user_id}.")
        if actor and user.id == actor.user_id and not active:
            raise ValidationError("active", "You cannot deactivate your own account.")
        user.active = active


def reset_password(db: Database, actor: Actor | None, user_id: int, password: str) -> None:
    with writing(db, actor, Permission.MANAGE_USERS, reason="password reset") as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(f"No user with id {user_id}.")
        check_password_policy(password, user.username)
        user.password_hash = hash_password(password)
