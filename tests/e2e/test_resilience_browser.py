"""Faults seen from the page: a kernel that dies, a paste too large to send."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser import open_app, shoot, type_into, wait_for_row
from .conftest import start_server

THOUGHT_RECORD = "01_thought_record.ipynb"


@pytest.fixture(scope="module")
def fault_server(tmp_path_factory):
    yield from start_server(tmp_path_factory, "--no-preheat")


def _kernel_pid(kernel_id: str) -> int:
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"ipykernel" in cmdline and f"kernel-{kernel_id}".encode() in cmdline:
            return int(proc.name)
    raise AssertionError(f"no process for kernel {kernel_id}")


def _kernel_id(page) -> str:
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def test_a_killed_kernel_is_noticed_within_five_seconds_saying_what_was_saved(
    page, fault_server
):
    open_app(page, fault_server.url(THOUGHT_RECORD))
    type_into(page, "The situation", "Kernel test: the words before the crash")
    wait_for_row(
        fault_server,
        lambda s, r: r.get("situation") == "Kernel test: the words before the crash",
    )
    expect(page.locator(".wb-autosave")).to_contain_text("Your draft is kept")
    os.kill(_kernel_pid(_kernel_id(page)), signal.SIGKILL)
    killed = time.monotonic()
    notice = page.locator(".wb-connection-lost")
    expect(notice).to_be_visible(timeout=5_000)
    took = time.monotonic() - killed
    assert took <= 5, f"the notice took {took:.1f} s"
    expect(notice).to_contain_text("lost its connection")
    expect(notice).to_contain_text("Your draft is kept as you go")  # what was saved
    expect(notice.get_by_role("heading")).to_be_focused()
    shoot(page, "connection-lost")
    # Reloading gives a working page that offers the draft back.
    notice.get_by_role("button", name="Reload the page").click()
    page.wait_for_selector(".wb-app", timeout=90_000)
    expect(page.locator(".wb-name-resume-bar")).to_be_visible()
    expect(page.locator(".wb-connection-lost")).to_have_count(0)


def test_a_paste_past_the_limit_is_refused_with_a_message_and_nothing_is_lost(
    page, fault_server
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_app(page, fault_server.url(THOUGHT_RECORD))
    type_into(page, "The situation", "Paste test:")
    huge = "x" * 11_000_000  # over the server's 10 MB websocket message limit
    page.evaluate("text => navigator.clipboard.writeText(text)", huge)
    page.keyboard.press("Control+V")
    note = page.locator(".wb-limit-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("holds up to 20,000 characters")
    box = page.get_by_label("The situation", exact=True)
    expect(box).to_have_value("Paste test:")
    shoot(page, "paste-limit")
    # The connection is still alive: more typing is saved.
    page.keyboard.type(" still here")
    wait_for_row(
        fault_server, lambda s, r: r.get("situation") == "Paste test: still here"
    )
    expect(note).to_have_count(0)  # the message goes once typing is accepted again
    expect(page.locator(".wb-connection-lost")).to_have_count(0)


def test_a_paste_within_the_limit_goes_in_whole(page, fault_server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_app(page, fault_server.url(THOUGHT_RECORD))
    text = "Long but fine. " * 1000  # 15,000 characters
    page.get_by_label("The situation", exact=True).click()
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.keyboard.press("Control+V")
    wait_for_row(fault_server, lambda s, r: r.get("situation") == text)
    expect(page.locator(".wb-limit-note")).to_have_count(0)


def test_the_page_limit_matches_the_stored_limit():
    from workbook.records.base import MAX_TEXT
    from workbook.voila_app import JUPYTER_DIR

    script = (JUPYTER_DIR / "voila/templates/workbook/workbook.js").read_text()
    assert f"var MAX_TEXT = {MAX_TEXT};" in script


def test_typing_then_reloading_at_once_brings_the_draft_back(page, fault_server):
    """The field is never left and nothing is waited for: every keystroke is kept."""
    open_app(page, fault_server.url(THOUGHT_RECORD))
    text = "Reload test: typed and gone at once"
    type_into(page, "The situation", text)
    page.reload(wait_until="commit")
    page.wait_for_selector(".wb-app", timeout=90_000)
    expect(page.locator(".wb-name-resume-bar")).to_be_visible()
    page.get_by_role("button", name="Carry on with it").click()
    expect(page.get_by_label("The situation", exact=True)).to_have_value(text)
