"""A self-compassion check-in: answers 1-5 by item id, and a note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .base import Record, check_choice, check_items, check_text

SCALES = ("ours", "scs-sf")


@dataclass(frozen=True)
class Answer:
    """One item's answer, 1 to 5, or None if skipped."""

    item: str
    rating: int | None = None

    def __post_init__(self) -> None:
        check_text("item", self.item)
        if self.rating is not None and (
            isinstance(self.rating, bool)
            or not isinstance(self.rating, int)
            or not 1 <= self.rating <= 5
        ):
            raise ValueError(
                f"the answer to {self.item} must be from 1 to 5, or skipped"
            )


@dataclass(frozen=True)
class CheckIn(Record):
    """Which check-in was used, each answer, and a note."""

    KIND: ClassVar[str] = "check_in"
    SCHEMA: ClassVar[int] = 1

    scale: str = "ours"
    answers: tuple[Answer, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        check_choice("check-in", self.scale, SCALES)
        check_items("answers", self.answers)
        for answer in self.answers:
            if not isinstance(answer, Answer):
                raise ValueError("answers must be Answer records")
        check_text("note", self.note)

    def is_empty(self) -> bool:
        """Nothing answered and no note (the chosen check-in alone is not an entry)."""
        return not self.note and all(a.rating is None for a in self.answers)

    def summary(self) -> str:
        """How many sentences were answered."""
        answered = sum(a.rating is not None for a in self.answers)
        return f"{answered} of {len(self.answers)} answered"

    def ratings(self) -> dict[str, int | None]:
        """Answers by item id."""
        return {a.item: a.rating for a in self.answers}
