"""Installed and declared versions exclude the known security advisories."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]

#: The first release of each package without the advisories named.
FIXED = {
    "voila": ("0.5.6", "CVE-2024-30265"),
    "jupyter_server": (
        "2.14.1",
        "CVE-2023-39968, CVE-2023-40170, CVE-2023-49080, CVE-2024-35178",
    ),
    "tornado": ("6.5", "CVE-2024-52804, CVE-2025-47287"),
    "jinja2": ("3.1.6", "CVE-2024-56201, CVE-2024-56326, CVE-2025-27516"),
    "jupyterlab": ("4.2.5", "CVE-2024-43805"),
}


def _declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    return {r.name.lower().replace("-", "_"): r for r in reqs}


@pytest.mark.parametrize("name", sorted(FIXED))
def test_the_installed_version_has_the_fixes(name):
    fixed, advisories = FIXED[name]
    installed = Version(version(name))
    assert installed >= Version(fixed), f"{name} {installed} is open to {advisories}"


@pytest.mark.parametrize("name", sorted(FIXED))
def test_the_declared_floor_refuses_versions_without_the_fixes(name):
    fixed, advisories = FIXED[name]
    requirement = _declared()[name]
    older = Version(fixed).release
    just_before = Version(".".join(map(str, (*older[:-1], older[-1] - 1))))
    assert not requirement.specifier.contains(just_before), (
        f"pyproject.toml lets {name} {just_before} in ({advisories})"
    )
    assert requirement.specifier.contains(version(name))


@pytest.mark.parametrize("name", sorted(FIXED))
def test_binder_pins_have_the_fixes(name):
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines():
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if found:
            pins[found[1].lower().replace("-", "_")] = Version(found[2])
    assert name in pins, f"binder/requirements.txt should pin {name}"
    assert pins[name] >= Version(FIXED[name][0])
