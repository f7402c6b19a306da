"""The supervisor demo: a fictional client, one step at a time, with teaching notes.

It keeps everything in a store of its own in memory: nothing reaches the data file.
"""

from __future__ import annotations

import ipywidgets as w

from . import ui
from .content import Content, load_content
from .markup import esc, tag
from .store import Store
from .vignettes import Demo, Vignette, reveal

FILE = "demo"


def _form_class(exercise: str) -> type:
    from .check_in import CheckInForm
    from .compassionate_image import CompassionateImageForm
    from .next_step import NextStepForm
    from .thought_record import ThoughtRecordForm

    return {
        "thought_record": ThoughtRecordForm,
        "next_step": NextStepForm,
        "compassionate_image": CompassionateImageForm,
        "grounding_memory": CompassionateImageForm,
        "check_in": CheckInForm,
    }[exercise]


class DemoView(ui.App):
    """Pick a vignette and an exercise; Next reveals each step's model answer."""

    title = "Supervisor demo"

    def __init__(self, content: Content | None = None) -> None:
        self.content = content or load_content()
        t = lambda key: self.content.text(FILE, key)  # noqa: E731
        self._t = t
        # The demo's own store: in memory, so nothing is written to anyone's data.
        self.store = Store.memory()
        self._vignettes = {v.slug: v for v in self.content.vignettes}
        self._revealing = False
        self.form: ui.App | None = None
        self.vignette = w.Dropdown(
            options=[(v.name, v.slug) for v in self.content.vignettes],
            description=t("vignette_label"),
            layout=w.Layout(width="100%"),
        )
        self.exercise = w.Dropdown(
            description=t("exercise_label"), layout=w.Layout(width="100%")
        )
        for box in (self.vignette, self.exercise):
            box.add_class("wb-field")
        self.presenter = w.Checkbox(
            value=False, description=t("presenter"), indent=False
        )
        self.reset = ui.button(t("reset"))
        self.summary = w.HTML()
        self.notes = w.HTML()
        self.notes.add_class("wb-demo-notes")
        self.stage = w.Box(layout=w.Layout(flex="2 1 28rem", min_width="0"))
        self.notes_box = w.Box([self.notes], layout=w.Layout(flex="1 1 16rem"))
        ui.name_all(self, "vignette exercise presenter reset summary notes stage")
        split = w.HBox([self.stage, self.notes_box])
        split.add_class("wb-demo-split")
        super().__init__(
            [
                ui.stylesheet(),
                w.HTML(
                    f"<h1>{esc(t('title'))}</h1>"
                    + tag("p", t("intro"), "wb-intro")
                    + tag("p", t("fictional"), "wb-notice wb-notice-info")
                ),
                ui.disclaimer(self.content),
                self.vignette,
                self.summary,
                self.exercise,
                w.HBox([self.presenter, self.reset]),
                split,
            ]
        )
        self.add_class("wb-app")
        self.add_class("wb-demo")
        self.vignette.observe(self._on_vignette_value, names="value")
        self.exercise.observe(self._on_exercise_value, names="value")
        self.presenter.observe(self._on_presenter_value, names="value")
        self.reset.on_click(lambda _b: self._start())
        self._on_vignette_value(None)

    @property
    def current(self) -> tuple[Vignette, Demo]:
        """The vignette and exercise chosen now."""
        vignette = self._vignettes[self.vignette.value]
        return vignette, vignette.demos[self.exercise.value]

    def _on_vignette_value(self, _change: object) -> None:
        vignette = self._vignettes[self.vignette.value]
        self.summary.value = tag("p", vignette.summary, "wb-muted")
        names = self.content.files[FILE]["exercises"]
        self.exercise.options = [
            (names[d.exercise], i) for i, d in enumerate(vignette.demos)
        ]
        self.exercise.value = 0
        self._start()

    def _on_exercise_value(self, _change: object) -> None:
        if self.exercise.value is not None:
            self._start()

    def _on_presenter_value(self, change: dict) -> None:
        if change["new"]:
            self.add_class("wb-presenter")
        else:
            self.remove_class("wb-presenter")

    def _start(self) -> None:
        """A fresh form for the chosen exercise, showing the first step's model answer."""
        if self.exercise.value is None:
            return
        _vignette, demo = self.current
        if self.form is not None:
            self.form.close()
        self.form = _form_class(demo.exercise)(store=self.store, content=self.content)
        ui.show(self.form.resume_bar, False)
        stepper = getattr(self.form, "stepper", None)
        if stepper is not None:
            stepper.observe(self._on_step, names="index")
        self.stage.children = [self.form]
        self._show_step(0)

    def _on_step(self, change: dict) -> None:
        if not self._revealing:
            self._show_step(change["new"])

    def _show_step(self, step: int) -> None:
        _vignette, demo = self.current
        step = min(step, demo.steps - 1)
        self._revealing = True
        try:
            self.form.load(reveal(demo, step))
            stepper = getattr(self.form, "stepper", None)
            if stepper is not None:
                stepper.index = step
        finally:
            self._revealing = False
        stepper = getattr(self.form, "stepper", None)
        title = stepper.titles[step] if stepper is not None else self.form.title
        heading = self._t("step").format(number=step + 1, total=demo.steps, title=title)
        self.notes.value = (
            f'<aside aria-label="{esc(self._t("notes_heading"))}">'
            + tag("h2", self._t("notes_heading"))
            + tag("p", heading, "wb-label")
            + tag("p", demo.notes[step])
            + "</aside>"
        )
