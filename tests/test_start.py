from __future__ import annotations

from workbook.start import StartPage
from workbook.store import open_store


def test_start_page_says_what_it_is_not_and_links_exercises(store):
    page = StartPage(store=store)
    html = page.page.value + page.exercises.value
    assert "Not therapy" in html and "crisis" in html
    assert 'href="01_thought_record.ipynb"' in html
    assert "demonstration" in html  # a memory store is said to be temporary


def test_start_page_shows_where_the_data_lives_escaped(tmp_path):
    folder = tmp_path / "<b>odd"
    store = open_store(folder)
    html = StartPage(store=store).exercises.value
    assert "&lt;b&gt;odd" in html and "<b>odd" not in html
    store.close()


def test_start_page_offers_a_pluralistic_choice_and_locks_nothing(store):
    page = StartPage(store=store)
    links = page.exercises.value
    for notebook in (
        "01_thought_record",
        "02_values_next_step",
        "03_compassionate_image",
        "04_check_in",
        "05_my_progress",
        "demo",
    ):
        assert f'href="{notebook}.ipynb"' in links
    assert "Choose a way of working" in page.suggestions.value
    page.ways["imagine"].value = True
    assert 'href="03_compassionate_image.ipynb"' in page.suggestions.value
    assert "01_thought_record" not in page.suggestions.value
    page.ways["write"].value = True
    page.structure.value = "structure"
    assert "one step at a time" in page.suggestions.value
    assert 'href="01_thought_record.ipynb"' in page.exercises.value  # still all there


def test_the_choice_is_kept_and_can_be_changed(store):
    first = StartPage(store=store)
    first.ways["act"].value = True
    first.structure.value = "freedom"
    again = StartPage(store=store)
    assert again.ways["act"].value and again.structure.value == "freedom"
    again.ways["act"].value = False
    again.ways["check_in"].value = True
    assert store.count() == 1
    assert store.entries()[0].record.ways == ("check_in",)


def test_links_look_like_links_not_colour_alone():
    from importlib import resources

    css = (resources.files("workbook") / "style.css").read_text("utf-8")
    rule = css[css.index(".wb-app a:not(.wb-download) {") :].split("}", 1)[0]
    assert "text-decoration: underline" in rule and "color:" in rule
