"""One step at a time, with Back and Next always in the same place."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w
import traitlets

from ..content import Content
from ..markup import esc
from .fields import button, named


class Stepper(w.VBox):
    """One step at a time, with Back and Next always in the same place."""

    index = traitlets.Int(0)

    def __init__(
        self,
        steps: Sequence[tuple[str, w.Widget]],
        content: Content,
        above: Sequence[w.Widget] = (),
        below: Sequence[w.Widget] = (),
        extra_buttons: Sequence[w.Widget] = (),
    ) -> None:
        self.titles = [title for title, _ in steps]
        self.bodies = [body for _, body in steps]
        self._step_text = content.text("common", "messages.step")
        self.where = w.HTML()
        self.where.add_class("wb-where")
        self.back = button(content.text("common", "buttons.back"))
        self.next = button(content.text("common", "buttons.next"), "primary")
        self.body = w.Box([self.bodies[0]], layout=w.Layout(width="100%"))
        named(self.back, "back")
        named(self.next, "next")
        nav = w.HBox([self.back, self.next, *extra_buttons])
        nav.add_class("wb-nav")
        super().__init__([self.where, *above, self.body, *below, nav])
        self.add_class("wb-stepper")
        self.back.on_click(self._on_back_click)
        self.next.on_click(self._on_next_click)
        self.observe(self._on_index, names="index")
        self._on_index(None)

    def set_steps(self, steps: Sequence[tuple[str, w.Widget]]) -> None:
        """Replace the steps (same place in them), e.g. when the person changes route."""
        self.titles = [title for title, _ in steps]
        self.bodies = [body for _, body in steps]
        self.index = min(self.index, len(self.bodies) - 1)
        self._on_index(None)

    def _on_back_click(self, _button: w.Button) -> None:
        self.index = max(0, self.index - 1)

    def _on_next_click(self, _button: w.Button) -> None:
        self.index = min(len(self.bodies) - 1, self.index + 1)

    def _on_index(self, _change: object) -> None:
        self.body.children = [self.bodies[self.index]]
        self.back.disabled = self.index == 0
        self.next.disabled = self.index == len(self.bodies) - 1
        count = self._step_text.format(number=self.index + 1, total=len(self.bodies))
        items = "".join(
            f'<li aria-current="step" class="wb-current">{i + 1}. {esc(t)}</li>'
            if i == self.index
            else f"<li>{i + 1}. {esc(t)}</li>"
            for i, t in enumerate(self.titles)
        )
        self.where.value = (
            f'<p class="wb-step-count">{esc(count)}</p>'
            f'<h2 class="wb-step-title" tabindex="-1">{esc(self.titles[self.index])}</h2>'
            f'<ol class="wb-steps" aria-label="All steps">{items}</ol>'
        )
