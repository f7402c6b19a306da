"""Widget builders shared by every exercise, one module per family.

A package rather than one `ui.py`: together these pieces are well past the ~300 lines a
module should hold. Views import `from . import ui` and use the names below.
"""

from __future__ import annotations

from .critic import CriticPanel
from .deferred import deferred, open_now
from .fields import (
    button,
    heading,
    name_all,
    named,
    notice,
    observe_values,
    paragraph,
    set_notice,
    show,
    stylesheet,
    text_area,
    text_line,
)
from .lists import ListEditor
from .panels import App, content_problems, disclaimer, signposting, store_notice
from .rating import Rating
from .shared_models import share_defaults
from .stepper import Stepper

# Every app builds its widgets through this package: shared default layout and styles.
share_defaults()

__all__ = [
    "App",
    "CriticPanel",
    "ListEditor",
    "Rating",
    "Stepper",
    "button",
    "content_problems",
    "deferred",
    "disclaimer",
    "heading",
    "name_all",
    "named",
    "notice",
    "observe_values",
    "open_now",
    "paragraph",
    "set_notice",
    "show",
    "signposting",
    "store_notice",
    "stylesheet",
    "text_area",
    "text_line",
]
