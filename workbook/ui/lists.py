"""A short list the person writes: one box per item, with Add and Remove."""

from __future__ import annotations

import ipywidgets as w
import traitlets

from .fields import button, named


class ListEditor(w.VBox):
    """Items as text boxes; `value` is the tuple of items, blank ones left out."""

    value = traitlets.Tuple()

    def __init__(
        self, label: str, add_text: str, remove_text: str, placeholder: str = ""
    ):
        self._label = label
        self._remove_text = remove_text
        self._placeholder = placeholder
        self.heading = w.HTML()
        self.rows: list[w.HBox] = []
        self.items: list[w.Text] = []
        self.add = button(add_text)
        self.box = w.VBox()
        super().__init__([self.box, self.add])
        self.add_class("wb-list")
        self.add.on_click(self._on_add_click)
        self.observe(self._on_value, names="value")
        self._updating = False
        self._add_item("")

    def _add_item(self, text: str) -> w.Text:
        item = w.Text(
            value=text,
            description=f"{self._label} ({len(self.items) + 1})",
            placeholder=self._placeholder,
            continuous_update=True,
            layout=w.Layout(flex="1 1 auto", width="auto"),
        )
        item.add_class("wb-list-item")
        remove = named(button(self._remove_text), "remove-item")
        row = w.HBox([item, remove])
        row.add_class("wb-list-row")
        item.observe(self._on_item_value, names="value")
        remove.on_click(lambda _b: self._remove(row, item))
        self.rows.append(row)
        self.items.append(item)
        self.box.children = list(self.rows)
        return item

    def _remove(self, row: w.HBox, item: w.Text) -> None:
        self.rows.remove(row)
        self.items.remove(item)
        if not self.items:
            self._add_item("")
        self.box.children = list(self.rows)
        row.close()
        self._on_item_value(None)

    def _on_add_click(self, _button: w.Button) -> None:
        self._add_item("")

    def _on_item_value(self, _change: object) -> None:
        self._updating = True
        try:
            self.value = tuple(i.value for i in self.items if i.value.strip())
        finally:
            self._updating = False

    def _on_value(self, change: dict) -> None:
        # Set from outside (a record being shown): rebuild the boxes to match.
        if self._updating:
            return
        for row in self.rows:
            row.close()
        self.rows, self.items = [], []
        for text in change["new"] or ("",):
            self._add_item(text)
