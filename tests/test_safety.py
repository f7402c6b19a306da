from __future__ import annotations

import pytest

from workbook.safety import compile_risk, find_risk

RISKY = [
    ("I want to kill myself", "kill myself"),
    ("I've been thinking about suicide", "suicide"),
    ("feeling suicidal tonight", "suicidal"),
    ("I don't want to be here any more", "don't want to be here"),
    ("I don’t want to be here", "don’t want to be here"),
    ("i dont want to be alive", "dont want to be alive"),
    ("I do not want to live like this", "do not want to live"),
    ("Sometimes I wish I was dead", "wish I was dead"),
    ("I wish I wasn't here", "wish I wasn't here"),
    ("everyone would be better off without me", "better off without me"),
    ("I want to end my life", "end my life"),
    ("I keep thinking of ending it", "thinking of ending it"),
    ("I want to end it all", "end it all"),
    ("I've started self-harming again", "self-harming"),
    ("the urge to self harm", "self harm"),
    ("I hurt myself last night", "hurt myself"),
    ("I cut myself", "cut myself"),
    ("I can't go on", "can't go on"),
    ("I cant go on", "cant go on"),
    ("I thought about taking an overdose", "overdose"),
    ("There is no reason to live", "no reason to live"),
    ("I  WANT   TO  DIE", "WANT   TO  DIE"),
]

SAFE = [
    "",
    "This joke killed me",
    "I don't want to live in London",
    "I wish I was here with you",
    "My phone died",
    "I could die of embarrassment at the deadline",  # 'die' alone is not enough
    "the self-service till was broken",
    "I cut the cake",
    "I hurt my knee",
]


@pytest.mark.parametrize(("text", "phrase"), RISKY)
def test_finds_risk_language(text, phrase):
    assert phrase in find_risk(text)


@pytest.mark.parametrize("text", SAFE)
def test_ordinary_sentences_are_not_flagged(text):
    assert find_risk(text) == []


def test_each_phrase_once_in_order():
    assert find_risk("suicide. I want to die. suicide") == ["suicide", "want to die"]


def test_bad_pattern_is_reported():
    with pytest.raises(ValueError, match="not valid"):
        compile_risk({"phrases": ["x"], "patterns": ["(oops"]})
