"""Small widget builders shared by every exercise: fields, ratings, stepper, panels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import resources

import ipywidgets as w
import traitlets

from .content import Content
from .markup import esc, tag, text_html


def named(widget: w.Widget, name: str) -> w.Widget:
    """Give a widget a stable CSS class, `wb-name-<name>`, for tests and trainers' CSS."""
    widget.add_class(f"wb-name-{name}")
    return widget


def stylesheet() -> w.HTML:
    """The workbook's calm look, as a <style> element (content is ours, not the user's)."""
    css = (resources.files("workbook") / "style.css").read_text("utf-8")
    return w.HTML(f"<style>{css}</style>", layout=w.Layout(display="none"))


def heading(text: str, level: int = 2) -> w.HTML:
    """A heading element holding escaped text."""
    return w.HTML(tag(f"h{level}", text, "wb-heading"))


def paragraph(text: str, cls: str = "wb-prompt") -> w.HTML:
    """A paragraph of escaped text."""
    return w.HTML(tag("p", text, cls))


def text_area(label: str, placeholder: str = "", rows: int = 4) -> w.Textarea:
    """A full-width text box with its label above it.

    `continuous_update` stays on: drafts are kept and risk language is answered as the
    person types, not only when they leave the box.
    """
    box = w.Textarea(
        description=label,
        placeholder=placeholder,
        rows=rows,
        continuous_update=True,
        layout=w.Layout(width="100%"),
    )
    box.add_class("wb-field")
    return box


def text_line(
    label: str, placeholder: str = "", options: Sequence[str] = ()
) -> w.Combobox:
    """A one-line text box (with suggestions, if any) and its label above it."""
    box = w.Combobox(
        description=label,
        placeholder=placeholder,
        options=list(options),
        ensure_option=False,
        continuous_update=True,
        layout=w.Layout(width="100%"),
    )
    box.add_class("wb-field")
    return box


def button(text: str, kind: str = "", tooltip: str = "") -> w.Button:
    """A button that says what it does."""
    btn = w.Button(description=text, tooltip=tooltip or text, button_style=kind)
    btn.add_class("wb-button")
    return btn


def notice(text: str = "", kind: str = "info") -> w.HTML:
    """A message area whose `.value` tests can read; empty means nothing is shown."""
    box = w.HTML()
    box.add_class("wb-notice-area")
    set_notice(box, text, kind)
    return box


def set_notice(box: w.HTML, text: str, kind: str = "info") -> None:
    """Show `text` (escaped) in a notice area, or clear it."""
    role = "alert" if kind == "error" else "status"
    box.value = (
        f'<div class="wb-notice wb-notice-{esc(kind)}" role="{role}">{text_html(text)}</div>'
        if text
        else ""
    )


def show(widget: w.Widget, visible: bool) -> None:
    """Show or hide a widget without removing it from the page."""
    widget.layout.display = None if visible else "none"


class Rating(w.VBox):
    """An optional 0-100 rating: a slider plus an explicit "not rated" state (None)."""

    value = traitlets.Int(None, allow_none=True)

    def __init__(
        self, label: str, not_rated_text: str, skip_text: str, top: int = 100
    ) -> None:
        self.slider = w.IntSlider(
            value=top // 2,
            min=0,
            max=top,
            description=label,
            readout=False,
            continuous_update=False,
            layout=w.Layout(width="100%", max_width="32em"),
        )
        self.slider.add_class("wb-rating-slider")
        self.not_rated = w.Checkbox(value=True, description=skip_text, indent=False)
        self.readout = w.HTML()
        self.readout.add_class("wb-rating-readout")
        self._not_rated_text = not_rated_text
        super().__init__([w.HBox([self.slider, self.readout]), self.not_rated])
        self.add_class("wb-rating")
        self.slider.observe(self._on_slider_value, names="value")
        self.not_rated.observe(self._on_not_rated_value, names="value")
        self.observe(self._on_value, names="value")
        self._on_value(None)

    def _on_slider_value(self, _change: object) -> None:
        # Moving the slider is an answer: it ends the "not rated" state.
        self.value = self.slider.value

    def _on_not_rated_value(self, change: dict) -> None:
        self.value = None if change["new"] else self.slider.value

    def _on_value(self, _change: object) -> None:
        rated = self.value is not None
        if rated and self.slider.value != self.value:
            self.slider.value = self.value
        self.not_rated.value = not rated
        # The checkbox already tells a screen reader the state; the readout is visual.
        self.readout.value = (
            f"<span aria-hidden='true'>{self.value} / {self.slider.max}</span>"
            if rated
            else f"<span class='wb-muted' aria-hidden='true'>{esc(self._not_rated_text)}</span>"
        )
        if rated:
            self.remove_class("wb-unrated")
        else:
            self.add_class("wb-unrated")


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


def observe_values(
    widgets: Sequence[w.Widget], handler: Callable[[dict], None]
) -> None:
    """Call `handler` whenever any of these widgets' values change."""
    for widget in widgets:
        widget.observe(handler, names="value")


class App(w.VBox):
    """Base of every exercise: its repr carries no user text into the page Voila sends."""

    title = "Self-Compassion Workbook"

    def __repr__(self) -> str:
        return self.title
