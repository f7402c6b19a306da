"""A soothing-rhythm breathing guide: a slowly growing and shrinking circle, or a still one."""

from __future__ import annotations

import ipywidgets as w

from . import ui
from .content import Content
from .markup import esc

FILE = "compassionate_image"
#: The in-breath's share of each breath; the out-breath is a little longer.
IN_SHARE = 0.4
DEFAULT_RATE = 5.5


def breath_timing(per_minute: float) -> tuple[float, float]:
    """Seconds in and out for a number of breaths a minute."""
    if not 2 <= per_minute <= 12:
        raise ValueError(f"breaths a minute must be from 2 to 12, not {per_minute}")
    cycle = 60 / per_minute
    return round(cycle * IN_SHARE, 1), round(cycle * (1 - IN_SHARE), 1)


def guide_html(per_minute: float, cues: dict[str, str], still: bool) -> str:
    """The guide: an animated circle with cross-fading cues, and its still version.

    The moving version is hidden by the stylesheet when the browser asks for reduced
    motion; the cues fade over about a second, so nothing flashes.
    """
    inhale, exhale = breath_timing(per_minute)
    still_html = (
        f'<p class="wb-breath-still-text">'
        f"{esc(cues['still'].format(inhale=round(inhale), exhale=round(exhale)))}</p>"
    )
    if still:
        return f'<div class="wb-breath wb-breath-still">{still_html}</div>'
    cycle = float(inhale + exhale)
    top = round(100 * inhale / cycle, 1)
    fade = round(100 * 0.8 / cycle, 1)  # 0.8 s cross-fade
    name = f"wb-b{int(per_minute * 10)}"
    # Only numbers we computed go into this style: no user text.
    style = (
        f"@keyframes {name}-grow {{ 0% {{ transform: scale(0.55); }} "
        f"{top}% {{ transform: scale(1); }} 100% {{ transform: scale(0.55); }} }}"
        f"@keyframes {name}-in {{ 0% {{ opacity: 0; }} {fade}% {{ opacity: 1; }} "
        f"{top - fade}% {{ opacity: 1; }} {top}% {{ opacity: 0; }} 100% {{ opacity: 0; }} }}"
        f"@keyframes {name}-out {{ 0% {{ opacity: 0; }} {top}% {{ opacity: 0; }} "
        f"{top + fade}% {{ opacity: 1; }} {100 - fade}% {{ opacity: 1; }} "
        f"100% {{ opacity: 0; }} }}"
        f".{name} .wb-breath-circle {{ animation: {name}-grow {cycle}s ease-in-out infinite; }}"
        f".{name} .wb-cue-in {{ animation: {name}-in {cycle}s linear infinite; }}"
        f".{name} .wb-cue-out {{ animation: {name}-out {cycle}s linear infinite; }}"
    )
    return (
        f"<style>{style}</style>"
        f'<div class="wb-breath wb-breath-moving {name}" aria-hidden="true">'
        f'<div class="wb-breath-circle"></div>'
        f'<div class="wb-breath-cues"><span class="wb-cue-in">{esc(cues["in"])}</span>'
        f'<span class="wb-cue-out">{esc(cues["out"])}</span></div></div>'
        f'<div class="wb-breath wb-breath-still-auto">{still_html}</div>'
    )


class BreathingGuide(w.VBox):
    """Start and stop a paced breathing guide; choose its pace, or a still version."""

    def __init__(self, content: Content) -> None:
        t = content.text
        self._cues = {
            "in": t(FILE, "breathing.breathe_in"),
            "out": t(FILE, "breathing.breathe_out"),
            "still": t(FILE, "breathing.still_text"),
        }
        self._timing_text = t(FILE, "breathing.timing")
        self._stopped_text = t(FILE, "breathing.stopped")
        self.rate = w.FloatSlider(
            value=DEFAULT_RATE,
            min=4,
            max=8,
            step=0.5,
            readout_format=".1f",
            description=t(FILE, "breathing.rate_label"),
            continuous_update=False,
            layout=w.Layout(width="100%", max_width="32em"),
        )
        self.rate.add_class("wb-rating-slider")
        self.still = w.Checkbox(
            value=False, description=t(FILE, "breathing.still_label"), indent=False
        )
        self.start = ui.button(t(FILE, "breathing.start"), "primary")
        self.stop = ui.button(t(FILE, "breathing.stop"))
        self.timing = w.HTML()
        self.display = w.HTML()
        self.running = False
        ui.name_all(self, "rate still start stop timing display")
        nav = w.HBox([self.start, self.stop])
        nav.add_class("wb-nav")
        super().__init__(
            [
                ui.heading(t(FILE, "breathing.heading"), 3),
                ui.paragraph(t(FILE, "breathing.prompt")),
                self.rate,
                self.timing,
                self.still,
                nav,
                self.display,
            ]
        )
        self.add_class("wb-breathing")
        self.start.on_click(self._on_start_click)
        self.stop.on_click(self._on_stop_click)
        self.rate.observe(self._on_setting_value, names="value")
        self.still.observe(self._on_setting_value, names="value")
        self._draw()

    def _on_start_click(self, _button: w.Button) -> None:
        self.running = True
        self._draw()

    def _on_stop_click(self, _button: w.Button) -> None:
        self.running = False
        self._draw()

    def _on_setting_value(self, _change: object) -> None:
        self._draw()

    def _draw(self) -> None:
        inhale, exhale = breath_timing(self.rate.value)
        self.timing.value = f'<p class="wb-muted">{esc(self._timing_text.format(inhale=inhale, exhale=exhale))}</p>'
        self.start.disabled = self.running
        self.stop.disabled = not self.running
        self.display.value = (
            guide_html(self.rate.value, self._cues, self.still.value)
            if self.running
            else f'<p class="wb-muted">{esc(self._stopped_text)}</p>'
        )
