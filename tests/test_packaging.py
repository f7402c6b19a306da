"""The package as people get it: notebooks in the wheel, stripped notebooks, Binder."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {
        "03_compassionate_image.ipynb",
        "04_check_in.ipynb",
        "05_my_progress.ipynb",
        "demo.ipynb",
        "course_summary.ipynb",
        "00_start_here.ipynb",
        "01_thought_record.ipynb",
    }


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    result = subprocess.run(
        [sys.executable, "-m", "nbstripout", "--verify", str(path)], capture_output=True
    )
    assert result.returncode == 0, f"{path.name} has outputs: run nbstripout"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_thin(path):
    cells = json.loads(path.read_text("utf-8"))["cells"]
    kinds = [c["cell_type"] for c in cells]
    assert kinds == ["markdown", "code"], "a title cell and one code cell"
    code = "".join(cells[1]["source"])
    assert code.count("\n") <= 3 and "def " not in code


def test_wheel_ships_notebooks_and_content(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "hatchling",
            "build",
            "-t",
            "wheel",
            "-d",
            str(tmp_path),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for nb in NOTEBOOKS:
        assert f"workbook/notebooks/{nb.name}" in names
    assert "workbook/content/thought_record.toml" in names
    assert "workbook/style.css" in names
    # The Voila template: in the package (for `workbook serve`) and as data files where
    # Voila's server extension finds it (JupyterLab, JupyterHub, Binder).
    assert "workbook/jupyter/voila/templates/workbook/workbook.js" in names
    data = {n.split(".data/data/", 1)[1] for n in names if ".data/data/" in n}
    assert "share/jupyter/voila/templates/workbook/index.html.j2" in data
    assert "etc/jupyter/voila.json" in data


def test_binder_installs_the_workbook():
    lines = (ROOT / "binder" / "requirements.txt").read_text().split()
    assert "." in lines
    version = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert version.startswith("python-3.") and int(version.split(".")[1]) >= 11


def test_binder_pins_what_the_workbook_needs():
    lines = [
        line.strip()
        for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[-1] == "."
    pinned = {line.split("==")[0].lower() for line in lines[:-1]}
    assert all("==" in line for line in lines[:-1])
    assert {"ipywidgets", "voila", "jupyterlab", "pandas", "matplotlib"} <= pinned


def test_binder_pins_meet_the_package_and_advisory_floors():
    from packaging.requirements import Requirement
    from packaging.version import Version

    pins = {
        line.split("==")[0].lower(): Version(line.split("==")[1])
        for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
        if "==" in line
    }
    assert pins["voila"] >= Version("0.5.6")  # CVE-2024-30265
    assert pins["jupyter_server"] >= Version("2.14.1")
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for dependency in project["dependencies"]:
        requirement = Requirement(dependency)
        name = requirement.name.lower()
        if name in pins:
            assert pins[name] in requirement.specifier, (
                f"{name} pin outside {requirement}"
            )


def test_binder_environment_resolves(tmp_path):
    # pip resolves (without installing) exactly what repo2docker would install.
    report = tmp_path / "report.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--ignore-installed",
            "--quiet",
            "--report",
            str(report),
            "-r",
            "binder/requirements.txt",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    installed = {
        i["metadata"]["name"].lower() for i in json.loads(report.read_text())["install"]
    }
    assert {"voila", "ipywidgets", "self-compassion-workbook"} <= installed


def test_readme_badges_point_at_notebooks_that_exist():
    import re
    from urllib.parse import unquote

    readme = (ROOT / "README.md").read_text("utf-8")
    paths = re.findall(r"mybinder\.org/v2/gh/[^)]*?urlpath=([^)\s]+)", readme)
    assert any(unquote(p).startswith("voila/render/") for p in paths)
    assert any(unquote(p).startswith("lab/tree/") for p in paths)
    for path in paths:
        notebook = unquote(path).split("/", 2)[2]
        assert (ROOT / notebook).is_file(), notebook
