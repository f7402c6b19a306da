from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from workbook import cli

ROOT = Path(__file__).resolve().parents[1]


def args(**kw) -> argparse.Namespace:
    return cli.parser().parse_args(["serve", *kw.pop("extra", [])])


def test_notebooks_are_found():
    folder = cli.notebooks_dir()
    assert (folder / "00_start_here.ipynb").is_file()
    assert (folder / "01_thought_record.ipynb").is_file()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.3.4.5", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.2", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host, loopback):
    assert cli.is_loopback(host) is loopback


def test_refuses_a_non_loopback_address_without_allow_remote(capsys):
    assert cli.main(["serve", "--ip", "0.0.0.0", "--no-browser"]) == 2
    assert "Refusing to listen on 0.0.0.0" in capsys.readouterr().err


def test_voila_command_is_locked_down():
    a = args()
    cmd = cli.voila_command(a, 9999, "tok")
    assert "--Voila.ip=127.0.0.1" in cmd
    assert "--Voila.port=9999" in cmd and "--Voila.port_retries=0" in cmd
    assert "--token=tok" in cmd and "--no-browser" in cmd
    assert cmd[1:3] == ["-m", "workbook.voila_app"]
    assert "--allow-remote-access" not in cmd


def test_allow_remote_turns_the_host_check_off_only_when_asked():
    a = cli.parser().parse_args(["serve", "--ip", "0.0.0.0", "--allow-remote"])
    assert "--allow-remote-access" in cli.voila_command(a, 1, "t")


def test_shipped_voila_settings():
    from workbook.voila_app import (
        EXTENSIONS,
        PREHEATED,
        PoolAwareKernelManager,
        config,
    )

    c = config(remote=False, preheat=True)
    assert c.VoilaConfiguration.strip_sources is True
    assert c.VoilaConfiguration.multi_kernel_manager_class is PoolAwareKernelManager
    assert c.VoilaConfiguration.extension_allowlist == list(EXTENSIONS)
    assert c.MappingKernelManager.cull_idle_timeout == 600
    assert c.MappingKernelManager.cull_connected is False
    assert c.MappingKernelManager.cull_interval == 30
    assert PoolAwareKernelManager.closed_tab_timeout.default_value == 90
    pools = c.VoilaKernelManager.kernel_pools_config
    assert pools["default"]["pool_size"] == 0
    assert all(pools[name]["pool_size"] == 1 for name in PREHEATED)
    assert "demo.ipynb" not in pools
    assert (
        "preheat_kernel" not in config(remote=False, preheat=False).VoilaConfiguration
    )


@pytest.mark.parametrize(
    ("argv", "remote"), [(["nb"], False), (["nb", "--allow-remote-access"], True)]
)
def test_voila_app_gives_the_host_check_a_real_boolean(monkeypatch, argv, remote):
    from voila.app import Voila

    from workbook import voila_app

    seen = {}
    monkeypatch.setattr(
        Voila,
        "launch_instance",
        classmethod(lambda cls, argv, config: seen.update(argv=argv, config=config)),
    )
    voila_app.main(argv)
    assert seen["argv"] == ["nb"]
    # A string "False" would be truthy and switch the Host check off.
    assert seen["config"].Voila.tornado_settings == {"allow_remote_access": remote}
    assert seen["config"].Voila.tornado_settings["allow_remote_access"] is remote


def test_free_port_skips_a_busy_one():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        assert cli.free_port("127.0.0.1", taken) != taken


def test_export_and_import_from_the_command_line(tmp_path, capsys):
    from workbook.records import ThoughtRecord
    from workbook.store import open_store

    source, target = tmp_path / "a", tmp_path / "b"
    store = open_store(source)
    store.save(ThoughtRecord(situation="=from the cli"))
    store.close()
    out = tmp_path / "out.json"
    assert (
        cli.main(
            [
                "export",
                "--format",
                "json",
                "--output",
                str(out),
                "--data-dir",
                str(source),
            ]
        )
        == 0
    )
    assert (
        cli.main(
            [
                "export",
                "--format",
                "html",
                "--output",
                str(tmp_path),
                "--data-dir",
                str(source),
            ]
        )
        == 0
    )
    assert (
        cli.main(
            [
                "export",
                "--format",
                "csv",
                "--output",
                str(tmp_path / "csv"),
                "--data-dir",
                str(source),
            ]
        )
        == 0
    )
    (csv_file,) = (tmp_path / "csv").glob("workbook-thought_record-*.csv")
    assert "'=from the cli" in csv_file.read_text("utf-8-sig")
    assert list(tmp_path.glob("workbook-summary-*.html"))
    assert cli.main(["import", str(out), "--yes", "--data-dir", str(target)]) == 0
    assert "1 new" in capsys.readouterr().out
    assert open_store(target).entries()[0].record.situation == "=from the cli"


def test_import_of_a_bad_file_says_why(tmp_path, capsys):
    bad = tmp_path / "notes.csv"
    bad.write_text("id,status\n1,done\n")
    assert (
        cli.main(["import", str(bad), "--yes", "--data-dir", str(tmp_path / "d")]) == 1
    )
    assert "CSV spreadsheet" in capsys.readouterr().err


@pytest.mark.parametrize("path", ["voila.json", "workbook/jupyter/config/voila.json"])
def test_voila_json_files_say_what_workbook_serve_says(path):
    """JupyterLab, JupyterHub and Binder read these; `workbook serve` uses `config`."""
    import json

    from workbook.voila_app import config

    shipped = json.loads((ROOT / path).read_text())["VoilaConfiguration"]
    ours = config(remote=False, preheat=False).VoilaConfiguration
    for key in ("strip_sources", "template", "extension_allowlist"):
        assert shipped[key] == ours[key], key
