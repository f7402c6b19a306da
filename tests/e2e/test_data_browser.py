"""A person checks in, looks at their progress, takes their data, deletes it, brings it back."""

from __future__ import annotations

import csv
import io
import json

from playwright.sync_api import expect

from .browser import open_app, rows, shoot, type_into, wait_for_row

NOTE = 'Week of «rain» & "deadlines" <b>not bold</b> 😊 — $5 and $6\nSecond line'


def choose_file(page, path) -> None:
    """Press "Choose a file" and pick `path` in the file chooser, as a person would."""
    with page.expect_file_chooser() as chooser:
        page.locator(".wb-name-upload").click()
    chooser.value.set_files(str(path))


def test_check_in_progress_export_delete_and_import(page, own_server, tmp_path):
    server = own_server
    open_app(page, server.url("04_check_in.ipynb"))
    expect(page.locator(".wb-name-label")).to_contain_text("not a validated measure")
    items = page.locator(".wb-check-item")
    expect(items).to_have_count(12)
    # kind-friend 4, judge-names 2 (reversed: 4), mindful-letbe 5: overall 13 / 3 = 4.33
    items.nth(0).get_by_label("4", exact=True).check()
    items.nth(2).get_by_label("2", exact=True).check()
    items.nth(8).get_by_label("5", exact=True).check()
    expect(page.locator(".wb-name-results")).to_contain_text("Overall:")
    page.get_by_label("Anything you'd like to note about this week", exact=True).fill(
        NOTE
    )
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-name-status")).to_contain_text("Saved on")
    shoot(page, "check-in-saved")
    wait_for_row(server, lambda s, r: r["note"] == NOTE, kind="check_in")

    page.goto(server.url("05_my_progress.ipynb"), wait_until="commit")
    page.wait_for_selector(".wb-name-table", timeout=90_000)
    expect(page.locator(".wb-name-table")).to_contain_text("Check-in")
    expect(page.locator("img.wb-plot").first).to_be_visible()
    expect(page.locator("img.wb-plot").first).to_have_attribute(
        "alt", "Check-ins so far: 1. The latest overall score was 4.33 out of 5."
    )
    shoot(page, "my-progress")

    def download(name: str):
        with page.expect_download() as info:
            page.get_by_role("link", name=name).click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        return path

    json_file = download("Download everything (JSON, to bring back later)")
    html_file = download("Download a printable summary (HTML)")
    csv_file = download("Download check-in as a spreadsheet (CSV)")
    assert json_file.name.startswith("workbook-data-") and json_file.suffix == ".json"
    exported = json.loads(json_file.read_text("utf-8"))
    assert exported["entries"][0]["record"]["note"] == NOTE
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html_file.read_text("utf-8")
    table = list(csv.DictReader(io.StringIO(csv_file.read_text("utf-8-sig"))))
    assert table[0]["note"] == NOTE

    # Delete everything, with the word typed to confirm.
    page.get_by_role("button", name="Delete everything…").click()
    type_into(page, "Type delete to confirm", "delete")
    page.get_by_role("button", name="Delete everything now").click()
    expect(page.locator(".wb-name-delete-status")).to_contain_text(
        "Everything has been deleted"
    )
    assert rows(server) == []

    # A malformed file changes nothing and says why.
    bad = tmp_path / "broken.json"
    bad.write_text(
        '{"format": "self-compassion-workbook", "version": 1, "entries": [', "utf-8"
    )
    choose_file(page, bad)
    expect(page.locator(".wb-name-import-status")).to_contain_text(
        "damaged or incomplete"
    )
    choose_file(page, csv_file)
    expect(page.locator(".wb-name-import-status")).to_contain_text("CSV spreadsheet")
    assert rows(server) == []

    # The JSON brings everything back exactly.
    choose_file(page, json_file)
    expect(page.locator(".wb-name-import-status")).to_contain_text("New: 1.")
    assert rows(server) == []  # a preview writes nothing
    page.get_by_role("button", name="Add them").click()
    expect(page.locator(".wb-name-import-status")).to_contain_text("Entries added: 1.")
    ((status, record),) = rows(server)
    assert status == "done" and record["note"].encode("utf-8") == NOTE.encode("utf-8")
    expect(page.locator(".wb-name-table")).to_contain_text("Check-in")
    shoot(page, "my-progress-restored")
