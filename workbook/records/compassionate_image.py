"""The compassionate image and the grounding memory, with the senses they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from .base import Record, check_choice, check_items, check_text, first_words

FORMS = ("person", "animal", "place", "light", "nature", "other")
FELT = ("proud", "accepted", "held", "grounded")


@dataclass(frozen=True)
class Senses:
    """What I see, hear, smell, feel on my skin, the temperature, and a voice."""

    see: str = ""
    hear: str = ""
    smell: str = ""
    touch: str = ""
    temperature: str = ""
    voice: str = ""

    def __post_init__(self) -> None:
        for name in ("see", "hear", "smell", "touch", "temperature", "voice"):
            check_text(
                f"what I {name}" if name in ("see", "hear", "smell") else name,
                getattr(self, name),
            )


@dataclass(frozen=True)
class CompassionateImage(Record):
    """An image of compassion: its form, its qualities, its senses, its words to me."""

    KIND: ClassVar[str] = "compassionate_image"
    SCHEMA: ClassVar[int] = 1

    form: str | None = None
    form_detail: str = ""
    wisdom: str = ""
    strength: str = ""
    warmth: str = ""
    acceptance: str = ""
    senses: Senses = field(default_factory=Senses)
    words: str = ""

    def __post_init__(self) -> None:
        check_choice("its form", self.form, FORMS)
        for name in (
            "form_detail",
            "wisdom",
            "strength",
            "warmth",
            "acceptance",
            "words",
        ):
            check_text(name.replace("_", " "), getattr(self, name))
        if not isinstance(self.senses, Senses):
            raise ValueError("senses must be a Senses record")

    def summary(self) -> str:
        """Its form in the person's words, or its words to them."""
        return first_words(self.form_detail, self.words, self.senses.see, limit=50)


@dataclass(frozen=True)
class GroundingMemory(Record):
    """A real moment of feeling proud, accepted, held or grounded, in sensory detail."""

    KIND: ClassVar[str] = "grounding_memory"
    SCHEMA: ClassVar[int] = 1

    when: str = ""
    where: str = ""
    felt: tuple[str, ...] = ()
    felt_other: str = ""
    senses: Senses = field(default_factory=Senses)
    knew: str = ""

    def __post_init__(self) -> None:
        check_text("when", self.when)
        check_text("where", self.where)
        check_items("what I felt", self.felt)
        for item in self.felt:
            check_choice("what I felt", item, FELT)
        check_text("something else I felt", self.felt_other)
        check_text("what I knew about myself", self.knew)
        if not isinstance(self.senses, Senses):
            raise ValueError("senses must be a Senses record")

    def summary(self) -> str:
        """When and where, or else what I knew."""
        moment = ", ".join(x for x in (self.when, self.where) if x.strip())
        return first_words(moment, self.knew, limit=50)
