"""Panels every app shows: the disclaimer, signposting, content problems; the App base."""

from __future__ import annotations

import ipywidgets as w

from ..content import Content
from ..markup import esc, tag
from .fields import notice, show


def disclaimer(content: Content) -> w.HTML:
    """The plain statement that this is self-help and training, not therapy or crisis."""
    return w.HTML(
        tag("p", content.text("common", "disclaimer.text"), "wb-disclaimer"),
    )


def content_problems(content: Content) -> w.HTML:
    """A notice naming any trainer content files that could not be used."""
    text = ""
    if content.problems:
        text = content.text("common", "messages.content_problem").format(
            problems="; ".join(content.problems)
        )
    return notice(text, "warning")


def store_notice(store: object) -> w.HTML:
    """A notice about the data file itself: moved aside, read only, or not writable."""
    return notice(getattr(store, "notice", ""), "warning")


def signposting(content: Content) -> w.HTML:
    """The calm helplines panel, hidden until risk language is typed."""
    lines = "".join(
        f"<li><strong>{esc(h.name)}: {esc(h.contact)}</strong>. {esc(h.detail)}</li>"
        for h in content.helplines
    )
    panel = w.HTML(
        f'<section class="wb-signpost" role="region" aria-label="Help now">'
        f"{tag('h3', content.text('helplines', 'heading'))}"
        f"{tag('p', content.text('helplines', 'intro'))}<ul>{lines}</ul></section>"
    )
    show(panel, False)
    return panel


class App(w.VBox):
    """Base of every exercise: its repr carries no user text into the page Voila sends."""

    title = "Self-Compassion Workbook"

    def __repr__(self) -> str:
        return self.title
