"""Browser tests: `workbook serve` on a free loopback port, driven in Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .browser import ARTIFACTS, wait_until_up

CHROMIUM = os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium")
# Voila's page links fonts from a public CDN; with no network that can stall the load
# event, and a test must never reach outside this machine anyway.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@dataclass
class Server:
    """A running `workbook serve`."""

    base: str
    token: str
    data_dir: Path
    printed: str

    def url(self, notebook: str, token: bool = True) -> str:
        query = f"?token={self.token}" if token else ""
        return f"{self.base}/voila/render/{notebook}{query}"

    @property
    def db(self) -> Path:
        return self.data_dir / "workbook.sqlite3"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp_path_factory, *extra: str, env: dict[str, str] | None = None):
    """Start `workbook serve` with its own data folder; yields a Server, then stops it."""
    data_dir = tmp_path_factory.mktemp("data")
    log = tmp_path_factory.mktemp("log") / "serve.log"
    port, token = _free_port(), "e2e-test-token"
    command = Path(sys.executable).with_name("workbook")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                str(command),
                "serve",
                "--no-browser",
                "--port",
                str(port),
                "--token",
                token,
                "--data-dir",
                str(data_dir),
                *extra,
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(f"{base}/voila/static/voila.js", proc, 90, "workbook serve", log)
    yield Server(base, token, data_dir, log.read_text())
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    yield from start_server(tmp_path_factory)


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """A server whose data no other test module sees (for tests that delete data)."""
    yield from start_server(tmp_path_factory)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """`workbook serve --demo`."""
    yield from start_server(tmp_path_factory, "--demo")


@pytest.fixture(scope="session")
def browser():
    missing = None
    if not os.path.exists(CHROMIUM):
        missing = f"Chromium is not installed at {CHROMIUM}"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "the playwright package is not installed"
    if missing:
        # Under CI a missing browser is a failure, never a quiet skip.
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}: browser tests cannot run")
        pytest.skip(missing)
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    pg = context.new_page()
    yield pg
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed and not pg.is_closed():
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(
            path=str(ARTIFACTS / f"failed-{request.node.name}.png"), full_page=True
        )
    context.close()
