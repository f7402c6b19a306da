"""Serving: the landing page, preheated kernels, and culling that spares the pool."""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from workbook.voila_app import PREHEATED

from .browser import open_app
from .conftest import start_server


@pytest.fixture(scope="module")
def quick_cull_server(tmp_path_factory):
    yield from start_server(tmp_path_factory, "--cull-idle", "3")


@pytest.fixture(scope="module")
def closed_tab_server(tmp_path_factory):
    """Kernels of closed tabs go after 2 s; idle ones only after the usual 10 min."""
    yield from start_server(tmp_path_factory, "--cull-closed", "2")


def _kernels(server_pid_hint: str) -> int:
    """How many ipykernel processes serve this server's data folder."""
    count = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if "ipykernel" in cmdline and server_pid_hint.encode() in environ:
            count += 1
    return count


def test_landing_page_is_the_start_page(page, server):
    page.goto(f"{server.base}/?token={server.token}", wait_until="commit")
    page.wait_for_selector(".wb-app", timeout=90_000)
    expect(
        page.get_by_role("heading", name="Welcome to the Self-Compassion Workbook")
    ).to_be_visible()
    assert page.url.startswith(f"{server.base}/voila/render/00_start_here.ipynb")


def test_idle_culling_spares_the_preheated_pool(page, quick_cull_server):
    server = quick_cull_server
    hint = str(server.data_dir)
    deadline = time.monotonic() + 60
    while _kernels(hint) < 6 and time.monotonic() < deadline:
        time.sleep(0.5)
    pooled = _kernels(hint)
    assert pooled >= 6, "one warm kernel for each person-facing app"
    # A visit that never opens a websocket leaves a kernel behind; the culler closes it.
    with urllib.request.urlopen(server.url("demo.ipynb"), timeout=60) as response:
        assert response.status == 200
    time.sleep(1)
    assert _kernels(hint) > pooled
    time.sleep(8)  # well past the 3-second idle limit
    assert _kernels(hint) == pooled  # the stray kernel went; the pool stayed
    open_app(page, server.url("01_thought_record.ipynb"))
    page.get_by_label("The situation", exact=True).fill("after the pool sat idle")
    expect(page.locator(".wb-name-autosave-note")).to_contain_text("kept")
    assert os.path.exists(server.db)


def test_a_closed_tab_s_kernel_is_shut_down_and_an_open_one_s_is_kept(
    page, closed_tab_server
):
    """A Voila kernel serves one page load: once its tab is closed it goes, soon
    (here after 2 s, long before the ten idle minutes that would cull it otherwise)."""
    server = closed_tab_server
    hint = str(server.data_dir)
    pooled = len(PREHEATED)
    deadline = time.monotonic() + 60
    while _kernels(hint) != pooled and time.monotonic() < deadline:
        time.sleep(0.5)  # earlier tests' pages are closed: their kernels go too
    assert _kernels(hint) == pooled
    open_app(page, server.url("01_thought_record.ipynb"))
    time.sleep(6)  # open and idle for well past the 2-second limit; the pool refilled
    assert _kernels(hint) == pooled + 1, "an open page keeps its kernel"
    box = page.get_by_label("The situation", exact=True)
    box.fill("still connected after sitting idle")
    expect(page.locator(".wb-name-autosave-note")).to_contain_text("kept")
    page.close()
    deadline = time.monotonic() + 30
    while _kernels(hint) > pooled and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _kernels(hint) == pooled, "the closed tab's kernel was shut down"
    with sqlite3.connect(server.db) as db:
        texts = [row[0] for row in db.execute("SELECT payload FROM entries")]
    assert any("still connected after sitting idle" in text for text in texts)


def test_stored_text_never_reaches_the_html_voila_sends(page, server):
    """Preheated or not, the page's HTML carries no stored entry (only the kernel does)."""
    canary = "canary-7c1f stored words"
    open_app(page, server.url("01_thought_record.ipynb"))
    page.get_by_label("The situation", exact=True).fill(canary)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-name-saved-list")).to_contain_text(canary)
    time.sleep(6)  # the preheat pool refills, with the entry now in the store
    for app in (
        "00_start_here.ipynb",
        "01_thought_record.ipynb",
        "05_my_progress.ipynb",
    ):
        with urllib.request.urlopen(server.url(app), timeout=90) as response:
            html = response.read().decode("utf-8")
        assert canary not in html, app
