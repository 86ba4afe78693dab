"""The storage tests use the shared ``store`` and ``store_target`` fixtures (tests/conftest.py):
a new, empty corpus on SQLite and, when a server is given, on PostgreSQL."""
