"""Voila as the workbook runs it: the settings are shipped here, with the package.

- The Host check stays on (standalone Voila turns it off; DNS rebinding) unless remote
  access was asked for. `--Voila.tornado_settings=allow_remote_access=False` would arrive
  as the string "False", which is truthy, so the setting is given as config instead.
- `/` goes to the start page, which lists every app in order, one line each.
- The person-facing apps have one preheated kernel each, so they open faster; the
  notebooks wait for the real request before reading any data (`open_store`), so no
  stored text is rendered ahead of time.
- Kernels are culled: a page's kernel soon after its tab is closed (a Voila kernel
  serves one page load, so nothing else could use it), kernels of pages that never
  connected after ten idle minutes; kernels waiting in the preheat pool never (Voila
  would otherwise hand a culled kernel to the next visitor).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Int
from traitlets.config import Config

REMOTE_FLAG = "--allow-remote-access"
NO_PREHEAT_FLAG = "--no-preheat"
START = "00_start_here.ipynb"
TEMPLATE = "workbook"
#: Where the workbook's Voila template lives (found through JUPYTER_PATH).
JUPYTER_DIR = Path(__file__).parent / "jupyter"
#: The only JupyterLab extensions a workbook page loads: the widget manager. Voila
#: otherwise loads every extension installed beside it (on a JupyterHub image, often
#: many), each one more script for every page to fetch and run.
EXTENSIONS = (
    "@jupyter-widgets/jupyterlab-manager",
    "@voila-dashboards/widgets-manager8",
)
#: Apps a person opens first and most; each keeps one warm kernel ready.
PREHEATED = (
    "00_start_here.ipynb",
    "01_thought_record.ipynb",
    "02_values_next_step.ipynb",
    "03_compassionate_image.ipynb",
    "04_check_in.ipynb",
    "05_my_progress.ipynb",
)


class PoolAwareKernelManager(AsyncMappingKernelManager):
    """Culls the kernels of closed tabs and idle kernels, never those waiting, unused,
    in the preheat pool."""

    closed_tab_timeout = Int(
        90,
        config=True,
        help="Seconds after its last connection closed that a kernel is shut down "
        "(long enough for a connection that drops for a moment to come back).",
    )

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        #: kernel id -> when its last connection closed (time.monotonic()).
        self._left: dict[str, float] = {}

    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        self._left.pop(kernel_id, None)

    def notify_disconnect(self, kernel_id: str) -> None:
        super().notify_disconnect(kernel_id)
        if self._kernel_connections.get(kernel_id, 1) == 0:
            self._left[kernel_id] = time.monotonic()

    def _pooled(self) -> set[str]:
        ids = set()
        for pool in getattr(self, "_pools", {}).values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    ids.add(task.result().get("kernel_id"))
        return ids

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Leave pooled kernels alone; shut down those of closed tabs; cull the rest
        as usual."""
        if kernel_id in self._pooled():
            return
        left = self._left.get(kernel_id)
        if left is not None and time.monotonic() - left > self.closed_tab_timeout:
            self.log.info("Shutting down kernel %s: its page was closed.", kernel_id)
            await self.shutdown_kernel(kernel_id)
            return
        await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id: str, *args: object, **kwargs: object):
        """Forget when the kernel's tab closed, then shut it down."""
        self._left.pop(kernel_id, None)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)


class StartPageHandler(web.RequestHandler):
    """`/` and the file tree go to the start page (keeping the query, e.g. a token)."""

    def initialize(self, target: str) -> None:
        self.target = target

    def get(self) -> None:
        query = self.request.query
        self.redirect(self.target + (f"?{query}" if query else ""))


def config(remote: bool, preheat: bool) -> Config:
    """The workbook's Voila settings."""
    c = Config()
    c.Voila.tornado_settings = {"allow_remote_access": remote}
    c.VoilaConfiguration.strip_sources = True
    # Voila's lab template plus a connection watch, a text limit and step focus.
    c.VoilaConfiguration.template = TEMPLATE
    c.VoilaConfiguration.extension_allowlist = list(EXTENSIONS)
    c.VoilaConfiguration.multi_kernel_manager_class = PoolAwareKernelManager
    c.MappingKernelManager.cull_idle_timeout = 600
    c.MappingKernelManager.cull_interval = 30
    c.MappingKernelManager.cull_connected = False
    if preheat:
        c.VoilaConfiguration.preheat_kernel = True
        pools = {"default": {"pool_size": 0}}
        pools.update({name: {"pool_size": 1} for name in PREHEATED})
        c.VoilaKernelManager.kernel_pools_config = pools
        # Refill the pool a second after a page takes its kernel. At once, launching
        # the new kernel holds up that page's own HTML in the server; much later, a
        # reload in the meantime is handed the kernel still waiting to be started
        # (measured: 0 s delays the page by 0.3-0.6 s; 1, 2 and 5 s do not).
        c.VoilaKernelManager.fill_delay = 1
    return c


def main(argv: list[str] | None = None) -> None:
    """Start Voila with the workbook's settings; flags after these go to Voila."""
    args = list(sys.argv[1:] if argv is None else argv)
    remote = REMOTE_FLAG in args
    preheat = NO_PREHEAT_FLAG not in args
    args = [a for a in args if a not in (REMOTE_FLAG, NO_PREHEAT_FLAG)]
    paths = [str(JUPYTER_DIR), *filter(None, [os.environ.get("JUPYTER_PATH")])]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    from jupyter_server.utils import url_path_join
    from voila.app import Voila

    class WorkbookVoila(Voila):
        def init_handlers(self) -> list:
            target = url_path_join(self.base_url, "voila/render", START)
            landing = [
                (
                    url_path_join(self.server_url, path),
                    StartPageHandler,
                    {"target": target},
                )
                for path in (r"/?", r"/voila/tree/?")
            ]
            return landing + super().init_handlers()

    WorkbookVoila.launch_instance(argv=args, config=config(remote, preheat))


if __name__ == "__main__":
    main()
