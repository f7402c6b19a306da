from __future__ import annotations

import pytest

from workbook.content import load_content
from workbook.scales import (
    SCS_SF_REVERSED,
    load_scs_sf,
    our_check_in,
    score,
    score_scs_sf,
    scs_sf_file,
)

# Hand-worked example. Answers to items 1..12:
#   1:4 2:3 3:5 4:2 5:4 6:2 7:3 8:1 9:5 10:3 11:4 12:2
# Subscale means (as answered): kindness (2,6) = (3+2)/2 = 2.5; judgement (11,12) = 3.0;
# humanity (5,10) = 3.5; isolation (4,8) = 1.5; mindfulness (3,7) = 4.0;
# over-identification (1,9) = 4.5.
# Reversed (6-x) for items 1,4,8,9,11,12: 2, 4, 5, 1, 2, 4.
# Total = (2+3+5+4+4+2+3+5+1+3+2+4) / 12 = 38 / 12 = 3.1667.
ANSWERS = {1: 4, 2: 3, 3: 5, 4: 2, 5: 4, 6: 2, 7: 3, 8: 1, 9: 5, 10: 3, 11: 4, 12: 2}


def test_scs_sf_scores_match_the_hand_worked_example():
    scores = score_scs_sf(ANSWERS)
    assert scores.components == {
        "self_kindness": 2.5,
        "self_judgement": 3.0,
        "common_humanity": 3.5,
        "isolation": 1.5,
        "mindfulness": 4.0,
        "over_identification": 4.5,
    }
    assert scores.overall == 3.17


def test_scs_sf_all_ones_and_all_fives():
    assert score_scs_sf(dict.fromkeys(range(1, 13), 1)).overall == round(
        (6 * 1 + 6 * 5) / 12, 2
    )
    assert score_scs_sf(dict.fromkeys(range(1, 13), 5)).overall == 3.0


def test_reversed_items_are_the_published_ones():
    assert {1, 4, 8, 9, 11, 12} == SCS_SF_REVERSED


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({1: 3}, "missing items"),
        (ANSWERS | {3: 6}, "from 1 to 5"),
        (ANSWERS | {3: 2.5}, "whole number"),
        (ANSWERS | {13: 2}, "items 1 to 12"),
    ],
)
def test_scs_sf_refuses_bad_answers(answers, message):
    with pytest.raises(ValueError, match=message):
        score_scs_sf(answers)


def test_our_check_in_hand_worked():
    scale = our_check_in(load_content())
    assert len(scale.items) == 12
    # kindness: 4, 2 (positive) and judge items answered 2 and 1 -> reversed 4 and 5.
    answers = {"kind-friend": 4, "kind-care": 2, "judge-names": 2, "judge-voice": 1}
    scores = score(scale, answers)
    assert scores.components["kindness"] == 3.75
    assert scores.components["humanity"] is None
    assert scores.overall == 3.75
    assert score(scale, {}).overall is None


def test_trainer_item_file(tmp_path):
    items = "\n".join(
        f'[[items]]\nnumber = {n}\ntext = "Placeholder item {n}"\n'
        for n in range(1, 13)
    )
    path = tmp_path / "scs_sf.toml"
    path.write_text(items, "utf-8")
    scale = load_scs_sf(path)
    assert [i.id for i in scale.items] == [str(n) for n in range(1, 13)]
    assert scale.items[0].component == "over_identification" and scale.items[0].reverse
    assert scale.items[1].component == "self_kindness" and not scale.items[1].reverse
    assert scs_sf_file(str(tmp_path)) == path
    assert scs_sf_file(None) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[items]]\nnumber = 1\ntext = "x"\n', "exactly 12"),
        (
            "".join('[[items]]\nnumber = 1\ntext = "x"\n' for _ in range(12)),
            "once each",
        ),
        ("not = = toml", "scs_sf.toml"),
    ],
)
def test_bad_trainer_item_file(tmp_path, text, message):
    path = tmp_path / "scs_sf.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ValueError, match=message):
        load_scs_sf(path)


def test_the_project_ships_no_scs_item_text():
    from importlib import resources

    content = resources.files("workbook") / "content"
    names = [p.name for p in content.iterdir()]
    assert "scs_sf.toml" not in names
