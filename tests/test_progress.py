from __future__ import annotations

from datetime import date

import ipywidgets as w

from workbook.content import load_content
from workbook.progress import PAGE_SIZE, ProgressView
from workbook.progress_data import progress, week_of
from workbook.records import (
    AutomaticThought,
    CheckBack,
    Feeling,
    NextStep,
    Plan,
    ThoughtRecord,
)
from workbook.records.check_in import Answer, CheckIn


def test_empty_state_is_kind_and_links_to_the_first_exercise(store):
    view = ProgressView(store=store)
    assert "that is fine" in view.empty.value
    assert 'href="01_thought_record.ipynb"' in view.empty.value
    assert view.history.layout.display == "none"


def test_series(store):
    store.save(
        ThoughtRecord(
            feelings=(Feeling("sad", 80, 40), Feeling("cross", 60, 20)),
            thoughts=(AutomaticThought("I always fail, I'm useless"),),
        )
    )
    store.save(NextStep(plan=Plan("call"), check_back=CheckBack("yes")))
    store.save(NextStep(plan=Plan("write")))
    store.save(CheckIn(answers=(Answer("kind-friend", 4), Answer("judge-names", 2))))
    data = progress(store.entries(), load_content())
    assert [(b, a) for _, b, a in data.intensity] == [(70, 30)]
    assert [s for _, s in data.check_ins] == [4.0]
    assert sum(n for _, n in data.critic_weeks) == 2
    assert (data.planned, data.done) == (2, 1)
    assert data.practice_days == 1


def test_week_of_is_monday():
    assert week_of(date(2026, 11, 26)) == date(2026, 11, 23)


def test_plots_have_alt_text(store):
    store.save(ThoughtRecord(feelings=(Feeling("sad", 80, 40),)))
    view = ProgressView(store=store)
    assert (
        '<img class="wb-plot" alt="Thought records with ratings: 1. Average intensity before: 80'
        in view.plots.value
    )


def _count_widgets(widget) -> int:
    children = getattr(widget, "children", ())
    return 1 + sum(_count_widgets(c) for c in children)


def test_many_entries_page_as_one_table_with_few_widgets(store):
    for i in range(120):
        store.save(ThoughtRecord(situation=f"entry {i:03d} <b>"))
    view = ProgressView(store=store)
    assert view.table.value.count("<tr>") == PAGE_SIZE + 1
    assert "&lt;b&gt;" in view.table.value and "<b>" not in view.table.value
    assert "Page 1 of 6. Entries in all: 120." in view.page_label.value
    assert "entry 119" in view.table.value
    view.next.click()
    assert "Page 2 of 6" in view.page_label.value
    view.sort.value = "oldest"
    assert "entry 000" in view.table.value and "Page 1 of 6" in view.page_label.value
    assert _count_widgets(view) <= 150
    assert isinstance(view.table, w.HTML)


def test_pandas_and_matplotlib_stay_out_of_the_exercises():
    import subprocess
    import sys

    code = (
        "import sys; from workbook import ThoughtRecordForm, NextStepForm, CheckInForm, "
        "CompassionateImageForm, Store;"
        "[f(store=Store.memory()) for f in (ThoughtRecordForm, NextStepForm, CheckInForm, "
        "CompassionateImageForm)];"
        "assert 'pandas' not in sys.modules, 'pandas'; assert 'matplotlib' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
