"""Widgets that reach the browser when they are first shown, not when they are made.

An exercise builds every step's widgets when it opens (its record is read from them and
written back into them), but the page shows one step at a time. ipywidgets opens a
widget's comm the moment the widget is made: the kernel serialises its whole state, and
the browser builds a model for it before the page can show anything. The thought
record makes 139 widgets; the page it opens on shows 46 of them.

Inside `deferred()`, a new widget's comm is not opened when it is made. It is opened
the first time something already in the browser refers to it: when its `model_id` is
asked for, which ipywidgets does while serialising a container's `children` (so when a
step's box becomes the stepper's child, that step and everything in it open, children
before parents, before the container's own update is sent), or by `open_now()`. Until
then a change to it sends nothing; its whole state goes when it opens. Widgets made
outside `deferred()` open at once, as ipywidgets always does, and a widget that was
opened and then closed stays closed.

This relies on three ipywidgets 8 details, patched here once: `Widget.open` is what
`__init__` calls, `Widget.model_id` is how a widget is referred to in another's state,
and `Widget.send_state` is the one path for a change to reach the browser. A test checks
each against the installed ipywidgets.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import ipywidgets as w

_MARK = "_wb_unopened"
_depth = 0
_patched = False
_open = w.Widget.open
_send_state = w.Widget.send_state
_model_id = w.Widget.model_id


def _unopened(widget: w.Widget) -> bool:
    return widget.comm is None and widget.__dict__.get(_MARK, False)


def _open_unless_deferred(self: w.Widget) -> None:
    if _depth and self.comm is None:
        self.__dict__[_MARK] = True
        return
    _open(self)


def _model_id_opening(self: w.Widget) -> str:
    if _unopened(self):
        open_now(self)
    return _model_id.fget(self)


def _send_state_once_open(self: w.Widget, key=None) -> None:
    if _unopened(self):
        return  # its whole state goes when it opens
    _send_state(self, key)


def install() -> None:
    """Patch ipywidgets' `Widget` (idempotent); nothing changes outside `deferred()`."""
    global _patched
    if _patched:
        return
    w.Widget.open = _open_unless_deferred
    w.Widget.model_id = property(_model_id_opening, doc=_model_id.__doc__)
    w.Widget.send_state = _send_state_once_open
    _patched = True


@contextmanager
def deferred() -> Iterator[None]:
    """Widgets made inside open only when first referred to (or by `open_now`)."""
    global _depth
    install()
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1


@contextmanager
def immediate() -> Iterator[None]:
    """Widgets made inside open at once, even within `deferred()` (shared models)."""
    global _depth
    saved, _depth = _depth, 0
    try:
        yield
    finally:
        _depth = saved


def open_now(widget: w.Widget) -> None:
    """Open a widget made inside `deferred()` (and, through its state, everything it
    refers to that is not open yet)."""
    if _unopened(widget):
        widget.__dict__[_MARK] = False
        _open(widget)


def is_open(widget: w.Widget) -> bool:
    """Has the browser been told about this widget?"""
    return widget.comm is not None
