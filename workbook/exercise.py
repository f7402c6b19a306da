"""What every exercise shares: drafts kept as you type, Save, reopen, signposting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from . import ui
from .binder import BinderBanner
from .content import Content, load_content
from .markup import esc, tag
from .records import Entry, friendly_time
from .safety import find_risk
from .store import Store, StoreError

#: How many saved entries the list at the bottom shows; My progress shows them all.
RECENT = 20


class Exercise(ui.App):
    """Base view: subclasses give `record_type`, `content_file`, `record`, `show`, `body`."""

    record_type: type
    #: Every record kind this exercise saves and lists (usually just `record_type`'s).
    kinds: tuple[str, ...] = ()
    content_file: str

    def __init__(self, *, store: Store, content: Content | None = None) -> None:
        # Every step's widgets are built now (the record is read from them), but each
        # reaches the browser only when first shown (see `ui.deferred`).
        with ui.deferred():
            self._build(store, content)
        ui.open_now(self)
        self._load_data()

    def _build(self, store: Store, content: Content | None) -> None:
        self.store = store
        self.content = content or load_content()
        self._entry_id: str | None = None
        self._status = "draft"
        self._loading = False
        self._watched: list[w.Widget] = []
        common = "common"
        self.save = ui.button(self._text(common, "buttons.save"), "success")
        self.new_record = ui.button(self._label("new"))
        self.status = ui.notice()
        self.autosave_note = w.HTML()
        self.autosave_note.add_class("wb-autosave")
        self.signpost = ui.signposting(self.content)
        # Filled in by `_load_data`: nothing here reads the store before the widgets
        # are built (a preheated kernel builds them before the page is asked for).
        self.store_notice = ui.notice()
        self.binder = BinderBanner(self.store, self.content)
        self.resume = ui.button(self._text(common, "buttons.resume"), "primary")
        self.fresh = ui.button(self._text(common, "buttons.fresh"))
        self.resume_text = w.HTML()
        self.resume_bar = w.HBox([self.resume_text, self.resume, self.fresh])
        self.resume_bar.add_class("wb-resume")
        ui.show(self.resume_bar, False)
        self.saved_list = w.HTML()
        ui.name_all(
            self,
            "save new_record status autosave_note signpost "
            "resume fresh resume_bar saved_list store_notice",
        )
        self.picker = w.Dropdown(
            description=self._text(self.content_file, "open_label"),
            layout=w.Layout(width="100%"),
        )
        self.picker.add_class("wb-field")
        self.open_saved = ui.button(self._label("open"))
        ui.named(self.picker, "picker")
        ui.named(self.open_saved, "open-saved")
        super().__init__(
            [
                ui.stylesheet(),
                w.HTML(
                    f"<h1>{esc(self._text(self.content_file, 'title'))}</h1>"
                    f"<p class='wb-intro'>{esc(self._text(self.content_file, 'intro'))}</p>"
                ),
                ui.disclaimer(self.content),
                self.binder,
                self.store_notice,
                ui.content_problems(self.content),
                self.resume_bar,
                *self.body(),
                self.status,
                self.autosave_note,
                self._records_section(),
            ]
        )
        self.add_class("wb-app")
        self.save.on_click(self._on_save_click)
        self.new_record.on_click(self._on_new_record_click)
        self.resume.on_click(self._on_resume_click)
        self.fresh.on_click(self._on_fresh_click)
        self.open_saved.on_click(self._on_open_saved_click)

    def _load_data(self) -> None:
        """Everything read from the store when the app opens."""
        ui.set_notice(self.store_notice, self.store.notice, "warning")
        self._offer_draft()
        self._refresh_saved()

    # -- what a subclass provides -------------------------------------------------
    def body(self) -> Sequence[w.Widget]:
        """The exercise's own widgets (usually one stepper)."""
        raise NotImplementedError

    @property
    def record(self) -> Any:
        """The record the widgets hold now; ValueError if a field is not valid."""
        raise NotImplementedError

    def show(self, record: Any) -> None:
        """Put a record into the widgets."""
        raise NotImplementedError

    def summary(self, record: Any) -> str:
        """A one-line plain-text summary of a record for lists."""
        return record.summary()

    def refresh(self) -> None:
        """Update live feedback (highlights, suggestions) after any change."""

    def saved_text(self, entry: Entry) -> str:
        """What to say once an entry is saved."""
        return self._text("common", "messages.saved").format(
            time=friendly_time(entry.updated_at)
        )

    def draft_offer_text(self, draft: Entry) -> str:
        """How to offer an unfinished entry back when the app opens."""
        return self._text("common", "messages.draft_offer").format(
            time=friendly_time(draft.updated_at)
        )

    # -- shared behaviour ---------------------------------------------------------
    def _text(self, file: str, key: str) -> Any:
        return self.content.text(file, key)

    def _label(self, key: str) -> str:
        """A button's words: the exercise's own if its content has them, else common."""
        own = self.content.files[self.content_file].get(key)
        return own if isinstance(own, str) else self._text("common", f"buttons.{key}")

    @property
    def _kinds(self) -> tuple[str, ...]:
        return self.kinds or (self.record_type.KIND,)

    def after_open(self, entry: Entry) -> None:
        """Called once a saved entry has been opened from the list."""

    def watch(self, widgets: Sequence[w.Widget]) -> None:
        """Keep drafts and check for risk language whenever these widgets change."""
        self._watched.extend(widgets)
        ui.observe_values(widgets, self._on_input_value)

    def watch_names(self, names: str) -> None:
        """`watch` the attributes listed in `names` (space separated)."""
        self.watch([getattr(self, name) for name in names.split()])

    def load(self, record: Any) -> None:
        """Show a record without treating it as typing (no autosave while loading)."""
        self._loading = True
        try:
            self.show(record)
        finally:
            self._loading = False
        self._on_input_value(None, save=False)

    def _on_input_value(self, _change: object, save: bool = True) -> None:
        if self._loading:
            return
        texts = [
            text
            for x in self._watched
            for text in (x.value if isinstance(x.value, tuple) else (x.value,))
            if isinstance(text, str)
        ]
        ui.show(self.signpost, any(find_risk(t) for t in texts))
        self.refresh()
        if save:
            self._autosave()

    def _autosave(self) -> None:
        try:
            record = self.record
        except ValueError as err:
            self._say("messages.cannot_save", "error", problem=err)
            return
        if self._entry_id is None and record.is_empty():
            return
        try:
            entry = self.store.save(
                record, status=self._status, entry_id=self._entry_id
            )
        except StoreError as err:
            ui.set_notice(self.status, str(err), "error")
            return
        self._entry_id = entry.id
        self.binder.refresh()
        key = "draft_saved" if entry.status == "draft" else "changes_saved"
        self.autosave_note.value = esc(
            self._text("common", f"messages.{key}").format(
                time=f"{entry.updated_at.astimezone():%H:%M}"
            )
        )

    def _say(self, key: str, kind: str, **values: object) -> None:
        ui.set_notice(self.status, self._text("common", key).format(**values), kind)

    def _on_save_click(self, _button: w.Button) -> None:
        try:
            record = self.record
        except ValueError as err:
            self._say("messages.cannot_save", "error", problem=err)
            return
        if record.is_empty():
            self._say("messages.nothing_to_save", "info")
            return
        try:
            entry = self.store.save(record, status="done", entry_id=self._entry_id)
        except StoreError as err:
            ui.set_notice(self.status, str(err), "error")
            return
        self._entry_id, self._status = entry.id, "done"
        self.autosave_note.value = ""
        ui.show(self.resume_bar, False)
        ui.set_notice(self.status, self.saved_text(entry), "success")
        self._refresh_saved()

    def _on_new_record_click(self, _button: w.Button) -> None:
        self._autosave()
        self._start(self.record_type(), None, "draft")
        self._say("messages.new_started", "info")

    def _start(self, record: Any, entry_id: str | None, status: str) -> None:
        self._entry_id, self._status = entry_id, status
        self.load(record)
        self.autosave_note.value = ""
        ui.show(self.resume_bar, False)
        self._refresh_saved()

    def _offer_draft(self) -> None:
        draft = self.store.latest(self._kinds, "draft")
        self._draft: Entry | None = draft
        if draft is not None:
            self.resume_text.value = esc(self.draft_offer_text(draft))
        ui.show(self.resume_bar, draft is not None)

    def _on_resume_click(self, _button: w.Button) -> None:
        if self._draft is not None:
            self._start(self._draft.record, self._draft.id, "draft")
            ui.set_notice(self.status, "")

    def _on_fresh_click(self, _button: w.Button) -> None:
        ui.show(self.resume_bar, False)
        self._say("messages.draft_kept", "info")

    def _on_open_saved_click(self, _button: w.Button) -> None:
        if not self.picker.value:
            return
        self._autosave()
        try:
            entry = self.store.get(self.picker.value)
        except KeyError:
            self._refresh_saved()
            return
        self._start(entry.record, entry.id, entry.status)
        self._say("messages.opened", "info", time=friendly_time(entry.updated_at))
        self.after_open(entry)

    def _records_section(self) -> w.VBox:
        section = w.VBox(
            [
                ui.heading(self._text(self.content_file, "records_heading")),
                self.saved_list,
                self.picker,
                self._buttons(self.open_saved, self.new_record),
            ]
        )
        section.add_class("wb-section")
        return section

    @staticmethod
    def _buttons(*buttons: w.Widget) -> w.HBox:
        row = w.HBox(list(buttons))
        row.add_class("wb-nav")
        return row

    def _refresh_saved(self) -> None:
        self.binder.refresh(force=True)
        entries = self.store.entries(self._kinds)[:RECENT]
        if not entries:
            self.saved_list.value = tag(
                "p", self._text(self.content_file, "no_records"), "wb-muted"
            )
        else:
            rows = "".join(
                f"<tr><td>{esc(friendly_time(e.updated_at))}</td>"
                f"<td>{esc('Saved' if e.status == 'done' else 'Draft')}</td>"
                f"<td>{esc(self.summary(e.record))}</td></tr>"
                for e in entries
            )
            self.saved_list.value = (
                '<table class="wb-table"><thead><tr><th scope="col">When</th>'
                '<th scope="col">Status</th><th scope="col">About</th></tr></thead>'
                f"<tbody>{rows}</tbody></table>"
            )
        self.picker.options = [
            (
                f"{friendly_time(e.updated_at)}"
                f"{'' if e.status == 'done' else ' (draft)'}: {self.summary(e.record)}",
                e.id,
            )
            for e in entries
        ]
        self.picker.value = (
            self._entry_id
            if self._entry_id in {e.id for e in entries}
            else (entries[0].id if entries else None)
        )
        ui.show(self.picker, bool(entries))
        ui.show(self.open_saved, bool(entries))
