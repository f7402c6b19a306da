"""A supervisor runs a vignette step by step on a projector; a person picks a route."""

from __future__ import annotations

from playwright.sync_api import expect

from .browser import next_step, open_app, shoot


def test_supervisor_demo_steps_through_without_touching_real_data(page, demo_server):
    server = demo_server
    assert "/voila/render/demo.ipynb?token=" in server.printed
    open_app(page, server.url("demo.ipynb"))
    expect(page.get_by_role("heading", name="Supervisor demo")).to_be_visible()
    expect(page.get_by_text("All clients here are fictional")).to_be_visible()
    notes = page.locator(".wb-name-notes")
    expect(notes).to_contain_text("Step 1 of 7: What happened")
    expect(page.get_by_label("The situation", exact=True)).to_have_value(
        "Tuesday, end of a 12-hour shift. I forgot to hand over one patient's medication "
        "change, and the night nurse had to ring me at home."
    )
    next_step(page, 2)
    expect(notes).to_contain_text("Step 2 of 7: Feelings")
    expect(page.get_by_label("Feeling", exact=True).first).to_have_value("ashamed")
    next_step(page, 3)
    expect(page.get_by_label("Thought", exact=True).first).to_have_value(
        "I'm useless. I can't do anything right."
    )
    expect(page.locator(".wb-name-thoughts-box")).to_contain_text("(core belief)")
    page.get_by_label("Large text for a projector").check()
    expect(page.locator(".wb-demo.wb-presenter")).to_have_count(1)
    page.set_viewport_size({"width": 1280, "height": 800})
    shoot(page, "demo-presenter-1280")
    page.get_by_label("Fictional client").select_option(
        label="Priya, 41: a mistake at work, stuck in shame"
    )
    expect(page.get_by_label("The mistake, in my words", exact=True)).to_have_value(
        "I sent the quarterly report to a client with one wrong figure. They noticed before I did."
    )
    expect(notes).to_contain_text("Step 1 of 7")
    page.get_by_role("button", name="Save").click()

    # Even the ordinary apps keep to memory in demo mode.
    open_app(page, server.url("01_thought_record.ipynb"))
    page.get_by_label("The situation", exact=True).fill("typed during a demo")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-name-status")).to_contain_text("Saved on")
    open_app(page, server.url("00_start_here.ipynb"))
    expect(page.locator(".wb-name-exercises")).to_contain_text("nothing is kept")
    assert list(server.data_dir.iterdir()) == []


def test_start_page_asks_how_you_like_to_work(page, server):
    open_app(page, server.url("00_start_here.ipynb"))
    suggestions = page.locator(".wb-name-suggestions")
    expect(suggestions).to_contain_text("Choose a way of working")
    page.get_by_label("imagine", exact=True).check()
    page.get_by_label("freedom to dip in and skip around").check()
    expect(
        suggestions.get_by_role("link", name="A compassionate image")
    ).to_be_visible()
    expect(suggestions).to_contain_text("Every step is optional")
    shoot(page, "start-here-choice")
    page.reload(wait_until="commit")
    page.wait_for_selector(".wb-name-suggestions", timeout=90_000)
    expect(page.get_by_label("imagine", exact=True)).to_be_checked()
    expect(
        page.locator(".wb-name-exercises").get_by_role("link", name="Thought record")
    ).to_be_visible()
