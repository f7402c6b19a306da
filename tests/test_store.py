from __future__ import annotations

import dataclasses
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest

from workbook.records import AutomaticThought, Feeling, ThoughtRecord
from workbook.store import FILE_NAME, FILE_SCHEMA, Store, StoreError, open_store

TRICKY = "Line one\r\nline two\n\ttab «quotes» 'single' \"double\" <b>&amp;</b> 😊 \u200b $5 and $6"


def test_save_then_get_gives_back_an_equal_record(store):
    record = ThoughtRecord(
        situation=TRICKY,
        feelings=(Feeling("sad", 0), Feeling("numb")),
        thoughts=(AutomaticThought(TRICKY, 70, hot=True),),
    )
    entry = store.save(record)
    assert entry.kind == "thought_record" and entry.status == "done"
    assert entry.created_at == entry.updated_at
    again = store.get(entry.id)
    assert again.record == record
    assert again.record.situation.encode() == TRICKY.encode()  # byte for byte


def test_update_keeps_id_and_created_time(store):
    first = store.save(ThoughtRecord(situation="a"), status="draft")
    second = store.save(ThoughtRecord(situation="b"), status="done", entry_id=first.id)
    assert second.id == first.id
    assert second.created_at == first.created_at
    assert second.updated_at >= first.updated_at
    assert store.count() == 1
    assert store.get(first.id).record.situation == "b"


def test_entries_filter_and_latest(store):
    store.save(ThoughtRecord(situation="done one"))
    draft = store.save(ThoughtRecord(situation="draft one"), status="draft")
    assert [e.record.situation for e in store.entries(status="draft")] == ["draft one"]
    assert store.latest("thought_record", "draft").id == draft.id
    assert store.latest("thought_record", "done").record.situation == "done one"
    assert store.latest("next_step", "draft") is None


def test_bad_status_is_refused(store):
    with pytest.raises(ValueError, match="status"):
        store.save(ThoughtRecord(situation="x"), status="finished")


def test_delete(store):
    entry = store.save(ThoughtRecord(situation="x"))
    store.delete(entry.id)
    with pytest.raises(KeyError):
        store.get(entry.id)


def test_file_and_folder_are_private(tmp_path):
    folder = tmp_path / "data"
    s = open_store(folder)
    s.save(ThoughtRecord(situation="private"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():  # the database and its WAL/SHM companions
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    s.close()


def test_open_store_uses_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "env"))
    s = open_store()
    assert s.path == str(tmp_path / "env" / FILE_NAME)
    s.close()


def test_wal_mode_and_schema_version(tmp_path):
    s = open_store(tmp_path)
    db = sqlite3.connect(s.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == FILE_SCHEMA
    db.close()
    s.close()


def test_text_that_cannot_be_stored_is_refused_and_old_data_untouched(tmp_path):
    s = open_store(tmp_path)
    kept = s.save(ThoughtRecord(situation="kept safe"))
    before = list(sqlite3.connect(s.path).iterdump())

    # Bypass the record's own check to prove the store refuses too.
    bad = ThoughtRecord(situation="fine")
    object.__setattr__(bad, "situation", "bad \udc80 text")
    with pytest.raises(StoreError, match="cannot be saved"):
        s.save(bad, entry_id=kept.id)
    assert s.get(kept.id).record.situation == "kept safe"
    assert s.count() == 1
    s.close()
    after = Store(tmp_path / FILE_NAME)
    assert after.get(kept.id).record.situation == "kept safe"
    after.close()
    assert list(sqlite3.connect(tmp_path / FILE_NAME).iterdump()) == before


def test_two_processes_appending_300_each_lose_nothing(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        from workbook.records import ThoughtRecord
        from workbook.store import open_store
        s = open_store({str(tmp_path)!r})
        for i in range(300):
            s.save(ThoughtRecord(situation=f"{{sys.argv[1]}}-{{i}}"))
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, tag]) for tag in "ab"]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    s = open_store(tmp_path)
    situations = {e.record.situation for e in s.entries()}
    assert len(situations) == 600
    assert {f"a-{i}" for i in range(300)} <= situations
    s.close()


def test_a_store_from_a_newer_version_opens_read_only(tmp_path):
    s = open_store(tmp_path)
    s.save(ThoughtRecord(situation="from the future"))
    s.close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute(f"PRAGMA user_version = {FILE_SCHEMA + 1}")
    db.commit()
    db.close()
    newer = Store(tmp_path / FILE_NAME)
    assert newer.read_only
    assert newer.entries()[0].record.situation == "from the future"
    with pytest.raises(StoreError, match="newer version"):
        newer.save(ThoughtRecord(situation="x"))
    newer.close()


def test_frame_has_entry_and_record_columns(store):
    store.save(ThoughtRecord(situation="one", patterns=("labelling",)))
    store.save(ThoughtRecord(situation="two"), status="draft")
    frame = store.frame("thought_record")
    assert list(frame.columns[:4]) == ["id", "status", "created_at", "updated_at"]
    assert set(frame["situation"]) == {"one", "two"}
    assert str(frame["created_at"].dt.tz) == "UTC"


def test_frame_of_nothing_is_empty(store):
    assert store.frame("thought_record").empty


def test_pandas_is_only_imported_by_frame():
    code = (
        "import sys, workbook, workbook.store, workbook.records;"
        "from workbook.store import Store; s = Store.memory();"
        "assert 'pandas' not in sys.modules, 'pandas imported';"
        "s.frame('thought_record'); assert 'pandas' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_records_are_replaced_not_mutated(store):
    record = ThoughtRecord(situation="a")
    entry = store.save(record)
    changed = dataclasses.replace(record, situation="b")
    store.save(changed, entry_id=entry.id)
    assert record.situation == "a"
    assert os.environ.get(
        "WORKBOOK_DATA_DIR"
    )  # conftest keeps tests away from real data


def test_an_entry_never_changes_kind(store):
    from workbook.records import NextStep

    entry = store.save(ThoughtRecord(situation="keep me"))
    with pytest.raises(ValueError, match="not changed"):
        store.save(NextStep(what_happened="x"), entry_id=entry.id)
    assert store.get(entry.id).record.situation == "keep me"


def test_entries_of_several_kinds(store):
    from workbook.records import NextStep

    store.save(ThoughtRecord(situation="a"))
    store.save(NextStep(what_happened="b"))
    assert len(store.entries(("thought_record", "next_step"))) == 2
    assert len(store.entries(("next_step",))) == 1


def test_a_preheated_kernel_builds_the_widgets_before_it_reads_any_data(
    tmp_path, monkeypatch
):
    """Voila runs a preheated notebook ahead of the request: build, then wait, then read."""
    import ipywidgets as w
    from ipywidgets.widgets.widget import _instances

    from workbook import page_request
    from workbook.store import OpenedOnRequest
    from workbook.thought_record import ThoughtRecordForm

    existing = open_store(tmp_path)
    existing.save(ThoughtRecord(situation="written before the page was asked for"))
    existing.close()
    built: list[w.Widget] = []
    waited = []

    def wait_for_request():
        # (widgets made so far, widgets opened to the browser so far)
        waited.append((len(built), len(_instances)))

    monkeypatch.setattr(w.Widget, "_widget_construction_callback", built.append)
    monkeypatch.setattr(page_request, "wait_for_request", wait_for_request)
    opened_before = len(_instances)
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    store = open_store(tmp_path)
    assert isinstance(store, OpenedOnRequest) and waited == []
    form = ThoughtRecordForm(store=store)
    assert len(waited) == 1, "the data is read only after the request"
    made, opened = waited[0]
    assert made > 100, "every step's widgets were built before the wait"
    assert opened - opened_before > 30, "the first step's were opened before it too"
    assert "written before" in form.saved_list.value
    form.situation.value = "after the request"
    assert store.count() == 2 and len(waited) == 1
