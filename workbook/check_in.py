"""The self-compassion check-in: a brief reflection, clearly not a validated measure."""

from __future__ import annotations

import os
from collections.abc import Sequence

import ipywidgets as w

from . import ui
from .exercise import Exercise
from .markup import esc, tag
from .records import Answer, CheckIn
from .scales import (
    OURS,
    SCS_SF,
    Scale,
    load_scs_sf,
    our_check_in,
    score,
    score_scs_sf,
    scs_sf_file,
)

FILE = "check_in"


class CheckInForm(Exercise):
    """Twelve sentences rated 1-5, a note, and a gentle summary of the answers."""

    title = "Self-compassion check-in"
    record_type = CheckIn
    content_file = FILE

    def body(self) -> Sequence[w.Widget]:
        """The (optional) choice of check-in, the items, the note and the summary."""
        t = self._text
        self.scales: dict[str, Scale] = {OURS: our_check_in(self.content)}
        options = [(t(FILE, "scale_ours"), OURS)]
        trainer_file = scs_sf_file(os.environ.get("WORKBOOK_CONTENT_DIR"))
        self.scale_problem = ui.notice()
        if trainer_file is not None:
            try:
                self.scales[SCS_SF] = load_scs_sf(trainer_file)
                options.append((t(FILE, "scale_scs_sf"), SCS_SF))
            except ValueError as err:
                ui.set_notice(self.scale_problem, str(err), "warning")
        self.scale = w.Dropdown(
            options=options,
            value=OURS,
            description=t(FILE, "scale_label"),
            layout=w.Layout(width="100%"),
        )
        self.scale.add_class("wb-field")
        ui.show(self.scale, len(options) > 1)
        self.label = w.HTML(
            tag("p", t(FILE, "not_a_measure"), "wb-notice wb-notice-warning")
        )
        self.items_box = w.VBox()
        self.answers: dict[str, w.RadioButtons] = {}
        self.clear = ui.button(t("common", "buttons.clear"))
        self.note = ui.text_area(t(FILE, "note_label"), rows=3)
        self.results = w.HTML()
        ui.name_all(self, "scale label items_box clear note results")
        nav = w.HBox([self.save])
        nav.add_class("wb-nav")
        self.scale.observe(self._on_scale_value, names="value")
        self.clear.on_click(self._on_clear_click)
        self.watch_names("scale note")
        self._build_items(OURS)
        return [
            self.label,
            self.scale_problem,
            self.scale,
            ui.paragraph(t(FILE, "answer_help"), "wb-muted"),
            self.items_box,
            self.clear,
            self.note,
            self.results,
            self.signpost,
            nav,
        ]

    def _build_items(self, slug: str) -> None:
        t = self._text
        self._watched = [x for x in self._watched if x not in self.answers.values()]
        for radio in self.answers.values():
            radio.close()
        numbers = [int(o) for o in t(FILE, "answer_options")]
        self.answers = {}
        for item in self.scales[slug].items:
            radio = w.RadioButtons(
                options=[(str(n), n) for n in numbers],
                value=None,
                description=item.text,
            )
            radio.add_class("wb-choice")
            radio.add_class("wb-check-item")
            self.answers[item.id] = radio
        self.items_box.children = list(self.answers.values())
        self.watch(list(self.answers.values()))
        self.refresh()

    def _on_scale_value(self, change: dict) -> None:
        self._build_items(change["new"])

    def _on_clear_click(self, _button: w.Button) -> None:
        for radio in self.answers.values():
            radio.value = None

    @property
    def record(self) -> CheckIn:
        """The check-in as the widgets hold it now."""
        return CheckIn(
            scale=self.scale.value,
            answers=tuple(Answer(i, r.value) for i, r in self.answers.items()),
            note=self.note.value,
        )

    def show(self, record: CheckIn) -> None:
        """Fill the answers and the note from a check-in."""
        if record.scale in self.scales:
            self.scale.value = record.scale
        ratings = record.ratings()
        for item, radio in self.answers.items():
            radio.value = ratings.get(item)
        self.note.value = record.note

    def summary(self, record: CheckIn) -> str:
        """The overall score, when there is one."""
        scores = self._scores(record)
        overall = scores.overall if scores else None
        text = record.summary()
        return f"{text}; overall {overall} out of 5" if overall is not None else text

    def _scores(self, record: CheckIn):
        if record.scale == SCS_SF:
            ratings = {int(k): v for k, v in record.ratings().items() if v is not None}
            return score_scs_sf(ratings) if len(ratings) == 12 else None
        return score(self.scales[OURS], record.ratings())

    def refresh(self) -> None:
        """A gentle summary of the answers so far."""
        t = self._text
        try:
            record = self.record
        except ValueError:
            return
        scores = self._scores(record)
        if scores is None or scores.overall is None:
            self.results.value = tag("p", t(FILE, "results_none"), "wb-muted")
            return
        names = self.scales[record.scale].components
        lines = "".join(
            f"<li>{esc(t(FILE, 'result_line').format(component=names[c], score=v))}</li>"
            for c, v in scores.components.items()
            if v is not None
        )
        self.results.value = (
            tag("h3", t(FILE, "results_heading"))
            + f"<ul>{lines}</ul>"
            + tag("p", t(FILE, "overall_line").format(score=scores.overall))
            + tag("p", t(FILE, "results_help"), "wb-muted")
        )
