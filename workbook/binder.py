"""Binder sessions are temporary: say so on every app, with the data one click away."""

from __future__ import annotations

import os
import time

import ipywidgets as w

from . import ui
from .content import Content
from .export import export_json, file_name
from .markup import download_link, esc
from .store import Store

#: Environment variables BinderHub sets in every session it launches.
BINDER_VARIABLES = (
    "BINDER_LAUNCH_HOST",
    "BINDER_REPO_URL",
    "BINDER_REQUEST",
    "BINDER_REF_URL",
)
#: Rebuild the banner's download at most this often while the person types.
REFRESH_SECONDS = 10


def on_binder() -> bool:
    """Whether this kernel runs in a Binder session."""
    return any(os.environ.get(name) for name in BINDER_VARIABLES)


class BinderBanner(w.HTML):
    """The temporary-session warning and a one-click download of everything saved."""

    def __init__(self, store: Store, content: Content) -> None:
        super().__init__()
        self.add_class("wb-binder")
        self.add_class("wb-name-binder-banner")
        self._store = store
        self._text = content.text("data", "binder.text")
        self._label = content.text("data", "binder.download")
        self._built = 0.0
        self.active = on_binder()
        ui.show(self, self.active)
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        """Bring the download up to date (not more often than every few seconds)."""
        if not self.active or (
            not force and time.monotonic() - self._built < REFRESH_SECONDS
        ):
            return
        self._built = time.monotonic()
        link = download_link(
            self._label,
            file_name("data", "json"),
            export_json(self._store.entries()),
            "application/json",
        )
        self.value = (
            f'<div class="wb-notice wb-notice-warning" role="note">'
            f"<p>{esc(self._text)}</p><p>{link}</p></div>"
        )
