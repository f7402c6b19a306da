"""The inner critic's words, shown marked and explained under what the person wrote."""

from __future__ import annotations

import ipywidgets as w

from ..content import Content
from ..language import explanations, highlight_html
from ..markup import esc, tag


class CriticPanel(w.HTML):
    """Shows the critic language in a piece of text; empty when there is none."""

    def __init__(self, content: Content) -> None:
        super().__init__()
        self._heading = content.text("common", "critic.heading")
        self._help = content.text("common", "critic.help")
        self.add_class("wb-critic-box")

    def update(self, text: str) -> None:
        """Mark and explain the inner critic's words in `text` (all of it escaped)."""
        found = explanations(text)
        if not found:
            self.value = ""
            return
        items = "".join(
            f"<li><strong>{esc(name)}</strong>: {esc(explain)}</li>"
            for name, explain in found
        )
        self.value = (
            tag("p", self._heading, "wb-label")
            + f"<p>{highlight_html(text)}</p><ul>{items}</ul>"
            + tag("p", self._help, "wb-muted")
        )
