"""The documented example folder of trainer overrides works as documented."""

from __future__ import annotations

from pathlib import Path

from workbook.content import load_content
from workbook.safety import compile_risk, find_risk

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "trainer-content"


def test_example_folder_loads_without_problems():
    assert load_content(EXAMPLE).problems == ()


def test_each_example_override_takes_effect():
    content = load_content(EXAMPLE)
    defaults = load_content()
    assert [h.contact for h in content.helplines] == ["000", "13 11 14", "1300 22 4636"]
    assert {"Craft", "Community"} <= {v.name for v in content.values}
    assert len(content.values) == len(defaults.values) + 2
    assert content.text("thought_record", "steps.situation.prompt").startswith(
        "Think of one moment"
    )
    assert content.text("thought_record", "steps.situation.title") == "What happened"
    assert "comparing" in {p.slug for p in content.patterns}
    assert "alex" in {v.slug for v in content.vignettes}


def test_views_use_the_trainers_content(monkeypatch, store):
    from workbook.thought_record import ThoughtRecordForm

    form = ThoughtRecordForm(store=store, content=load_content(EXAMPLE))
    form.situation.value = "I want to die"
    assert "13 11 14" in form.signpost.value and "116 123" not in form.signpost.value
    assert "comparing" in form.patterns


def test_the_docs_describe_the_folder():
    docs = (EXAMPLE.parent.parent / "docs" / "trainers.md").read_text("utf-8")
    for name in (
        "helplines.toml",
        "values.toml",
        "thinking_patterns.toml",
        "vignettes.toml",
        "risk.toml",
        "WORKBOOK_CONTENT_DIR",
    ):
        assert name in docs


def test_risk_phrases_cannot_be_removed_by_an_override(tmp_path):
    (tmp_path / "risk.toml").write_text("phrases = []\npatterns = []\n", "utf-8")
    rules = compile_risk(load_content(tmp_path).files["risk"])
    assert find_risk("I want to kill myself", rules)
