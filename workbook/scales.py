"""Scoring: the workbook's own check-in, and the SCS-SF structure with a trainer's items.

The Self-Compassion Scale short form (Raes, Pommier, Neff & Van Gucht, 2011) has 12
items rated 1-5 in six subscales of two items. Items 1, 4, 8, 9, 11 and 12 are reversed
(6 - x) for the total, which is the mean of all twelve after reversing; subscale scores
are the means of their two items as answered. The workbook ships no item text of any
published scale: a trainer supplies it in a file (see docs/scs-sf.md).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from .content import Content

SCS_SF_SUBSCALES: dict[str, tuple[int, int]] = {
    "self_kindness": (2, 6),
    "self_judgement": (11, 12),
    "common_humanity": (5, 10),
    "isolation": (4, 8),
    "mindfulness": (3, 7),
    "over_identification": (1, 9),
}
SCS_SF_REVERSED = frozenset({1, 4, 8, 9, 11, 12})
SCS_SF_CITATION = (
    "Raes, F., Pommier, E., Neff, K. D., & Van Gucht, D. (2011). Construction and "
    "factorial validation of a short form of the Self-Compassion Scale. Clinical "
    "Psychology & Psychotherapy, 18(3), 250-255."
)
OURS = "ours"
SCS_SF = "scs-sf"


@dataclass(frozen=True)
class ScaleItem:
    """One sentence to rate 1-5: its stable id, its words, its part, and if reversed."""

    id: str
    text: str
    component: str
    reverse: bool = False


@dataclass(frozen=True)
class Scale:
    """A set of items, and what its parts are called."""

    slug: str
    items: tuple[ScaleItem, ...]
    components: dict[str, str]


@dataclass(frozen=True)
class Scores:
    """Each part's score and the overall score (None where nothing was answered)."""

    components: dict[str, float | None]
    overall: float | None


def _check_answer(item: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValueError(
            f"the answer to item {item} must be a whole number from 1 to 5"
        )


def our_check_in(content: Content) -> Scale:
    """The workbook's own check-in, from content (a reflection, not a measure)."""
    data = content.files["check_in"]
    items = tuple(
        ScaleItem(i["id"], i["text"], i["component"], bool(i.get("reverse", False)))
        for i in data["items"]
    )
    return Scale(OURS, items, dict(data["components"]))


def score(scale: Scale, answers: Mapping[str, int | None]) -> Scores:
    """Our check-in's scores: each part's mean after reversing, and the overall mean."""
    by_component: dict[str, list[float]] = {c: [] for c in scale.components}
    for item in scale.items:
        value = answers.get(item.id)
        if value is None:
            continue
        _check_answer(item.id, value)
        by_component[item.component].append(6 - value if item.reverse else value)
    every = [v for values in by_component.values() for v in values]
    return Scores(
        {c: round(fmean(v), 2) if v else None for c, v in by_component.items()},
        round(fmean(every), 2) if every else None,
    )


def score_scs_sf(answers: Mapping[int, int]) -> Scores:
    """SCS-SF scores: the six subscale means as answered, and the reversed total mean."""
    missing = sorted(set(range(1, 13)) - set(answers))
    if missing:
        raise ValueError(f"the SCS-SF needs all 12 answers; missing items {missing}")
    for number, value in answers.items():
        if number not in range(1, 13):
            raise ValueError(f"the SCS-SF has items 1 to 12, not {number}")
        _check_answer(str(number), value)
    subscales = {
        name: round(fmean(answers[a] for a in pair), 2)
        for name, pair in SCS_SF_SUBSCALES.items()
    }
    total = fmean(6 - v if n in SCS_SF_REVERSED else v for n, v in answers.items())
    return Scores(subscales, round(total, 2))


def load_scs_sf(path: str | Path) -> Scale:
    """The SCS-SF with item text from a trainer's TOML file; ValueError says what is wrong."""
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ValueError(f"{Path(path).name}: {err}") from None
    items = data.get("items")
    if not isinstance(items, list) or len(items) != 12:
        raise ValueError(f"{Path(path).name}: there must be exactly 12 [[items]]")
    texts: dict[int, str] = {}
    for item in items:
        number, text = item.get("number"), item.get("text")
        if not isinstance(number, int) or not 1 <= number <= 12 or number in texts:
            raise ValueError(
                f"{Path(path).name}: item numbers must be 1 to 12, once each"
            )
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{Path(path).name}: item {number} has no text")
        texts[number] = text
    component = {n: name for name, pair in SCS_SF_SUBSCALES.items() for n in pair}
    scale_items = tuple(
        ScaleItem(str(n), texts[n], component[n], n in SCS_SF_REVERSED)
        for n in range(1, 13)
    )
    names = {name: name.replace("_", " ").capitalize() for name in SCS_SF_SUBSCALES}
    return Scale(SCS_SF, scale_items, names)


def scs_sf_file(content_dir: str | None) -> Path | None:
    """The trainer's SCS-SF item file, `scs_sf.toml` in the content folder, if present."""
    if not content_dir:
        return None
    path = Path(content_dir).expanduser() / "scs_sf.toml"
    return path if path.is_file() else None
