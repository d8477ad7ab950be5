"""Wizard drafts: per user, kind and key; replaced on save; gone after discard."""

from __future__ import annotations

from nclm_desktop.services.drafts import discard_draft, load_draft, save_draft


def test_draft_round_trip_is_per_user_and_key(db, surgeon, coordinator):
    save_draft(db, surgeon, "screening", {"name": "Wei", "page": 2})
    save_draft(db, surgeon, "screening", {"name": "Wei Zhang", "page": 3})
    save_draft(db, surgeon, "operation", {"segments": [5, 6]}, key="17")
    draft = load_draft(db, surgeon, "screening")
    assert draft is not None and draft.data == {"name": "Wei Zhang", "page": 3}
    assert load_draft(db, coordinator, "screening") is None
    assert load_draft(db, surgeon, "operation", key="17").data == {"segments": [5, 6]}
    assert load_draft(db, surgeon, "operation", key="18") is None
    discard_draft(db, surgeon, "screening")
    assert load_draft(db, surgeon, "screening") is None
    assert load_draft(db, surgeon, "operation", key="17") is not None
