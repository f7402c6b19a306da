"""Shared fixtures: an in-memory store and a clean widget registry."""

from __future__ import annotations

import pytest


@pytest.fixture
def store():
    """A fresh in-memory store."""
    from workbook.store import Store

    s = Store.memory()
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _close_widgets():
    """Close every widget a test made, so tests cannot see each other's widgets."""
    yield
    import ipywidgets

    ipywidgets.Widget.close_all()
