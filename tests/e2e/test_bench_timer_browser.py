"""The navigation benchmark's timer: it must time the frame the widgets show in.

Playwright's `wait_for_selector` polls at 0, 20, 50, 100 and 100 ms and then every
500 ms, so timing with it rounds a page load up to the next poll. `bench/run.py` notes
in the page's own clock when the selector is first visible. Here a page keeps its
element hidden and shows it 900 ms after the page starts, and says (to this test's
server) when it did. Timed by polling, it read 1.41-1.44 s (the element shown at
0.86-0.88 s after the request); with the page's clock, 0.95-0.98 s.
"""

from __future__ import annotations

import http.server
import importlib.util
import json
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PAGE = b"""<!doctype html>
<html lang="en"><head><title>timer</title></head><body>
<script id="jupyter-config-data" type="application/json">{"kernelId": "k-123"}</script>
<div class="wb-app" style="display: none">shown at last</div>
<script>
setTimeout(function () {
  document.querySelector('.wb-app').style.display = 'block';
  var shown = performance.timeOrigin + performance.now();
  fetch('/shown', {method: 'POST', body: String(shown)});
}, 900);
</script>
</body></html>"""


def load_bench():
    spec = importlib.util.spec_from_file_location(
        "bench_run", ROOT / "bench" / "run.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def timer_site():
    seen: dict[str, float] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen["asked"] = time.time()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen["shown"] = float(body) / 1000
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", seen
    httpd.shutdown()
    httpd.server_close()


def test_the_bench_times_the_frame_the_element_shows_in(browser, timer_site):
    url, seen = timer_site
    bench = load_bench()
    seconds, kernel = bench.navigate(browser, url, ".wb-app")
    deadline = time.monotonic() + 10
    while "shown" not in seen and time.monotonic() < deadline:
        time.sleep(0.05)
    assert kernel == "k-123"
    # From the page being asked for to it showing the element, by the page's clock.
    shown_after = seen["shown"] - seen["asked"]
    assert shown_after >= 0.8, json.dumps(seen)  # the page did hold the element back
    # Not the hidden element (it was there from the start), and not a later poll (the
    # next after 0.77 s is at 1.27 s): what is left over is the browser starting the
    # navigation and the request reaching the server, ~0.1 s, with room for a busy
    # machine.
    assert shown_after - 0.02 <= seconds <= shown_after + 0.3, (seconds, shown_after)
