"""The start page: what the workbook is and is not, how you like to work, every exercise."""

from __future__ import annotations

import ipywidgets as w

from . import ui
from .binder import BinderBanner
from .content import Content, load_content
from .markup import esc, tag
from .records import STRUCTURES, WAYS, Preferences
from .store import Store, StoreError


class StartPage(ui.App):
    """Welcome, a pluralistic choice of route, where the data lives, and every exercise."""

    title = "Start here"

    def __init__(self, *, store: Store, content: Content | None = None) -> None:
        self.store = store
        self.content = content = content or load_content()
        t = content.text
        self._t = t
        points = "".join(f"<li>{esc(p)}</li>" for p in t("start", "is_points"))
        self._titles = {x["notebook"]: x["title"] for x in t("start", "exercises")}
        links = "".join(
            f'<li><a href="{esc(x["notebook"])}">{esc(x["title"])}</a>: '
            f"{esc(x['summary'])}</li>"
            for x in t("start", "exercises")
        )
        where = (
            tag("p", t("start", "memory_text"))
            if store.path == ":memory:"
            else tag("p", t("start", "data_text"))
            + f"<p><code>{esc(store.path)}</code></p>"
        )
        self.page = w.HTML(
            f"<h1>{esc(t('start', 'title'))}</h1>"
            f"{tag('p', t('start', 'intro'), 'wb-intro')}"
            f"<h2>{esc(t('start', 'is_heading'))}</h2><ul>{points}</ul>"
        )
        self.ways = {
            slug: w.Checkbox(value=False, description=label, indent=False)
            for slug, label in zip(WAYS, t("start", "choose.ways"), strict=True)
        }
        self.structure = w.RadioButtons(
            options=list(
                zip(t("start", "choose.structure_options"), STRUCTURES, strict=True)
            ),
            value=None,
            description=t("start", "choose.structure_label"),
        )
        self.structure.add_class("wb-choice")
        self.suggestions = w.HTML()
        self.status = ui.notice()
        self.exercises = w.HTML(
            f"<h2>{esc(t('start', 'exercises_heading'))}</h2>"
            f'<ul class="wb-links">{links}</ul>'
            f"<h2>{esc(t('start', 'data_heading'))}</h2>{where}"
        )
        ui.name_all(self, "page structure suggestions exercises status")
        for slug, box in self.ways.items():
            ui.named(box, f"way-{slug}")
        super().__init__(
            [
                ui.stylesheet(),
                BinderBanner(store, content),
                ui.store_notice(store),
                self.page,
                ui.heading(t("start", "choose.heading")),
                ui.paragraph(t("start", "choose.intro")),
                w.HTML(tag("p", t("start", "choose.ways_label"), "wb-label")),
                *self.ways.values(),
                self.structure,
                self.suggestions,
                self.status,
                self.exercises,
                ui.disclaimer(content),
                ui.content_problems(content),
            ]
        )
        self.add_class("wb-app")
        saved = store.latest(Preferences.KIND, "done")
        self._saved_id = saved.id if saved else None
        if saved is not None:
            for slug, box in self.ways.items():
                box.value = slug in saved.record.ways
            self.structure.value = saved.record.structure
        ui.observe_values([*self.ways.values(), self.structure], self._on_choice_value)
        self._suggest()

    @property
    def preferences(self) -> Preferences:
        """The choices as they stand."""
        ways = tuple(slug for slug, box in self.ways.items() if box.value)
        return Preferences(ways, self.structure.value)

    def _on_choice_value(self, _change: object) -> None:
        self._suggest()
        try:
            entry = self.store.save(self.preferences, entry_id=self._saved_id)
        except StoreError as err:
            ui.set_notice(self.status, str(err), "error")
            return
        self._saved_id = entry.id

    def _suggest(self) -> None:
        t = self._t
        chosen = self.preferences
        notebooks: list[str] = []
        for way in chosen.ways:
            for notebook in t("start", f"suggest.{way}"):
                if notebook not in notebooks:
                    notebooks.append(notebook)
        if not notebooks:
            self.suggestions.value = tag("p", t("start", "choose.none"), "wb-muted")
            return
        links = "".join(
            f'<li><a href="{esc(n)}">{esc(self._titles.get(n, n))}</a></li>'
            for n in notebooks
        )
        how = (
            tag("p", t("start", f"choose.{chosen.structure}_text"), "wb-muted")
            if chosen.structure
            else ""
        )
        self.suggestions.value = (
            tag("h3", t("start", "choose.suggest_heading"))
            + f'<ul class="wb-links">{links}</ul>'
            + how
        )
