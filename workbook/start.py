"""The start page: what the workbook is and is not, where data lives, the exercises."""

from __future__ import annotations

import ipywidgets as w

from . import ui
from .content import Content, load_content
from .markup import esc, tag
from .store import Store


class StartPage(ui.App):
    """Welcome, safety, where the data file is, and links to every exercise."""

    title = "Start here"

    def __init__(self, *, store: Store, content: Content | None = None) -> None:
        content = content or load_content()
        t = content.text
        points = "".join(f"<li>{esc(p)}</li>" for p in t("start", "is_points"))
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
            f"<h2>{esc(t('start', 'exercises_heading'))}</h2>"
            f'<ul class="wb-links">{links}</ul>'
            f"<h2>{esc(t('start', 'is_heading'))}</h2><ul>{points}</ul>"
            f"<h2>{esc(t('start', 'data_heading'))}</h2>{where}"
        )
        super().__init__(
            [
                ui.stylesheet(),
                self.page,
                ui.disclaimer(content),
                ui.content_problems(content),
            ]
        )
        self.add_class("wb-app")
