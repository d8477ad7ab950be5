"""monitoring: data queries, source-data verification marks, signature manifestation

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _participant_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["participant_id"],
        ["participant.id"],
        name=op.f(f"fk_{table}_participant_id_participant"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "data_query",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("raised_by", sa.String(length=64), nullable=False),
        sa.Column("raised_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.String(length=64), nullable=True),
        sa.Column("answered_utc", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_utc", sa.DateTime(timezone=True), nullable=True),
        _participant_fk("data_query"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_query")),
    )
    with op.batch_alter_table("data_query", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_data_query_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_data_query_state"), ["state"], unique=False)

    op.create_table(
        "sdv_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("verified_by", sa.String(length=64), nullable=False),
        sa.Column("verified_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_hash", sa.String(length=64), nullable=False),
        _participant_fk("sdv_mark"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sdv_mark")),
        sa.UniqueConstraint("form", "record_id", name=op.f("uq_sdv_mark_form")),
    )
    with op.batch_alter_table("sdv_mark", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sdv_mark_participant_id"), ["participant_id"], unique=False
        )

    with op.batch_alter_table("signature", schema=None) as batch_op:
        batch_op.add_column(sa.Column("printed_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("meaning_text", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("utc_offset", sa.String(length=6), nullable=True))
        batch_op.add_column(sa.Column("data_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("signature", schema=None) as batch_op:
        batch_op.drop_column("data_hash")
        batch_op.drop_column("utc_offset")
        batch_op.drop_column("meaning_text")
        batch_op.drop_column("printed_name")
    with op.batch_alter_table("sdv_mark", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sdv_mark_participant_id"))
    op.drop_table("sdv_mark")
    with op.batch_alter_table("data_query", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_data_query_state"))
        batch_op.drop_index(batch_op.f("ix_data_query_participant_id"))
    op.drop_table("data_query")
