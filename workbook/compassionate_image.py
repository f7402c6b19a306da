"""The compassionate image builder, the grounding memory, and a guided practice from both."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w

from . import ui
from .breathing import BreathingGuide
from .exercise import Exercise
from .guided import printable_page, script_html
from .markup import download_link, tag
from .records import (
    FELT,
    FORMS,
    CompassionateImage,
    Entry,
    GroundingMemory,
    Senses,
    now,
)

FILE = "compassionate_image"
ROUTES = {"image": CompassionateImage, "memory": GroundingMemory}
SENSES = ("see", "hear", "smell", "touch", "temperature", "voice")


class CompassionateImageForm(Exercise):
    """Choose a route, build the image or recall the moment, then practise with it."""

    title = "A compassionate image"
    content_file = FILE
    kinds = (CompassionateImage.KIND, GroundingMemory.KIND)

    @property
    def record_type(self) -> type:  # type: ignore[override]
        """The record type of the route chosen now."""
        return ROUTES[self.route.value]

    def body(self) -> Sequence[w.Widget]:
        """The route choice and the stepper, whose middle steps follow the route."""
        t = self._text
        self._ids: dict[str, tuple[str | None, str]] = {}
        self.route = w.RadioButtons(
            options=list(zip(t(FILE, "route.options"), ROUTES, strict=True)),
            value="image",
            description=t(FILE, "route.label"),
        )
        self.route.add_class("wb-choice")
        self.form = w.RadioButtons(
            options=list(zip(t(FILE, "image.form.options"), FORMS, strict=True)),
            value=None,
            description=t(FILE, "image.form.label"),
        )
        self.form.add_class("wb-choice")
        self.form_detail = ui.text_area(
            t(FILE, "image.form.detail_label"),
            t(FILE, "image.form.detail_placeholder"),
            3,
        )
        for quality in ("wisdom", "strength", "warmth", "acceptance"):
            setattr(
                self,
                quality,
                ui.text_area(t(FILE, f"image.qualities.{quality}_label"), rows=2),
            )
        self.when = ui.text_line(
            t(FILE, "memory.moment.when_label"),
            t(FILE, "memory.moment.when_placeholder"),
        )
        self.where = ui.text_line(
            t(FILE, "memory.moment.where_label"),
            t(FILE, "memory.moment.where_placeholder"),
        )
        self.felt = {
            slug: w.Checkbox(value=False, description=label, indent=False)
            for slug, label in zip(FELT, t(FILE, "memory.felt.feelings"), strict=True)
        }
        self.felt_other = ui.text_line(t(FILE, "memory.felt.other_label"))
        for sense in SENSES:
            setattr(self, sense, ui.text_area(t(FILE, f"senses.{sense}"), rows=2))
        self.words = ui.text_area(
            t(FILE, "image.words.label"), t(FILE, "image.words.placeholder"), 3
        )
        self.knew = ui.text_area(
            t(FILE, "memory.knew.label"), t(FILE, "memory.knew.placeholder"), 3
        )
        self.practice = w.HTML()
        self.download = w.HTML()
        self.breathing = BreathingGuide(self.content)
        ui.name_all(
            self,
            "route form form_detail wisdom strength warmth acceptance when where "
            "felt_other see hear smell touch temperature voice words knew practice "
            "download breathing",
        )
        for slug, box in self.felt.items():
            ui.named(box, f"felt-{slug}")

        def step(
            key: str, *widgets: w.Widget, prompt: str = "prompt"
        ) -> tuple[str, w.VBox]:
            return t(FILE, f"{key}.title"), w.VBox(
                [ui.paragraph(t(FILE, f"{key}.{prompt}")), *widgets]
            )

        def helped(quality: str) -> list[w.Widget]:
            help_text = t(FILE, f"image.qualities.{quality}_help")
            return [ui.paragraph(help_text, "wb-muted"), getattr(self, quality)]

        senses = [getattr(self, s) for s in SENSES]
        self._steps = {
            "image": [
                step(
                    "route", self.route, ui.paragraph(t(FILE, "route.why"), "wb-muted")
                ),
                step("image.form", self.form, self.form_detail),
                step(
                    "image.qualities",
                    *[
                        x
                        for q in ("wisdom", "strength", "warmth", "acceptance")
                        for x in helped(q)
                    ],
                ),
                step("senses", *senses, prompt="image_prompt"),
                step("image.words", self.words),
                step("practice", self.practice, self.download, self.breathing),
            ],
        }
        memory_senses = step("senses", *senses, prompt="memory_prompt")
        self._steps["memory"] = [
            self._steps["image"][0],
            step("memory.moment", self.when, self.where),
            step("memory.felt", *self.felt.values(), self.felt_other),
            memory_senses,
            step("memory.knew", self.knew),
            self._steps["image"][5],
        ]
        self.stepper = ui.Stepper(
            self._steps["image"],
            self.content,
            below=[self.signpost],
            extra_buttons=[self.save],
        )
        self.route.observe(self._on_route_value, names="value")
        self.stepper.observe(self._on_stepper_index, names="index")
        self.watch(list(self.felt.values()))
        self.watch_names(
            "route form form_detail wisdom strength warmth acceptance when where "
            "felt_other see hear smell touch temperature voice words knew"
        )
        self.refresh()
        return [self.stepper]

    # -- route -------------------------------------------------------------------
    def _on_route_value(self, change: dict) -> None:
        # Each route keeps its own entry: switching never overwrites the other one.
        if not self._loading:
            self._ids[change["old"]] = (self._entry_id, self._status)
            self._entry_id, self._status = self._ids.get(change["new"], (None, "draft"))
        self.voice.description = self._text(
            FILE, "senses.voice" if change["new"] == "image" else "senses.memory_voice"
        )
        self.stepper.set_steps(self._steps[change["new"]])

    # -- record in and out -------------------------------------------------------
    @property
    def record(self) -> CompassionateImage | GroundingMemory:
        """The image or the memory, as the widgets hold it now."""
        senses = Senses(*(getattr(self, s).value for s in SENSES))
        if self.route.value == "image":
            return CompassionateImage(
                form=self.form.value,
                form_detail=self.form_detail.value,
                wisdom=self.wisdom.value,
                strength=self.strength.value,
                warmth=self.warmth.value,
                acceptance=self.acceptance.value,
                senses=senses,
                words=self.words.value,
            )
        return GroundingMemory(
            when=self.when.value,
            where=self.where.value,
            felt=tuple(slug for slug, box in self.felt.items() if box.value),
            felt_other=self.felt_other.value,
            senses=senses,
            knew=self.knew.value,
        )

    def show(self, record: CompassionateImage | GroundingMemory) -> None:
        """Fill the widgets from an image or a memory, choosing its route."""
        self._ids = {}
        self.route.value = (
            "image" if isinstance(record, CompassionateImage) else "memory"
        )
        for sense in SENSES:
            getattr(self, sense).value = getattr(record.senses, sense)
        if isinstance(record, CompassionateImage):
            self.form.value = record.form
            for name in (
                "form_detail",
                "wisdom",
                "strength",
                "warmth",
                "acceptance",
                "words",
            ):
                getattr(self, name).value = getattr(record, name)
        else:
            self.when.value, self.where.value = record.when, record.where
            for slug, box in self.felt.items():
                box.value = slug in record.felt
            self.felt_other.value = record.felt_other
            self.knew.value = record.knew
        self.stepper.index = 0

    def summary(self, record: CompassionateImage | GroundingMemory) -> str:
        """Which kind, and its first words."""
        kind = "image_kind" if isinstance(record, CompassionateImage) else "memory_kind"
        return f"{self._text(FILE, kind)}: {record.summary()}"

    # -- the practice ------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the guided practice and its download from the words written so far."""
        try:
            record = self.record
        except ValueError:
            return
        t = self._text
        if record.is_empty():
            self.practice.value = tag("p", t(FILE, "practice.empty"), "wb-muted")
            self.download.value = ""
            return
        self.practice.value = (
            f'<div class="wb-script">{script_html(record, self.content)}</div>'
        )
        page = printable_page(record, self.content, now())
        self.download.value = download_link(
            t(FILE, "practice.download"),
            f"{t(FILE, 'practice.file_name')}-{now().astimezone():%Y-%m-%d}.html",
            page.encode("utf-8"),
            "text/html",
        )

    def _on_stepper_index(self, _change: dict) -> None:
        self._autosave()

    def after_open(self, entry: Entry) -> None:
        """ "Meet it again": go straight to the practice."""
        self.stepper.index = len(self.stepper.bodies) - 1
