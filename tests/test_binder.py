from __future__ import annotations

import base64

import pytest

from workbook.binder import BinderBanner, on_binder
from workbook.content import load_content
from workbook.records import ThoughtRecord
from workbook.thought_record import ThoughtRecordForm


@pytest.fixture
def binder(monkeypatch):
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")


def test_not_on_binder_by_default(monkeypatch, store):
    for name in (
        "BINDER_LAUNCH_HOST",
        "BINDER_REPO_URL",
        "BINDER_REQUEST",
        "BINDER_REF_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    assert not on_binder()
    assert BinderBanner(store, load_content()).layout.display == "none"


def test_banner_warns_and_offers_the_data_in_one_click(binder, store):
    store.save(ThoughtRecord(situation="keep me"))
    banner = BinderBanner(store, load_content())
    assert banner.layout.display is None
    assert "temporary" in banner.value and "stranger" in banner.value
    data = base64.b64decode(banner.value.split(";base64,", 1)[1].split('"', 1)[0])
    assert b"keep me" in data


def test_every_exercise_shows_it_and_keeps_it_current(binder, store):
    form = ThoughtRecordForm(store=store)
    assert form.binder.layout.display is None
    form.situation.value = "written on binder"
    form.save.click()
    data = base64.b64decode(form.binder.value.split(";base64,", 1)[1].split('"', 1)[0])
    assert b"written on binder" in data
