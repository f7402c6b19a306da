from __future__ import annotations

import pytest

from workbook.check_in import CheckInForm
from workbook.records import Answer, CheckIn


@pytest.fixture
def form(store):
    return CheckInForm(store=store)


def test_says_it_is_not_a_validated_measure(form):
    assert "not a validated measure" in form.label.value


def test_answer_and_save(form, store):
    form.answers["kind-friend"].value = 4
    form.answers["judge-names"].value = 2
    assert "Kindness towards yourself: 4.0 out of 5" in form.results.value
    form.note.value = "A busy week"
    form.save.click()
    (entry,) = store.entries()
    assert entry.record.ratings()["kind-friend"] == 4
    assert entry.record.ratings()["human-connected"] is None  # skipped, not zero
    assert entry.record.note == "A busy week"
    assert "overall 4.0 out of 5" in form.saved_list.value


def test_nothing_answered_is_nothing_to_save(form, store):
    form.save.click()
    assert store.count() == 0


def test_clear_my_answers(form):
    form.answers["kind-care"].value = 5
    form.clear.click()
    assert form.record.is_empty()


def test_reopen_a_check_in(store):
    entry = store.save(CheckIn(answers=(Answer("mindful-breath", 3),), note="n"))
    form = CheckInForm(store=store)
    form.picker.value = entry.id
    form.open_saved.click()
    assert form.answers["mindful-breath"].value == 3 and form.note.value == "n"


def test_trainer_scs_sf_is_offered(tmp_path, monkeypatch, store):
    items = "".join(
        f'[[items]]\nnumber = {n}\ntext = "Placeholder {n}"\n' for n in range(1, 13)
    )
    (tmp_path / "scs_sf.toml").write_text(items, "utf-8")
    monkeypatch.setenv("WORKBOOK_CONTENT_DIR", str(tmp_path))
    form = CheckInForm(store=store)
    assert form.scale.layout.display is None
    form.scale.value = "scs-sf"
    assert len(form.answers) == 12 and form.answers["1"].description == "Placeholder 1"
    for n in range(1, 13):
        form.answers[str(n)].value = 3
    assert "Overall: 3.0 out of 5" in form.results.value
    form.save.click()
    assert store.entries()[0].record.scale == "scs-sf"


def test_our_check_in_alone_hides_the_choice(form):
    assert form.scale.layout.display == "none"


def test_risk_language_in_the_note(form):
    form.note.value = "I have been self-harming"
    assert form.signpost.layout.display is None
