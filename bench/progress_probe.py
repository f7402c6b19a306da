"""Time the progress view in a real kernel, where its plots are drawn after the page is up.

Usage: python bench/progress_probe.py DATA_FOLDER  (prints [shown, drawn, widgets])
"""

import json
import sys
import time

from jupyter_client.manager import start_new_kernel

SETUP = """
import time
from workbook.progress import ProgressView
from workbook.store import open_store
_store = open_store({folder!r})
"""
SHOW = """
_started = time.perf_counter()
_view = ProgressView(store=_store)
_shown = time.perf_counter() - _started
"""
REPORT = """
import json
_count = lambda w: 1 + sum(_count(c) for c in getattr(w, "children", ()))
print(json.dumps([_view.plots_drawn, _shown, time.perf_counter() - _started, _count(_view)]))
"""


def main() -> None:
    km, kc = start_new_kernel()
    try:
        kc.execute_interactive(SETUP.format(folder=sys.argv[1]), timeout=120)
        kc.execute_interactive(SHOW, timeout=120)
        while True:
            out: list[str] = []
            kc.execute_interactive(
                REPORT,
                timeout=120,
                output_hook=lambda m, out=out: out.append(m["content"].get("text", "")),
            )
            drawn, shown, total, widgets = json.loads("".join(out))
            if drawn:
                # `total` includes this polling's own round trips: an upper bound.
                print(json.dumps([shown, total, widgets]))
                return
            time.sleep(0.01)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


main()
