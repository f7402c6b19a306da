"""A preheated kernel waits for the page request without importing Voila's server."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import textwrap
import threading
from contextlib import contextmanager

import pytest

from workbook import page_request

REQUEST = {"QUERY_STRING": "theme=dark", "SCRIPT_NAME": "/voila/render/x.ipynb"}

# A stand-in for Voila's `voila/query/<kernel id>` socket: it notes the path it was
# asked on and sends the request's details, as Voila does once a page takes the kernel.
SERVER = """
import asyncio, json, threading
import websockets

def serve(message, paths):
    ready = threading.Event()
    box = {}

    async def handler(ws):
        paths.append(ws.request.path)
        await ws.send(message)

    async def main():
        async with websockets.serve(handler, "127.0.0.1", 0) as server:
            box["port"] = server.sockets[0].getsockname()[1]
            ready.set()
            await asyncio.Future()

    threading.Thread(target=lambda: asyncio.run(main()), daemon=True).start()
    ready.wait(10)
    return box["port"]
"""


@contextmanager
def voila_query_server():
    namespace: dict = {}
    exec(SERVER, namespace)
    paths: list[str] = []
    port = namespace["serve"](json.dumps(REQUEST), paths)
    yield port, paths


@pytest.fixture
def preheat_env(monkeypatch):
    def setup(port: int) -> None:
        monkeypatch.setenv("VOILA_PREHEAT", "True")
        monkeypatch.setenv("VOILA_APP_IP", "127.0.0.1")
        monkeypatch.setenv("VOILA_APP_PORT", str(port))
        monkeypatch.setenv("VOILA_SERVER_URL", "/base/")
        monkeypatch.setenv("VOILA_KERNEL_ID", "kernel-1")
        for key in REQUEST:
            monkeypatch.delenv(key, raising=False)

    return setup


def test_waits_where_voila_s_own_helper_waits_and_takes_the_request(preheat_env):
    import voila.utils

    with voila_query_server() as (port, paths):
        preheat_env(port)
        page_request.wait_for_request()
        ours = {key: os.environ.pop(key) for key in REQUEST}
        voila.utils.wait_for_request()
        theirs = {key: os.environ[key] for key in REQUEST}
    assert paths == ["/base/voila/query/kernel-1"] * 2
    assert ours == theirs == REQUEST


def test_returns_at_once_outside_a_preheated_kernel(monkeypatch):
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("VOILA_APP_PORT", "1")  # nothing listens: would fail if used
    page_request.wait_for_request()
    assert not page_request.preheated()


def test_carries_on_with_a_warning_when_voila_cannot_be_reached(preheat_env):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the wait: refused
    preheat_env(port)
    with pytest.warns(UserWarning, match="Could not hear from Voila"):
        page_request.wait_for_request()
    assert "QUERY_STRING" not in os.environ


def test_a_preheated_app_never_imports_voila_or_jsonschema(tmp_path):
    """Importing Voila in the kernel cost about 3 s per preheated kernel."""
    script = SERVER + textwrap.dedent(
        f"""
        import json, os, sys
        port = serve(json.dumps({REQUEST!r}), [])
        os.environ.update(VOILA_PREHEAT="True", VOILA_APP_PORT=str(port),
                          VOILA_KERNEL_ID="k")
        from workbook import ThoughtRecordForm, open_store
        form = ThoughtRecordForm(store=open_store({str(tmp_path)!r}))
        form.situation.value = "typed after the request"
        print(json.dumps({{
            "count": form.store.count(),
            "query": os.environ.get("QUERY_STRING"),
            "loaded": sorted(m for m in ("voila", "jsonschema", "jupyter_server")
                             if m in sys.modules),
        }}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"count": 1, "query": "theme=dark", "loaded": []}


def test_the_wait_runs_off_the_kernel_s_own_event_loop(preheat_env):
    """A cell runs while the kernel's loop is running; the wait must not need it."""
    with voila_query_server() as (port, _paths):
        preheat_env(port)

        async def inside_a_running_loop() -> str:
            page_request.wait_for_request()
            return os.environ["QUERY_STRING"]

        # In a thread of its own: this test process may have a loop running already.
        result: list[str] = []
        thread = threading.Thread(
            target=lambda: result.append(asyncio.run(inside_a_running_loop()))
        )
        thread.start()
        thread.join(30)
        assert result == ["theme=dark"]
