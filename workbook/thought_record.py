"""The thought record exercise: one difficult moment, slowed down step by step."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w

from . import ui
from .exercise import Exercise
from .language import to_we, we_suggestion
from .markup import esc, tag, text_html
from .records import (
    CompassionateResponse,
    NextStep,
    ThoughtRecord,
    plan_from_thought,
    short,
)
from .thought_rows import FeelingRow, ThoughtRow

FILE = "thought_record"
#: Steps from this one on keep the thought being worked with in view.
PINNED_FROM = 3
NEXT_STEP_NOTEBOOK = "02_values_next_step.ipynb"


class ThoughtRecordForm(Exercise):
    """Situation, feelings, thoughts, patterns, evidence, a kind response, re-rating."""

    title = "Thought record"
    record_type = ThoughtRecord
    content_file = FILE

    def body(self) -> Sequence[w.Widget]:
        """The stepper with all seven steps."""
        t = self._text
        self.feeling_rows: list[FeelingRow] = []
        self.thought_rows: list[ThoughtRow] = []
        self._unknown_patterns: tuple[str, ...] = ()

        self.situation = ui.text_area(
            t(FILE, "steps.situation.label"), t(FILE, "steps.situation.placeholder"), 5
        )
        self.feelings_box = w.VBox()
        self.add_feeling = ui.button(t(FILE, "steps.feelings.add"))
        self.thoughts_box = w.VBox()
        self.add_thought = ui.button(t(FILE, "steps.thoughts.add"))
        self.patterns = {
            p.slug: w.Checkbox(value=False, description=p.name, indent=False)
            for p in self.content.patterns
        }
        pattern_widgets: list[w.Widget] = []
        for p in self.content.patterns:
            pattern_widgets += [
                self.patterns[p.slug],
                w.HTML(
                    f'<p class="wb-pattern-help">{esc(p.description)} '
                    f"<em>For example: “{esc(p.example)}”</em></p>"
                ),
            ]
        self.evidence_for = ui.text_area(
            t(FILE, "steps.evidence.for_label"),
            t(FILE, "steps.evidence.for_placeholder"),
        )
        self.evidence_against = ui.text_area(
            t(FILE, "steps.evidence.against_label"),
            t(FILE, "steps.evidence.against_placeholder"),
        )
        self.kindness = ui.text_area(t(FILE, "steps.response.kindness_label"))
        self.humanity = ui.text_area(t(FILE, "steps.response.humanity_label"))
        self.mindfulness = ui.text_area(t(FILE, "steps.response.mindfulness_label"))
        self.we_box = w.HTML()
        self.use_we = ui.button(t(FILE, "steps.response.we_use"))
        self.we_version = w.HTML()
        self.rerate_box = w.VBox()
        self.notes = ui.text_area(
            t(FILE, "steps.rerate.notes_label"),
            t(FILE, "steps.rerate.notes_placeholder"),
            3,
        )
        self.pinned = w.HTML()
        self.plan_next = ui.button(t("next_step", "link.button"))
        self.plan_link = w.HTML()
        ui.name_all(
            self,
            "situation feelings_box add_feeling thoughts_box add_thought "
            "evidence_for evidence_against kindness humanity mindfulness "
            "we_box use_we we_version rerate_box notes pinned plan_next plan_link",
        )
        for slug, box in self.patterns.items():
            ui.named(box, f"pattern-{slug}")

        def step(key: str, *widgets: w.Widget) -> tuple[str, w.VBox]:
            prompt = ui.paragraph(t(FILE, f"steps.{key}.prompt"))
            return t(FILE, f"steps.{key}.title"), w.VBox([prompt, *widgets])

        def helped(key: str, box: w.Widget) -> list[w.Widget]:
            return [
                ui.paragraph(t(FILE, f"steps.response.{key}_help"), "wb-muted"),
                box,
            ]

        self.stepper = ui.Stepper(
            [
                step("situation", self.situation),
                step("feelings", self.feelings_box, self.add_feeling),
                step("thoughts", self.thoughts_box, self.add_thought),
                step("patterns", *pattern_widgets),
                step("evidence", self.evidence_for, self.evidence_against),
                step(
                    "response",
                    *helped("kindness", self.kindness),
                    *helped("humanity", self.humanity),
                    self.we_box,
                    self.use_we,
                    self.we_version,
                    *helped("mindfulness", self.mindfulness),
                ),
                step(
                    "rerate",
                    self.rerate_box,
                    self.notes,
                    ui.paragraph(t("next_step", "link.prompt"), "wb-muted"),
                    self.plan_next,
                    self.plan_link,
                ),
            ],
            self.content,
            above=[self.pinned],
            below=[self.signpost],
            extra_buttons=[self.save],
        )
        self.add_feeling.on_click(self._on_add_feeling_click)
        self.add_thought.on_click(self._on_add_thought_click)
        self.use_we.on_click(self._on_use_we_click)
        self.plan_next.on_click(self._on_plan_next_click)
        self.stepper.observe(self._on_stepper_index, names="index")
        self.watch(list(self.patterns.values()))
        self.watch_names(
            "situation evidence_for evidence_against kindness humanity mindfulness notes"
        )
        self._add_feeling_row()
        self._add_thought_row()
        self.refresh()
        return [self.stepper]

    # -- rows ------------------------------------------------------------------
    def _add_feeling_row(self) -> FeelingRow:
        row = FeelingRow(self.content)
        row.remove.on_click(lambda _b: self._remove_row(self.feeling_rows, row))
        self.feeling_rows.append(row)
        self.watch(row.inputs)
        self.feelings_box.children = list(self.feeling_rows)
        return row

    def _add_thought_row(self) -> ThoughtRow:
        row = ThoughtRow(self.content)
        row.remove.on_click(lambda _b: self._remove_row(self.thought_rows, row))
        row.hot.observe(lambda change: self._on_hot_value(row, change), names="value")
        self.thought_rows.append(row)
        self.watch(row.inputs)
        self.thoughts_box.children = list(self.thought_rows)
        return row

    def _remove_row(self, rows: list, row: w.Widget) -> None:
        rows.remove(row)
        self._watched = [x for x in self._watched if x not in row.inputs]
        if rows is self.feeling_rows:
            self.feelings_box.children = list(rows)
        else:
            self.thoughts_box.children = list(rows)
        row.close()
        self._on_input_value(None)

    def _on_add_feeling_click(self, _button: w.Button) -> None:
        self._add_feeling_row()

    def _on_add_thought_click(self, _button: w.Button) -> None:
        self._add_thought_row()

    def _on_hot_value(self, row: ThoughtRow, change: dict) -> None:
        # Only one thought can be the hot one: choosing it un-chooses the others.
        if change["new"]:
            for other in self.thought_rows:
                if other is not row:
                    other.hot.value = False

    # -- record in and out -----------------------------------------------------
    @property
    def record(self) -> ThoughtRecord:
        """The thought record as the widgets hold it now."""
        feelings = tuple(
            r.record
            for r in self.feeling_rows
            if r.name.value.strip()
            or r.before.value is not None
            or r.after.value is not None
        )
        thoughts = tuple(
            r.record
            for r in self.thought_rows
            if r.text.value.strip() or r.hot.value or r.belief.value is not None
        )
        chosen = tuple(slug for slug, box in self.patterns.items() if box.value)
        return ThoughtRecord(
            situation=self.situation.value,
            feelings=feelings,
            thoughts=thoughts,
            patterns=chosen + self._unknown_patterns,
            evidence_for=self.evidence_for.value,
            evidence_against=self.evidence_against.value,
            response=CompassionateResponse(
                self.kindness.value, self.humanity.value, self.mindfulness.value
            ),
            notes=self.notes.value,
        )

    def show(self, record: ThoughtRecord) -> None:
        """Fill every step from a record."""
        for row in self.feeling_rows + self.thought_rows:
            self._watched = [x for x in self._watched if x not in row.inputs]
            row.close()
        self.feeling_rows, self.thought_rows = [], []
        for feeling in record.feelings or (None,):
            row = self._add_feeling_row()
            if feeling is not None:
                row.show(feeling)
        for thought in record.thoughts or (None,):
            row = self._add_thought_row()
            if thought is not None:
                row.show(thought)
        self.situation.value = record.situation
        for slug, box in self.patterns.items():
            box.value = slug in record.patterns
        # Keep tags a trainer has since removed from the list: nothing is dropped.
        self._unknown_patterns = tuple(
            p for p in record.patterns if p not in self.patterns
        )
        self.evidence_for.value = record.evidence_for
        self.evidence_against.value = record.evidence_against
        self.kindness.value = record.response.kindness
        self.humanity.value = record.response.common_humanity
        self.mindfulness.value = record.response.mindfulness
        self.notes.value = record.notes
        self.stepper.index = 0
        self._build_rerate()

    # -- live feedback ---------------------------------------------------------
    def refresh(self) -> None:
        """Critic highlights, the pinned thought and the "we" suggestions."""
        t = self._text
        for row in self.thought_rows:
            row.refresh()
        thought = next(
            (r.text.value for r in self._hot_first() if r.text.value.strip()), ""
        )
        if thought:
            self.pinned.value = (
                '<div class="wb-pinned" role="note">'
                f'<span class="wb-label">{esc(t(FILE, "your_thought"))}</span>'
                f"{text_html(thought)}</div>"
            )
        else:
            self.pinned.value = tag(
                "p", t(FILE, "no_thought_yet"), "wb-muted wb-pinned"
            )
        ui.show(self.pinned, self.stepper.index >= PINNED_FROM)
        self._we_text = we_suggestion(thought)
        self.we_box.value = tag(
            "p", t(FILE, "steps.response.we_heading"), "wb-label"
        ) + tag("p", self._we_text, "wb-suggestion")
        mine = self.humanity.value
        swapped = to_we(mine) if mine.strip() else mine
        self.we_version.value = (
            tag("p", t(FILE, "steps.response.we_version"), "wb-label")
            + tag("p", swapped, "wb-suggestion")
            if swapped != mine
            else ""
        )

    def _hot_first(self) -> list[ThoughtRow]:
        return sorted(self.thought_rows, key=lambda r: not r.hot.value)

    def _on_use_we_click(self, _button: w.Button) -> None:
        # Add to what is there; never replace what the person wrote.
        current = self.humanity.value.rstrip()
        self.humanity.value = (
            f"{current}\n{self._we_text}" if current else self._we_text
        )
        ui.set_notice(self.status, self._text(FILE, "steps.response.we_added"), "info")

    def _on_plan_next_click(self, _button: w.Button) -> None:
        # The plan is started here as a draft; the next-step app offers it back.
        t = self._text
        self._autosave()
        if self._entry_id is None:
            ui.set_notice(self.status, t("next_step", "link.nothing"), "info")
            return
        waiting = [
            e
            for e in self.store.entries(NextStep.KIND, "draft")
            if e.record.from_thought_record == self._entry_id
        ]
        if not waiting:
            self.store.save(
                plan_from_thought(self.record, self._entry_id), status="draft"
            )
        self.plan_link.value = (
            tag("p", t("next_step", "link.ready"), "wb-notice wb-notice-success")
            + f'<p><a class="wb-link" href="{NEXT_STEP_NOTEBOOK}">'
            f"{esc(t('next_step', 'link.open'))}</a></p>"
        )

    def _on_stepper_index(self, change: dict) -> None:
        if change["new"] == len(self.stepper.bodies) - 1:
            self._build_rerate()
        ui.show(self.pinned, change["new"] >= PINNED_FROM)
        self._autosave()

    def _build_rerate(self) -> None:
        t = self._text
        named = [r for r in self.feeling_rows if r.name.value.strip()]
        children: list[w.Widget] = [
            ui.heading(t(FILE, "steps.rerate.feelings_heading"), 3)
        ]
        if not named:
            children.append(
                ui.paragraph(t(FILE, "steps.rerate.no_feelings"), "wb-muted")
            )
        for row in named:
            children += [w.HTML(tag("p", row.name.value, "wb-label")), row.after]
        written = [r for r in self._hot_first() if r.text.value.strip()]
        if written:
            children.append(ui.heading(t(FILE, "steps.rerate.thought_heading"), 3))
        for row in written:
            children += [
                w.HTML(tag("p", short(row.text.value, 120), "wb-label")),
                row.belief_after,
            ]
        self.rerate_box.children = children
