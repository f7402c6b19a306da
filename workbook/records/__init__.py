"""Plain data records for each exercise, with their validation.

No ipywidgets here: records are built, checked, stored and compared without a kernel.
One module per exercise; what they share is in `base`.
"""

from __future__ import annotations

from .base import (
    MAX_ITEMS,
    MAX_TEXT,
    Entry,
    Record,
    first_words,
    format_time,
    friendly_time,
    now,
    parse_time,
    short,
)
from .check_in import SCALES, Answer, CheckIn
from .compassionate_image import (
    FELT,
    FORMS,
    CompassionateImage,
    GroundingMemory,
    Senses,
)
from .next_step import (
    HAPPENED_ANSWERS,
    MAX_VALUES,
    SHAME_ANSWERS,
    Action,
    CheckBack,
    NextStep,
    Plan,
    plan_from_thought,
)
from .preferences import STRUCTURES, WAYS, Preferences
from .thought_record import (
    AutomaticThought,
    CompassionateResponse,
    Feeling,
    ThoughtRecord,
)

#: Every record type the store knows, by kind.
RECORD_TYPES: dict[str, type[Record]] = {
    ThoughtRecord.KIND: ThoughtRecord,
    NextStep.KIND: NextStep,
    CompassionateImage.KIND: CompassionateImage,
    GroundingMemory.KIND: GroundingMemory,
    CheckIn.KIND: CheckIn,
    Preferences.KIND: Preferences,
}

__all__ = [
    "STRUCTURES",
    "WAYS",
    "Preferences",
    "SCALES",
    "Answer",
    "CheckIn",
    "FELT",
    "FORMS",
    "CompassionateImage",
    "GroundingMemory",
    "Senses",
    "HAPPENED_ANSWERS",
    "MAX_ITEMS",
    "MAX_TEXT",
    "MAX_VALUES",
    "RECORD_TYPES",
    "SHAME_ANSWERS",
    "Action",
    "AutomaticThought",
    "CheckBack",
    "CompassionateResponse",
    "Entry",
    "Feeling",
    "NextStep",
    "Plan",
    "Record",
    "ThoughtRecord",
    "first_words",
    "format_time",
    "friendly_time",
    "now",
    "parse_time",
    "plan_from_thought",
    "short",
]
