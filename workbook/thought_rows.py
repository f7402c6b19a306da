"""The repeating rows of a thought record: one feeling, one automatic thought."""

from __future__ import annotations

import ipywidgets as w

from . import ui
from .content import Content
from .records import AutomaticThought, Feeling

FILE = "thought_record"


class FeelingRow(w.VBox):
    """A feeling's name and its intensity now; `after` is shown at the re-rating step."""

    def __init__(self, content: Content) -> None:
        text = content.text
        not_rated = (
            text("common", "messages.not_rated"),
            text("common", "messages.skip_rating"),
        )
        self.name = ui.text_line(
            text(FILE, "steps.feelings.name_label"),
            text(FILE, "steps.feelings.name_placeholder"),
            text(FILE, "steps.feelings.suggestions"),
        )
        self.before = ui.Rating(text(FILE, "steps.feelings.rating_label"), *not_rated)
        self.after = ui.Rating(text(FILE, "steps.feelings.rating_label"), *not_rated)
        self.remove = ui.button(text(FILE, "steps.feelings.remove"))
        super().__init__([self.name, self.before, self.remove])
        self.add_class("wb-row")
        self.add_class("wb-name-feeling-row")
        ui.named(self.after, "feeling-after")

    @property
    def inputs(self) -> list[w.Widget]:
        """The widgets whose changes are kept as a draft."""
        return [self.name, self.before, self.after]

    @property
    def record(self) -> Feeling:
        """This row as a Feeling."""
        return Feeling(self.name.value, self.before.value, self.after.value)

    def show(self, feeling: Feeling) -> None:
        """Fill the row from a Feeling."""
        self.name.value = feeling.name
        self.before.value = feeling.before
        self.after.value = feeling.after


class ThoughtRow(w.VBox):
    """A thought, the inner critic's words in it, belief in it, and whether it is hot."""

    def __init__(self, content: Content) -> None:
        text = content.text
        not_rated = (
            text("common", "messages.not_rated"),
            text("common", "messages.skip_rating"),
        )
        self.text = ui.text_area(
            text(FILE, "steps.thoughts.thought_label"),
            text(FILE, "steps.thoughts.thought_placeholder"),
            rows=3,
        )
        self.critic = ui.CriticPanel(content)
        self.belief = ui.Rating(text(FILE, "steps.thoughts.rating_label"), *not_rated)
        self.belief_after = ui.Rating(
            text(FILE, "steps.thoughts.rating_label"), *not_rated
        )
        self.hot = w.Checkbox(
            value=False,
            description=text(FILE, "steps.thoughts.hot_label"),
            indent=False,
            layout=w.Layout(width="auto"),
        )
        self.remove = ui.button(text(FILE, "steps.thoughts.remove"))
        super().__init__([self.text, self.critic, self.belief, self.hot, self.remove])
        self.add_class("wb-row")
        self.add_class("wb-name-thought-row")
        ui.named(self.belief_after, "belief-after")

    @property
    def inputs(self) -> list[w.Widget]:
        """The widgets whose changes are kept as a draft."""
        return [self.text, self.belief, self.belief_after, self.hot]

    @property
    def record(self) -> AutomaticThought:
        """This row as an AutomaticThought."""
        return AutomaticThought(
            self.text.value, self.belief.value, self.belief_after.value, self.hot.value
        )

    def show(self, thought: AutomaticThought) -> None:
        """Fill the row from an AutomaticThought."""
        self.text.value = thought.text
        self.belief.value = thought.belief_before
        self.belief_after.value = thought.belief_after
        self.hot.value = thought.hot

    def refresh(self) -> None:
        """Show the inner critic's words found in the thought, marked and explained."""
        self.critic.update(self.text.value)
