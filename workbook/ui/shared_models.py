"""One default layout, and one style per widget kind, shared instead of one per widget.

ipywidgets gives every widget its own `Layout` and its own style widget (`HTMLStyle`,
`ButtonStyle`...), and the browser builds a model for each when a page opens: two thirds
of an exercise's ~300 models. The workbook never changes one widget's style (its look
comes from the stylesheet and CSS classes), and changes a layout only to show or hide a
widget, through `show()`, which gives that widget a layout of its own first. So widgets
can share the defaults.

`share_defaults()` makes new widgets take the shared instances; a shared model that has
been closed (tests close every widget) is replaced. A layout or style passed explicitly
(`layout=...`, `style=...`) is used as given.
"""

from __future__ import annotations

import ipywidgets as w

from .deferred import immediate

#: The widget kinds the workbook builds, whose style is shared.
STYLED = (
    w.HTML,
    w.Button,
    w.Checkbox,
    w.Textarea,
    w.Text,
    w.Combobox,
    w.Dropdown,
    w.RadioButtons,
    w.IntSlider,
    w.FileUpload,
)

_shared: dict[type, w.Widget] = {}
_done = False


def _sharing(trait, klass: type):
    def make_dynamic_default():
        model = _shared.get(klass)
        if model is None or model.comm is None:
            with immediate():  # shared by widgets already in the browser, too
                model = klass(
                    *(trait.default_args or ()), **(trait.default_kwargs or {})
                )
            _shared[klass] = model
        return model

    return make_dynamic_default


def share_defaults() -> None:
    """Let widgets share one default layout and one style per kind (idempotent)."""
    global _done
    if _done:
        return
    layout = w.DOMWidget.class_traits()["layout"]
    layout.make_dynamic_default = _sharing(layout, layout.klass)
    for kind in STYLED:
        trait = kind.class_traits()["style"]
        trait.make_dynamic_default = _sharing(trait, trait.klass)
    _done = True


def has_shared_layout(widget: w.DOMWidget) -> bool:
    """Does this widget use the shared default layout (which must not be changed)?"""
    return widget.layout is _shared.get(w.Layout)
