"""Time the progress view on a given data folder, as in a kernel (an event loop runs)."""

import asyncio
import json
import sys
import time

from workbook.progress import ProgressView
from workbook.store import open_store


def count(widget) -> int:
    return 1 + sum(count(c) for c in getattr(widget, "children", ()))


async def main() -> None:
    store = open_store(sys.argv[1])
    started = time.perf_counter()
    view = ProgressView(store=store)
    shown = time.perf_counter() - started
    while not view.plots_drawn:
        await asyncio.sleep(0.01)
    print(json.dumps([shown, time.perf_counter() - started, count(view)]))


asyncio.run(main())
