from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest

from workbook.anonymise import (
    ANON_FORMAT,
    anonymise_entry,
    export_anonymised,
    read_anonymised,
)
from workbook.content import load_content
from workbook.course import CourseSummary, summarise
from workbook.records import (
    RECORD_TYPES,
    Action,
    AutomaticThought,
    CheckBack,
    CompassionateImage,
    CompassionateResponse,
    Entry,
    Feeling,
    GroundingMemory,
    NextStep,
    Plan,
    Preferences,
    Senses,
    ThoughtRecord,
)
from workbook.records.check_in import Answer, CheckIn

CONTENT = load_content()
C = "CANARY"
#: Text fields whose values come from fixed lists, not from what a person typed.
CHOICES = {"form", "shame", "happened", "scale", "structure", "item", "main_value"}


def canary_records():
    """One record of every kind with a canary in every field a person types into."""
    return [
        ThoughtRecord(
            situation=f"{C} situation",
            feelings=(Feeling(f"{C} feeling", 70, 30),),
            thoughts=(AutomaticThought(f"{C} I'm useless", 80, 40, True),),
            patterns=("labelling", f"{C}-pattern"),
            evidence_for=f"{C} for",
            evidence_against=f"{C} against",
            response=CompassionateResponse(f"{C} k", f"{C} h", f"{C} m"),
            notes=f"{C} notes",
        ),
        NextStep(
            what_happened=f"{C} happened",
            mine=(f"{C} mine",),
            not_mine=(f"{C} not mine",),
            to_a_friend=f"{C} friend",
            shame_says=f"{C} shame",
            values=("Honesty", f"{C} own value"),
            main_value="Honesty",
            own_values=(f"{C} own value",),
            actions=(Action(f"{C} action", 7, "no"),),
            plan=Plan(
                f"{C} what", f"{C} when", f"{C} where", f"{C} first", f"{C} support"
            ),
            check_back=CheckBack("partly", f"{C} learned", f"{C} kind"),
            from_thought_record=f"{C}id",
        ),
        CompassionateImage(
            form="animal",
            form_detail=f"{C} dog",
            wisdom=f"{C} w",
            strength=f"{C} s",
            warmth=f"{C} wa",
            acceptance=f"{C} a",
            senses=Senses(
                *(
                    f"{C} {n}"
                    for n in ("see", "hear", "smell", "touch", "temp", "voice")
                )
            ),
            words=f"{C} words",
        ),
        GroundingMemory(
            when=f"{C} when",
            where=f"{C} where",
            felt=("held",),
            felt_other=f"{C} other",
            senses=Senses(
                *(
                    f"{C} {n}"
                    for n in ("see", "hear", "smell", "touch", "temp", "voice")
                )
            ),
            knew=f"{C} knew",
        ),
        CheckIn(
            answers=(Answer("kind-friend", 4), Answer(f"{C}-item", 3)), note=f"{C} note"
        ),
        Preferences(ways=("write",), structure="freedom"),
    ]


def _text_fields(value, name=""):
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _text_fields(getattr(value, f.name), f.name)
    elif isinstance(value, tuple):
        for item in value:
            yield from _text_fields(item, name)
    elif isinstance(value, str):
        yield name, value


def test_the_canary_data_covers_every_text_field_of_every_record():
    records = canary_records()
    assert {type(r) for r in records} == set(RECORD_TYPES.values())
    for record in records:
        for name, text in _text_fields(record):
            if name not in CHOICES | {"values", "patterns", "felt", "ways"}:
                assert C in text, f"{type(record).__name__}.{name} has no canary"


def entries():
    when = datetime(2026, 11, 27, 14, 30, tzinfo=UTC)
    return [
        Entry(f"id{i}{C}", r.KIND, "done", when, when, r)
        for i, r in enumerate(canary_records())
    ]


def test_no_free_text_reaches_the_anonymised_file():
    data = export_anonymised(entries(), CONTENT).decode("utf-8")
    assert C not in data
    assert "14:30" not in data and "T14" not in data  # no times of day
    document = json.loads(data)
    assert document["format"] == ANON_FORMAT
    kinds = {e["kind"] for e in document["entries"]}
    assert kinds == set(RECORD_TYPES)


def test_what_it_keeps():
    thought = anonymise_entry(entries()[0], CONTENT)
    assert thought["day"] == "2026-11-27"
    assert thought["data"]["feelings"] == [{"before": 70, "after": 30}]
    assert thought["data"]["patterns"] == ["labelling"]
    assert thought["data"]["critic_words"] == 1
    assert thought["data"]["response_parts"] == 3
    step = anonymise_entry(entries()[1], CONTENT)["data"]
    assert step["values"] == ["Honesty"] and step["own_values"] == 1 and step["planned"]


def test_course_summary_from_many_files():
    one = export_anonymised(entries(), CONTENT)
    files = [read_anonymised(one), read_anonymised(one)]
    s = summarise(files)
    assert s["files"] == 2 and s["entries"] == 12
    assert (s["before"], s["after"]) == (70, 30)
    assert s["patterns"]["labelling"] == 2
    assert s["planned"] == 2 and s["happened"]["partly"] == 2


def test_course_summary_view_names_a_bad_file():
    view = CourseSummary()
    good = export_anonymised(entries(), CONTENT)
    view.upload.value = (
        {
            "name": "alex.json",
            "type": "application/json",
            "size": len(good),
            "content": memoryview(good),
            "last_modified": datetime.now(UTC),
        },
        {
            "name": "<b>oops</b>.json",
            "type": "application/json",
            "size": 3,
            "content": memoryview(b"{x}"),
            "last_modified": datetime.now(UTC),
        },
    )
    assert "Files read: 1. Entries in all: 6." in view.summary.value
    assert (
        "Labelling" in view.summary.value
        and '<img class="wb-plot"' in view.summary.value
    )
    assert "&lt;b&gt;oops&lt;/b&gt;.json was not used" in view.problems.value


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b'{"format": "x"}',
        b'{"format": "self-compassion-workbook-anonymised", "version": 9}',
    ],
)
def test_read_anonymised_refuses_other_files(data):
    with pytest.raises(ValueError):
        read_anonymised(data)
