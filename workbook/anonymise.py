"""An anonymised file for a course: ratings, choices, counts and dates; never free text.

Every value written here is a number, a yes/no, a date, or a choice from the content
lists (pattern slugs, value names, item ids); whatever a person typed is only counted.
"""

from __future__ import annotations

import json
from typing import Any

from .content import Content
from .language import find_critic
from .records import (
    CheckIn,
    CompassionateImage,
    Entry,
    GroundingMemory,
    NextStep,
    Preferences,
    ThoughtRecord,
    format_time,
    now,
)
from .scales import OURS, our_check_in, score

ANON_FORMAT = "self-compassion-workbook-anonymised"
ANON_VERSION = 1


def _written(*texts: str) -> int:
    return sum(bool(t.strip()) for t in texts)


def anonymise_entry(entry: Entry, content: Content) -> dict[str, Any]:
    """One entry reduced to what a course may see."""
    r = entry.record
    data: dict[str, Any]
    if isinstance(r, ThoughtRecord):
        known = {p.slug for p in content.patterns}
        data = {
            "feelings": [{"before": f.before, "after": f.after} for f in r.feelings],
            "thoughts": [
                {
                    "belief_before": t.belief_before,
                    "belief_after": t.belief_after,
                    "hot": t.hot,
                }
                for t in r.thoughts
            ],
            "patterns": [p for p in r.patterns if p in known],
            "critic_words": sum(len(find_critic(t.text)) for t in r.thoughts),
            "response_parts": _written(
                r.response.kindness, r.response.common_humanity, r.response.mindfulness
            ),
            "evidence_parts": _written(r.evidence_for, r.evidence_against),
        }
    elif isinstance(r, NextStep):
        listed = {v.name for v in content.values}
        data = {
            "mine": len(r.mine),
            "not_mine": len(r.not_mine),
            "values": [v for v in r.values if v in listed],
            "own_values": len(r.own_values),
            "actions": [{"fit": a.fit, "shame": a.shame} for a in r.actions],
            "planned": bool(r.plan.what.strip()),
            "happened": r.check_back.happened,
        }
    elif isinstance(r, CompassionateImage):
        data = {
            "form": r.form,
            "qualities_written": _written(r.wisdom, r.strength, r.warmth, r.acceptance),
            "senses_written": _written(*vars(r.senses).values()),
            "words_written": bool(r.words.strip()),
        }
    elif isinstance(r, GroundingMemory):
        data = {
            "felt": list(r.felt),
            "senses_written": _written(*vars(r.senses).values()),
            "knew_written": bool(r.knew.strip()),
        }
    elif isinstance(r, CheckIn):
        ids = {i.id for i in our_check_in(content).items} if r.scale == OURS else None
        answers = {a.item: a.rating for a in r.answers if ids is None or a.item in ids}
        overall = (
            score(our_check_in(content), answers).overall if r.scale == OURS else None
        )
        data = {"scale": r.scale, "answers": answers, "overall": overall}
    elif isinstance(r, Preferences):
        data = {"ways": list(r.ways), "structure": r.structure}
    else:  # pragma: no cover - every record type is handled above
        raise TypeError(type(r).__name__)
    return {
        "kind": entry.kind,
        "status": entry.status,
        "day": entry.created_at.astimezone().date().isoformat(),
        "data": data,
    }


def export_anonymised(entries: list[Entry], content: Content) -> bytes:
    """The anonymised file: no ids, no times of day, no names, no free text."""
    document = {
        "format": ANON_FORMAT,
        "version": ANON_VERSION,
        "made_on": format_time(now())[:10],
        "entries": [anonymise_entry(e, content) for e in reversed(entries)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def read_anonymised(data: bytes) -> list[dict[str, Any]]:
    """The entries of an anonymised file; ValueError says why a file cannot be used."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError(
            "it is not an anonymised workbook file (not readable JSON)"
        ) from None
    if not isinstance(document, dict) or document.get("format") != ANON_FORMAT:
        raise ValueError("it is not an anonymised workbook file")
    if document.get("version") != ANON_VERSION:
        raise ValueError("it was made by a different version of the workbook")
    entries = document.get("entries")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("data"), dict) for e in entries
    ):
        raise ValueError("its list of entries is damaged")
    return entries
