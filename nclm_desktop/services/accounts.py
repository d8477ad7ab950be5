"""Accounts: first administrator, sign-in, user management (argon2id hashes)."""

from __future__ import annotations

import datetime as dt
import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..forms import QT_TRANSLATE_NOOP, Field, Kind
from ..forms.errors import said
from ..forms.text import text_problem
from ..models import User
from ..models.audit_hook import append_events
from ..models.db import Database
from ..models.users import ROLES
from . import password_policy
from .errors import AuthenticationFailed, NotFound, ValidationError
from .permissions import Actor, Permission
from .uow import reading, writing

MIN_PASSWORD_LENGTH = password_policy.MIN_LENGTH
MAX_FAILED_LOGINS = 5
LOCK_DURATION = dt.timedelta(minutes=15)
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_dummy_hash: str | None = None


def _dummy() -> str:
    """Verified against when the user does not exist, so timing does not reveal who exists.
    Made on first use: hashing costs ~0.1 s, too much for every start-up."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not-a-real-password-0000")
    return _dummy_hash


# One message for an unknown name, a wrong password, an inactive or a locked account, so
# that it never tells who exists.
LOGIN_FAILED_MESSAGE = said(
    QT_TRANSLATE_NOOP(
        "Refusals",
        "Unknown user name or wrong password. After 5 failed attempts in a row an account is "
        "locked for 15 minutes; an administrator can unlock it.",
    )
)


NO_USER = QT_TRANSLATE_NOOP("Refusals", "No user with id {id}.")

DISPLAY_NAME = Field(
    "display_name",
    QT_TRANSLATE_NOOP("DataDictionary", "Full name"),
    Kind.TEXT,
    max_len=200,
    required=True,
)


def normalise_username(value: str) -> str:
    """NFKC, stripped; refuses whitespace inside, control or format characters, > 64."""
    problem = text_problem(value or "")
    if problem:
        raise ValidationError(
            "username",
            QT_TRANSLATE_NOOP("Refusals", "The user name {problem}."),
            params={"problem": problem},
        )

    name = unicodedata.normalize("NFKC", value or "").strip()
    if not name or len(name) > 64:
        raise ValidationError(
            "username",
            said(QT_TRANSLATE_NOOP("Refusals", "The user name must be 1 to 64 characters.")),
        )
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs") for ch in name):
        raise ValidationError(
            "username",
            said(QT_TRANSLATE_NOOP("Refusals", "The user name must not contain spaces.")),
        )
    return name


def username_key(name: str) -> str:
    """What makes two user names the same: case-insensitive after NFKC."""
    return unicodedata.normalize("NFKC", name).casefold()


def check_password_policy(password: str, username: str = "") -> None:
    problem = password_policy.password_problem(password, username)
    if problem:
        raise ValidationError("password", problem)


def _check_user_fields(username: str, display_name: str, role: str) -> tuple[str, str]:
    """The normalised user name and display name."""
    name = normalise_username(username)
    display = DISPLAY_NAME.clean(display_name)
    if display is None:
        raise ValidationError(
            "display_name", said(QT_TRANSLATE_NOOP("Refusals", "The full name is required."))
        )
    if role not in ROLES:
        raise ValidationError(
            "role",
            said(
                QT_TRANSLATE_NOOP("Refusals", "The role must be one of: {roles}."),
                roles=", ".join(ROLES),
            ),
        )
    return name, display


def _find_user(s: Session, username: str) -> User | None:
    """The account a typed user name means (NFKC, case-insensitive); None if none or unfit."""
    try:
        key = username_key(normalise_username(username))
    except ValidationError:
        return None
    return next((u for u in s.scalars(select(User)) if username_key(u.username) == key), None)


def _check_name_free(s: Session, username: str) -> None:
    if _find_user(s, username) is not None:
        raise ValidationError(
            "username",
            said(
                QT_TRANSLATE_NOOP("Refusals", "The user name {name} is already taken."),
                name=repr(username),
            ),
        )


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; every time here is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def is_locked(user: User, now: dt.datetime | None = None) -> bool:
    until = _utc(user.locked_until_utc)
    return until is not None and until > (now or dt.datetime.now(dt.UTC))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, user.display_name)


def has_users(db: Database) -> bool:
    with db.session() as s:
        return bool(s.scalar(select(func.count()).select_from(User)))


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> Actor:
    """Only on a database with no users at all (first start)."""
    username, display_name = _check_user_fields(username, display_name, "admin")
    check_password_policy(password, username)
    with writing(db, None, system=True) as s:
        s.info["actor"] = username
        s.info["reason"] = "first start: administrator account created"
        if s.scalar(select(func.count()).select_from(User)):
            raise ValidationError(
                "username",
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "An administrator already exists; please sign in."
                    )
                ),
            )
        user = User(
            username=username,
            display_name=display_name,
            role="admin",
            password_hash=hash_password(password),
        )
        s.add(user)
        s.flush()
        return _actor(user)


def add_user(
    db: Database, actor: Actor | None, username: str, display_name: str, role: str, password: str
) -> Actor:
    username, display_name = _check_user_fields(username, display_name, role)
    check_password_policy(password, username)
    with writing(db, actor, Permission.MANAGE_USERS) as s:
        _check_name_free(s, username)
        user = User(
            username=username,
            display_name=display_name,
            role=role,
            password_hash=hash_password(password),
        )
        s.add(user)
        s.flush()
        return _actor(user)


def _account_event(user: User | None, action: str) -> dict:
    # An unknown name is not stored: it may be a password typed into the wrong field.
    return {
        "username": user.username if user else None,
        "action": action,
        "entity": "user_account",
        "entity_id": str(user.id) if user else None,
    }


def _check_password(s: Session, user: User | None, password: str) -> bool:
    """Verify ``password`` for ``user`` with the throttle; every failure is audited and
    counted, the 5th in a row locks the account. A locked account fails even with the right
    password. The caller commits (also when it then refuses)."""
    now = dt.datetime.now(dt.UTC)
    try:
        # "surrogatepass": a lone surrogate typed in is just a wrong password, not a crash.
        typed = password.encode("utf-8", "surrogatepass")
        ok = _hasher.verify(user.password_hash if user else _dummy(), typed)
    except (VerificationError, InvalidHashError):
        ok = False
    if user is not None and is_locked(user, now):
        append_events(s, [_account_event(user, "login_refused_locked")])
        return False
    if user is None or not user.active or not ok:
        events = [_account_event(user, "login_failed")]
        if user is not None:
            user.failed_logins = (user.failed_logins or 0) + 1
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.failed_logins = 0
                user.locked_until_utc = now + LOCK_DURATION
                events.append(_account_event(user, "account_locked"))
        s.flush()
        append_events(s, events)
        return False
    user.failed_logins = 0
    user.locked_until_utc = None
    return True


def confirm_signer(s: Session, user: User, username: str, password: str) -> bool:
    """The two components of an electronic signature (21 CFR 11.200): ``user``'s own user
    name and password typed again. The password goes through the sign-in's throttle and
    audit (a failure counts towards the account lock); a user name that is not ``user``'s
    fails without revealing whose it is. The caller audits its own refusal and commits."""
    same = username_key((username or "").strip()) == username_key(user.username)
    return _check_password(s, user, password) if same else False


def authenticate(db: Database, username: str, password: str) -> Actor:
    """Sign in; every attempt is audited; the failure message never says who exists."""
    with writing(db, None, system=True) as s:
        user = _find_user(s, username)
        if user is not None:
            s.info["actor"] = user.username
        if not _check_password(s, user, password):
            s.commit()
            raise AuthenticationFailed(LOGIN_FAILED_MESSAGE)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_utc = dt.datetime.now(dt.UTC)
        s.flush()  # the bookkeeping's update events first, then the sign-in
        append_events(s, [_account_event(user, "login")])
        return _actor(user)


def must_change_password(db: Database, actor: Actor) -> bool:
    """True after an administrator's reset, until the user has chosen a new password."""
    with db.session() as s:
        user = s.get(User, actor.user_id)
        return bool(user and user.must_change_password)


def change_password(db: Database, actor: Actor, current: str, new: str) -> None:
    """The signed-in user changes their own password (also the forced change after a reset).
    A wrong current password counts as a failed sign-in."""
    with writing(db, None, system=True) as s:
        user = s.get(User, actor.user_id)
        if user is None or not user.active:
            raise AuthenticationFailed(
                said(
                    QT_TRANSLATE_NOOP(
                        "Refusals", "This account is no longer active; please sign in again."
                    )
                )
            )
        s.info["actor"] = user.username
        if not _check_password(s, user, current):
            s.commit()
            raise ValidationError(
                "current_password",
                said(QT_TRANSLATE_NOOP("Refusals", "The current password is wrong.")),
            )
        check_password_policy(new, user.username)
        if new == current:
            raise ValidationError(
                "new_password",
                said(QT_TRANSLATE_NOOP("Refusals", "The new password must differ from the old.")),
            )
        user.password_hash = hash_password(new)
        user.must_change_password = False
        s.flush()
        append_events(s, [_account_event(user, "password_changed")])


def verify_password(db: Database, actor: Actor, password: str) -> bool:
    """Re-check the signed-in user's password (unlocking the idle lock)."""
    try:
        again = authenticate(db, actor.username, password)
    except AuthenticationFailed:
        return False
    return again.user_id == actor.user_id


def record_session_event(db: Database, actor: Actor, action: str) -> None:
    """Lock, unlock and logout in the audit trail (also for an account deactivated since)."""
    with writing(db, None, system=True) as s:
        user = s.get(User, actor.user_id)
        if user is not None:
            append_events(s, [_account_event(user, action)])


def list_users(db: Database, actor: Actor | None) -> list[dict]:
    with reading(db, actor, Permission.MANAGE_USERS) as s:
        return [
            {
                "id": u.id,
                "username": u.username,
                "display_name": u.display_name,
                "role": u.role,
                "active": u.active,
                "locked": is_locked(u),
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
            raise NotFound(NO_USER, params={"id": user_id})
        if actor and user.id == actor.user_id and not active:
            raise ValidationError(
                "active",
                said(QT_TRANSLATE_NOOP("Refusals", "You cannot deactivate your own account.")),
            )
        user.active = active


def reset_password(db: Database, actor: Actor | None, user_id: int, password: str) -> None:
    """An administrator sets a new password; the user must change it at the next sign-in."""
    with writing(db, actor, Permission.MANAGE_USERS, reason="password reset") as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(NO_USER, params={"id": user_id})
        check_password_policy(password, user.username)
        user.password_hash = hash_password(password)
        user.must_change_password = True
        user.failed_logins = 0
        user.locked_until_utc = None


def unlock_user(db: Database, actor: Actor | None, user_id: int, reason: str) -> None:
    """An administrator lifts a sign-in lock before its 15 minutes are over (audited)."""
    with writing(db, actor, Permission.MANAGE_USERS, reason=reason) as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(NO_USER, params={"id": user_id})
        user.failed_logins = 0
        user.locked_until_utc = None
        s.flush()
        append_events(
            s,
            [
                _account_event(user, "account_unlocked")
                | {"username": s.info["actor"], "reason": s.info["reason"]}
            ],
        )


def user_id_by_name(db: Database, actor: Actor | None, username: str) -> int:
    with reading(db, actor, Permission.MANAGE_USERS) as s:
        user = _find_user(s, username)
        if user is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Refusals", "No user named {name}."),
                params={"name": repr(username)},
            )
        return user.id
