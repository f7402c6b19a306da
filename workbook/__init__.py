"""Self-Compassion Workbook: interactive self-compassion exercises for Jupyter and Voila."""

from __future__ import annotations

from .content import Content, load_content
from .records import (
    Action,
    AutomaticThought,
    CheckBack,
    CompassionateResponse,
    Entry,
    Feeling,
    NextStep,
    Plan,
    ThoughtRecord,
)
from .store import Store, StoreError, open_store

__all__ = [
    "CourseSummary",
    "DemoView",
    "CheckInForm",
    "ProgressView",
    "CompassionateImageForm",
    "Action",
    "AutomaticThought",
    "CheckBack",
    "CompassionateResponse",
    "Content",
    "Entry",
    "Feeling",
    "NextStep",
    "NextStepForm",
    "Plan",
    "StartPage",
    "Store",
    "StoreError",
    "ThoughtRecord",
    "ThoughtRecordForm",
    "load_content",
    "open_store",
]

__version__ = "0.1.0"


#: Views, by name, and the module each lives in.
_VIEWS = {
    "ThoughtRecordForm": "thought_record",
    "NextStepForm": "next_step",
    "CompassionateImageForm": "compassionate_image",
    "CheckInForm": "check_in",
    "ProgressView": "progress",
    "DemoView": "demo",
    "CourseSummary": "course",
    "StartPage": "start",
}


def __getattr__(name: str) -> object:
    # The views import ipywidgets; load them only when asked, so `import workbook`
    # stays light for the store, the CLI and exports.
    if name in _VIEWS:
        from importlib import import_module

        return getattr(import_module(f".{_VIEWS[name]}", __name__), name)
    raise AttributeError(f"module 'workbook' has no attribute {name!r}")
