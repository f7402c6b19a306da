"""The values-based next step after a mistake: own it, hear the shame, choose a step."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from .base import (
    Record,
    check_choice,
    check_items,
    check_rating,
    check_text,
    first_words,
)
from .thought_record import ThoughtRecord

SHAME_ANSWERS = ("no", "a little", "yes")
HAPPENED_ANSWERS = ("yes", "partly", "not yet")
MAX_VALUES = 5


@dataclass(frozen=True)
class Action:
    """A possible next action, rated for fit with my values (0-10) and for shame."""

    text: str
    fit: int | None = None
    shame: str | None = None

    def __post_init__(self) -> None:
        check_text("possible action", self.text)
        check_rating("fit with my values", self.fit, top=10)
        check_choice("keeps me stuck in shame", self.shame, SHAME_ANSWERS)


@dataclass(frozen=True)
class Plan:
    """The chosen step made concrete."""

    what: str = ""
    when: str = ""
    where: str = ""
    first_step: str = ""
    support: str = ""

    def __post_init__(self) -> None:
        for name in ("what", "when", "where", "first_step", "support"):
            check_text(name.replace("_", " "), getattr(self, name))


@dataclass(frozen=True)
class CheckBack:
    """Looking back at the step later: did it happen, what I learned, a kind note."""

    happened: str | None = None
    learned: str = ""
    kind_note: str = ""

    def __post_init__(self) -> None:
        check_choice("did it happen", self.happened, HAPPENED_ANSWERS)
        check_text("what I learned", self.learned)
        check_text("a kind note to myself", self.kind_note)


@dataclass(frozen=True)
class NextStep(Record):
    """From a mistake to one concrete step in keeping with my values."""

    KIND: ClassVar[str] = "next_step"
    SCHEMA: ClassVar[int] = 1

    what_happened: str = ""
    mine: tuple[str, ...] = ()
    not_mine: tuple[str, ...] = ()
    to_a_friend: str = ""
    shame_says: str = ""
    values: tuple[str, ...] = ()
    main_value: str = ""
    own_values: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    plan: Plan = field(default_factory=Plan)
    check_back: CheckBack = field(default_factory=CheckBack)
    from_thought_record: str | None = None

    def __post_init__(self) -> None:
        check_text("what happened", self.what_happened)
        for name in ("mine", "not_mine", "values", "own_values", "actions"):
            check_items(name.replace("_", " "), getattr(self, name))
        for item in self.mine + self.not_mine + self.own_values:
            check_text("list item", item)
        check_text("what I would say to a friend", self.to_a_friend)
        check_text("what the shame says", self.shame_says)
        if len(self.values) > MAX_VALUES:
            raise ValueError(
                f"choose up to {MAX_VALUES} values, not {len(self.values)}"
            )
        for value in self.values:
            check_text("value", value)
        check_text("the value that matters most", self.main_value)
        if self.main_value and self.main_value not in self.values:
            raise ValueError(
                "the value that matters most must be one of the chosen values"
            )
        for action in self.actions:
            if not isinstance(action, Action):
                raise ValueError("actions must be Action records")
        if not isinstance(self.plan, Plan) or not isinstance(
            self.check_back, CheckBack
        ):
            raise ValueError("plan and check back must be Plan and CheckBack records")
        if self.from_thought_record is not None:
            check_text("linked thought record", self.from_thought_record)

    @property
    def is_open(self) -> bool:
        """A step was planned and has not yet been checked back on as done."""
        return bool(self.plan.what.strip()) and self.check_back.happened != "yes"

    def summary(self) -> str:
        """The planned step, or else what happened."""
        return first_words(self.plan.what, self.what_happened)

    def ranked_actions(self) -> list[Action]:
        """Actions written so far, best fit first; less shame breaks a tie."""
        shame_rank = {"no": 0, "a little": 1, None: 1.5, "yes": 2}
        written = [a for a in self.actions if a.text.strip()]
        return sorted(
            written,
            key=lambda a: (-(a.fit if a.fit is not None else -1), shame_rank[a.shame]),
        )


def plan_from_thought(thought: ThoughtRecord, thought_id: str) -> NextStep:
    """A new plan carrying over a thought record's situation and its harsh thought."""
    hot = thought.hot_thought
    return NextStep(
        what_happened=thought.situation,
        shame_says=hot.text if hot else "",
        from_thought_record=thought_id,
    )
