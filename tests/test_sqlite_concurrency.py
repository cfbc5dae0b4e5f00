"""SQLite under a long write: readers never fail, writers queue (schoolsite/settings/base.py).

Two real connections to one database file, opened with the site's own SQLite options: one
holds a large uncommitted write (large enough to spill SQLite's page cache, which is when
a rollback-journal database locks readers out), the other reads. The same probe with
SQLite's defaults shows the failure the options prevent.
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="the SQLite options; PostgreSQL readers never wait for writers",
    ),
    # Database access allowed; the connections below are the test's own, to its own files.
    pytest.mark.django_db,
]

SITE_OPTIONS = settings.DATABASES["default"]["OPTIONS"]


def open_database(path, options, alias):
    """A connection as Django opens it, under its own alias (so `transaction.atomic` uses
    the configured transaction mode, as every write of the site does)."""
    wrapper = DatabaseWrapper(
        {**connection.settings_dict, "NAME": str(path), "OPTIONS": options}, alias=alias
    )
    wrapper.ensure_connection()
    connections[alias] = wrapper
    return wrapper


def begin(alias):
    """An open `transaction.atomic` block on this connection; `.__exit__` ends it."""
    block = transaction.atomic(using=alias)
    block.__enter__()
    return block


def commit(block):
    block.__exit__(None, None, None)


def rollback(alias, block):
    transaction.set_rollback(True, using=alias)
    block.__exit__(None, None, None)


def prepare(path):
    db = open_database(path, SITE_OPTIONS, "setup")
    with db.cursor() as cursor:
        cursor.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        cursor.execute("INSERT INTO notes (body) VALUES ('already there')")
    db.close()


def hold_a_long_write(db, alias):
    """Begin a transaction and write far more than SQLite's page cache holds."""
    with db.cursor() as cursor:
        cursor.execute("PRAGMA cache_size = 10")  # pages: spill early, like a long import
    block = begin(alias)
    with db.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO notes (body) VALUES (%s)", [("x" * 500,) for _ in range(1000)]
        )
    return block


def test_the_site_uses_wal_a_busy_timeout_and_immediate_transactions(tmp_path):
    assert SITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert SITE_OPTIONS["timeout"] >= 10
    prepare(tmp_path / "site.sqlite3")
    db = open_database(tmp_path / "site.sqlite3", SITE_OPTIONS, "check")
    with db.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL
    db.close()


def test_readers_read_while_a_long_write_is_under_way(tmp_path):
    path = tmp_path / "site.sqlite3"
    prepare(path)
    writer = open_database(path, SITE_OPTIONS, "writer")
    reader = open_database(path, {**SITE_OPTIONS, "timeout": 0.2}, "reader")
    try:
        block = hold_a_long_write(writer, "writer")
        started = time.monotonic()
        with reader.cursor() as cursor:
            cursor.execute("SELECT body FROM notes")
            # The last committed state, at once: the write is not visible until it commits.
            assert cursor.fetchall() == [("already there",)]
        assert time.monotonic() - started < 0.2
        commit(block)
        with reader.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM notes")
            assert cursor.fetchone()[0] == 1001
    finally:
        writer.close()
        reader.close()


def test_without_the_options_the_same_reader_fails(tmp_path):
    """The probe above can fail: SQLite's defaults lock the reader out."""
    path = tmp_path / "default.sqlite3"
    prepare_default = open_database(path, {}, "setup")
    with prepare_default.cursor() as cursor:
        cursor.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        cursor.execute("INSERT INTO notes (body) VALUES ('already there')")
    prepare_default.close()
    writer = open_database(path, {}, "writer")
    reader = open_database(path, {"timeout": 0.2}, "reader")
    try:
        block = hold_a_long_write(writer, "writer")
        with pytest.raises(OperationalError, match="database is locked"), reader.cursor() as c:
            c.execute("SELECT body FROM notes")
        rollback("writer", block)
    finally:
        writer.close()
        reader.close()


def test_a_second_writer_waits_for_the_first_instead_of_failing(tmp_path):
    path = tmp_path / "site.sqlite3"
    prepare(path)
    first = open_database(path, SITE_OPTIONS, "first")
    block = begin("first")
    with first.cursor() as cursor:
        cursor.execute("INSERT INTO notes (body) VALUES ('first')")
    second_done = {}

    def second_writer():
        second = open_database(path, SITE_OPTIONS, "second")
        try:
            # The shape that deadlocks with SQLite's default (deferred) transactions: read,
            # then write. IMMEDIATE takes the lock at the start, so it simply waits.
            with transaction.atomic(using="second"), second.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM notes")
                seen = cursor.fetchone()[0]
                cursor.execute("INSERT INTO notes (body) VALUES ('second')")
            second_done["seen"] = seen
        except OperationalError as exc:
            second_done["error"] = str(exc)
        finally:
            second.close()

    thread = threading.Thread(target=second_writer)
    thread.start()
    time.sleep(0.5)  # the second writer is waiting for the lock now
    assert thread.is_alive()
    commit(block)
    first.close()
    thread.join(timeout=10)
    # It waited, then saw the first writer's row and added its own.
    assert second_done == {"seen": 2}
