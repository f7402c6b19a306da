from __future__ import annotations

import pytest

from workbook.records import (
    Action,
    AutomaticThought,
    CheckBack,
    NextStep,
    Plan,
    ThoughtRecord,
    plan_from_thought,
)


def full() -> NextStep:
    return NextStep(
        what_happened="Forgot the report",
        mine=("didn't check my list",),
        not_mine=("deadline moved",),
        to_a_friend="Anyone could",
        shame_says="You always let people down",
        values=("Honesty", "Kindness", "my own"),
        main_value="Honesty",
        own_values=("my own",),
        actions=(
            Action("Apologise", 9, "no"),
            Action("Hide", 1, "yes"),
            Action("Think"),
        ),
        plan=Plan("Apologise", "9am", "office", "write one line", "a friend"),
        check_back=CheckBack("partly", "It helped", "Well done"),
        from_thought_record="abc123",
    )


def test_round_trip():
    assert NextStep.from_dict(full().to_dict()) == full()


def test_empty_and_open():
    assert NextStep().is_empty()
    assert not NextStep().is_open
    assert full().is_open  # "partly" stays open, without judgement
    done = NextStep(plan=Plan("x"), check_back=CheckBack("yes"))
    assert not done.is_open


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"values": tuple("abcdef")}, "choose up to 5 values"),
        ({"values": ("a",), "main_value": "b"}, "must be one of the chosen"),
    ],
)
def test_validation_names_the_field(kwargs, message):
    with pytest.raises(ValueError, match=message):
        NextStep(**kwargs)


def test_check_back_answer_is_checked():
    with pytest.raises(ValueError, match="did it happen must be one of"):
        CheckBack("maybe")


def test_fit_is_out_of_ten():
    with pytest.raises(ValueError, match="fit with my values must be from 0 to 10"):
        Action("x", 11)


def test_shame_answer_is_checked():
    with pytest.raises(ValueError, match="keeps me stuck in shame"):
        Action("x", shame="very")


def test_ranked_actions_best_fit_then_least_shame():
    ranked = NextStep(
        actions=(
            Action("b", 7, "yes"),
            Action("a", 7, "no"),
            Action("c"),
            Action("d", 9, "a little"),
            Action("   "),
        )
    ).ranked_actions()
    assert [a.text for a in ranked] == ["d", "a", "b", "c"]


def test_plan_from_thought_carries_situation_and_hot_thought():
    thought = ThoughtRecord(
        situation="Sent the wrong file",
        thoughts=(AutomaticThought("first"), AutomaticThought("I'm useless", hot=True)),
    )
    plan = plan_from_thought(thought, "id-1")
    assert plan.what_happened == "Sent the wrong file"
    assert plan.shame_says == "I'm useless"
    assert plan.from_thought_record == "id-1"


def test_from_dict_rejects_wrong_shapes():
    with pytest.raises(ValueError):
        NextStep.from_dict({"actions": "not a list"})
    with pytest.raises(ValueError, match="unknown Plan fields"):
        NextStep.from_dict({"plan": {"why": "x"}})
