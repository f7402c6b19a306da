"""How a person prefers to work, chosen on the start page (and changeable at any time)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .base import Record, check_choice, check_items

WAYS = ("write", "imagine", "act", "check_in")
STRUCTURES = ("structure", "freedom")


@dataclass(frozen=True)
class Preferences(Record):
    """Ways of working that appeal, and gentle structure or freedom."""

    KIND: ClassVar[str] = "preferences"
    SCHEMA: ClassVar[int] = 1

    ways: tuple[str, ...] = ()
    structure: str | None = None

    def __post_init__(self) -> None:
        check_items("ways of working", self.ways)
        for way in self.ways:
            check_choice("way of working", way, WAYS)
        check_choice("structure or freedom", self.structure, STRUCTURES)

    def summary(self) -> str:
        """The choices, in a line."""
        return ", ".join(self.ways) or "—"
