from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from workbook.content import load_content
from workbook.data_view import DataPanel
from workbook.export import export_json
from workbook.records import NextStep, ThoughtRecord


@pytest.fixture
def panel(store):
    store.save(ThoughtRecord(situation="first"))
    store.save(NextStep(what_happened="second"))
    changes = []
    p = DataPanel(store, load_content(), lambda: changes.append(1))
    p.changes = changes
    return p


def links(panel) -> dict[str, bytes]:
    found = {}
    for part in panel.downloads.value.split('download="')[1:]:
        name = part.split('"', 1)[0]
        data = part.split(";base64,", 1)[1].split('"', 1)[0]
        found[name] = base64.b64decode(data)
    return found


def upload(panel, data: bytes, name: str = "mine.json") -> None:
    panel.upload.value = (
        {
            "name": name,
            "type": "application/json",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(UTC),
        },
    )


def test_one_click_downloads_for_every_format(panel):
    names = sorted(links(panel))
    assert any(n.startswith("workbook-data-") and n.endswith(".json") for n in names)
    assert any(n.startswith("workbook-summary-") and n.endswith(".html") for n in names)
    assert any(n.startswith("workbook-thought_record-") for n in names)
    assert any(n.startswith("workbook-next_step-") for n in names)


def test_a_stray_confirm_cannot_delete(panel, store):
    panel.confirm_one.click()
    panel.confirm_all.click()
    assert store.count() == 2


def test_delete_one_needs_its_confirmation(panel, store):
    target = panel.one_picker.value
    panel.delete_one.click()
    assert panel.confirm.layout.display is None
    panel.keep.click()
    assert store.count() == 2 and "Nothing was deleted" in panel.delete_status.value
    panel.delete_one.click()
    panel.confirm_one.click()
    assert store.count() == 1
    with pytest.raises(KeyError):
        store.get(target)
    panel.confirm_one.click()  # the confirmation is used up
    assert store.count() == 1 and panel.changes


def test_confirmation_is_for_the_entry_it_named(panel, store):
    panel.delete_one.click()
    panel.one_picker.value = panel.one_picker.options[1][
        1
    ]  # a different entry chosen since
    panel.confirm_one.click()
    assert store.count() == 2


def test_delete_everything_needs_the_word(panel, store):
    panel.delete_all.click()
    panel.confirm_box.value = "yes"
    panel.confirm_all.click()
    assert store.count() == 2 and "must say delete" in panel.delete_status.value
    panel.confirm_box.value = " Delete "
    panel.confirm_all.click()
    assert store.count() == 0
    assert "nothing to download" in panel.downloads.value


def test_import_shows_a_preview_and_writes_only_when_agreed(panel, store):
    data = export_json(store.entries())
    store.delete_all()
    upload(panel, data)
    assert "New: 2." in panel.import_status.value and store.count() == 0
    panel.cancel.click()
    assert store.count() == 0
    upload(panel, data)
    panel.apply.click()
    assert store.count() == 2 and "Entries added: 2." in panel.import_status.value
    panel.apply.click()  # nothing left to apply
    assert store.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{oops", "damaged"),
        (b"id,status\n", "CSV"),
        ("caf\xe9".encode("latin-1"), "UTF-8"),
        (
            json.dumps(
                {"format": "self-compassion-workbook", "version": 2, "entries": []}
            ).encode(),
            "newer",
        ),
    ],
)
def test_bad_uploads_change_nothing(panel, store, data, message):
    before = store.entries()
    upload(panel, data)
    assert message in panel.import_status.value and "error" in panel.import_status.value
    assert panel.import_buttons.layout.display == "none"
    assert store.entries() == before


def test_upload_is_cleared_after_reading(panel, store):
    upload(panel, export_json(store.entries()))
    assert panel.upload.value == ()
