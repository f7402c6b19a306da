"""The `workbook` command: `workbook serve` starts the apps in Voila on this computer."""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from importlib import resources
from pathlib import Path

from .voila_app import NO_PREHEAT_FLAG, REMOTE_FLAG

DEFAULT_PORT = 8866
START = "00_start_here.ipynb"
DEMO = "demo.ipynb"


def notebooks_dir() -> Path:
    """The notebooks shipped in the wheel, or the repository's folder in a checkout."""
    packaged = Path(str(resources.files("workbook"))) / "notebooks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "notebooks"


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def free_port(host: str, preferred: int) -> int:
    """`preferred` if nothing listens there, else a port the system picks."""
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise SystemExit(f"No free port on {host}.")


def voila_command(args: argparse.Namespace, port: int, token: str) -> list[str]:
    """The Voila command line for these options."""
    return [
        sys.executable,
        "-m",
        "workbook.voila_app",
        str(notebooks_dir()),
        "--no-browser",
        f"--Voila.ip={args.ip}",
        f"--Voila.port={port}",
        # Voila's default of 50 retries would silently move to another port.
        "--Voila.port_retries=0",
        f"--token={token}",
        f"--theme={args.theme}",
        *([REMOTE_FLAG] if args.allow_remote else []),
        *([NO_PREHEAT_FLAG] if args.no_preheat else []),
        # Shorter culling, for tests only (the shipped times are in voila_app).
        *(
            [f"--MappingKernelManager.cull_idle_timeout={args.cull_idle}"]
            if args.cull_idle
            else []
        ),
        *(
            [f"--PoolAwareKernelManager.closed_tab_timeout={args.cull_closed}"]
            if args.cull_closed
            else []
        ),
        *(
            [f"--MappingKernelManager.cull_interval={max(1, min(quick) // 3)}"]
            if (quick := [t for t in (args.cull_idle, args.cull_closed) if t])
            else []
        ),
    ]


def wait_until_up(base: str, proc: subprocess.Popen, seconds: float = 60) -> bool:
    """Poll Voila's own script until the server answers, or it exits, or time is up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/voila/static/voila.js", timeout=2):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def serve(args: argparse.Namespace) -> int:
    """Run Voila on the notebooks until interrupted."""
    if not is_loopback(args.ip) and not args.allow_remote:
        print(
            f"Refusing to listen on {args.ip}: the workbook holds personal writing, so it "
            "listens only on this computer (127.0.0.1). Add --allow-remote if you really "
            "mean to let other computers connect.",
            file=sys.stderr,
        )
        return 2
    token = args.token or secrets.token_urlsafe(24)
    port = free_port(args.ip, args.port or DEFAULT_PORT) if not args.port else args.port
    env = dict(os.environ)
    if args.data_dir:
        env["WORKBOOK_DATA_DIR"] = str(Path(args.data_dir).expanduser().resolve())
    if args.demo:
        env["WORKBOOK_DEMO"] = "1"
    host = f"[{args.ip}]" if ":" in args.ip else args.ip
    base = f"http://{host}:{port}"
    url = f"{base}/voila/render/{DEMO if args.demo else START}?token={token}"
    print(
        f"Self-Compassion Workbook is starting. Open this address in your browser:\n\n"
        f"    {url}\n\nPress Ctrl+C to stop.",
        flush=True,
    )
    proc = subprocess.Popen(voila_command(args, port, token), env=env)

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        if not args.no_browser and wait_until_up(base, proc):
            webbrowser.open(url)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        return 0


def _store(args: argparse.Namespace):
    from .store import open_store

    return open_store(Path(args.data_dir).expanduser() if args.data_dir else None)


def export(args: argparse.Namespace) -> int:
    """Write the person's data as JSON, an HTML summary, or one CSV per exercise."""
    from .content import load_content
    from .export import export_csv, export_html, export_json, file_name

    store = _store(args)
    output = Path(args.output).expanduser()
    if args.format == "csv":
        output.mkdir(parents=True, exist_ok=True)
        for kind, data in export_csv(store.entries()).items():
            path = output / file_name(kind, "csv")
            path.write_bytes(data)
            print(f"Wrote {path}")
        return 0
    data = (
        export_json(store.entries())
        if args.format == "json"
        else export_html(store.entries(), load_content())
    )
    if output.is_dir():
        output = output / file_name(
            "data" if args.format == "json" else "summary", args.format
        )
    output.write_bytes(data)
    print(f"Wrote {output} ({store.count()} entries)")
    return 0


def import_(args: argparse.Namespace) -> int:
    """Check a JSON export, show what it would change, and bring it in if agreed."""
    from .export import ImportProblem, apply_import, read_import

    store = _store(args)
    try:
        data = Path(args.path).expanduser().read_bytes()
        plan = read_import(data, store)
    except OSError as err:
        print(f"Could not read {args.path}: {err.strerror}", file=sys.stderr)
        return 1
    except ImportProblem as err:
        print(str(err), file=sys.stderr)
        return 1
    print(
        f"{plan.total} entries in the file: {len(plan.new)} new, {len(plan.update)} newer "
        f"than yours, {len(plan.same)} already here, {len(plan.older)} older than yours "
        "(yours are kept)."
    )
    if not plan.new and not plan.update:
        print("Nothing needs to change.")
        return 0
    if not args.yes:
        answer = input("Bring them in? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("Nothing was changed.")
            return 0
    added, updated = apply_import(plan, store)
    print(f"Done: {added} added, {updated} updated.")
    return 0


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    top = argparse.ArgumentParser(prog="workbook", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    s = commands.add_parser("serve", help="open the workbook in your browser (Voila)")
    s.add_argument("--port", type=int, default=0, help=f"port (default {DEFAULT_PORT})")
    s.add_argument("--ip", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    s.add_argument(
        "--allow-remote", action="store_true", help="allow a non-loopback --ip"
    )
    s.add_argument("--no-browser", action="store_true", help="do not open a browser")
    s.add_argument("--token", default="", help="access token (default: a random one)")
    s.add_argument("--theme", choices=("light", "dark"), default="light")
    s.add_argument("--data-dir", default="", help="folder for your data file")
    s.add_argument(
        "--demo", action="store_true", help="supervisor demo: nothing is saved to disk"
    )
    s.add_argument(
        "--no-preheat",
        action="store_true",
        help="start no kernels before they are needed",
    )
    s.add_argument("--cull-idle", type=int, default=0, help=argparse.SUPPRESS)
    s.add_argument("--cull-closed", type=int, default=0, help=argparse.SUPPRESS)
    s.set_defaults(func=serve)
    e = commands.add_parser("export", help="save your data to a file")
    e.add_argument(
        "--format", choices=("csv", "json", "html", "anonymised"), default="json"
    )
    e.add_argument("--output", required=True, help="a file, or a folder (for csv)")
    e.add_argument("--data-dir", default="", help="the folder holding your data file")
    e.set_defaults(func=export)
    i = commands.add_parser("import", help="bring back a JSON file made by export")
    i.add_argument("path", help="the .json file")
    i.add_argument(
        "--yes", action="store_true", help="do not ask before bringing it in"
    )
    i.add_argument("--data-dir", default="", help="the folder holding your data file")
    i.set_defaults(func=import_)
    return top


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `workbook` console script."""
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
