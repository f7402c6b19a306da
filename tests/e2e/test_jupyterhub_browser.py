"""A real JupyterHub on loopback, two trainees: each one's entries go to their own store."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser import ARTIFACTS, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "jupyterhub_config.py"
PASSWORD = "course-password"


def _proxy() -> str | None:
    local = (
        ROOT / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
    )
    if local.exists():
        return str(local)
    return os.environ.get("WORKBOOK_HUB_PROXY") or shutil.which(
        "configurable-http-proxy"
    )


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    hub_command = Path(sys.executable).with_name("jupyterhub")
    proxy = _proxy()
    missing = (
        None if hub_command.exists() else "the jupyterhub package is not installed"
    )
    missing = missing or (None if proxy else "configurable-http-proxy is not installed")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}: the JupyterHub test cannot run")
        pytest.skip(missing)
    root = tmp_path_factory.mktemp("hub")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("WORKBOOK_")  # no shared data folder for the trainees
    }
    env |= {
        "WORKBOOK_HUB_PORT": str(port),
        "WORKBOOK_HUB_STATE": str(root / "state"),
        "WORKBOOK_HUB_HOMES": str(root / "homes"),
        "WORKBOOK_HUB_PASSWORD": PASSWORD,
        "WORKBOOK_HUB_PROXY": proxy,
        "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
    }
    log = (root / "hub.log").open("w")
    proc = subprocess.Popen(
        [str(hub_command), "-f", str(CONFIG)],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(f"{base}/hub/health", proc, 120, "JupyterHub", root / "hub.log")
    yield base, root / "homes"
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(root / "hub.log", ARTIFACTS / "jupyterhub.log")


def sign_in_and_write(browser, base: str, user: str, words: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.goto(f"{base}/hub/login", wait_until="commit")
    page.get_by_label("Username").fill(user)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**/user/{user}/**", timeout=120_000)
    page.goto(
        f"{base}/user/{user}/voila/render/01_thought_record.ipynb", wait_until="commit"
    )
    page.wait_for_selector(".wb-app", timeout=120_000)
    # The workbook's own Voila template is used here too (connection watch, no CDN).
    assert page.evaluate("window.WebSocket.name") == "WatchedWebSocket"
    expect(page.locator(".wb-name-saved-list")).not_to_contain_text("secret")
    page.get_by_label("The situation", exact=True).fill(words)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-name-status")).to_contain_text("Saved on")
    page.screenshot(path=str(ARTIFACTS / f"jupyterhub-{user}.png"), full_page=True)
    context.close()


def stored(homes: Path, user: str) -> list[str]:
    (db_file,) = (homes / user).rglob("workbook.sqlite3")
    db = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return [row[0] for row in db.execute("SELECT payload FROM entries")]
    finally:
        db.close()


def test_each_trainee_has_their_own_store(browser, hub):
    base, homes = hub
    ARTIFACTS.mkdir(exist_ok=True)
    sign_in_and_write(browser, base, "alice", "alice's secret situation")
    sign_in_and_write(browser, base, "bob", "bob's secret situation")
    alice, bob = stored(homes, "alice"), stored(homes, "bob")
    assert len(alice) == 1 and "alice's secret" in alice[0]
    assert len(bob) == 1 and "bob's secret" in bob[0]
    assert not any("bob" in p for p in alice) and not any("alice" in p for p in bob)
