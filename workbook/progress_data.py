"""What the progress view shows, worked out from entries: plain numbers, no widgets."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import fmean

from .content import Content
from .language import find_critic
from .records import CheckIn, Entry, NextStep, ThoughtRecord
from .scales import OURS, our_check_in, score


def week_of(day: date) -> date:
    """The Monday starting the week that `day` is in."""
    return day - timedelta(days=day.weekday())


@dataclass
class Progress:
    """Series for each plot, oldest first."""

    intensity: list[tuple[date, float, float]] = field(default_factory=list)
    check_ins: list[tuple[date, float]] = field(default_factory=list)
    critic_weeks: list[tuple[date, int]] = field(default_factory=list)
    planned: int = 0
    done: int = 0
    practice_days: int = 0
    practice_weeks: list[tuple[date, int]] = field(default_factory=list)


def progress(entries: list[Entry], content: Content) -> Progress:
    """Work out every series from the entries (any order)."""
    result = Progress()
    scale = our_check_in(content)
    critic: Counter[date] = Counter()
    days: set[date] = set()
    for entry in sorted(entries, key=lambda e: e.created_at):
        day = entry.created_at.astimezone().date()
        days.add(day)
        record = entry.record
        if isinstance(record, ThoughtRecord):
            pairs = [
                (f.before, f.after)
                for f in record.feelings
                if None not in (f.before, f.after)
            ]
            if entry.status == "done" and pairs:
                result.intensity.append(
                    (day, fmean(b for b, _ in pairs), fmean(a for _, a in pairs))
                )
            found = sum(len(find_critic(t.text)) for t in record.thoughts)
            if found:
                critic[week_of(day)] += found
        elif isinstance(record, NextStep):
            if record.shame_says:
                critic[week_of(day)] += len(find_critic(record.shame_says))
            if entry.status == "done" and record.plan.what.strip():
                result.planned += 1
                result.done += record.check_back.happened == "yes"
        elif (
            isinstance(record, CheckIn)
            and record.scale == OURS
            and entry.status == "done"
        ):
            overall = score(scale, record.ratings()).overall
            if overall is not None:
                result.check_ins.append((day, overall))
    result.critic_weeks = sorted(critic.items())
    result.practice_days = len(days)
    result.practice_weeks = sorted(Counter(week_of(d) for d in days).items())
    return result
