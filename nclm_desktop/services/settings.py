"""Site settings stored in the database (admin-managed, audited)."""

from __future__ import annotations

import re

from ..clinical.text_marks import QT_TRANSLATE_NOOP
from ..forms.languages import LANGUAGES
from ..models import Setting
from ..models.db import Database
from .errors import ValidationError
from .permissions import Actor, Permission
from .uow import writing

DEFAULTS = {"idle_lock_minutes": "5"}
# Contact numbers printed on the patient's visit schedule: (key, English label, Chinese label).
CONTACT_SETTINGS = (
    (
        "contact_coordinator_phone",
        QT_TRANSLATE_NOOP("DataDictionary", "Study coordinator"),
        "研究协调员",
    ),
    (
        "contact_clinic_phone",
        QT_TRANSLATE_NOOP("DataDictionary", "Hepatobiliary surgery clinic"),
        "肝胆外科门诊",
    ),
    (
        "contact_emergency_phone",
        QT_TRANSLATE_NOOP("DataDictionary", "Out of hours / emergency"),
        "夜间及急诊",
    ),
)
_PHONE = re.compile(r"^[0-9+()\- ]{3,40}$")


def get_setting(db: Database, key: str) -> str:
    with db.session() as s:
        row = s.get(Setting, key)
        return row.value if row else DEFAULTS[key]


def idle_lock_minutes(db: Database) -> int:
    return int(get_setting(db, "idle_lock_minutes"))


def set_idle_lock_minutes(db: Database, actor: Actor | None, minutes: int) -> None:
    if not 1 <= minutes <= 60:
        raise ValidationError(
            "idle_lock_minutes",
            QT_TRANSLATE_NOOP("Refusals", "The idle lock must be 1 to 60 minutes."),
            params={},
        )
    with writing(db, actor, Permission.MANAGE_USERS) as s:
        row = s.get(Setting, "idle_lock_minutes")
        if row is None:
            s.add(Setting(key="idle_lock_minutes", value=str(minutes)))
        else:
            row.value = str(minutes)


def contact_numbers(db: Database) -> dict[str, str]:
    with db.session() as s:
        return {
            key: (row.value if (row := s.get(Setting, key)) else "")
            for key, _en, _zh in CONTACT_SETTINGS
        }


def set_contact_numbers(db: Database, actor: Actor | None, numbers: dict[str, str]) -> None:
    """Blank clears a number; anything else must look like a telephone number."""
    known = {key for key, _en, _zh in CONTACT_SETTINGS}
    for key, value in numbers.items():
        if key not in known:
            raise ValidationError(
                key,
                QT_TRANSLATE_NOOP("Refusals", "Unknown contact setting {key}."),
                params={"key": repr(key)},
            )
        if value.strip() and not _PHONE.match(value.strip()):
            raise ValidationError(
                key,
                QT_TRANSLATE_NOOP(
                    "Refusals",
                    "A telephone number may hold digits, spaces, +, - and brackets "
                    "(3 to 40 characters).",
                ),
                params={},
            )
    with writing(db, actor, Permission.MANAGE_USERS, reason="contact numbers updated") as s:
        for key, value in numbers.items():
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value.strip()))
            else:
                row.value = value.strip()


# The interface language of each user (README "Languages"): a settings row per user.


def _language_key(user_id: int) -> str:
    return f"language:{user_id}"


def user_language(db: Database, user_id: int) -> str | None:
    """The user's chosen language, or None when they never chose (the system locale rules)."""
    with db.session() as s:
        row = s.get(Setting, _language_key(user_id))
        return row.value if row and row.value in LANGUAGES else None


def set_user_language(db: Database, actor: Actor, user_id: int, lang: str) -> None:
    """Anyone signed in chooses their own language; an administrator may set anyone's."""
    if lang not in LANGUAGES:
        raise ValidationError(
            "language",
            QT_TRANSLATE_NOOP("Refusals", "Unknown language {lang} (one of: en, zh_CN)."),
            params={"lang": repr(lang)},
        )

    own = actor is not None and actor.user_id == user_id
    with writing(db, actor, None if own else Permission.MANAGE_USERS) as s:
        row = s.get(Setting, _language_key(user_id))
        if row is None:
            s.add(Setting(key=_language_key(user_id), value=lang))
        else:
            row.value = lang
