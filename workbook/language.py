"""Makes the inner critic's language visible, and offers a "we" (common humanity) view.

The rules (absolutes, global labels, shoulds, core beliefs, self-attack) are content in
`content/language.toml`, so they can be read and changed without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .markup import esc, text_html


@dataclass(frozen=True)
class Finding:
    """One piece of inner-critic language: its kind and where it sits in the text."""

    kind: str
    start: int
    end: int
    phrase: str


@dataclass(frozen=True)
class Kind:
    """A compiled rule: what it is called, what it means, and its "we" template."""

    slug: str
    name: str
    explain: str
    we: str
    regexes: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class CriticRules:
    """All compiled rules, in order of precedence, with the pronoun swaps for "we"."""

    kinds: tuple[Kind, ...]
    fallback_we: str
    swaps: dict[str, str]
    swap_regex: re.Pattern[str]


def _straight(text: str) -> str:
    # Same length in and out, so positions found in the result hold for the original.
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _alternatives(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(_straight(w)).replace(r"\ ", r"\s+") for w in ordered)


def _word_regex(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{_alternatives(words)})(?!\w)", re.IGNORECASE)


def compile_rules(data: dict[str, Any]) -> CriticRules:
    """Compile `language.toml` data; ValueError names a rule that is not valid."""
    kinds = []
    for slug in data["order"]:
        spec = data["kinds"][slug]
        regexes = []
        try:
            if slug == "label":
                regexes.append(
                    re.compile(
                        rf"(?<![\w'])(?:{_alternatives(spec['self_words'])})\s+"
                        rf"(?:(?:{_alternatives(spec['fillers'])})\s+)*"
                        rf"(?:{_alternatives(spec['words'])})(?!\w)",
                        re.IGNORECASE,
                    )
                )
            elif spec.get("words"):
                regexes.append(_word_regex(spec["words"]))
            for pattern in spec.get("patterns", ()):
                regexes.append(re.compile(pattern, re.IGNORECASE))
        except re.error as err:
            raise ValueError(
                f"a rule for {slug} is not a valid pattern: {err}"
            ) from None
        kinds.append(
            Kind(slug, spec["name"], spec["explain"], spec["we"], tuple(regexes))
        )
    swaps = {_straight(k).lower(): v for k, v in data["we_swaps"].items()}
    return CriticRules(
        kinds=tuple(kinds),
        fallback_we=data["fallback_we"],
        swaps=swaps,
        swap_regex=_word_regex(list(swaps)),
    )


@cache
def default_rules() -> CriticRules:
    """The rules from the loaded content (defaults plus a trainer's overrides)."""
    from .content import load_content

    return compile_rules(load_content().files["language"])


def find_critic(text: str, rules: CriticRules | None = None) -> list[Finding]:
    """Inner-critic phrases in `text`, in reading order, never overlapping."""
    rules = rules or default_rules()
    plain = _straight(text)
    candidates = []
    for rank, kind in enumerate(rules.kinds):
        for regex in kind.regexes:
            for match in regex.finditer(plain):
                if match.end() > match.start():
                    candidates.append((rank, match.start(), match.end(), kind.slug))
    # The more specific kind wins an overlap; within a kind, the longer phrase.
    candidates.sort(key=lambda c: (c[0], c[1] - c[2], c[1]))
    taken: list[Finding] = []
    for _rank, start, end, slug in candidates:
        if all(end <= f.start or start >= f.end for f in taken):
            taken.append(Finding(slug, start, end, text[start:end]))
    return sorted(taken, key=lambda f: f.start)


def highlight_html(text: str, rules: CriticRules | None = None) -> str:
    """`text` escaped, with each finding marked and named in words (not colour alone)."""
    rules = rules or default_rules()
    findings = find_critic(text, rules)
    names = {k.slug: k.name for k in rules.kinds}
    parts, cursor = [], 0
    for f in findings:
        parts.append(text_html(text[cursor : f.start]))
        parts.append(
            f'<mark class="wb-critic" data-kind="{esc(f.kind)}">{text_html(f.phrase)}</mark>'
            f'<span class="wb-critic-tag"> ({esc(names[f.kind])})</span>'
        )
        cursor = f.end
    parts.append(text_html(text[cursor:]))
    return "".join(parts)


def explanations(text: str, rules: CriticRules | None = None) -> list[tuple[str, str]]:
    """(name, explanation) for each kind found in `text`, in rule order."""
    rules = rules or default_rules()
    found = {f.kind for f in find_critic(text, rules)}
    return [(k.name, k.explain) for k in rules.kinds if k.slug in found]


def we_suggestion(thought: str, rules: CriticRules | None = None) -> str:
    """A common-humanity sentence or two, built from what the critic said in `thought`."""
    rules = rules or default_rules()
    findings = find_critic(thought, rules)
    templates = {k.slug: k.we for k in rules.kinds}
    sentences, seen = [], set()
    for f in sorted(
        findings, key=lambda f: [k.slug for k in rules.kinds].index(f.kind)
    ):
        if f.kind in seen:
            continue
        seen.add(f.kind)
        sentences.append(
            templates[f.kind].replace("{phrase}", " ".join(f.phrase.split()))
        )
        if len(sentences) == 2:
            break
    return " ".join(sentences) or rules.fallback_we


_SUBJECT_BEFORE = {
    "",
    "and",
    "but",
    "so",
    "because",
    "when",
    "if",
    "that",
    "then",
    "as",
    "while",
    "though",
    "although",
    "where",
    "whenever",
    "until",
    "unless",
    "even",
    "or",
    "maybe",
}


def to_we(text: str, rules: CriticRules | None = None) -> str:
    """`text` with "I" and "you" turned into "we" (and me/my/your into us/our)."""
    rules = rules or default_rules()
    plain = _straight(text)
    # Words in quotation marks are someone's actual words: leave them as they are.
    quoted = [m.span() for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", plain)]

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if any(start < match.start() < end for start, end in quoted):
            return word
        key = " ".join(_straight(word).lower().split())
        new = rules.swaps[key]
        before = plain[: match.start()].rstrip()
        if key == "you":
            previous = re.search(r"(\w+)$", before)
            clause_start = not before or before[-1] in ".,;:!?-\n("
            if (
                not clause_start
                and previous
                and previous.group(1).lower() not in (_SUBJECT_BEFORE)
            ):
                new = "us"  # "it happens to you" -> "it happens to us"
        at_start = not before or before[-1] in ".!?\n"
        return new[0].upper() + new[1:] if at_start else new

    return rules.swap_regex.sub(swap, plain)
