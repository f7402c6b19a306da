from __future__ import annotations

import pytest

from workbook.records import MAX_TEXT, ThoughtRecord
from workbook.store import Store, StoreError
from workbook.thought_record import ThoughtRecordForm

PAYLOAD = '<img src=x onerror="window.__x=1">'


@pytest.fixture
def form(store):
    return ThoughtRecordForm(store=store)


def fill(form: ThoughtRecordForm) -> None:
    form.situation.value = "Feedback at work on Tuesday"
    form.feeling_rows[0].name.value = "ashamed"
    form.feeling_rows[0].before.value = 80
    form.add_feeling.click()
    form.feeling_rows[1].name.value = "anxious"
    form.thought_rows[0].text.value = "I always get it wrong. I'm useless."
    form.thought_rows[0].belief.value = 90
    form.thought_rows[0].hot.value = True
    form.patterns["labelling"].value = True
    form.evidence_for.value = "I missed a figure"
    form.evidence_against.value = "The rest was praised"
    form.kindness.value = "It was one slip"
    form.humanity.value = "Everyone gets feedback"
    form.mindfulness.value = "This is hard, and it will pass"


def test_complete_and_save_a_record(form, store):
    fill(form)
    form.stepper.index = 6
    form.feeling_rows[0].after.value = 40
    form.thought_rows[0].belief_after.value = 50
    form.notes.value = "Felt calmer"
    form.save.click()

    (entry,) = store.entries()
    assert entry.status == "done"
    r = entry.record
    assert r.situation == "Feedback at work on Tuesday"
    assert [(f.name, f.before, f.after) for f in r.feelings] == [
        ("ashamed", 80, 40),
        ("anxious", None, None),
    ]
    assert r.thoughts[0].hot and r.thoughts[0].belief_before == 90
    assert r.thoughts[0].belief_after == 50
    assert r.patterns == ("labelling",)
    assert r.response.common_humanity == "Everyone gets feedback"
    assert r.notes == "Felt calmer"
    assert "Saved on" in form.status.value and "success" in form.status.value
    assert form.autosave_note.value == ""  # no talk of drafts once it is saved
    form.notes.value = "Felt calmer still"
    assert "changes to this saved record" in form.autosave_note.value


def test_ratings_are_optional(form, store):
    form.thought_rows[0].text.value = "I'm a failure"
    form.save.click()
    assert store.entries()[0].record.thoughts[0].belief_before is None


def test_rating_not_rated_state_is_explicit(form):
    rating = form.feeling_rows[0].before
    assert rating.value is None and rating.not_rated.value
    assert "not rated" in rating.readout.value
    rating.slider.value = 0  # moving the slider answers, even to 0
    rating.slider.value = 10
    assert rating.value == 10 and not rating.not_rated.value
    rating.not_rated.value = True
    assert rating.value is None


def test_saving_nothing_says_so_calmly(form, store):
    form.save.click()
    assert store.count() == 0
    assert "nothing to save" in form.status.value.lower()


def test_every_change_keeps_a_draft(form, store):
    form.situation.value = "half"
    (draft,) = store.entries()
    assert draft.status == "draft" and draft.record.situation == "half"
    form.situation.value = "half finished"
    assert store.count() == 1
    assert store.get(draft.id).record.situation == "half finished"
    assert "kept" in form.autosave_note.value


def test_step_change_keeps_a_draft(form, store):
    form.situation.value = "x"
    form.stepper.next.click()
    assert form.stepper.index == 1
    assert store.count() == 1


def test_reopening_offers_the_draft_back(store):
    first = ThoughtRecordForm(store=store)
    first.situation.value = "unfinished business"
    first.thought_rows[0].text.value = "I should have known"
    again = ThoughtRecordForm(store=store)
    assert again.resume_bar.layout.display is None
    assert "unfinished record" in again.resume_text.value
    assert again.situation.value == ""  # offered, not forced
    again.resume.click()
    assert again.situation.value == "unfinished business"
    assert again.thought_rows[0].text.value == "I should have known"
    again.situation.value = "unfinished business, continued"
    assert store.count() == 1  # the same draft, carried on


def test_starting_fresh_keeps_the_old_draft(store):
    ThoughtRecordForm(store=store).situation.value = "old draft"
    again = ThoughtRecordForm(store=store)
    again.fresh.click()
    assert again.resume_bar.layout.display == "none"
    again.situation.value = "new one"
    assert {e.record.situation for e in store.entries()} == {"old draft", "new one"}


def test_start_a_new_record_clears_the_form(form, store):
    fill(form)
    form.save.click()
    form.new_record.click()
    assert form.record == ThoughtRecord()
    form.situation.value = "second"
    assert store.count() == 2


def test_open_a_saved_record(form, store):
    fill(form)
    form.save.click()
    saved_id = store.entries()[0].id
    form.new_record.click()
    form.picker.value = saved_id
    form.open_saved.click()
    assert form.situation.value == "Feedback at work on Tuesday"
    assert form.feeling_rows[1].name.value == "anxious"
    assert form.patterns["labelling"].value
    form.notes.value = "added later"
    assert store.get(saved_id).record.notes == "added later"
    assert store.get(saved_id).status == "done"


def test_inner_critic_is_highlighted_as_the_user_types(form):
    form.thought_rows[0].text.value = "I always fail, I'm useless"
    critic = form.thought_rows[0].critic.value
    assert '<mark class="wb-critic" data-kind="absolute">always</mark>' in critic
    assert "core belief" in critic


def test_thought_stays_visible_while_responding(form):
    form.thought_rows[0].text.value = "I'm useless"
    form.stepper.index = 0
    assert form.pinned.layout.display == "none"
    for step in (4, 5):
        form.stepper.index = step
        assert form.pinned.layout.display is None
        assert "useless" in form.pinned.value


def test_hot_thought_is_pinned_and_only_one_is_hot(form):
    form.thought_rows[0].text.value = "first thought"
    form.add_thought.click()
    form.thought_rows[1].text.value = "second, the hot one"
    form.thought_rows[1].hot.value = True
    form.thought_rows[0].hot.value = True
    assert not form.thought_rows[1].hot.value
    form.thought_rows[1].hot.value = True
    assert "second, the hot one" in form.pinned.value


def test_we_suggestion_is_added_not_replacing(form):
    form.thought_rows[0].text.value = "I'm such an idiot"
    form.humanity.value = "My own words."
    assert "I&#x27;m such an idiot" in form.we_box.value
    form.use_we.click()
    assert form.humanity.value.startswith("My own words.\n")
    assert "“I'm such an idiot”" in form.humanity.value


def test_we_version_of_the_users_own_words(form):
    form.humanity.value = "You are not the only one"
    assert "We are not the only one" in form.we_version.value
    form.humanity.value = "Everyone struggles"
    assert form.we_version.value == ""


@pytest.mark.parametrize(
    "field",
    [
        "situation",
        "evidence_for",
        "evidence_against",
        "kindness",
        "humanity",
        "mindfulness",
        "notes",
    ],
)
def test_risk_language_in_any_field_shows_signposting(form, field):
    assert form.signpost.layout.display == "none"
    getattr(form, field).value = "I don't want to be here any more"
    assert form.signpost.layout.display is None
    assert "116 123" in form.signpost.value and "999" in form.signpost.value
    getattr(form, field).value = "Things are a bit better"
    assert form.signpost.layout.display == "none"


def test_risk_language_in_a_row_shows_signposting(form):
    form.thought_rows[0].text.value = "I want to kill myself"
    assert form.signpost.layout.display is None


def test_user_text_is_escaped_everywhere_it_is_shown(form):
    form.situation.value = PAYLOAD
    form.thought_rows[0].text.value = PAYLOAD
    form.feeling_rows[0].name.value = PAYLOAD
    form.humanity.value = PAYLOAD + " you"
    form.stepper.index = 6
    form.save.click()
    shown = [
        form.pinned.value,
        form.thought_rows[0].critic.value,
        form.we_version.value,
        form.saved_list.value,
        *(
            c.value
            for c in form.rerate_box.children
            if hasattr(c, "value") and isinstance(c.value, str)
        ),
    ]
    assert any("&lt;img" in s for s in shown)
    for html in shown:
        assert "<img" not in html


def test_too_long_text_keeps_what_was_typed_and_says_why(form, store):
    form.situation.value = "ok"
    long_text = "x" * (MAX_TEXT + 5)
    form.evidence_for.value = long_text
    assert "too long" in form.status.value
    assert form.evidence_for.value == long_text  # nothing the user typed is dropped
    form.save.click()
    assert "too long" in form.status.value
    assert store.entries()[0].record.evidence_for == ""


def test_store_failure_keeps_the_entry_on_screen(form):
    class Broken(Store):
        def save(self, *args, **kwargs):
            raise StoreError("The disk is full. It is still on the screen.")

    form.store = Broken.memory()
    form.situation.value = "precious"
    form.save.click()
    assert "disk is full" in form.status.value and "error" in form.status.value
    assert form.situation.value == "precious"


def test_removing_a_row(form, store):
    form.feeling_rows[0].name.value = "sad"
    form.add_feeling.click()
    form.feeling_rows[1].name.value = "angry"
    form.feeling_rows[0].remove.click()
    assert [r.name.value for r in form.feeling_rows] == ["angry"]
    assert [f.name for f in store.entries()[0].record.feelings] == ["angry"]


def test_unknown_pattern_tags_survive_a_round_trip(store):
    entry = store.save(
        ThoughtRecord(situation="x", patterns=("labelling", "retired-tag"))
    )
    form = ThoughtRecordForm(store=store)
    form.picker.value = entry.id
    form.open_saved.click()
    assert form.record.patterns == ("labelling", "retired-tag")


def test_repr_carries_no_user_text(form):
    form.situation.value = "secret canary 1234"
    bundle = form._repr_mimebundle_()
    assert "canary" not in bundle["text/plain"]
    assert "canary" not in repr(form)


def test_every_step_has_a_title_and_back_next_work(form):
    assert len(form.stepper.titles) == 7
    assert form.stepper.back.disabled
    for i in range(6):
        assert f"Step {i + 1} of 7" in form.stepper.where.value
        form.stepper.next.click()
    assert form.stepper.next.disabled
    assert 'aria-current="step"' in form.stepper.where.value
    form.stepper.back.click()
    assert form.stepper.index == 5


def test_disclaimer_and_labels_are_visible(form):
    html = "".join(
        c.value
        for c in form.children
        if hasattr(c, "value") and isinstance(c.value, str)
    )
    assert "not therapy" in html and "crisis" in html
    for box in (form.situation, form.evidence_for, form.kindness, form.humanity):
        assert box.description  # every input has a visible label
