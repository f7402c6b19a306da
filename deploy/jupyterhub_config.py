"""A JupyterHub for a course, on one machine: each trainee their own server and data file.

This is the configuration the test suite runs (tests/e2e/test_jupyterhub_browser.py),
with a dummy authenticator and local processes. For a real course, swap in a real
authenticator and spawner (see docs/deploy.md); the workbook settings stay the same.

Settings come from the environment:
  WORKBOOK_HUB_PORT      port to listen on (127.0.0.1 only)            default 8000
  WORKBOOK_HUB_STATE     folder for the hub's database and secrets      default ./hub-state
  WORKBOOK_HUB_HOMES     folder holding one home per trainee            default ./hub-homes
  WORKBOOK_HUB_PASSWORD  the shared password of the dummy authenticator (required)
  WORKBOOK_HUB_PROXY     path to configurable-http-proxy               default on PATH
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

state = Path(os.environ.get("WORKBOOK_HUB_STATE", "hub-state")).resolve()
homes = Path(os.environ.get("WORKBOOK_HUB_HOMES", "hub-homes")).resolve()
notebooks = Path(__file__).resolve().parent.parent / "notebooks"
state.mkdir(parents=True, exist_ok=True)

# Loopback only; a real deployment puts TLS and a real hostname in front.
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ.get("WORKBOOK_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
if os.environ.get("WORKBOOK_HUB_PROXY"):
    c.ConfigurableHTTPProxy.command = [os.environ["WORKBOOK_HUB_PROXY"]]

c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["WORKBOOK_HUB_PASSWORD"]
c.Authenticator.allow_all = True

# Each trainee gets a home folder of their own; the workbook keeps its data file in
# the user data folder under that home, so no one sees anyone else's entries.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
c.Spawner.notebook_dir = str(notebooks)
c.Spawner.default_url = "/voila/render/00_start_here.ipynb"
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120
if os.geteuid() == 0:
    c.Spawner.args = ["--allow-root"]
