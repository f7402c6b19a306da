"""A person completes a thought record in Chromium, through `workbook serve`."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .browser import next_step, open_app, rate, rows, shoot, type_into, wait_for_row

APP = "01_thought_record.ipynb"
PAYLOAD = '<img src=x onerror="window.__x=1">'


def test_start_page_links_to_the_thought_record(page, server):
    open_app(page, server.url("00_start_here.ipynb"))
    expect(
        page.get_by_role("heading", name="Welcome to the Self-Compassion Workbook")
    ).to_be_visible()
    expect(page.get_by_text("not a crisis service").first).to_be_visible()
    expect(page.get_by_text(str(server.db))).to_be_visible()
    shoot(page, "start-here")
    page.get_by_role("link", name="Thought record").click()
    page.wait_for_selector(".wb-name-situation textarea", timeout=90_000)
    expect(page.locator(".wb-step-count")).to_have_text("Step 1 of 7")


def test_complete_save_and_find_a_thought_record(page, server):
    open_app(page, server.url(APP))
    expect(
        page.get_by_role("heading", name="Thought record", exact=True)
    ).to_be_visible()
    expect(page.get_by_text("not a crisis service").first).to_be_visible()

    type_into(page, "The situation", "My manager's feedback on Tuesday")
    next_step(page, 2)
    type_into(page, "Feeling", "ashamed")
    feeling = page.locator(".wb-name-feeling-row").first
    rate(page, feeling, 0.8)
    expect(feeling.locator(".wb-rating-readout")).not_to_contain_text("not rated")
    page.get_by_role("button", name="Add another feeling").click()
    type_into(page, "Feeling", "anxious", nth=1)
    next_step(page, 3)
    type_into(page, "Thought", "I always get it wrong. I'm useless.")
    expect(page.locator(".wb-name-thoughts-box mark.wb-critic").first).to_be_visible()
    expect(page.locator(".wb-name-thoughts-box")).to_contain_text("(core belief)")
    page.get_by_label("This is the hottest thought (the one that hurts most)").check()
    next_step(page, 4)
    page.get_by_label("Labelling").check()
    expect(page.locator(".wb-name-pinned")).to_contain_text("I always get it wrong")
    next_step(page, 5)
    type_into(page, "What supports the thought", "I missed one figure")
    type_into(page, "What does not fit with the thought", "The rest was praised")
    expect(page.locator(".wb-name-pinned")).to_be_visible()
    next_step(page, 6)
    type_into(page, "Self-kindness", "It was one slip on a busy day.")
    type_into(page, "Common humanity", "You are not the only one")
    expect(page.locator(".wb-name-we-version")).to_contain_text(
        "We are not the only one"
    )
    page.get_by_role("button", name="Add this to my common humanity answer").click()
    type_into(page, "Mindfulness", "This is hard and it will pass.")
    shoot(page, "thought-record-response")
    next_step(page, 7)
    expect(page.locator(".wb-name-rerate-box")).to_contain_text("ashamed")
    rate(page, page.locator(".wb-name-rerate-box"), 0.3)
    type_into(page, "Anything else you noticed", "Calmer now")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-name-status")).to_contain_text("Saved on")
    shoot(page, "thought-record-saved")

    # Save can overtake the last keystrokes (ipywidgets sends clicks at once but holds
    # back value updates while the kernel is busy); the autosave then stores them.
    (done,) = wait_for_row(
        server,
        lambda s, r: s == "done" and r["notes"] == "Calmer now",
        kind="thought_record",
    )
    mine = [
        r
        for _, r in rows(server, "done", "thought_record")
        if r["situation"] == "My manager's feedback on Tuesday"
    ]
    assert len(mine) == 1  # saved once; the autosaves after it update the same entry
    record = done[1]
    assert record["situation"] == "My manager's feedback on Tuesday"
    assert [f["name"] for f in record["feelings"]] == ["ashamed", "anxious"]
    assert record["feelings"][0]["before"] is not None
    assert record["feelings"][0]["after"] is not None
    assert record["thoughts"][0]["hot"] is True
    assert record["patterns"] == ["labelling"]
    assert record["response"]["common_humanity"].startswith(
        "You are not the only one\n"
    )
    assert record["notes"] == "Calmer now"

    # Close the tab, come back: the record is there to find and open.
    page.close()
    again = page.context.new_page()
    open_app(again, server.url(APP))
    expect(again.locator(".wb-name-saved-list")).to_contain_text(
        "My manager's feedback on Tuesday"
    )
    again.get_by_role("button", name="Open").click()
    expect(again.get_by_label("The situation", exact=True)).to_have_value(
        "My manager's feedback on Tuesday"
    )


def test_half_finished_record_comes_back_as_a_draft(page, server):
    open_app(page, server.url(APP))
    type_into(page, "The situation", "Half-finished, about the bus")
    expect(page.locator(".wb-name-autosave-note")).to_contain_text("kept")
    wait_for_row(
        server,
        lambda s, r: s == "draft" and r["situation"] == "Half-finished, about the bus",
        kind="thought_record",
    )
    page.close()

    again = page.context.new_page()
    open_app(again, server.url(APP))
    expect(again.locator(".wb-name-resume-bar")).to_contain_text("unfinished record")
    again.get_by_role("button", name="Carry on with it").click()
    expect(again.get_by_label("The situation", exact=True)).to_have_value(
        "Half-finished, about the bus"
    )


def test_risk_language_shows_signposting_at_once(page, server):
    open_app(page, server.url(APP))
    signpost = page.locator(".wb-name-signpost")
    expect(signpost).to_be_hidden()
    type_into(page, "The situation", "I don't want to be here any more")
    expect(signpost).to_be_visible()
    expect(signpost).to_contain_text("Samaritans: 116 123")
    shoot(page, "thought-record-signposting")
    # Not blocking: the person can carry straight on.
    next_step(page, 2)


def test_injection_payload_shows_literally_and_never_runs(page, server):
    open_app(page, server.url(APP))
    fields = ["The situation"]
    page.get_by_label("The situation", exact=True).fill(PAYLOAD)
    next_step(page, 2)
    page.get_by_label("Feeling", exact=True).fill(PAYLOAD)
    next_step(page, 3)
    page.get_by_label("Thought", exact=True).fill(PAYLOAD + " I'm useless")
    next_step(page, 4)
    next_step(page, 5)
    for label in ("What supports the thought", "What does not fit with the thought"):
        page.get_by_label(label, exact=True).fill(PAYLOAD)
        fields.append(label)
    expect(page.locator(".wb-name-pinned")).to_contain_text(PAYLOAD)
    next_step(page, 6)
    for label in ("Self-kindness", "Common humanity", "Mindfulness"):
        page.get_by_label(label, exact=True).fill(PAYLOAD + " you")
    expect(page.locator(".wb-name-we-version")).to_contain_text(PAYLOAD)
    next_step(page, 7)
    expect(page.locator(".wb-name-rerate-box")).to_contain_text(PAYLOAD)
    page.get_by_label("Anything else you noticed", exact=True).fill(PAYLOAD)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-name-status")).to_contain_text("Saved on")
    expect(page.locator(".wb-name-saved-list")).to_contain_text(PAYLOAD)
    shoot(page, "thought-record-injection")

    assert page.evaluate("window.__x") is None
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    stored = [
        r
        for _, r in rows(server, "done", "thought_record")
        if r["situation"] == PAYLOAD
    ]
    assert stored and stored[0]["notes"] == PAYLOAD  # byte for byte


def _status(server, path: str, host: str | None = None) -> tuple[int, str]:
    parts = urlsplit(server.base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Host": host} if host else {}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    conn.close()
    return response.status, response.getheader("Location", "") + body


def test_serve_prints_the_url_with_its_token(server):
    assert server.url("00_start_here.ipynb") in server.printed


def test_a_request_without_the_token_is_refused(server):
    status, rest = _status(server, f"/voila/render/{APP}")
    assert status in (302, 403)
    assert "wb-app" not in rest and "ThoughtRecordForm" not in rest
    if status == 302:
        assert "/login" in rest


def test_a_foreign_host_header_is_refused(server):
    status, _ = _status(
        server, f"/voila/render/{APP}?token={server.token}", "evil.example"
    )
    assert status == 403
