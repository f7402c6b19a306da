"""Waiting, in a preheated Voila kernel, for the page to be asked for.

Voila runs a preheated kernel's notebook before anyone asks for the page and tells the
kernel when the request arrives, over a websocket (`voila/query/<kernel id>`). Voila's
own helper, `voila.utils.wait_for_request`, does this too, but importing it imports
Voila's whole server (`voila/__init__.py`), and with it jsonschema's URI grammars: about
three seconds of work in every preheated kernel, which made the pool refill slowly and
competed with the browser for the processor. This is the same wait, with the same
environment variables and address, and nothing else imported.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import warnings

OPEN_TIMEOUT_SECONDS = 5


def preheated() -> bool:
    """Is this a preheated Voila kernel still waiting to be given to a page?"""
    return os.environ.get("VOILA_PREHEAT", "False") != "False"


def query_url() -> str:
    """Where Voila tells this kernel about the request (as `voila.utils` builds it)."""
    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    ip = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    server_url = os.environ.get("VOILA_SERVER_URL", "/")
    ws_base_url = os.environ.get("VOILA_WS_BASE_URL", server_url)
    kernel_id = os.environ.get("VOILA_KERNEL_ID")
    return f"{protocol}://{ip}:{port}{ws_base_url}voila/query/{kernel_id}"


async def _receive(url: str) -> str | None:
    import websockets

    try:
        async with websockets.connect(url, open_timeout=OPEN_TIMEOUT_SECONDS) as ws:
            message = await ws.recv()
    except (TimeoutError, OSError, websockets.WebSocketException) as err:
        # As Voila's helper does: carry on. The page still works; only the
        # request's details are missing.
        warnings.warn(f"Could not hear from Voila at {url}: {err}", stacklevel=2)
        return None
    return message if isinstance(message, str) else message.decode("utf-8")


def wait_for_request() -> None:
    """Block until Voila gives this kernel to a page, then take the request's details
    (`SCRIPT_NAME`, `QUERY_STRING`, ...) into the environment. Returns at once when
    the kernel is not a preheated one."""
    if not preheated():
        return
    received: list[str | None] = []
    # The kernel's own event loop is busy running this cell: wait on another one.
    thread = threading.Thread(
        target=lambda: received.append(asyncio.run(_receive(query_url()))),
        name="wait-for-voila-request",
    )
    thread.start()
    thread.join()
    if received and received[0] is not None:
        for key, value in json.loads(received[0]).items():
            os.environ[key] = value
