"""What every record shares: field checks, dict conversion, entries and times."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, ClassVar, get_args, get_origin, get_type_hints

#: The most characters one text field may hold. Far above any real entry, far below the
#: size at which a paste would silently drop the browser's connection (~10 MB).
MAX_TEXT = 20_000
MAX_ITEMS = 30


def check_text(name: str, value: object) -> None:
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


def check_rating(name: str, value: object, top: int = 100) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number from 0 to {top}, or not rated")
    if not 0 <= value <= top:
        raise ValueError(f"{name} must be from 0 to {top}, not {value}")


def check_items(name: str, value: object) -> None:
    if not isinstance(value, tuple):
        raise ValueError(f"{name} must be a tuple")
    if len(value) > MAX_ITEMS:
        raise ValueError(f"{name} has too many items (the limit is {MAX_ITEMS})")


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    """None (not answered) or one of `choices`."""
    if value is not None and value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")


class Record:
    """Mixin for a record dataclass: `to_dict`, `from_dict` and `is_empty`."""

    KIND: ClassVar[str]
    SCHEMA: ClassVar[int]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        return dataclasses.asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        """Build a record from `to_dict` output; unknown or ill-typed fields are an error."""
        try:
            return _build(cls, data)
        except TypeError as err:
            raise ValueError(f"not a valid {cls.__name__}: {err}") from None

    def is_empty(self) -> bool:
        """True when nothing at all has been written, chosen or rated."""
        return self == type(self)()

    def summary(self) -> str:
        """One short line saying what the entry is about."""
        return "—"


def short(text: str, limit: int = 60) -> str:
    """First words of text on one line, cut to `limit` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def first_words(*texts: str, limit: int = 60) -> str:
    """The first of `texts` with words in it, shortened; a dash if none has."""
    return next((short(t, limit) for t in texts if t.strip()), "—")


def _identity(value: Any) -> Any:
    return value


def _converter(hint: Any) -> Callable[[Any], Any]:
    """How to turn JSON for a field of this type into the field's value."""
    if dataclasses.is_dataclass(hint):
        return lambda value: _build(hint, value)
    if get_origin(hint) is tuple:
        item = _converter(get_args(hint)[0])

        def as_tuple(value: Any) -> tuple:
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected a list, not {type(value).__name__}")
            return tuple(item(v) for v in value)

        return as_tuple
    return _identity


@cache
def _shape(cls: type) -> dict[str, Callable[[Any], Any]]:
    # Resolving type hints is slow and a record type's shape never changes: work out
    # each field's converter once per type.
    hints = get_type_hints(cls)
    return {f.name: _converter(hints[f.name]) for f in dataclasses.fields(cls)}


def _build(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} must be a table, not {type(data).__name__}")
    converters = _shape(cls)
    unknown = data.keys() - converters.keys()
    if unknown:
        raise ValueError(f"unknown {cls.__name__} fields: {sorted(unknown)}")
    return cls(**{key: converters[key](value) for key, value in data.items()})


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
