from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from workbook.content import FILES, load_content


def test_defaults_load_with_no_problems():
    content = load_content()
    assert content.problems == ()
    assert len(content.patterns) == 10
    assert {h.contact for h in content.helplines} >= {"116 123", "111", "999"}
    assert "not therapy" in content.text("common", "disclaimer.text")


def test_every_default_file_parses():
    for name in FILES:
        text = (resources.files("workbook") / "content" / f"{name}.toml").read_text(
            "utf-8"
        )
        assert tomllib.loads(text)


def test_missing_key_is_a_clear_error():
    with pytest.raises(KeyError, match="common.toml has no 'buttons.fly'"):
        load_content().text("common", "buttons.fly")


def test_trainer_override_changes_one_prompt_and_keeps_the_rest(tmp_path):
    (tmp_path / "thought_record.toml").write_text(
        '[steps.situation]\nprompt = "Tell me about it."\n', "utf-8"
    )
    content = load_content(tmp_path)
    assert content.problems == ()
    assert (
        content.text("thought_record", "steps.situation.prompt") == "Tell me about it."
    )
    assert content.text("thought_record", "steps.situation.title") == "What happened"


def test_environment_variable_points_at_overrides(tmp_path, monkeypatch):
    (tmp_path / "common.toml").write_text('[buttons]\nsave = "Keep it"\n', "utf-8")
    monkeypatch.setenv("WORKBOOK_CONTENT_DIR", str(tmp_path))
    assert load_content().text("common", "buttons.save") == "Keep it"


def test_extra_thinking_pattern_is_added_and_one_can_be_hidden(tmp_path):
    (tmp_path / "thinking_patterns.toml").write_text(
        'hidden = ["mental-filter"]\n[[patterns]]\nslug = "comparing"\nname = "Comparing"\n'
        'description = "Measuring yourself against others."\nexample = "They all cope better."\n',
        "utf-8",
    )
    slugs = [p.slug for p in load_content(tmp_path).patterns]
    assert "comparing" in slugs and "mental-filter" not in slugs and len(slugs) == 10


def test_helplines_are_replaced_for_another_country(tmp_path):
    (tmp_path / "helplines.toml").write_text(
        'region = "Ireland"\n[[helplines]]\nname = "Samaritans Ireland"\n'
        'contact = "116 123"\ndetail = "Any time."\n',
        "utf-8",
    )
    content = load_content(tmp_path)
    assert [h.name for h in content.helplines] == ["Samaritans Ireland"]


@pytest.mark.parametrize(
    ("file", "text", "problem"),
    [
        ("common.toml", "this is = = not toml", "common.toml"),
        ("common.toml", "[buttons]\nsave = 3\n", "common.buttons.save should be text"),
        ("helplines.toml", "helplines = []\n", "at least one helpline"),
        (
            "thinking_patterns.toml",
            '[[patterns]]\nslug = "x"\n',
            "thinking_patterns.toml",
        ),
        (
            "language.toml",
            '[kinds.should]\npatterns = ["(unclosed"]\n',
            "not a valid pattern",
        ),
    ],
)
def test_invalid_override_names_the_file_and_keeps_defaults(
    tmp_path, file, text, problem
):
    (tmp_path / file).write_text(text, "utf-8")
    content = load_content(tmp_path)
    assert len(content.problems) == 1
    assert file in content.problems[0] and problem in content.problems[0]
    defaults = load_content()
    assert (
        content.files[file.removesuffix(".toml")]
        == defaults.files[file.removesuffix(".toml")]
    )


def test_risk_phrases_can_be_added_never_removed(tmp_path):
    (tmp_path / "risk.toml").write_text(
        'phrases = ["want to disappear"]\npatterns = []\n', "utf-8"
    )
    content = load_content(tmp_path)
    phrases = content.files["risk"]["phrases"]
    assert "want to disappear" in phrases and "suicide" in phrases
    assert content.files["risk"]["patterns"] == load_content().files["risk"]["patterns"]


def test_a_missing_folder_is_reported(tmp_path):
    assert "does not exist" in load_content(tmp_path / "nope").problems[0]


def test_values_can_be_added_and_hidden(tmp_path):
    (tmp_path / "values.toml").write_text(
        'hidden = ["comfort"]\n[[values]]\nslug = "craft"\nname = "Craft"\n'
        'description = "Making things by hand."\n',
        "utf-8",
    )
    names = [v.name for v in load_content(tmp_path).values]
    assert "Craft" in names and "Comfort" not in names
    assert len(names) == len(load_content().values)


def test_default_values_list_is_long_enough():
    assert len(load_content().values) >= 40
