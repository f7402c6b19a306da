"""Attacks on `workbook serve`: code over the websocket, files outside the app, network."""

from __future__ import annotations

import ast
import ipaddress
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from workbook.records import ThoughtRecord
from workbook.store import open_store

from .browser import APPS, open_app
from .conftest import start_server

CANARY = "canary-7f3a-never-served"
AUDIT = Path(__file__).parent / "audit"


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    """A server whose Python processes log every socket they try to open."""
    log = tmp_path_factory.mktemp("audit") / "sockets.log"
    log.touch()
    env = {"PYTHONPATH": str(AUDIT), "WORKBOOK_SOCKET_LOG": str(log)}
    for server in start_server(tmp_path_factory, env=env):
        store = open_store(server.data_dir)
        store.save(ThoughtRecord(situation=CANARY))
        store.close()
        server.socket_log = log
        yield server


def _kernel_id(page) -> str:
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


SEND = """
async ({url, marker}) => {
  const ws = new WebSocket(url);
  await new Promise((ok, bad) => { ws.onopen = ok; ws.onerror = bad; });
  const got = [];
  ws.onmessage = (ev) => got.push(typeof ev.data === "string" ? JSON.parse(ev.data) : null);
  const message = (type, content) => ({
    header: {msg_id: crypto.randomUUID(), username: "t", session: crypto.randomUUID(),
             msg_type: type, version: "5.3", date: new Date().toISOString()},
    parent_header: {}, metadata: {}, content, channel: "shell", buffers: [],
  });
  const run = message("execute_request", {
    code: `open(${JSON.stringify(marker)}, "w").write("ran")`, silent: false,
    store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: true,
  });
  const info = message("kernel_info_request", {});
  ws.send(JSON.stringify(run));
  ws.send(JSON.stringify(info));
  await new Promise((done) => setTimeout(done, 2000));
  ws.close(1000);
  const about = (id) => got.filter((m) => m && m.parent_header && m.parent_header.msg_id === id)
    .map((m) => m.header.msg_type);
  return {run: about(run.header.msg_id), info: about(info.header.msg_id)};
}
"""


def test_an_execute_request_over_the_websocket_is_ignored(page, audited, tmp_path):
    marker = tmp_path / "code-ran.txt"
    open_app(page, audited.url("04_check_in.ipynb"))
    base = audited.base.replace("http://", "ws://")
    url = f"{base}/api/kernels/{_kernel_id(page)}/channels?token={audited.token}"
    replies = page.evaluate(SEND, {"url": url, "marker": str(marker)})
    # The allowed request on the same socket is answered, so the message was well formed.
    assert "kernel_info_reply" in replies["info"]
    assert replies["run"] == [], "the kernel answered an execute_request"
    assert not marker.exists(), "code sent over the websocket ran"
    expect(page.locator(".wb-connection-lost")).to_have_count(0)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_the_store_and_files_outside_the_app_are_never_served(audited):
    data = audited.data_dir
    token = f"token={audited.token}"
    paths = [
        f"/voila/files/{data}/workbook.sqlite3",
        f"/voila/files/{str(data).lstrip('/')}/workbook.sqlite3",
        "/voila/files/workbook.sqlite3",
        "/voila/files/..%2f..%2f..%2fetc%2fpasswd",
        f"/voila/render/..%2f..%2f{str(data).lstrip('/')}%2fworkbook.sqlite3",
        f"/files{data}/workbook.sqlite3",
        f"/api/contents{data}",
        "/api/contents",
        "/api/kernels",
        "/api/sessions",
        "/static/../../../etc/passwd",
        "/voila/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/voila/templates/workbook/static/..%2f..%2f..%2fstore.py",
        "/voila/templates/lab/static/../../../../../../etc/passwd",
        "/voila/tree/",
        "/tree",
        "/lab",
        "/terminals/1",
        "/api/terminals",
    ]
    for path in paths:
        sep = "&" if "?" in path else "?"
        status, body = _get(f"{audited.base}{path}{sep}{token}")
        assert CANARY.encode() not in body, path
        assert b"SQLite format 3" not in body, path
        assert b"root:x:0:0" not in body, path
        if status == 200:
            # Only the start page (where `/voila/tree/` leads) may answer.
            assert b"wb-app" in body or b"Self-Compassion Workbook" in body, path
        else:
            # Voila's template-static handler answers some traversal attempts with
            # a 500 rather than a 403 or 404: still a refusal, and checked above.
            assert status in (301, 302, 400, 403, 404, 405, 500), (path, status)


def _loopback(where: str) -> bool:
    """Is a logged socket address loopback (or a local Unix socket)?"""
    try:
        value = ast.literal_eval(where)
    except (ValueError, SyntaxError):
        return False
    host = value[0] if isinstance(value, tuple) else value
    if host is None or isinstance(host, bytes) or host in ("", "localhost"):
        return True  # None/"": any local address for bind; bytes: a Unix socket path
    if isinstance(host, str) and host.startswith("/"):
        return True  # a Unix socket
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or (address.is_unspecified and isinstance(value, tuple))


def test_using_every_app_opens_no_socket_beyond_this_computer(page, audited):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for app in APPS:
        open_app(page, audited.url(app))
        boxes = page.locator(".wb-app textarea")
        if boxes.count():
            boxes.first.click()
            page.keyboard.type(f"network check in {app}")
            expect(page.locator(".wb-autosave").first).to_contain_text("kept")
    open_app(page, audited.url("05_my_progress.ipynb"))
    expect(page.locator(".wb-app")).to_contain_text(CANARY[:20])
    outside = [
        u
        for u in requested
        if not u.startswith((audited.base, "data:", "blob:", "about:"))
    ]
    assert not outside, f"the page asked outside this computer: {outside}"
    lines = audited.socket_log.read_text().splitlines()
    assert lines, "the audit hook logged nothing, so it was not running"
    far = [line for line in lines if not _loopback(line.split("\t")[2])]
    assert not far, "sockets beyond loopback:\n" + "\n".join(far)


def test_the_socket_check_can_fail():
    assert _loopback("('127.0.0.1', 8866)") and _loopback("('::1', 5, 0, 0)")
    assert _loopback("'/tmp/kernel.sock'") and _loopback("('0.0.0.0', 0)")
    assert not _loopback("('151.101.1.229', 443)")
    assert not _loopback("'cdn.jsdelivr.net'")
    assert not _loopback("('2606:4700::6810:84e5', 443, 0, 0)")
