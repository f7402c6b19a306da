"""Helpers for browser tests."""

from __future__ import annotations

import json
import sqlite3
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from workbook.voila_app import PREHEATED

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
#: Every app the workbook serves, in the order the start page lists them.
APPS = (*PREHEATED, "demo.ipynb", "course_summary.ipynb")


def wait_until_up(url: str, proc, seconds: float, what: str, log: Path) -> None:
    """Poll `url` until it answers; fail with the end of `log` if `proc` dies or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"{what} did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)


def open_app(page, url: str) -> None:
    """Go to an app and wait until its widgets are on screen."""
    page.goto(url, wait_until="commit")
    page.wait_for_selector(".wb-app", timeout=90_000)


def shoot(page, name: str) -> Path:
    """Keep a full-page screenshot in test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    # Voila scrolls an inner element, so a "full page" shot would stop at the viewport:
    # grow the viewport to the content for the picture, then put it back.
    size = page.viewport_size
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('body, body *')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size(
        {"width": size["width"], "height": min(max(height, 400), 8000)}
    )
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def rows(server, status=None, kind=None):
    """(status, record) pairs straight from the SQLite file, optionally filtered."""
    db = sqlite3.connect(f"file:{server.db}?mode=ro", uri=True)
    try:
        found = db.execute("SELECT kind, status, payload FROM entries").fetchall()
    finally:
        db.close()
    return [
        (s, json.loads(p))
        for k, s, p in found
        if status in (None, s) and kind in (None, k)
    ]


def wait_for_row(server, predicate, kind=None, seconds: float = 15.0):
    """Poll the data file until a stored record matches: saving is asynchronous."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [(s, r) for s, r in rows(server, kind=kind) if predicate(s, r)]
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("no stored entry matched")


def type_into(page, label: str, text: str, nth: int = 0) -> None:
    page.get_by_label(label, exact=True).nth(nth).click()
    page.keyboard.type(text)


def next_step(page, number: int, total: int = 7) -> None:
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".wb-step-count")).to_have_text(f"Step {number} of {total}")


def rate(page, scope, fraction: float) -> None:
    """Click a rating slider's track, as a person would, and see the rating register."""
    track = scope.locator(".noUi-target").first
    expect(track).to_be_visible()
    box = track.bounding_box()
    # locator.click waits until the track has stopped moving (widgets above it may
    # still be rendering), then clicks at this point within it.
    track.click(position={"x": box["width"] * fraction, "y": box["height"] / 2})
    expect(scope.locator(".wb-rating-readout").first).to_contain_text("/")
