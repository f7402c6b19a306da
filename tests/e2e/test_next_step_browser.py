"""A person plans a values-based next step in Chromium, and checks back on a later visit."""

from __future__ import annotations

from playwright.sync_api import expect

from .browser import next_step, open_app, rate, rows, shoot, type_into, wait_for_row

APP = "02_values_next_step.ipynb"


def test_from_a_mistake_to_a_step_and_checking_back(page, server):
    open_app(page, server.url(APP))
    expect(page.get_by_role("heading", name="A values-based next step")).to_be_visible()
    expect(page.get_by_text("not a crisis service").first).to_be_visible()
    type_into(page, "The mistake, in my words", "I missed my friend's birthday")
    next_step(page, 2)
    type_into(page, "What was mine to own (1)", "I didn't put it in my diary")
    type_into(page, "What was not mine (1)", "A very busy week at work")
    type_into(
        page, "What I would say to a friend", "You care, and you can still show it"
    )
    next_step(page, 3)
    type_into(page, "The harsh sentence", "You always forget people, you idiot")
    expect(
        page.locator(".wb-name-shame-says ~ .wb-critic-box, .wb-critic-box").first
    ).to_contain_text("(attack)")
    next_step(page, 4)
    page.get_by_label("Friendship", exact=True).check()
    page.get_by_label("Kindness", exact=True).check()
    type_into(page, "A value of my own", "Showing up for people")
    page.get_by_role("button", name="Add my value").click()
    expect(page.get_by_label("Showing up for people", exact=True)).to_be_checked()
    page.get_by_label("The one that matters most here").select_option("Friendship")
    shoot(page, "next-step-values")
    next_step(page, 5)
    type_into(page, "An action I could take", "Call her and take her for lunch")
    rate(page, page.locator(".wb-name-action-row").first, 0.95)
    page.locator(".wb-name-action-row").first.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Add another action").click()
    page.get_by_label("An action I could take", exact=True).nth(1).click()
    page.keyboard.type("Say nothing and hope she forgets")
    rate(page, page.locator(".wb-name-action-row").nth(1), 0.1)
    page.locator(".wb-name-action-row").nth(1).get_by_label("Yes", exact=True).check()
    expect(page.locator(".wb-name-ranked")).to_contain_text(
        "“Call her and take her for lunch” seems to fit"
    )
    page.get_by_role("button", name="Use this as my step").click()
    shoot(page, "next-step-actions")
    next_step(page, 6)
    expect(page.get_by_label("What I will do", exact=True)).to_have_value(
        "Call her and take her for lunch"
    )
    type_into(page, "When", "Saturday morning")
    type_into(page, "Where", "From home")
    type_into(page, "The first tiny step", "Find her number")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-name-status")).to_contain_text("Saved on")
    plan = wait_for_row(
        server,
        lambda s, r: s == "done" and r["plan"]["when"] == "Saturday morning",
        kind="next_step",
    )
    record = plan[0][1]
    assert record["values"] == ["Friendship", "Kindness", "Showing up for people"]
    assert record["main_value"] == "Friendship"
    assert record["mine"] == ["I didn't put it in my diary"]

    # A later visit: the open step is listed; "not yet" is met with understanding.
    page.close()
    later = page.context.new_page()
    open_app(later, server.url(APP))
    section = later.locator(".wb-name-check-section")
    expect(section).to_contain_text("Steps to check back on")
    expect(section).to_contain_text("Call her and take her for lunch")
    later.get_by_role("button", name="Check back on this step").click()
    expect(later.locator(".wb-step-count")).to_have_text("Step 7 of 7")
    later.get_by_label("Not yet", exact=True).check()
    type_into(later, "What I learned", "Weekends fill up fast")
    type_into(later, "A kind note to myself", "I still care, and I can try again")
    later.get_by_role("button", name="Save").click()
    expect(later.locator(".wb-name-status")).to_contain_text("Not yet is fine")
    shoot(later, "next-step-check-back")
    wait_for_row(
        server, lambda s, r: r.get("check_back", {}).get("happened") == "not yet"
    )


def test_a_thought_record_hands_over_to_a_next_step(page, server):
    open_app(page, server.url("01_thought_record.ipynb"))
    type_into(page, "The situation", "I sent the wrong file to a client")
    next_step(page, 2)
    next_step(page, 3)
    type_into(page, "Thought", "I'm useless at my job")
    for number in range(4, 8):
        next_step(page, number)
    page.get_by_role("button", name="Plan a next step").click()
    link = page.get_by_role("link", name="Open “A values-based next step”")
    expect(link).to_be_visible()
    link.click()
    page.wait_for_selector(".wb-name-resume-bar", timeout=90_000)
    expect(page.locator(".wb-name-resume-bar")).to_contain_text(
        "carried over from your thought record"
    )
    page.get_by_role("button", name="Carry on with it").click()
    expect(page.get_by_label("The mistake, in my words", exact=True)).to_have_value(
        "I sent the wrong file to a client"
    )
    next_step(page, 2)
    next_step(page, 3)
    expect(page.get_by_label("The harsh sentence", exact=True)).to_have_value(
        "I'm useless at my job"
    )
    linked = [r for _, r in rows(server, kind="next_step") if r["from_thought_record"]]
    assert linked and linked[0]["what_happened"] == "I sent the wrong file to a client"
