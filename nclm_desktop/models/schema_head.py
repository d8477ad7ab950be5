"""The newest migration this build carries, recorded so that opening a database already at
it needs no Alembic import (start-up speed, README "Start-up").

A new migration must update HEAD_REVISION; tests/foundation/test_schema_head.py fails until it
equals Alembic's real script head.
"""

HEAD_REVISION = "0008"
