"""Helpers for browser tests."""

from __future__ import annotations

from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


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
