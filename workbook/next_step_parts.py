"""Parts of the next-step exercise: the values card sort and a possible action."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w
import traitlets

from . import ui
from .content import Content
from .markup import esc, tag
from .records import (
    MAX_VALUES,
    SHAME_ANSWERS,
    Action,
    Entry,
    NextStep,
    friendly_time,
    short,
)
from .store import Store

FILE = "next_step"


class ValuesSort(w.VBox):
    """Tick up to five values (from the list or my own) and mark the one that matters most."""

    value = traitlets.Tuple()
    own = traitlets.Tuple()

    def __init__(self, content: Content) -> None:
        t = content.text
        # The 40-odd checkboxes are made when the step is first shown, not when the page
        # opens: every widget costs the browser time, and most visits never get here.
        self._boxes: dict[str, w.Checkbox] | None = None
        self._names = [card.name for card in content.values]
        self.grid = w.GridBox()
        self.grid.add_class("wb-values-grid")
        self.limit = w.HTML()
        self._limit_text = t(FILE, "steps.values.limit")
        self.own_value = ui.named(
            ui.text_line(
                t(FILE, "steps.values.own_label"),
                t(FILE, "steps.values.own_placeholder"),
                continuous=False,
            ),
            "own-value",
        )
        self.add_own = ui.named(ui.button(t(FILE, "steps.values.add_own")), "add-own")
        self._main_none = t(FILE, "steps.values.main_none")
        self.main = ui.named(
            w.Dropdown(
                description=t(FILE, "steps.values.main_label"),
                options=[(self._main_none, "")],
                value="",
                layout=w.Layout(width="100%"),
            ),
            "main-value",
        )
        self.main.add_class("wb-field")
        meanings = "".join(
            f"<li><strong>{esc(v.name)}</strong>: {esc(v.description)}</li>"
            for v in content.values
        )
        glossary = w.HTML(
            f"<details><summary>{esc(t(FILE, 'steps.values.list_heading'))}</summary>"
            f"<ul>{meanings}</ul></details>"
        )
        super().__init__(
            [self.grid, self.limit, self.own_value, self.add_own, self.main, glossary]
        )
        self.add_own.on_click(self._on_add_own_click)
        self.observe(self._on_value, names="value")

    @property
    def boxes(self) -> dict[str, w.Checkbox]:
        """One checkbox a value (made on first use)."""
        self.build()
        assert self._boxes is not None
        return self._boxes

    def build(self) -> None:
        """Make the checkboxes, ticked to match `value`."""
        if self._boxes is not None:
            return
        self._boxes = {}
        for name in self._names:
            self._add_box(name)
        self._on_value(None)

    def _add_box(self, name: str) -> w.Checkbox:
        if name not in self._names:
            self._names.append(name)
        if self._boxes is None:
            return None  # type: ignore[return-value]
        box = w.Checkbox(value=name in self.value, description=name, indent=False)
        box.add_class("wb-value")
        box.observe(self._on_box_value, names="value")
        self._boxes[name] = box
        self.grid.children = list(self._boxes.values())
        return box

    def _on_add_own_click(self, _button: w.Button) -> None:
        name = " ".join(self.own_value.value.split())
        if not name:
            return
        box = self.boxes.get(name) or self._add_box(name)
        if name not in self.own:
            self.own = (*self.own, name)
        self.own_value.value = ""
        if len(self.value) < MAX_VALUES:
            box.value = True

    def _on_box_value(self, _change: object) -> None:
        self.value = tuple(name for name, box in self.boxes.items() if box.value)

    def _on_value(self, _change: object) -> None:
        chosen = self.value
        full = len(chosen) >= MAX_VALUES
        for box in (self._boxes or {}).values():
            box.disabled = full and not box.value
        self.limit.value = (
            f'<p class="wb-muted">{esc(self._limit_text)}</p>' if full else ""
        )
        main = self.main.value
        self.main.options = [(self._main_none, "")] + [(n, n) for n in chosen]
        self.main.value = main if main in chosen else ""

    def show(self, values: tuple[str, ...], own: tuple[str, ...], main: str) -> None:
        """Tick `values`, with my own values (and any no longer listed) added as boxes."""
        for name in (*own, *values):
            if name not in self._names:
                self._add_box(name)
        self.own = own
        if self._boxes is not None:
            for name, box in self._boxes.items():
                box.disabled = False
                box.value = name in values
        self.value = tuple(n for n in self._names if n in values)
        self.main.value = main if main in values else ""


class ActionRow(w.VBox):
    """A possible action, its fit with my values (0-10), and whether it keeps me in shame."""

    def __init__(self, content: Content) -> None:
        t = content.text
        self.text = ui.text_line(
            t(FILE, "steps.actions.action_label"),
            t(FILE, "steps.actions.action_placeholder"),
        )
        self.fit = ui.Rating(
            t(FILE, "steps.actions.fit_label"),
            t("common", "messages.not_rated"),
            t("common", "messages.skip_rating"),
            top=10,
        )
        self.shame = w.RadioButtons(
            options=list(
                zip(t(FILE, "steps.actions.shame_options"), SHAME_ANSWERS, strict=True)
            ),
            value=None,
            description=t(FILE, "steps.actions.shame_label"),
        )
        self.shame.add_class("wb-choice")
        self.remove = ui.button(t(FILE, "steps.actions.remove"))
        super().__init__([self.text, self.fit, self.shame, self.remove])
        self.add_class("wb-row")
        self.add_class("wb-name-action-row")

    @property
    def inputs(self) -> list[w.Widget]:
        """The widgets whose changes are kept as a draft."""
        return [self.text, self.fit, self.shame]

    @property
    def record(self) -> Action:
        """This row as an Action."""
        return Action(self.text.value, self.fit.value, self.shame.value)

    def show(self, action: Action) -> None:
        """Fill the row from an Action."""
        self.text.value = action.text
        self.fit.value = action.fit
        self.shame.value = action.shame


class CheckBackList(w.VBox):
    """Planned steps not yet checked back on as done, and a way to open one."""

    def __init__(
        self, store: Store, content: Content, on_open: Callable[[Entry], None]
    ) -> None:
        t = content.text
        self._store = store
        self._text = t
        self._on_open = on_open
        self.open_steps = w.HTML()
        self.open_picker = ui.named(
            w.Dropdown(
                description=t(FILE, "check_back.picker"), layout=w.Layout(width="100%")
            ),
            "open-picker",
        )
        self.open_picker.add_class("wb-field")
        self.check_open = ui.named(
            ui.button(t(FILE, "check_back.open"), "primary"), "check-open"
        )
        super().__init__([self.open_steps, self.open_picker, self.check_open])
        self.add_class("wb-checkback")
        ui.named(self, "check-section")
        self.check_open.on_click(self._on_check_open_click)

    def refresh(self) -> None:
        """List the open steps again; hide the whole section when there are none."""
        t = self._text
        open_entries = [
            e for e in self._store.entries(NextStep.KIND, "done") if e.record.is_open
        ]
        ui.show(self, bool(open_entries))
        if not open_entries:
            self.open_steps.value = ""
            self.open_picker.options = []
            return
        rows = "".join(
            f"<li>{esc(short(e.record.plan.what, 90))} "
            f"<span class='wb-muted'>({esc(friendly_time(e.updated_at))})</span></li>"
            for e in open_entries
        )
        self.open_steps.value = (
            tag("h2", t(FILE, "check_back.heading"))
            + tag("p", t(FILE, "check_back.intro"))
            + f"<ul>{rows}</ul>"
        )
        self.open_picker.options = [
            (short(e.record.plan.what, 80), e.id) for e in open_entries
        ]
        self.open_picker.value = open_entries[0].id

    def _on_check_open_click(self, _button: w.Button) -> None:
        if self.open_picker.value:
            self._on_open(self._store.get(self.open_picker.value))
