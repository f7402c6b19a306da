from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from workbook.records import (
    MAX_TEXT,
    AutomaticThought,
    CompassionateResponse,
    Feeling,
    ThoughtRecord,
    format_time,
    friendly_time,
    parse_time,
)


def full_record() -> ThoughtRecord:
    return ThoughtRecord(
        situation="Feedback at work",
        feelings=(Feeling("ashamed", 80, 40), Feeling("anxious")),
        thoughts=(
            AutomaticThought("I'm useless", 90, 50, hot=True),
            AutomaticThought("They'll sack me"),
        ),
        patterns=("labelling", "jumping-to-conclusions"),
        evidence_for="I missed a figure",
        evidence_against="The rest was praised",
        response=CompassionateResponse(
            "Be kind", "We all slip", "It hurts, and it will pass"
        ),
        notes="café ☕ 𝄞 \u0000 done",
    )


def test_round_trip_through_dict_gives_an_equal_record():
    record = full_record()
    assert ThoughtRecord.from_dict(record.to_dict()) == record


def test_not_rated_is_distinct_from_zero():
    assert Feeling("sad").before is None
    assert Feeling("sad", 0).before == 0
    assert Feeling("sad", 0) != Feeling("sad")


@pytest.mark.parametrize("bad", [140, -1, 101])
def test_out_of_range_intensity_names_the_field(bad):
    with pytest.raises(ValueError, match=r"intensity of sad must be from 0 to 100"):
        Feeling("sad", bad)


@pytest.mark.parametrize("bad", [True, 50.5, "60"])
def test_a_rating_must_be_a_whole_number(bad):
    with pytest.raises(ValueError, match="belief in the thought"):
        AutomaticThought("x", belief_before=bad)


def test_only_one_hot_thought():
    with pytest.raises(ValueError, match="only one thought"):
        ThoughtRecord(
            thoughts=(AutomaticThought("a", hot=True), AutomaticThought("b", hot=True))
        )


def test_text_over_the_limit_is_refused_with_its_size():
    with pytest.raises(ValueError, match=r"situation is too long to save \(20,001"):
        ThoughtRecord(situation="x" * (MAX_TEXT + 1))


def test_lone_surrogate_is_refused_naming_the_field():
    with pytest.raises(ValueError, match="evidence for contains a character"):
        ThoughtRecord(evidence_for="ok \ud800 not ok")


def test_unknown_fields_are_an_error_not_silently_dropped():
    data = full_record().to_dict() | {"mood": "x"}
    with pytest.raises(ValueError, match="unknown ThoughtRecord fields"):
        ThoughtRecord.from_dict(data)


def test_hot_thought_prefers_the_marked_one_then_the_first_written():
    assert full_record().hot_thought.text == "I'm useless"
    r = ThoughtRecord(thoughts=(AutomaticThought(""), AutomaticThought("second")))
    assert r.hot_thought.text == "second"
    assert ThoughtRecord().hot_thought is None


def test_is_empty():
    assert ThoughtRecord().is_empty()
    assert not dataclasses.replace(ThoughtRecord(), notes=" ").is_empty()


def test_times_are_parsed_in_one_place_and_round_trip():
    moment = datetime(2026, 11, 26, 14, 3, 5, 123456, tzinfo=UTC)
    assert parse_time(format_time(moment)) == moment
    other = moment.astimezone(timezone(timedelta(hours=5)))
    assert format_time(other) == format_time(moment)
    assert parse_time("2026-01-02T03:04:05").tzinfo is UTC


def test_friendly_time_reads_like_a_person_writes():
    text = friendly_time(datetime(2026, 11, 26, 14, 3, tzinfo=UTC))
    assert "November 2026 at" in text
