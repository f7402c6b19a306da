"""The person's data: download it, bring it back, delete some or all of it."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from . import ui
from .anonymise import export_anonymised
from .content import Content
from .export import (
    MAX_IMPORT_BYTES,
    ImportPlan,
    ImportProblem,
    apply_import,
    export_csv,
    export_html,
    export_json,
    file_name,
    read_import,
)
from .markup import download_link, tag
from .records import Entry, friendly_time
from .store import Store, StoreError

FILE = "data"
#: Up to this many entries, the downloads are built as soon as the page opens.
EAGER_LIMIT = 500
#: How many entries the delete list offers when no page of the table says otherwise.
DELETE_CHOICES = 20


class DataPanel(w.VBox):
    """Export links, an import with a preview, and deletes that must be confirmed."""

    def __init__(
        self,
        store: Store,
        content: Content,
        on_change: Callable[[], None],
        load: bool = True,
    ):
        t = content.text
        self._store, self._content, self._t = store, content, t
        self._on_change = on_change
        self._plan: ImportPlan | None = None
        #: What a confirm button may delete; set only by its own first button.
        self._armed: tuple[str, str | None] | None = None
        self.downloads = w.HTML()
        self._entries: list[Entry] = []
        self.prepare = ui.button(t(FILE, "export.prepare"), "primary")
        self.upload = w.FileUpload(
            accept=".json,application/json",
            multiple=False,
            description=t(FILE, "import.choose"),
            tooltip=t(FILE, "import.choose"),
        )
        self.import_status = ui.notice()
        self.apply = ui.button(t(FILE, "import.apply"), "primary")
        self.cancel = ui.button(t(FILE, "import.cancel"))
        self.import_buttons = w.HBox([self.apply, self.cancel])
        self.import_buttons.add_class("wb-nav")
        self.one_picker = w.Dropdown(
            description=t(FILE, "delete.one_label"), layout=w.Layout(width="100%")
        )
        self.one_picker.add_class("wb-field")
        self.delete_one = ui.button(t(FILE, "delete.one"))
        self.delete_all = ui.button(t(FILE, "delete.all"))
        self.confirm_text = w.HTML()
        self.confirm_box = ui.text_line(t(FILE, "delete.all_box"), continuous=False)
        self.confirm_one = ui.button(t(FILE, "delete.yes_one"), "danger")
        self.confirm_all = ui.button(t(FILE, "delete.yes_all"), "danger")
        self.keep = ui.button(t(FILE, "delete.keep"))
        self.confirm = w.VBox(
            [
                self.confirm_text,
                self.confirm_box,
                w.HBox([self.confirm_one, self.confirm_all, self.keep]),
            ]
        )
        self.confirm.add_class("wb-confirm")
        self.delete_status = ui.notice()
        ui.name_all(
            self,
            "downloads prepare upload import_status apply cancel one_picker delete_one delete_all "
            "confirm_text confirm_box confirm_one confirm_all keep confirm delete_status",
        )
        super().__init__(
            [
                ui.heading(t(FILE, "export.heading")),
                ui.paragraph(t(FILE, "export.intro")),
                self.downloads,
                self.prepare,
                ui.heading(t(FILE, "import.heading")),
                ui.paragraph(t(FILE, "import.intro")),
                self.upload,
                self.import_status,
                self.import_buttons,
                ui.heading(t(FILE, "delete.heading")),
                ui.paragraph(t(FILE, "delete.intro")),
                self.one_picker,
                w.HBox([self.delete_one, self.delete_all]),
                self.confirm,
                self.delete_status,
            ]
        )
        self.add_class("wb-section")
        self.upload.observe(self._on_upload_value, names="value")
        self.apply.on_click(self._on_apply_click)
        self.cancel.on_click(self._on_cancel_click)
        self.delete_one.on_click(self._on_delete_one_click)
        self.delete_all.on_click(self._on_delete_all_click)
        self.confirm_one.on_click(self._on_confirm_one_click)
        self.confirm_all.on_click(self._on_confirm_all_click)
        self.keep.on_click(self._on_keep_click)
        self.prepare.on_click(self._on_prepare_click)
        ui.show(self.import_buttons, False)
        self._disarm()
        if load:
            self.refresh()

    # -- export ------------------------------------------------------------------
    def refresh(self, entries: list[Entry] | None = None) -> None:
        """Rebuild the downloads (or offer to) and the delete list from the store."""
        entries = self._store.entries() if entries is None else entries
        self._entries = entries
        if not entries:
            self.downloads.value = tag("p", self._t(FILE, "export.nothing"), "wb-muted")
        elif len(entries) <= EAGER_LIMIT:
            self._build_downloads()
        else:
            # Many entries: build the files when asked, not every time the page opens.
            self.downloads.value = tag("p", self._t(FILE, "export.large"), "wb-muted")
        ui.show(self.prepare, len(entries) > EAGER_LIMIT)
        self.choose(entries[:DELETE_CHOICES])
        for widget in (self.one_picker, self.delete_one, self.delete_all):
            ui.show(widget, bool(entries))

    def _on_prepare_click(self, _button: w.Button) -> None:
        self._build_downloads()
        ui.show(self.prepare, False)

    def _build_downloads(self) -> None:
        t, entries = self._t, self._entries
        links = [
            download_link(
                t(FILE, "export.json"),
                file_name("data", "json"),
                export_json(entries),
                "application/json",
            ),
            download_link(
                t(FILE, "export.html"),
                file_name("summary", "html"),
                export_html(entries, self._content),
                "text/html",
            ),
            download_link(
                t(FILE, "export.anonymised"),
                file_name("anonymised", "json"),
                export_anonymised(entries, self._content),
                "application/json",
            ),
        ]
        for kind, data in export_csv(entries).items():
            label = t(FILE, "export.csv").format(kind=t(FILE, f"kinds.{kind}").lower())
            links.append(download_link(label, file_name(kind, "csv"), data, "text/csv"))
        self.downloads.value = (
            '<ul class="wb-downloads">'
            + "".join(f"<li>{link}</li>" for link in links)
            + "</ul>"
        )

    def choose(self, entries: list[Entry]) -> None:
        """Offer these entries (the page of the table in view) for deleting one."""
        t = self._t
        self.one_picker.options = [
            (
                f"{friendly_time(e.updated_at)} · {t(FILE, f'kinds.{e.kind}')} · "
                f"{e.record.summary()}",
                e.id,
            )
            for e in entries
        ]
        self.one_picker.value = entries[0].id if entries else None

    # -- import ------------------------------------------------------------------
    def _on_upload_value(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        t = self._t
        self._plan = None
        ui.show(self.import_buttons, False)
        try:
            if upload["size"] > MAX_IMPORT_BYTES:
                raise ImportProblem(
                    f"This file is too big to be a workbook export "
                    f"({upload['size'] / 1e6:.1f} MB)."
                )
            plan = read_import(bytes(upload["content"]), self._store)
        except ImportProblem as err:
            ui.set_notice(self.import_status, str(err), "error")
            return
        finally:
            self.upload.value = ()
        if not plan.new and not plan.update:
            ui.set_notice(self.import_status, t(FILE, "import.nothing_new"), "info")
            return
        self._plan = plan
        ui.set_notice(
            self.import_status,
            t(FILE, "import.preview").format(
                total=plan.total,
                new=len(plan.new),
                update=len(plan.update),
                same=len(plan.same),
                older=len(plan.older),
            ),
            "info",
        )
        ui.show(self.import_buttons, True)

    def _on_apply_click(self, _button: w.Button) -> None:
        if self._plan is None:
            return
        try:
            added, updated = apply_import(self._plan, self._store)
        except StoreError as err:
            ui.set_notice(self.import_status, str(err), "error")
            return
        finally:
            self._plan = None
            ui.show(self.import_buttons, False)
        ui.set_notice(
            self.import_status,
            self._t(FILE, "import.done").format(new=added, update=updated),
            "success",
        )
        ui.set_notice(self.delete_status, "")
        self._changed()

    def _on_cancel_click(self, _button: w.Button) -> None:
        self._plan = None
        ui.show(self.import_buttons, False)
        ui.set_notice(self.import_status, self._t(FILE, "import.cancelled"), "info")

    # -- delete ------------------------------------------------------------------
    def _disarm(self) -> None:
        self._armed = None
        self.confirm_box.value = ""
        ui.show(self.confirm, False)

    def _on_delete_one_click(self, _button: w.Button) -> None:
        entry_id = self.one_picker.value
        if not entry_id:
            return
        summary = self._store.get(entry_id).record.summary()
        self._armed = ("one", entry_id)
        self.confirm_text.value = tag(
            "p", self._t(FILE, "delete.one_confirm").format(summary=summary)
        )
        for widget, visible in (
            (self.confirm_box, False),
            (self.confirm_one, True),
            (self.confirm_all, False),
        ):
            ui.show(widget, visible)
        ui.show(self.confirm, True)
        ui.set_notice(self.delete_status, "")

    def _on_delete_all_click(self, _button: w.Button) -> None:
        self._armed = ("all", None)
        self.confirm_text.value = tag(
            "p", self._t(FILE, "delete.all_confirm").format(count=self._store.count())
        )
        for widget, visible in (
            (self.confirm_box, True),
            (self.confirm_one, False),
            (self.confirm_all, True),
        ):
            ui.show(widget, visible)
        ui.show(self.confirm, True)
        ui.set_notice(self.delete_status, "")

    def _on_confirm_one_click(self, _button: w.Button) -> None:
        # Only a confirmation that this panel asked for can delete, and only that entry.
        armed, self._armed = self._armed, None
        if armed is None or armed[0] != "one" or armed[1] != self.one_picker.value:
            self._disarm()
            return
        self._store.delete(armed[1])
        self._disarm()
        ui.set_notice(
            self.delete_status, self._t(FILE, "delete.deleted_one"), "success"
        )
        ui.set_notice(self.import_status, "")
        self._changed()

    def _on_confirm_all_click(self, _button: w.Button) -> None:
        armed = self._armed
        if armed is None or armed[0] != "all":
            self._disarm()
            return
        if self.confirm_box.value.strip().lower() != "delete":
            ui.set_notice(
                self.delete_status, self._t(FILE, "delete.all_wrong"), "warning"
            )
            return
        self._store.delete_all()
        self._disarm()
        ui.set_notice(
            self.delete_status, self._t(FILE, "delete.deleted_all"), "success"
        )
        ui.set_notice(self.import_status, "")
        self._changed()

    def _on_keep_click(self, _button: w.Button) -> None:
        self._disarm()
        ui.set_notice(self.delete_status, self._t(FILE, "delete.kept"), "info")

    def _changed(self) -> None:
        self.refresh()
        self._on_change()
