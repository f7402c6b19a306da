"""The thought record: situation, feelings, thoughts, patterns, evidence, response."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from .base import Record, check_items, check_rating, check_text, first_words


@dataclass(frozen=True)
class Feeling:
    """A feeling named by the user, with optional intensity before and after (0-100)."""

    name: str
    before: int | None = None
    after: int | None = None

    def __post_init__(self) -> None:
        check_text("feeling", self.name)
        check_rating(f"intensity of {self.name or 'a feeling'}", self.before)
        check_rating(f"intensity afterwards of {self.name or 'a feeling'}", self.after)


@dataclass(frozen=True)
class AutomaticThought:
    """A thought that came up, how much it was believed (0-100), and if it is the hot one."""

    text: str
    belief_before: int | None = None
    belief_after: int | None = None
    hot: bool = False

    def __post_init__(self) -> None:
        check_text("automatic thought", self.text)
        check_rating("belief in the thought", self.belief_before)
        check_rating("belief in the thought afterwards", self.belief_after)
        if not isinstance(self.hot, bool):
            raise ValueError("hot must be true or false")


@dataclass(frozen=True)
class CompassionateResponse:
    """A response in Neff's three parts: self-kindness, common humanity, mindfulness."""

    kindness: str = ""
    common_humanity: str = ""
    mindfulness: str = ""

    def __post_init__(self) -> None:
        check_text("self-kindness", self.kindness)
        check_text("common humanity", self.common_humanity)
        check_text("mindfulness", self.mindfulness)


@dataclass(frozen=True)
class ThoughtRecord(Record):
    """One thought record: situation, feelings, thoughts, patterns, evidence, response."""

    KIND: ClassVar[str] = "thought_record"
    SCHEMA: ClassVar[int] = 1

    situation: str = ""
    feelings: tuple[Feeling, ...] = ()
    thoughts: tuple[AutomaticThought, ...] = ()
    patterns: tuple[str, ...] = ()
    evidence_for: str = ""
    evidence_against: str = ""
    response: CompassionateResponse = field(default_factory=CompassionateResponse)
    notes: str = ""

    def __post_init__(self) -> None:
        check_text("situation", self.situation)
        check_items("feelings", self.feelings)
        check_items("thoughts", self.thoughts)
        check_items("thinking patterns", self.patterns)
        for item in self.feelings:
            if not isinstance(item, Feeling):
                raise ValueError("feelings must be Feeling records")
        for item in self.thoughts:
            if not isinstance(item, AutomaticThought):
                raise ValueError("thoughts must be AutomaticThought records")
        if sum(t.hot for t in self.thoughts) > 1:
            raise ValueError("only one thought can be marked as the hot thought")
        for slug in self.patterns:
            check_text("thinking pattern", slug)
        check_text("evidence for", self.evidence_for)
        check_text("evidence against", self.evidence_against)
        if not isinstance(self.response, CompassionateResponse):
            raise ValueError("response must be a CompassionateResponse")
        check_text("notes", self.notes)

    @property
    def hot_thought(self) -> AutomaticThought | None:
        """The thought marked hot, else the first one written, else None."""
        for thought in self.thoughts:
            if thought.hot:
                return thought
        return next((t for t in self.thoughts if t.text.strip()), None)

    def is_empty(self) -> bool:
        """True when nothing at all has been written or rated."""
        return self == ThoughtRecord()

    def summary(self) -> str:
        """The situation, or else the hot thought."""
        hot = self.hot_thought
        return first_words(self.situation, hot.text if hot else "")
