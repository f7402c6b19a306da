from __future__ import annotations

from workbook.start import StartPage
from workbook.store import open_store


def test_start_page_says_what_it_is_not_and_links_exercises(store):
    page = StartPage(store=store)
    html = page.page.value
    assert "Not therapy" in html and "crisis" in html
    assert 'href="01_thought_record.ipynb"' in html
    assert "demonstration" in html  # a memory store is said to be temporary


def test_start_page_shows_where_the_data_lives_escaped(tmp_path):
    folder = tmp_path / "<b>odd"
    store = open_store(folder)
    html = StartPage(store=store).page.value
    assert "&lt;b&gt;odd" in html and "<b>odd" not in html
    store.close()
