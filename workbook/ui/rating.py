"""An optional rating: a slider plus an explicit "not rated" state."""

from __future__ import annotations

import ipywidgets as w
import traitlets

from ..markup import esc


class Rating(w.VBox):
    """An optional 0-100 rating: a slider plus an explicit "not rated" state (None)."""

    value = traitlets.Int(None, allow_none=True)

    def __init__(
        self, label: str, not_rated_text: str, skip_text: str, top: int = 100
    ) -> None:
        self.slider = w.IntSlider(
            value=top // 2,
            min=0,
            max=top,
            description=label,
            readout=False,
            continuous_update=False,
            layout=w.Layout(width="100%", max_width="32em"),
        )
        self.slider.add_class("wb-rating-slider")
        self.not_rated = w.Checkbox(value=True, description=skip_text, indent=False)
        self.readout = w.HTML()
        self.readout.add_class("wb-rating-readout")
        self._not_rated_text = not_rated_text
        super().__init__([w.HBox([self.slider, self.readout]), self.not_rated])
        self.add_class("wb-rating")
        self.slider.observe(self._on_slider_value, names="value")
        self.not_rated.observe(self._on_not_rated_value, names="value")
        self.observe(self._on_value, names="value")
        self._on_value(None)

    def _on_slider_value(self, _change: object) -> None:
        # Moving the slider is an answer: it ends the "not rated" state.
        self.value = self.slider.value

    def _on_not_rated_value(self, change: dict) -> None:
        self.value = None if change["new"] else self.slider.value

    def _on_value(self, _change: object) -> None:
        rated = self.value is not None
        if rated and self.slider.value != self.value:
            self.slider.value = self.value
        self.not_rated.value = not rated
        # The checkbox already tells a screen reader the state; the readout is visual.
        self.readout.value = (
            f"<span aria-hidden='true'>{int(self.value)} / {int(self.slider.max)}</span>"
            if rated
            else f"<span class='wb-muted' aria-hidden='true'>{esc(self._not_rated_text)}</span>"
        )
        if rated:
            self.remove_class("wb-unrated")
        else:
            self.add_class("wb-unrated")
