"""Plain language: what a person reads is at about a 12-year-old's reading level.

The measure is the Flesch-Kincaid grade (Kincaid et al., 1975): a US school grade, so
grade 7 is about age 12-13. It is computed here (with the usual vowel-group syllable
count) for every piece of wording a person sees, in every content file they see. Short
texts (under 12 words: labels, buttons) are too short to measure and are left out.
Trainer-facing files (vignettes, teaching notes, course summary) are not checked here.
"""

from __future__ import annotations

import re
import statistics
import tomllib
from pathlib import Path

import pytest

from workbook.content import FILES

CONTENT = Path(__file__).resolve().parents[1] / "workbook" / "content"
#: Read by trainers and supervisors, not by the person doing the exercises.
TRAINER_FACING = {"vignettes", "demo", "course"}
PERSON_FACING = [name for name in FILES if name not in TRAINER_FACING]
#: Keys that hold patterns for the computer, not words for people.
NOT_PROSE = {"patterns", "phrases", "slug", "kind"}
#: One text may read a little harder (a long list, a place name); a file on the whole may not.
MOST = 9.0
MEDIAN = 7.0
MIN_WORDS = 12


def syllables(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", w)))


def grade(text: str) -> tuple[float, int]:
    """Flesch-Kincaid grade of `text`, and its word count."""
    text = re.sub(r"\{[a-z_]+\}", "it", text)  # a {placeholder} reads as a short word
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    sentences = max(1, len(re.findall(r"[.!?:;]+(?:\s|$)", text.strip())))
    if not words:
        return 0.0, 0
    per_sentence = len(words) / sentences
    per_word = sum(syllables(w) for w in words) / len(words)
    return 0.39 * per_sentence + 11.8 * per_word - 15.59, len(words)


def prose(node, key: str = ""):
    if isinstance(node, str):
        if key not in NOT_PROSE:
            yield key, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from prose(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from prose(v, key)


def test_the_measure_tells_easy_from_hard():
    easy, _ = grade("The cat sat on the mat. It was a good day. We had fun.")
    hard, _ = grade(
        "Notwithstanding considerable methodological heterogeneity, contemporary "
        "investigations substantiate the psychotherapeutic effectiveness of "
        "compassion-focused interventions."
    )
    assert easy < 3 < 12 < hard
    assert [syllables(w) for w in ("cat", "table", "compassion", "kindness")] == [
        1,
        2,
        3,
        2,
    ]


@pytest.mark.parametrize("name", PERSON_FACING)
def test_wording_reads_at_about_a_twelve_year_olds_level(name):
    data = tomllib.loads((CONTENT / f"{name}.toml").read_text(encoding="utf-8"))
    measured = []
    hard = []
    for key, text in prose(data):
        score, words = grade(text)
        if words < MIN_WORDS:
            continue
        measured.append(score)
        if score > MOST:
            hard.append(f"{key} (grade {score:.1f}): {text[:90]}")
    assert not hard, "harder than about age 12-14:\n" + "\n".join(hard)
    if measured:
        assert statistics.median(measured) <= MEDIAN
