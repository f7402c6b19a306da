from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from workbook.content import load_content
from workbook.export import (
    MAX_IMPORT_BYTES,
    ImportProblem,
    apply_import,
    csv_columns,
    export_csv,
    export_html,
    export_json,
    file_name,
    guard_cell,
    read_import,
)
from workbook.records import (
    RECORD_TYPES,
    Action,
    AutomaticThought,
    CheckBack,
    CompassionateImage,
    Feeling,
    GroundingMemory,
    NextStep,
    Plan,
    Preferences,
    Senses,
    ThoughtRecord,
)
from workbook.records.check_in import Answer, CheckIn
from workbook.store import Store

DOCS = Path(__file__).resolve().parent.parent / "docs" / "data-formats.md"
TRICKY = "Line one\r\nline two\n\ttab «quotes» 'single' \"double\" <b>&amp;</b> 😊 \u200b $5 and $6 \u0000"


def fill(store: Store) -> None:
    store.save(
        ThoughtRecord(
            situation=TRICKY,
            feelings=(Feeling("sad", 80, 30), Feeling("=cmd|' /C calc'!A0")),
            thoughts=(AutomaticThought("I'm useless", 90, hot=True),),
            patterns=("labelling",),
        )
    )
    store.save(ThoughtRecord(situation="a draft"), status="draft")
    store.save(
        NextStep(
            what_happened="+SUM(1)",
            actions=(Action("Say sorry", 9, "no"),),
            plan=Plan("-2+3"),
            check_back=CheckBack("partly"),
        )
    )
    store.save(CompassionateImage(form="animal", senses=Senses(see="@home")))
    store.save(GroundingMemory(when="summer", felt=("held",)))
    store.save(CheckIn(answers=(Answer("kind-friend", 4),)))
    store.save(Preferences(ways=("write",), structure="freedom"))


@pytest.fixture
def full(store):
    fill(store)
    return store


def test_json_round_trip_is_exact(full):
    data = export_json(full.entries())
    empty = Store.memory()
    plan = read_import(data, empty)
    assert (len(plan.new), len(plan.update)) == (7, 0)
    apply_import(plan, empty)
    assert empty.entries() == full.entries()  # ids, times, status and every record
    text = next(e for e in empty.entries() if e.record.summary().startswith("Line one"))
    assert text.record.situation.encode("utf-8") == TRICKY.encode("utf-8")


def test_json_is_readable_utf8(full):
    document = json.loads(export_json(full.entries()).decode("utf-8"))
    assert document["format"] == "self-compassion-workbook" and document["version"] == 1
    assert "😊" in export_json(full.entries()).decode("utf-8")  # not \\u-escaped


def test_csv_per_exercise_with_documented_columns(full):
    files = export_csv(full.entries())
    assert set(files) == set(RECORD_TYPES)
    documented = DOCS.read_text("utf-8")
    for kind, data in files.items():
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0] == csv_columns(RECORD_TYPES[kind])
        for column in rows[0]:
            assert f"`{column}`" in documented, f"{kind}.{column} is not documented"


def test_csv_guards_against_formula_injection(full):
    cells = [
        cell
        for data in export_csv(full.entries()).values()
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))
        for cell in row
    ]
    assert "'+SUM(1)" in cells and "'-2+3" in cells and "'@home" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells if c)


@pytest.mark.parametrize(
    ("value", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("fine", "fine"),
        ("", ""),
        (5, 5),
        (None, None),
    ],
)
def test_guard_cell(value, guarded):
    assert guard_cell(value) == guarded


def test_printable_summary_escapes_everything(store):
    store.save(ThoughtRecord(situation='<img src=x onerror="a()"></script>'))
    page = export_html(store.entries(), load_content()).decode("utf-8")
    assert "<img" not in page and "</script>" not in page and "&lt;img" in page
    assert "default-src 'none'" in page and "not therapy" in page


def test_file_names_carry_the_date():
    assert re.fullmatch(
        r"workbook-check_in-\d{4}-\d{2}-\d{2}\.csv", file_name("check_in", "csv")
    )


# -- import: each bad file gets a clear message and changes nothing --------------------
def good(store) -> bytes:
    fill(store)
    return export_json(store.entries())


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: b"{not json", "damaged or incomplete"),
        (lambda d: d[: len(d) // 2], "damaged or incomplete"),
        (lambda d: "é".encode("latin-1") + d, "not UTF-8"),
        (lambda d: b"id,status,created_at\n1,done,x\n", "CSV spreadsheet"),
        (lambda d: b"hello there", "not JSON"),
        (lambda d: b'{"format": "other"}', "not made by the workbook"),
        (lambda d: d.replace(b'"version": 1', b'"version": 99'), "newer version"),
        (lambda d: d.replace(b'"schema": 1', b'"schema": 7', 1), "newer version"),
        (
            lambda d: d.replace(b'"kind": "check_in"', b'"kind": "dream_diary"'),
            "does not know",
        ),
        (
            lambda d: d.replace(b'"status": "done"', b'"status": "maybe"', 1),
            "unknown status",
        ),
        (lambda d: d.replace(b'"before": 80', b'"before": 180'), "from 0 to 100"),
        (lambda d: d.replace(b'"created_at": "', b'"created_at": "x', 1), "date"),
        (lambda d: b" " * (MAX_IMPORT_BYTES + 1), "too big"),
        (
            lambda d: d.replace(b'"situation": "a draft"', b'"situation": "\\ud800"'),
            "cannot be saved",
        ),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(make, message):
    data = good(Store.memory())
    target = Store.memory()
    target.save(ThoughtRecord(situation="mine"))
    before = target.entries()
    with pytest.raises(ImportProblem, match=message):
        read_import(make(data), target)
    assert target.entries() == before


def test_duplicate_ids_in_a_file_are_refused():
    data = json.loads(good(Store.memory()))
    data["entries"].append(data["entries"][0])
    with pytest.raises(ImportProblem, match="same entry twice"):
        read_import(json.dumps(data).encode(), Store.memory())


def test_merge_by_id_never_silently_replaces_a_newer_entry():
    source = Store.memory()
    old = source.save(ThoughtRecord(situation="old words"))
    data = export_json(source.entries())
    target = Store.memory()
    apply_import(read_import(data, target), target)
    target.save(ThoughtRecord(situation="changed here later"), entry_id=old.id)
    plan = read_import(data, target)
    assert len(plan.older) == 1 and not plan.update
    apply_import(plan, target)
    assert target.get(old.id).record.situation == "changed here later"
    # ...and a newer one from the file does replace the older one here, when agreed.
    source.save(ThoughtRecord(situation="newest in the file"), entry_id=old.id)
    plan = read_import(export_json(source.entries()), target)
    assert len(plan.update) == 1
    apply_import(plan, target)
    assert target.get(old.id).record.situation == "newest in the file"


def test_import_is_all_or_nothing():
    from workbook.store import StoreError

    source = Store.memory()
    fill(source)
    target = Store.memory()
    plan = read_import(export_json(source.entries()), target)
    # A clash found only while writing (another app saved a different exercise under
    # the last id in between) must leave nothing half-written.
    last = plan.new[-1]
    other = (
        ThoughtRecord(situation="clash")
        if last.kind != "thought_record"
        else NextStep(what_happened="clash")
    )
    target.save(other, entry_id=last.id)
    with pytest.raises(StoreError):
        apply_import(plan, target)
    assert target.count() == 1
