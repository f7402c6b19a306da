"""Fictional vignettes for the supervisor demo, and revealing a model answer step by step."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from .records import RECORD_TYPES

#: For each exercise, the fields each step fills, in step order. `a[].b` is field b of
#: every item in list a (a feeling's intensity afterwards belongs to the last step).
STEP_FIELDS: dict[str, list[list[str]]] = {
    "thought_record": [
        ["situation"],
        ["feelings[].name", "feelings[].before"],
        ["thoughts[].text", "thoughts[].belief_before", "thoughts[].hot"],
        ["patterns"],
        ["evidence_for", "evidence_against"],
        ["response"],
        ["feelings[].after", "thoughts[].belief_after", "notes"],
    ],
    "next_step": [
        ["what_happened"],
        ["mine", "not_mine", "to_a_friend"],
        ["shame_says"],
        ["values", "main_value", "own_values"],
        ["actions"],
        ["plan"],
        ["check_back"],
    ],
    "compassionate_image": [
        [],
        ["form", "form_detail"],
        ["wisdom", "strength", "warmth", "acceptance"],
        ["senses"],
        ["words"],
        [],
    ],
    "grounding_memory": [
        [],
        ["when", "where"],
        ["felt", "felt_other"],
        ["senses"],
        ["knew"],
        [],
    ],
    "check_in": [["scale", "answers", "note"]],
}


@dataclass(frozen=True)
class Demo:
    """One exercise of a vignette: its model answer and a teaching note per step."""

    exercise: str
    record: dict[str, Any]
    notes: tuple[str, ...]

    @property
    def steps(self) -> int:
        """How many steps the exercise has."""
        return len(STEP_FIELDS[self.exercise])


@dataclass(frozen=True)
class Vignette:
    """A fictional client: a name, a short summary, and exercises with model answers."""

    slug: str
    name: str
    summary: str
    demos: tuple[Demo, ...]


def parse_vignettes(data: dict[str, Any]) -> tuple[Vignette, ...]:
    """Vignettes from `vignettes.toml` data; ValueError names what is wrong."""
    vignettes = []
    for v in data["vignettes"]:
        demos = []
        for e in v["exercises"]:
            kind = e["exercise"]
            if kind not in STEP_FIELDS:
                raise ValueError(f"vignette {v['slug']}: unknown exercise {kind!r}")
            notes = tuple(e["notes"])
            if len(notes) != len(STEP_FIELDS[kind]):
                raise ValueError(
                    f"vignette {v['slug']}, {kind}: needs {len(STEP_FIELDS[kind])} "
                    f"teaching notes (one a step), not {len(notes)}"
                )
            RECORD_TYPES[kind].from_dict(e["record"])  # the model answer must be valid
            demos.append(Demo(kind, e["record"], notes))
        vignettes.append(Vignette(v["slug"], v["name"], v["summary"], tuple(demos)))
    return tuple(vignettes)


def _copy(path: str, source: dict[str, Any], target: dict[str, Any]) -> None:
    head, _, rest = path.partition(".")
    if head.endswith("[]"):
        key = head[:-2]
        items = source.get(key, [])
        copies = target.setdefault(key, [{} for _ in items])
        for item, into in zip(items, copies, strict=True):
            _copy(rest, item, into)
    elif rest:
        _copy(rest, source.get(head, {}), target.setdefault(head, {}))
    elif head in source:
        target[head] = copy.deepcopy(source[head])


def reveal(demo: Demo, step: int) -> Any:
    """The model answer as far as `step` (0-based): later steps' fields left empty."""
    partial: dict[str, Any] = {}
    for fields in STEP_FIELDS[demo.exercise][: step + 1]:
        for path in fields:
            _copy(path, demo.record, partial)
    return RECORD_TYPES[demo.exercise].from_dict(partial)
