"""Self-Compassion Workbook: interactive self-compassion exercises for Jupyter and Voila."""

from __future__ import annotations

from .content import Content, load_content
from .records import (
    AutomaticThought,
    CompassionateResponse,
    Entry,
    Feeling,
    ThoughtRecord,
)
from .store import Store, StoreError, open_store

__all__ = [
    "AutomaticThought",
    "CompassionateResponse",
    "Content",
    "Entry",
    "Feeling",
    "StartPage",
    "Store",
    "StoreError",
    "ThoughtRecord",
    "ThoughtRecordForm",
    "load_content",
    "open_store",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The views import ipywidgets; load them only when asked, so `import workbook`
    # stays light for the store, the CLI and exports.
    if name == "ThoughtRecordForm":
        from .thought_record import ThoughtRecordForm

        return ThoughtRecordForm
    if name == "StartPage":
        from .start import StartPage

        return StartPage
    raise AttributeError(f"module 'workbook' has no attribute {name!r}")
