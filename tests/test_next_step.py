from __future__ import annotations

import pytest

from workbook.next_step import NextStepForm
from workbook.records import NextStep, Plan
from workbook.thought_record import ThoughtRecordForm

PAYLOAD = '<img src=x onerror="window.__x=1">'


@pytest.fixture
def form(store):
    return NextStepForm(store=store)


def plan(form: NextStepForm) -> None:
    form.what_happened.value = "I forgot to send the report"
    form.mine.items[0].value = "I didn't check my list"
    form.mine.add.click()
    form.mine.items[1].value = "I said yes to too much"
    form.not_mine.items[0].value = "The deadline moved"
    form.to_a_friend.value = "It happens to everyone"
    form.shame_says.value = "You always let people down, you idiot"
    form.values.boxes["Honesty"].value = True
    form.values.boxes["Responsibility"].value = True
    form.values.main.value = "Honesty"
    form.action_rows[0].text.value = "Apologise and offer to help"
    form.action_rows[0].fit.value = 9
    form.action_rows[0].shame.value = "no"
    form.add_action.click()
    form.action_rows[1].text.value = "Avoid them all week"
    form.action_rows[1].fit.value = 2
    form.action_rows[1].shame.value = "yes"


def test_from_mistake_to_a_concrete_step(form, store):
    plan(form)
    form.use_suggestion.click()
    assert form.plan_what.value == "Apologise and offer to help"
    form.plan_when.value = "Tomorrow at 9"
    form.plan_where.value = "At her desk"
    form.first_step.value = "Write the first sentence"
    form.support.value = "A word with my manager"
    form.save.click()

    (entry,) = store.entries()
    r = entry.record
    assert entry.status == "done" and r.is_open
    assert r.mine == ("I didn't check my list", "I said yes to too much")
    assert r.not_mine == ("The deadline moved",)
    assert r.values == ("Honesty", "Responsibility") and r.main_value == "Honesty"
    assert [a.text for a in r.ranked_actions()][0] == "Apologise and offer to help"
    assert r.plan == Plan(
        "Apologise and offer to help",
        "Tomorrow at 9",
        "At her desk",
        "Write the first sentence",
        "A word with my manager",
    )
    assert "Saved on" in form.status.value


def test_the_view_suggests_but_never_decides(form):
    plan(form)
    assert "Apologise and offer to help" in form.ranked.value
    assert "you choose" in form.ranked.value
    assert form.plan_what.value == ""  # nothing chosen until the person says so
    form.plan_what.value = "My own idea"
    form.use_suggestion.click()
    assert form.plan_what.value == "My own idea"
    assert "left as they are" in form.status.value


def test_no_suggestion_until_something_is_rated(form):
    form.action_rows[0].text.value = "Call her"
    assert "suggestion will appear" in form.ranked.value
    assert form.use_suggestion.layout.display == "none"


def test_shame_gets_the_same_critic_highlighting(form):
    form.shame_says.value = "You always let people down, you idiot"
    assert '<mark class="wb-critic" data-kind="attack">' in form.shame_critic.value


def test_up_to_five_values_and_my_own(form):
    names = list(form.values.boxes)[:5]
    for name in names:
        form.values.boxes[name].value = True
    others = [b for n, b in form.values.boxes.items() if n not in names]
    assert all(b.disabled for b in others)
    assert "chosen five" in form.values.limit.value
    form.values.boxes[names[0]].value = False
    assert not any(b.disabled for b in others)
    form.values.own_value.value = "Being a good colleague"
    form.values.add_own.click()
    assert form.values.boxes["Being a good colleague"].value
    assert form.record.own_values == ("Being a good colleague",)
    assert set(form.values.main.options) >= {
        ("Being a good colleague", "Being a good colleague")
    }


def test_values_list_is_long_enough(form):
    assert len(form.content.values) >= 40


def test_open_steps_are_listed_and_checked_back_without_shaming(store):
    store.save(NextStep(what_happened="x", plan=Plan("Apologise")))
    store.save(NextStep(what_happened="y", plan=Plan("Call mum")), status="draft")
    form = NextStepForm(store=store)
    assert form.check_section.layout.display is None
    assert (
        "Apologise" in form.check_section.open_steps.value
        and "Call mum" not in form.check_section.open_steps.value
    )
    form.check_section.check_open.click()
    assert form.stepper.index == 6 and form.plan_what.value == "Apologise"
    form.happened.value = "not yet"
    form.learned.value = "Mornings are hard"
    form.kind_note.value = "I'll try again"
    form.save.click()
    assert "Not yet is fine" in form.status.value
    assert "error" not in form.status.value and "warning" not in form.status.value
    assert form.check_section.layout.display is None  # still open, gently
    form.happened.value = "yes"
    form.save.click()
    assert "You did it" in form.status.value
    assert form.check_section.layout.display == "none"
    assert store.count() == 2


def test_thought_record_offers_a_plan_with_the_situation_carried_over(store):
    tr = ThoughtRecordForm(store=store)
    tr.situation.value = "Sent the wrong file to a client"
    tr.thought_rows[0].text.value = "first"
    tr.add_thought.click()
    tr.thought_rows[1].text.value = "I'm useless"
    tr.thought_rows[1].hot.value = True
    tr.plan_next.click()
    tr.plan_next.click()  # twice: still one plan
    assert 'href="02_values_next_step.ipynb"' in tr.plan_link.value
    plans = store.entries(NextStep.KIND)
    assert len(plans) == 1
    thought_id = store.entries("thought_record")[0].id
    assert plans[0].record.from_thought_record == thought_id

    form = NextStepForm(store=store)
    assert "carried over from your thought record" in form.resume_text.value
    form.resume.click()
    assert form.what_happened.value == "Sent the wrong file to a client"
    assert form.shame_says.value == "I'm useless"
    assert "Carried over" in form.carried.value
    form.plan_what.value = "Tell the client"
    form.save.click()
    assert store.get(plans[0].id).record.from_thought_record == thought_id


def test_plan_next_before_writing_anything(store):
    tr = ThoughtRecordForm(store=store)
    tr.plan_next.click()
    assert "Write the situation" in tr.status.value
    assert store.count() == 0


def test_drafts_and_reopening(store):
    form = NextStepForm(store=store)
    form.what_happened.value = "half"
    form.mine.items[0].value = "my part"
    again = NextStepForm(store=store)
    again.resume.click()
    assert again.mine.value == ("my part",)
    assert again.mine.items[0].value == "my part"


@pytest.mark.parametrize(
    "field",
    ["what_happened", "to_a_friend", "shame_says", "support", "learned", "kind_note"],
)
def test_risk_language_in_any_field_shows_signposting(form, field):
    getattr(form, field).value = "I want to end it all"
    assert form.signpost.layout.display is None


def test_risk_language_in_lists_and_actions_shows_signposting(form):
    form.mine.items[0].value = "I hurt myself"
    assert form.signpost.layout.display is None
    form.mine.items[0].value = "fine"
    assert form.signpost.layout.display == "none"
    form.action_rows[0].text.value = "kill myself"
    assert form.signpost.layout.display is None


def test_user_text_is_escaped(form):
    form.shame_says.value = PAYLOAD
    form.action_rows[0].text.value = PAYLOAD
    form.action_rows[0].fit.value = 5
    form.plan_what.value = PAYLOAD
    form.save.click()
    form2 = NextStepForm(store=form.store)
    shown = [
        form.ranked.value,
        form.shame_critic.value,
        form.saved_list.value,
        form2.check_section.open_steps.value,
    ]
    assert any("&lt;img" in s for s in shown)
    assert not any("<img" in s for s in shown)


def test_values_no_longer_in_the_list_are_kept(store):
    entry = store.save(NextStep(values=("Retired value",), main_value="Retired value"))
    form = NextStepForm(store=store)
    form.picker.value = entry.id
    form.open_saved.click()
    assert form.record.values == ("Retired value",)
    assert form.record.main_value == "Retired value"


def test_repr_carries_no_user_text(form):
    form.what_happened.value = "canary 999"
    assert "canary" not in form._repr_mimebundle_()["text/plain"]


def test_own_value_box_syncs_before_its_button_is_clicked(form):
    # A click can overtake buffered keystrokes; a box synced on change cannot be.
    assert form.values.own_value.continuous_update is False
