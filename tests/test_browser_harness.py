"""The browser tests fail, never skip, under CI when the browser is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TARGET = "tests/e2e/test_thought_record_browser.py::test_risk_language_shows_signposting_at_once"


def run_without_browser(ci: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, WORKBOOK_CHROMIUM="/nonexistent/chromium", CI=ci)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rs", TARGET],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(("ci", "word"), [("true", "error"), ("", "skipped")])
def test_missing_browser(ci, word):
    result = run_without_browser(ci)
    out = result.stdout + result.stderr
    assert "Chromium is not installed at /nonexistent/chromium" in out
    if ci == "true":
        assert result.returncode != 0 and "1 error" in out
    else:
        assert result.returncode == 0 and "1 skipped" in out
    assert word in out
