from __future__ import annotations

import pytest

from workbook.language import (
    explanations,
    find_critic,
    highlight_html,
    to_we,
    we_suggestion,
)

MUST_FIND = [
    # absolutes
    ("I always get it wrong", [("absolute", "always")]),
    ("Nothing ever works out", [("absolute", "Nothing")]),
    ("Everyone thinks I'm a joke", [("absolute", "Everyone"), ("label", "I'm a joke")]),
    ("No one likes me", [("absolute", "No one")]),
    ("nobody cares", [("absolute", "nobody")]),
    ("I mess up every time", [("absolute", "every time")]),
    ("Everything I touch goes wrong", [("absolute", "Everything")]),
    ("Everyone’s laughing at me", [("absolute", "Everyone")]),
    ("I'll feel like this forever", [("absolute", "forever")]),
    # global self-labels
    ("I'm such an idiot", [("label", "I'm such an idiot")]),
    ("I am a failure", [("core_belief", "I am a failure")]),
    ("I’m pathetic", [("label", "I’m pathetic")]),
    ("I feel so stupid", [("label", "I feel so stupid")]),
    ("I'm a complete loser", [("label", "I'm a complete loser")]),
    ("I am just a burden", [("label", "I am just a burden")]),
    ("i'm rubbish at this", [("label", "i'm rubbish")]),
    ("I'm worthless", [("core_belief", "I'm worthless")]),
    ("I'm a fraud", [("label", "I'm a fraud")]),
    ("I feel like a failure", [("label", "I feel like a failure")]),
    # should / must
    ("I should have known better", [("should", "should have")]),
    ("I must not cry", [("should", "must not")]),
    ("I shouldn't feel this way", [("should", "shouldn't")]),
    ("I ought to be coping", [("should", "ought to")]),
    ("I have to be perfect", [("should", "have to")]),
    ("I should’ve said no", [("should", "should’ve")]),
    # core beliefs from the source text
    ("I am useless", [("core_belief", "I am useless")]),
    ("I am not worthwhile", [("core_belief", "I am not worthwhile")]),
    ("I cannot succeed", [("core_belief", "I cannot succeed")]),
    ("I can't succeed at anything", [("core_belief", "I can't succeed")]),
    ("I'm not good enough", [("core_belief", "I'm not good enough")]),
    ("I'll never get it right", [("core_belief", "I'll never get it right")]),
    (
        "I can never do anything right",
        [("core_belief", "I can never do anything right")],
    ),
    # second-person self-attack
    ("You idiot", [("attack", "You idiot")]),
    ("you stupid idiot", [("attack", "you stupid idiot")]),
    ("You're useless", [("attack", "You're useless")]),
    ("What's wrong with you?", [("attack", "What's wrong with you")]),
    ("How could you do that", [("attack", "How could you")]),
    ("you should have known", [("attack", "you should have known")]),
    ("You always mess things up", [("attack", "You always mess")]),
    ("you are such a disgrace", [("attack", "you are such a disgrace")]),
    # several in one thought
    (
        "I always fail. I should have tried harder, I'm useless",
        [
            ("absolute", "always"),
            ("should", "should have"),
            ("core_belief", "I'm useless"),
        ],
    ),
]

MUST_NOT_FIND = [
    "The printer is useless",
    "I am not useless",
    "That was a stupid film",
    "I can succeed if I practise",
    "I am useful to my team",
    "I went to the shops",
    "mustard on my sandwich",
    "my shoulders hurt",
    "nevertheless I carried on",
    "She said you did well",
    "It was a failure of the printer",
    "I am worthwhile",
    "I feel tired",
    "I'm a nurse",
    "Thank you for listening",
    "",
]


@pytest.mark.parametrize(("text", "expected"), MUST_FIND)
def test_finds_the_inner_critic(text, expected):
    assert [(f.kind, f.phrase) for f in find_critic(text)] == expected


@pytest.mark.parametrize("text", MUST_NOT_FIND)
def test_leaves_ordinary_words_alone(text):
    assert find_critic(text) == []


def test_table_is_big_enough():
    assert len(MUST_FIND) + len(MUST_NOT_FIND) >= 40


def test_findings_point_at_the_original_text():
    text = "Honestly, I’m useless"
    (finding,) = find_critic(text)
    assert text[finding.start : finding.end] == finding.phrase == "I’m useless"


def test_highlight_escapes_user_text_and_names_each_kind():
    html = highlight_html('<img src=x onerror="a()"> I always fail')
    assert "<img" not in html and "&lt;img src=x onerror=&quot;a()&quot;&gt;" in html
    assert '<mark class="wb-critic" data-kind="absolute">always</mark>' in html
    assert "(absolute)" in html  # a word, not colour alone


def test_highlight_keeps_line_breaks():
    assert "<br>" in highlight_html("one\ntwo")


def test_explanations_follow_rule_order():
    names = [name for name, _ in explanations("I always think I should, I'm useless")]
    assert names == ["core belief", "should", "absolute"]


def test_we_suggestion_quotes_the_critic_and_speaks_as_we():
    text = we_suggestion("I'm such an idiot")
    assert "“I'm such an idiot”" in text and "us" in text.lower()


def test_we_suggestion_has_a_gentle_fallback():
    assert "We are human" in we_suggestion("It rained all day")


@pytest.mark.parametrize(
    ("mine", "ours"),
    [
        (
            "When you make a mistake, it hurts you.",
            "When we make a mistake, it hurts us.",
        ),
        ("I am human and I make mistakes", "We are human and we make mistakes"),
        (
            "You're not alone, it happens to you too",
            "We're not alone, it happens to us too",
        ),
        ("It's okay for you to struggle", "It's okay for us to struggle"),
        ("My mistakes don't define me", "Our mistakes don't define us"),
        ("Everyone makes mistakes", "Everyone makes mistakes"),
        (
            "Many of us think “I'm useless” and so do I",
            "Many of us think “I'm useless” and so do we",
        ),
        ('You said "I am fine" to me', 'We said "I am fine" to us'),
    ],
)
def test_to_we(mine, ours):
    assert to_we(mine) == ours
