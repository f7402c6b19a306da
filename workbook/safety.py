"""Finds risk language (suicide, self-harm, not wanting to be here) to show signposting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class RiskRules:
    """The compiled phrases and patterns from `content/risk.toml`."""

    regex: re.Pattern[str]


def compile_risk(data: dict[str, Any]) -> RiskRules:
    """Compile `risk.toml` data; ValueError names a pattern that is not valid."""
    parts = []
    for phrase in data["phrases"]:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ValueError("every risk phrase must be non-empty text")
        words = [re.escape(w).replace("'", "'?") for w in phrase.split()]
        parts.append(r"\s+".join(words))
    for pattern in data["patterns"]:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"risk pattern {pattern!r} is not valid: {err}") from None
        parts.append(pattern.replace(" ", r"\s+"))
    ordered = sorted(parts, key=len, reverse=True)
    alternatives = "|".join(f"(?:{p})" for p in ordered)
    return RiskRules(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE))


@cache
def default_risk() -> RiskRules:
    """The risk rules from the loaded content (defaults plus any trainer additions)."""
    from .content import load_content

    return compile_risk(load_content().files["risk"])


def find_risk(text: str, rules: RiskRules | None = None) -> list[str]:
    """The risk phrases in `text`, as the person wrote them, each once, in order."""
    if not text:
        return []
    rules = rules or default_risk()
    plain = text.replace("\u2019", "'").replace("\u2018", "'")
    found: list[str] = []
    for match in rules.regex.finditer(plain):
        phrase = text[match.start() : match.end()]
        if phrase not in found:
            found.append(phrase)
    return found
