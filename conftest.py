"""Keeps every test, and every kernel nbval starts, away from real data and content."""

from __future__ import annotations

import os
import shutil
import tempfile

_made: list[str] = []


def pytest_configure(config):
    # Kernels started by nbval inherit this environment, so set it before any start.
    folder = tempfile.mkdtemp(prefix="workbook-test-data-")
    _made.append(folder)
    os.environ["WORKBOOK_DATA_DIR"] = folder
    os.environ.pop("WORKBOOK_CONTENT_DIR", None)


def pytest_unconfigure(config):
    for folder in _made:
        shutil.rmtree(folder, ignore_errors=True)
