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


def test_binder_installs_the_workbook():
    lines = (ROOT / "binder" / "requirements.txt").read_text().split()
    assert "." in lines
    version = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert version.startswith("python-3.") and int(version.split(".")[1]) >= 11
