"""The values-based next step: from a mistake to one concrete step, and back to it later."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w

from . import ui
from .exercise import Exercise
from .markup import esc, tag
from .next_step_parts import ActionRow, CheckBackList, ValuesSort
from .records import (
    HAPPENED_ANSWERS,
    SHAME_ANSWERS,
    CheckBack,
    Entry,
    NextStep,
    Plan,
    friendly_time,
)

FILE = "next_step"
CHECK_STEP = 6
VALUES_STEP = 3


class NextStepForm(Exercise):
    """What happened, owning it, the shame, values, actions, the step, checking back."""

    title = "A values-based next step"
    record_type = NextStep
    content_file = FILE

    def body(self) -> Sequence[w.Widget]:
        """The check-back list (when there are open steps) and the seven-step stepper."""
        t = self._text
        self.action_rows: list[ActionRow] = []
        self._linked: str | None = None
        self.carried = w.HTML()
        self.what_happened = ui.text_area(
            t(FILE, "steps.happened.label"), t(FILE, "steps.happened.placeholder")
        )
        lists = ("steps.owning.add", "steps.owning.remove")
        self.mine = ui.ListEditor(
            t(FILE, "steps.owning.mine_label"),
            *map(lambda k: t(FILE, k), lists),
            t(FILE, "steps.owning.mine_placeholder"),
        )
        self.not_mine = ui.ListEditor(
            t(FILE, "steps.owning.not_mine_label"),
            *map(lambda k: t(FILE, k), lists),
            t(FILE, "steps.owning.not_mine_placeholder"),
        )
        self.to_a_friend = ui.text_area(t(FILE, "steps.owning.friend_label"), rows=3)
        self.shame_says = ui.text_area(
            t(FILE, "steps.shame.label"), t(FILE, "steps.shame.placeholder"), 3
        )
        self.shame_critic = ui.CriticPanel(self.content)
        self.values = ValuesSort(self.content)
        self.actions_box = w.VBox()
        self.add_action = ui.button(t(FILE, "steps.actions.add"))
        self.ranked = w.HTML()
        self.use_suggestion = ui.button(t(FILE, "steps.actions.use"))
        self.plan_what = ui.text_line(t(FILE, "steps.plan.what_label"))
        self.plan_when = ui.text_line(t(FILE, "steps.plan.when_label"))
        self.plan_where = ui.text_line(t(FILE, "steps.plan.where_label"))
        self.first_step = ui.text_line(
            t(FILE, "steps.plan.first_label"), t(FILE, "steps.plan.first_placeholder")
        )
        self.support = ui.text_area(t(FILE, "steps.plan.support_label"), rows=2)
        self.happened = w.RadioButtons(
            options=list(
                zip(
                    t(FILE, "steps.check.happened_options"),
                    HAPPENED_ANSWERS,
                    strict=True,
                )
            ),
            value=None,
            description=t(FILE, "steps.check.happened_label"),
        )
        self.happened.add_class("wb-choice")
        self.learned = ui.text_area(t(FILE, "steps.check.learned_label"), rows=3)
        self.kind_note = ui.text_area(
            t(FILE, "steps.check.kind_label"),
            t(FILE, "steps.check.kind_placeholder"),
            2,
        )
        ui.name_all(
            self,
            "what_happened mine not_mine to_a_friend shame_says values "
            "actions_box add_action ranked use_suggestion plan_what "
            "plan_when plan_where first_step support happened learned "
            "kind_note carried",
        )

        def step(key: str, *widgets: w.Widget) -> tuple[str, w.VBox]:
            prompt = ui.paragraph(t(FILE, f"steps.{key}.prompt"))
            return t(FILE, f"steps.{key}.title"), w.VBox([prompt, *widgets])

        self.stepper = ui.Stepper(
            [
                step("happened", self.carried, self.what_happened),
                step(
                    "owning",
                    ui.heading(t(FILE, "steps.owning.mine_label"), 3),
                    self.mine,
                    ui.heading(t(FILE, "steps.owning.not_mine_label"), 3),
                    self.not_mine,
                    ui.paragraph(t(FILE, "steps.owning.friend_prompt")),
                    self.to_a_friend,
                ),
                step("shame", self.shame_says, self.shame_critic),
                step("values", self.values),
                step(
                    "actions",
                    self.actions_box,
                    self.add_action,
                    self.ranked,
                    self.use_suggestion,
                ),
                step(
                    "plan",
                    self.plan_what,
                    self.plan_when,
                    self.plan_where,
                    self.first_step,
                    self.support,
                ),
                step("check", self.happened, self.learned, self.kind_note),
            ],
            self.content,
            below=[self.signpost],
            extra_buttons=[self.save],
        )
        self.check_section = CheckBackList(
            self.store, self.content, self._on_check_open
        )
        self.add_action.on_click(self._on_add_action_click)
        self.use_suggestion.on_click(self._on_use_suggestion_click)
        self.stepper.observe(self._on_stepper_index, names="index")
        self.values.observe(self._on_input_value, names="own")
        self.watch([self.values.main])
        self.watch_names(
            "what_happened mine not_mine to_a_friend shame_says values plan_what "
            "plan_when plan_where first_step support happened learned kind_note"
        )
        self._add_action_row()
        self.refresh()
        return [self.check_section, self.stepper]

    # -- actions ---------------------------------------------------------------
    def _add_action_row(self) -> ActionRow:
        row = ActionRow(self.content)
        row.remove.on_click(lambda _b: self._remove_action_row(row))
        self.action_rows.append(row)
        self.watch(row.inputs)
        self.actions_box.children = list(self.action_rows)
        return row

    def _remove_action_row(self, row: ActionRow) -> None:
        self.action_rows.remove(row)
        self._watched = [x for x in self._watched if x not in row.inputs]
        self.actions_box.children = list(self.action_rows)
        row.close()
        self._on_input_value(None)

    def _on_add_action_click(self, _button: w.Button) -> None:
        self._add_action_row()

    def _on_use_suggestion_click(self, _button: w.Button) -> None:
        ranked = self.record.ranked_actions()
        if not ranked:
            return
        if self.plan_what.value.strip():
            ui.set_notice(self.status, self._text(FILE, "steps.actions.kept"), "info")
        else:
            self.plan_what.value = ranked[0].text
            ui.set_notice(self.status, self._text(FILE, "steps.actions.used"), "info")

    # -- record in and out -----------------------------------------------------
    @property
    def record(self) -> NextStep:
        """The plan as the widgets hold it now."""
        actions = tuple(
            r.record
            for r in self.action_rows
            if r.text.value.strip() or r.fit.value is not None or r.shame.value
        )
        return NextStep(
            what_happened=self.what_happened.value,
            mine=self.mine.value,
            not_mine=self.not_mine.value,
            to_a_friend=self.to_a_friend.value,
            shame_says=self.shame_says.value,
            values=self.values.value,
            main_value=self.values.main.value,
            own_values=self.values.own,
            actions=actions,
            plan=Plan(
                self.plan_what.value,
                self.plan_when.value,
                self.plan_where.value,
                self.first_step.value,
                self.support.value,
            ),
            check_back=CheckBack(
                self.happened.value, self.learned.value, self.kind_note.value
            ),
            from_thought_record=self._linked,
        )

    def show(self, record: NextStep) -> None:
        """Fill every step from a record."""
        for row in self.action_rows:
            self._watched = [x for x in self._watched if x not in row.inputs]
            row.close()
        self.action_rows = []
        for action in record.actions or (None,):
            row = self._add_action_row()
            if action is not None:
                row.show(action)
        self._linked = record.from_thought_record
        self.what_happened.value = record.what_happened
        self.mine.value = record.mine
        self.not_mine.value = record.not_mine
        self.to_a_friend.value = record.to_a_friend
        self.shame_says.value = record.shame_says
        self.values.show(record.values, record.own_values, record.main_value)
        self.plan_what.value = record.plan.what
        self.plan_when.value = record.plan.when
        self.plan_where.value = record.plan.where
        self.first_step.value = record.plan.first_step
        self.support.value = record.plan.support
        self.happened.value = record.check_back.happened
        self.learned.value = record.check_back.learned
        self.kind_note.value = record.check_back.kind_note
        self.stepper.index = 0

    # -- live feedback ---------------------------------------------------------
    def refresh(self) -> None:
        """The shame's critic words, actions ranked, the carried-over note."""
        t = self._text
        self.shame_critic.update(self.shame_says.value)
        self.carried.value = (
            tag("p", t(FILE, "from_thought_record"), "wb-notice wb-notice-info")
            if self._linked
            else ""
        )
        try:
            ranked = self.record.ranked_actions()
        except ValueError:
            return
        if not any(a.fit is not None for a in ranked):
            self.ranked.value = tag(
                "p", t(FILE, "steps.actions.no_suggestion"), "wb-muted"
            )
            ui.show(self.use_suggestion, False)
            return
        labels = dict(
            zip(
                (None, *SHAME_ANSWERS),
                ("—", *t(FILE, "steps.actions.shame_options")),
                strict=True,
            )
        )
        rows = "".join(
            f"<tr><td>{esc(a.text)}</td><td>{'—' if a.fit is None else int(a.fit)}</td>"
            f"<td>{esc(labels[a.shame])}</td></tr>"
            for a in ranked
        )
        self.ranked.value = (
            tag("h3", t(FILE, "steps.actions.ranked_heading"))
            + '<table class="wb-table"><thead><tr><th scope="col">Action</th>'
            '<th scope="col">Fit</th><th scope="col">Keeps me stuck?</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
            + tag(
                "p",
                t(FILE, "steps.actions.suggestion").format(action=ranked[0].text),
                "wb-suggestion",
            )
        )
        ui.show(self.use_suggestion, True)

    def _on_stepper_index(self, change: dict) -> None:
        if change["new"] == VALUES_STEP:
            self.values.build()
        self._autosave()

    # -- checking back -----------------------------------------------------------
    def saved_text(self, entry: Entry) -> str:
        """After a check-back, a word that fits what happened; never a warning."""
        happened = entry.record.check_back.happened
        if happened is None:
            return super().saved_text(entry)
        key = {"yes": "saved_yes", "partly": "saved_partly", "not yet": "saved_not_yet"}
        return self._text(FILE, f"check_back.{key[happened]}")

    def draft_offer_text(self, draft: Entry) -> str:
        """Say so when the waiting draft was carried over from a thought record."""
        if draft.record.from_thought_record:
            return self._text(FILE, "draft_from_thought_record").format(
                time=friendly_time(draft.updated_at)
            )
        return super().draft_offer_text(draft)

    def _refresh_saved(self) -> None:
        super()._refresh_saved()
        self.check_section.refresh()

    def _on_check_open(self, entry: Entry) -> None:
        self._autosave()
        self._start(entry.record, entry.id, entry.status)
        self.stepper.index = CHECK_STEP
        ui.set_notice(self.status, "")
