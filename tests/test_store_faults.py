"""Faults around the data file: killed writers, full disks, read-only folders, damage.

Nothing a person typed may be lost, and nothing already saved may change.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import tempfile
import time
import traceback
from pathlib import Path

import pytest

from workbook.records import ThoughtRecord
from workbook.store import FILE_NAME, Store, StoreError, open_store
from workbook.thought_record import ThoughtRecordForm

NOBODY = 65534


def _entries(folder: Path) -> list[str]:
    store = open_store(folder)
    try:
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [e.record.situation for e in store.entries()]
    finally:
        store.close()


def _write_one(folder: Path, text: str) -> None:
    """What a child process does: open the store, save one entry, close."""
    store = open_store(folder)
    store.save(ThoughtRecord(situation=text))
    store.close()


def test_a_writer_killed_at_random_points_1000_times_never_damages_the_store(tmp_path):
    """SIGKILL at a random moment: the file holds the old or the new entry, whole."""
    _write_one(tmp_path, "first, before any kill")
    # How long one child takes from fork to exit, so kills land before, during, after.
    took = []
    for _ in range(5):
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                _write_one(tmp_path, "timing run")
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        took.append(time.perf_counter() - start)
    span = sorted(took)[len(took) // 2] * 1.3
    expected = _entries(tmp_path)
    rng = random.Random(20261127)
    killed_before_commit = completed = 0
    for i in range(1000):
        text = f"entry {i} «ünïcödé» 😊"
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                _write_one(tmp_path, text)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, span))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        if i % 50 == 49 or i == 999:
            # Check often (not every time: opening checkpoints the WAL, and the
            # point is to kill writers against a WAL that holds earlier entries too).
            found = _entries(tmp_path)
            assert set(expected) <= set(found), "an entry that was saved is gone"
            assert len(found) - len(expected) <= 50
            completed += len(found) - len(expected)
            killed_before_commit += 50 - (len(found) - len(expected))
            expected = found
            assert all(
                t == "timing run" or t.startswith(("entry", "first")) for t in found
            )
    # Both outcomes happened, so the kills really did land during the writes.
    assert completed > 0 and killed_before_commit > 0
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == [FILE_NAME]


def _fill_disk(store: Store) -> None:
    """Let the file grow no further: SQLite then fails exactly as on a full disk."""
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_gives_a_clear_message_keeps_the_entry_and_old_data(tmp_path):
    store = open_store(tmp_path)
    old = store.save(ThoughtRecord(situation="saved long ago"))
    form = ThoughtRecordForm(store=store)
    _fill_disk(store)
    long_text = "A whole evening of writing. " * 400
    form.situation.value = long_text
    assert "no room left" in form.status.value  # the autosave said so at once
    form.save.click()
    assert "no room left on this computer" in form.status.value
    assert "still on the screen" in form.status.value
    assert form.situation.value == long_text  # kept to try again
    assert store.get(old.id).record.situation == "saved long ago"
    assert store.count() == 1
    store._db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    form.save.click()
    assert "Saved" in form.status.value
    assert store.count() == 2
    store.close()
    assert sorted(_entries(tmp_path)) == sorted(["saved long ago", long_text])


def _as_another_user(run) -> int:
    """Run `run()` in a child that cannot write root's files; its exit code."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            if os.getuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            code = run()
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.fixture
def open_tmp():
    """A folder another user can reach (pytest's own are private to this user)."""
    folder = Path(tempfile.mkdtemp(prefix="workbook-faults-"))
    folder.chmod(0o755)
    yield folder
    for p in folder.rglob("*"):
        p.chmod(0o700 if p.is_dir() else 0o600)
    shutil.rmtree(folder)


def test_a_read_only_data_folder_opens_the_old_entries_to_read_and_says_why(open_tmp):
    tmp_path = open_tmp
    folder = tmp_path / "data"
    store = open_store(folder)
    store.save(ThoughtRecord(situation="kept safe"))
    store.close()
    tmp_path.chmod(0o755)
    folder.chmod(0o555)
    (folder / FILE_NAME).chmod(0o444)
    before = (folder / FILE_NAME).read_bytes()

    def run() -> int:
        if os.access(folder, os.W_OK):
            return 3  # the folder is writable: the test would prove nothing
        store = open_store(folder)
        assert store.read_only
        assert "cannot be written to" in store.notice and str(folder) in store.notice
        assert [e.record.situation for e in store.entries()] == ["kept safe"]
        form = ThoughtRecordForm(store=store)
        assert "cannot be written to" in form.store_notice.value  # shown on the page
        form.situation.value = "new words"
        form.save.click()
        assert "still on the screen" in form.status.value
        assert form.situation.value == "new words"
        return 0

    try:
        assert _as_another_user(run) == 0
    finally:
        folder.chmod(0o700)
    assert (folder / FILE_NAME).read_bytes() == before


def test_no_folder_to_write_at_all_still_opens_and_says_nothing_will_be_kept(open_tmp):
    tmp_path = open_tmp
    folder = tmp_path / "locked" / "data"
    (tmp_path / "locked").mkdir(mode=0o555)
    tmp_path.chmod(0o755)

    def run() -> int:
        if os.access(tmp_path / "locked", os.W_OK):
            return 3
        store = open_store(folder)
        assert "nothing will be kept" in store.notice
        store.save(ThoughtRecord(situation="only in memory"))
        assert store.count() == 1
        return 0

    try:
        assert _as_another_user(run) == 0
    finally:
        (tmp_path / "locked").chmod(0o700)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"this was never a database " * 200,
        lambda b: b[:100] + b"\x00" * 200 + b[300:],  # header damaged
        lambda b: b[:4096] + bytes(reversed(b[4096:8192])) + b[8192:],  # a page damaged
    ],
    ids=["not-sqlite", "bad-header", "bad-page"],
)
def test_a_damaged_store_is_moved_aside_never_deleted_and_a_fresh_one_opened(
    tmp_path, damage
):
    store = open_store(tmp_path)
    for i in range(40):
        store.save(ThoughtRecord(situation=f"entry {i} " + "words " * 50))
    store.close()
    path = tmp_path / FILE_NAME
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)
    store = open_store(tmp_path)
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged  # moved, byte for byte, not deleted
    assert str(aside[0]) in store.notice and "moved aside" in store.notice
    assert store.count() == 0 and not store.read_only
    store.save(ThoughtRecord(situation="a fresh start"))
    form = ThoughtRecordForm(store=store)
    assert str(aside[0]) in form.store_notice.value
    store.close()
    # Opening again is quiet: the fresh file is healthy.
    again = open_store(tmp_path)
    assert again.notice == "" and again.count() == 1
    again.close()


def test_a_locked_store_is_not_mistaken_for_a_damaged_one(tmp_path):
    store = open_store(tmp_path)
    store.close()
    with pytest.raises(StoreError):
        Store(tmp_path / "missing-folder" / FILE_NAME)
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


def test_the_newer_version_notice_is_shown_on_the_page(tmp_path):
    store = open_store(tmp_path)
    store.close()
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("PRAGMA user_version = 99")
    store = open_store(tmp_path)
    form = ThoughtRecordForm(store=store)
    assert "newer version" in form.store_notice.value
    store.close()
