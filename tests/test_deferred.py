"""Widgets reach the browser when first shown (`ui.deferred`), checked against the
installed ipywidgets."""

from __future__ import annotations

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances

from workbook import ui
from workbook.ui.deferred import is_open


def opened_order(*widgets: w.Widget) -> list[int]:
    """Positions of these widgets in the order they were opened."""
    ids = list(_instances)
    return [ids.index(x.model_id) for x in widgets]


def test_a_widget_made_inside_opens_when_a_shown_container_takes_it():
    shown = w.VBox()
    with ui.deferred():
        leaf = w.Textarea(value="typed")
        box = w.VBox([leaf])
    assert is_open(shown)
    assert not is_open(leaf) and not is_open(box)
    shown.children = [box]
    assert is_open(box) and is_open(leaf)
    # Children first: the browser must know a model before one refers to it.
    assert opened_order(leaf, box) == sorted(opened_order(leaf, box))


def test_changes_before_opening_send_nothing_and_arrive_with_the_opening(monkeypatch):
    sent: list[tuple[str, dict]] = []
    original = w.Widget._send

    def spy(self, msg, buffers=None):
        sent.append((type(self).__name__, msg))
        return original(self, msg, buffers)

    monkeypatch.setattr(w.Widget, "_send", spy)
    with ui.deferred():
        area = w.Textarea()
    area.value = "written before it was shown"
    area.add_class("wb-field")
    assert sent == []  # nothing for a widget the browser does not know
    state = area.get_state()
    ui.open_now(area)
    assert is_open(area)
    assert state["value"] == "written before it was shown"
    assert "wb-field" in state["_dom_classes"]
    area.value = "and after"
    kind, message = sent[-1]
    assert kind == "Textarea" and message["state"] == {"value": "and after"}


def test_outside_deferred_widgets_open_at_once_and_closed_ones_stay_closed():
    made = w.Button()
    assert is_open(made)
    made.close()
    with pytest.raises(AttributeError):
        made.model_id  # noqa: B018 - ipywidgets' own error, not a silent reopen
    assert not is_open(made)


def test_shared_layout_and_styles_open_even_inside_deferred():
    """Widgets already in the browser share them, so they cannot wait."""
    from workbook.ui import shared_models

    for model in list(shared_models._shared.values()):
        model.close()
    with ui.deferred():
        button = w.Button()
        html = w.HTML()
    assert not is_open(button)
    assert is_open(button.layout) and button.layout is html.layout
    assert is_open(button.style)


def test_the_thought_record_opens_only_what_its_first_step_shows():
    from workbook.store import Store
    from workbook.thought_record import ThoughtRecordForm

    before = len(_instances)
    form = ThoughtRecordForm(store=Store.memory())
    opened_at_first = len(_instances) - before
    assert is_open(form) and is_open(form.situation)
    assert not is_open(form.evidence_for) and not is_open(form.kindness)
    # Every widget is there for the record, shown or not.
    form.kindness.value = "It makes sense that this hurt."
    assert form.record.response.kindness == "It makes sense that this hurt."
    for _ in form.stepper.titles[1:]:
        form.stepper.next.click()
    assert is_open(form.evidence_for) and is_open(form.kindness)
    assert is_open(form.notes)
    assert opened_at_first < (len(_instances) - before) / 2
