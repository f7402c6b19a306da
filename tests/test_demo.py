from __future__ import annotations

import subprocess
import sys

import pytest

from workbook.demo import DemoView


@pytest.fixture
def demo():
    return DemoView()


def test_next_reveals_the_model_answer_for_each_step(demo):
    form = demo.form
    assert form.situation.value.startswith("Tuesday, end of a 12-hour shift")
    assert form.feeling_rows[0].name.value == ""
    assert "Step 1 of 7: What happened" in demo.notes.value
    form.stepper.next.click()
    assert [r.name.value for r in form.feeling_rows] == ["ashamed", "anxious"]
    assert form.thought_rows[0].text.value == ""
    assert "Step 2 of 7: Feelings" in demo.notes.value
    form.stepper.next.click()
    assert form.thought_rows[0].text.value == "I'm useless. I can't do anything right."
    assert "Osmo" in demo.notes.value
    form.stepper.back.click()
    assert form.thought_rows[0].text.value == ""


def test_choose_a_vignette_and_exercise(demo):
    demo.vignette.value = "priya"
    assert [label for label, _ in demo.exercise.options] == [
        "A values-based next step",
        "Thought record",
    ]
    assert demo.form.what_happened.value.startswith("I sent the quarterly report")
    demo.vignette.value = "jo"
    assert demo.form.route.value == "memory"
    demo.exercise.value = 1
    assert demo.form.route.value == "image"
    demo.form.stepper.index = 5
    assert "A wide, calm lake at dawn" in demo.form.practice.value


def test_presenter_toggle_and_reset(demo):
    demo.presenter.value = True
    assert "wb-presenter" in demo._dom_classes
    demo.presenter.value = False
    assert "wb-presenter" not in demo._dom_classes
    demo.form.stepper.next.click()
    demo.form.situation.value = "changed by the supervisor"
    demo.reset.click()
    assert demo.form.stepper.index == 0
    assert demo.form.situation.value.startswith("Tuesday")


def test_demo_writes_to_memory_only(demo):
    assert demo.store.path == ":memory:"
    assert demo.form.store is demo.store


def test_no_data_file_is_created_or_touched(tmp_path):
    code = (
        "from workbook import DemoView, open_store, StartPage;"
        "d = DemoView(); d.form.stepper.next.click(); d.form.save.click();"
        "d.vignette.value = 'priya'; d.form.save.click();"
        "s = open_store(); assert s.path == ':memory:', s.path; StartPage(store=s)"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "WORKBOOK_DATA_DIR": str(tmp_path / "data"),
        "WORKBOOK_DEMO": "1",
    }
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert not (tmp_path / "data").exists()


def test_serve_demo_starts_on_the_demo_with_demo_mode(monkeypatch):
    from workbook import cli

    seen = {}

    class Fake:
        def __init__(self, cmd, env):
            seen["env"] = env

        def wait(self):
            return 0

    monkeypatch.setattr(cli.subprocess, "Popen", Fake)
    assert cli.main(["serve", "--demo", "--no-browser", "--port", "1"]) == 0
    assert seen["env"]["WORKBOOK_DEMO"] == "1"
