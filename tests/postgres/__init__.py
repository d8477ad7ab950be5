"""Tests against a real PostgreSQL server (tests/pgcluster.py)."""
