from __future__ import annotations

import pytest

from workbook.content import load_content
from workbook.records import RECORD_TYPES
from workbook.vignettes import STEP_FIELDS, reveal

CONTENT = load_content()


def test_at_least_three_fictional_vignettes_covering_every_exercise():
    assert len(CONTENT.vignettes) >= 3
    covered = {d.exercise for v in CONTENT.vignettes for d in v.demos}
    assert (
        covered
        == set(STEP_FIELDS)
        == {
            "thought_record",
            "next_step",
            "compassionate_image",
            "grounding_memory",
            "check_in",
        }
    )
    summaries = " ".join(v.summary for v in CONTENT.vignettes)
    assert "inner critic" in summaries.lower() or "critic" in summaries
    assert "mistake" in summaries and "compassion" in summaries


def test_every_step_has_a_teaching_note_with_its_purpose():
    for v in CONTENT.vignettes:
        for d in v.demos:
            assert len(d.notes) == d.steps
            assert all(len(n) > 40 for n in d.notes)


def test_notes_cite_sources_as_facts():
    text = " ".join(n for v in CONTENT.vignettes for d in v.demos for n in d.notes)
    for source in ("Beck", "Neff", "Gilbert", "Cooper & McLeod", "Hayes"):
        assert source in text


@pytest.mark.parametrize("vignette", CONTENT.vignettes, ids=lambda v: v.slug)
def test_model_answers_are_valid_records_and_fully_revealed_at_the_end(vignette):
    for d in vignette.demos:
        full = RECORD_TYPES[d.exercise].from_dict(d.record)
        assert reveal(d, d.steps - 1) == full


def test_reveal_shows_only_the_steps_so_far():
    demo = next(d for d in CONTENT.vignettes[0].demos if d.exercise == "thought_record")
    first = reveal(demo, 0)
    assert first.situation and not first.feelings and not first.thoughts
    feelings = reveal(demo, 1)
    assert feelings.feelings and all(f.after is None for f in feelings.feelings)
    assert not feelings.thoughts
    last = reveal(demo, 6)
    assert all(f.after is not None for f in last.feelings) and last.notes


def test_a_bad_vignette_override_is_named(tmp_path):
    (tmp_path / "vignettes.toml").write_text(
        '[[vignettes]]\nslug = "x"\nname = "X"\nsummary = "s"\n'
        '[[vignettes.exercises]]\nexercise = "check_in"\nnotes = ["a", "b"]\n'
        "[vignettes.exercises.record]\n",
        "utf-8",
    )
    content = load_content(tmp_path)
    assert (
        "vignettes.toml" in content.problems[0]
        and "teaching notes" in content.problems[0]
    )
    assert [v.slug for v in content.vignettes] == ["sam", "priya", "jo"]
