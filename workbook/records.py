"""Plain data records for each exercise, with their validation.

No ipywidgets here: records are built, checked, stored and compared without a kernel.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar

#: The most characters one text field may hold. Far above any real entry, far below the
#: size at which a paste would silently drop the browser's connection (~10 MB).
MAX_TEXT = 20_000
MAX_ITEMS = 30


def _check_text(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise ValueError(
            f"{name} is too long to save ({len(value):,} characters; "
            f"the limit is {MAX_TEXT:,})"
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        # A lone surrogate can arrive from a browser paste; SQLite would store it
        # mangled, so refuse it and say so rather than change what was typed.
        raise ValueError(
            f"{name} contains a character that cannot be saved "
            f"(position {err.start + 1}); please retype or remove it"
        ) from None


def _check_rating(name: str, value: object, top: int = 100) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number from 0 to {top}, or not rated")
    if not 0 <= value <= top:
        raise ValueError(f"{name} must be from 0 to {top}, not {value}")


def _check_items(name: str, value: object) -> None:
    if not isinstance(value, tuple):
        raise ValueError(f"{name} must be a tuple")
    if len(value) > MAX_ITEMS:
        raise ValueError(f"{name} has too many items (the limit is {MAX_ITEMS})")


@dataclass(frozen=True)
class Feeling:
    """A feeling named by the user, with optional intensity before and after (0-100)."""

    name: str
    before: int | None = None
    after: int | None = None

    def __post_init__(self) -> None:
        _check_text("feeling", self.name)
        _check_rating(f"intensity of {self.name or 'a feeling'}", self.before)
        _check_rating(f"intensity afterwards of {self.name or 'a feeling'}", self.after)


@dataclass(frozen=True)
class AutomaticThought:
    """A thought that came up, how much it was believed (0-100), and if it is the hot one."""

    text: str
    belief_before: int | None = None
    belief_after: int | None = None
    hot: bool = False

    def __post_init__(self) -> None:
        _check_text("automatic thought", self.text)
        _check_rating("belief in the thought", self.belief_before)
        _check_rating("belief in the thought afterwards", self.belief_after)
        if not isinstance(self.hot, bool):
            raise ValueError("hot must be true or false")


@dataclass(frozen=True)
class CompassionateResponse:
    """A response in Neff's three parts: self-kindness, common humanity, mindfulness."""

    kindness: str = ""
    common_humanity: str = ""
    mindfulness: str = ""

    def __post_init__(self) -> None:
        _check_text("self-kindness", self.kindness)
        _check_text("common humanity", self.common_humanity)
        _check_text("mindfulness", self.mindfulness)


@dataclass(frozen=True)
class ThoughtRecord:
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
        _check_text("situation", self.situation)
        _check_items("feelings", self.feelings)
        _check_items("thoughts", self.thoughts)
        _check_items("thinking patterns", self.patterns)
        for item in self.feelings:
            if not isinstance(item, Feeling):
                raise ValueError("feelings must be Feeling records")
        for item in self.thoughts:
            if not isinstance(item, AutomaticThought):
                raise ValueError("thoughts must be AutomaticThought records")
        if sum(t.hot for t in self.thoughts) > 1:
            raise ValueError("only one thought can be marked as the hot thought")
        for slug in self.patterns:
            _check_text("thinking pattern", slug)
        _check_text("evidence for", self.evidence_for)
        _check_text("evidence against", self.evidence_against)
        if not isinstance(self.response, CompassionateResponse):
            raise ValueError("response must be a CompassionateResponse")
        _check_text("notes", self.notes)

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

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ThoughtRecord:
        """Build a record from `to_dict` output; unknown keys are an error."""
        unknown = set(data) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise ValueError(f"unknown thought record fields: {sorted(unknown)}")
        try:
            return cls(
                situation=data.get("situation", ""),
                feelings=tuple(Feeling(**f) for f in data.get("feelings", ())),
                thoughts=tuple(AutomaticThought(**t) for t in data.get("thoughts", ())),
                patterns=tuple(data.get("patterns", ())),
                evidence_for=data.get("evidence_for", ""),
                evidence_against=data.get("evidence_against", ""),
                response=CompassionateResponse(**data.get("response", {})),
                notes=data.get("notes", ""),
            )
        except TypeError as err:
            raise ValueError(f"not a valid thought record: {err}") from None


#: Every record type the store knows, by kind.
RECORD_TYPES: dict[str, type] = {ThoughtRecord.KIND: ThoughtRecord}


@dataclass(frozen=True)
class Entry:
    """A record as saved: the record plus the id, status and times the store gave it."""

    id: str
    kind: str
    status: str
    created_at: datetime
    updated_at: datetime
    record: Any


def now() -> datetime:
    """The current time, timezone-aware UTC, to the microsecond."""
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """Store form of a time: ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_time(text: str) -> datetime:
    """The one place stored times are parsed; naive times are taken as UTC."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def friendly_time(moment: datetime) -> str:
    """A time as people read it, in local time: '26 November 2026 at 14:03'."""
    local = moment.astimezone()
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"
