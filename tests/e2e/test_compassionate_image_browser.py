"""A person builds a compassionate image in Chromium and practises with it."""

from __future__ import annotations

from playwright.sync_api import expect

from .browser import next_step, open_app, shoot, type_into, wait_for_row

APP = "03_compassionate_image.ipynb"
PAYLOAD = '<img src=x onerror="window.__x=1">'


def test_build_an_image_download_the_practice_and_breathe(page, server, tmp_path):
    open_app(page, server.url(APP))
    expect(page.get_by_role("heading", name="A compassionate image")).to_be_visible()
    expect(page.get_by_text("proud, accepted, held or grounded")).to_be_visible()
    next_step(page, 2, total=6)
    page.get_by_label("Something in nature", exact=True).check()
    type_into(page, "Describe it in your own words", "An old oak on a hill " + PAYLOAD)
    next_step(page, 3, total=6)
    type_into(page, "Wisdom", "It has seen many storms")
    type_into(page, "Warmth and caring commitment", "It shelters anyone who comes")
    next_step(page, 4, total=6)
    type_into(page, "What I see", "Wide branches against the sky")
    type_into(page, "What I feel on my skin", "Rough bark, warm sun")
    next_step(page, 5, total=6)
    type_into(
        page, "What it would say to me", "You are doing your best & that is enough"
    )
    next_step(page, 6, total=6)
    practice = page.locator(".wb-name-practice")
    expect(practice).to_contain_text(
        "Notice what you see: Wide branches against the sky."
    )
    expect(practice).to_contain_text("An old oak on a hill " + PAYLOAD)
    shoot(page, "compassionate-image-practice")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my practice (printable page)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("my-guided-practice-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = saved.read_text("utf-8")
    assert "“You are doing your best &amp; that is enough”" in text
    assert "Rough bark, warm sun" in text
    assert "<img" not in text and "&lt;img src=x" in text

    # The printable page itself, opened in the browser, runs nothing.
    printable = page.context.new_page()
    printable.goto(saved.as_uri())
    expect(printable.get_by_role("heading", name="My guided practice")).to_be_visible()
    assert printable.evaluate("window.__x") is None
    printable.close()

    page.get_by_role("button", name="Start breathing guide").click()
    circle = page.locator(".wb-breath-circle")
    expect(circle).to_be_visible()
    assert "grow" in circle.evaluate("e => getComputedStyle(e).animationName")
    expect(page.locator(".wb-name-timing")).to_contain_text("In for about 4.4 seconds")
    page.wait_for_timeout(2500)  # part-way into a breath, for the picture
    shoot(page, "breathing-guide-running")
    page.emulate_media(reduced_motion="reduce")
    expect(circle).to_be_hidden()
    expect(page.locator(".wb-breath-still-auto")).to_be_visible()
    page.emulate_media(reduced_motion="no-preference")
    page.get_by_role("button", name="Stop").click()
    expect(circle).to_have_count(0)

    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-name-status")).to_contain_text("Saved on")
    wait_for_row(
        server,
        lambda s, r: (
            s == "done" and r["senses"]["see"] == "Wide branches against the sky"
        ),
        kind="compassionate_image",
    )
    assert page.evaluate("window.__x") is None

    # The next visit: it is listed, and "Meet it again" opens the practice.
    page.close()
    later = page.context.new_page()
    open_app(later, server.url(APP))
    expect(later.locator(".wb-name-saved-list")).to_contain_text(
        "Image: An old oak on a hill"
    )
    later.get_by_role("button", name="Meet it again").click()
    expect(later.locator(".wb-step-count")).to_have_text("Step 6 of 6")
    expect(later.locator(".wb-name-practice")).to_contain_text(
        "It has seen many storms"
    )


def test_the_grounding_memory_route(page, server):
    open_app(page, server.url(APP))
    page.get_by_label("Recall a grounding moment", exact=True).check()
    next_step(page, 2, total=6)
    expect(page.get_by_role("heading", name="When and where")).to_be_visible()
    type_into(page, "When was it?", "The day I passed my driving test")
    type_into(page, "Where were you?", "In the car park")
    next_step(page, 3, total=6)
    page.get_by_label("Proud", exact=True).check()
    for number in (4, 5):
        next_step(page, number, total=6)
    type_into(page, "What I knew about myself", "I can do hard things")
    next_step(page, 6, total=6)
    expect(page.locator(".wb-name-practice")).to_contain_text(
        "You felt proud.".replace("You", "you")
    )
    page.get_by_role("button", name="Start breathing guide").click()
    page.get_by_label("Show a still version (no movement)").check()
    expect(page.locator(".wb-breath-circle")).to_have_count(0)
    expect(page.locator(".wb-breath-still-text")).to_be_visible()
    shoot(page, "grounding-memory-practice")
