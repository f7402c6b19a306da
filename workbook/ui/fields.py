"""Fields, buttons, messages and headings: the small builders every view uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import resources

import ipywidgets as w

from ..markup import esc, tag, text_html
from .shared_models import has_shared_layout


def named(widget: w.Widget, name: str) -> w.Widget:
    """Give a widget a stable CSS class, `wb-name-<name>`, for tests and trainers' CSS."""
    widget.add_class(f"wb-name-{name}")
    return widget


def name_all(owner: object, names: str) -> None:
    """`named` for each attribute listed in `names` (space separated), `_` as `-`."""
    for name in names.split():
        named(getattr(owner, name), name.replace("_", "-"))


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
    label: str,
    placeholder: str = "",
    options: Sequence[str] = (),
    continuous: bool = True,
) -> w.Combobox:
    """A one-line text box (with suggestions, if any) and its label above it.

    Pass `continuous=False` for a box whose value a button then acts on: ipywidgets
    holds back value updates while the kernel is busy but sends a click at once, so a
    click can overtake the last keystrokes. Synced on change, the value goes first.
    """
    box = w.Combobox(
        description=label,
        placeholder=placeholder,
        options=list(options),
        ensure_option=False,
        continuous_update=continuous,
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
    display = None if visible else "none"
    if has_shared_layout(widget):
        if display is not None:
            widget.layout = w.Layout(display=display)  # its own, so others stay shown
    else:
        widget.layout.display = display


def observe_values(
    widgets: Sequence[w.Widget], handler: Callable[[dict], None]
) -> None:
    """Call `handler` whenever any of these widgets' values change."""
    for widget in widgets:
        widget.observe(handler, names="value")
