"""Accessibility: axe-core on every app in both themes, keyboard-only use, small and
projector screens, and nothing internal on screen."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .browser import APPS, open_app, shoot, wait_for_row
from .conftest import start_server

#: Apps that walk through steps: every step is checked, not only the first.
STEPPED = {
    "01_thought_record.ipynb",
    "02_values_next_step.ipynb",
    "03_compassionate_image.ipynb",
}
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def dark_server(tmp_path_factory):
    yield from start_server(tmp_path_factory, "--theme", "dark", "--no-preheat")


#: What must never be on screen: tracebacks, reprs, file and code names, raw templates.
INTERNAL = re.compile(
    r"Traceback|Error:|Exception|object at 0x|[A-Za-z]+\(value=|<ipywidgets|ipywidgets"
    r"|\.ipynb|\.py\b|\bwb-|\b(?:thought_record|next_step|check_in|compassionate_image"
    r"|grounding_memory)\b|\{[a-z_]+\}|\bundefined\b|\bnull\b|\bNone\b|\bnan\b|\bNaN\b"
)


def _internal(page, where: str) -> list[str]:
    text = page.evaluate("document.body.innerText") + "\n" + page.title()
    return [
        f"{where}: shows {m.group(0)!r} in {text[max(0, m.start() - 60) : m.end() + 20]!r}"
        for m in INTERNAL.finditer(text)
    ][:5]


def _problems(page, where: str) -> list[str]:
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    found = _internal(page, where)
    for v in results.response["violations"]:
        if v["impact"] in SERIOUS:
            nodes = "; ".join(
                f"{n['target']}: {n.get('failureSummary', '')[:200]}"
                for n in v["nodes"][:4]
            )
            found.append(
                f"{where}: {v['id']} ({v['impact']}, {len(v['nodes'])}x) {nodes}"
            )
    return found


def _walk(page, app: str, where: str, steps: bool = True) -> list[str]:
    open_app(page, app)
    problems = _problems(page, where)
    if steps and any(s in app for s in STEPPED):
        next_button = page.locator(".wb-stepper .wb-name-next").first
        step = 1
        while next_button.is_visible() and next_button.is_enabled():
            next_button.click()
            step += 1
            expect(page.locator(".wb-step-count").first).to_contain_text(
                f"Step {step} "
            )
            problems += _problems(page, f"{where} step {step}")
    return problems


@pytest.mark.parametrize("app", APPS)
def test_axe_finds_nothing_serious_in_the_light_theme(page, server, app):
    problems = _walk(page, server.url(app), f"{app} (light)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("app", APPS)
def test_axe_finds_nothing_serious_in_the_dark_theme(page, dark_server, app):
    # Every step is checked in the light theme; here the first screen of each app (the
    # filled-in test below covers highlights, signposting and notices in both themes).
    problems = _walk(page, dark_server.url(app), f"{app} (dark)", steps=False)
    shoot(page, f"dark-{app.removesuffix('.ipynb')}")
    assert not problems, "\n".join(problems)


# -- keyboard only ---------------------------------------------------------------------
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {tag: "BODY"};
  const style = getComputedStyle(e);
  const label = e.labels && e.labels.length ? e.labels[0].textContent
    : (e.getAttribute("aria-label") || "");
  return {
    tag: e.tagName, type: e.type || "", role: e.getAttribute("role") || "",
    text: (e.textContent || "").trim().slice(0, 80), label: label.trim(),
    title: e.classList.contains("wb-step-title"),
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    inApp: !!e.closest(".wb-app"),
  };
}"""


def _focused(page) -> dict:
    return page.evaluate(FOCUSED)


def _tab_until(page, want, what: str, limit: int = 120) -> dict:
    """Press Tab until `want(focused)`; every control passed must show a focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = _focused(page)
        if now.get("inApp") and now["tag"] in ("BUTTON", "TEXTAREA", "INPUT", "SELECT"):
            assert now["ring"], f"no visible focus ring on {now}"
        if now.get("role") == "slider":
            assert now["ring"], f"no visible focus ring on {now}"
        if want(now):
            return now
    raise AssertionError(f"Tab never reached {what}")


def _complete_with_keyboard(page, server, app: str, kind: str, words: str) -> None:
    open_app(page, server.url(app))
    page.locator("body").focus()
    stepped = page.locator(".wb-step-count").count() > 0
    total = 1
    if stepped:
        total = int(
            page.locator(".wb-step-count").first.inner_text().rsplit(" ", 1)[-1]
        )
    items = page.locator(".wb-check-item").count()
    for n in range(items):
        # A radio group: Tab reaches it, Space picks the first answer, arrows move on.
        _tab_until(page, lambda f: f["type"] == "radio", f"check-in item {n + 1}")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
    for step in range(1, total + 1):
        scope = ".wb-stepper" if stepped else ".wb-app"
        if page.locator(f"{scope} textarea:visible").count():
            _tab_until(page, lambda f: f["tag"] == "TEXTAREA", "a text box")
            page.keyboard.type(f"{words} {step}")
        if step < total:
            _tab_until(
                page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Next", "Next"
            )
            page.keyboard.press("Enter")
            expect(page.locator(".wb-step-count").first).to_contain_text(
                f"Step {step + 1} "
            )
            # Focus moves to the new step's heading, which the reader announces.
            expect(page.locator(".wb-step-title").first).to_be_focused()
    _tab_until(page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Save", "Save")
    page.keyboard.press("Enter")
    expect(page.locator(".wb-notice-success").first).to_be_visible()
    (_, record), *_ = wait_for_row(
        server, lambda s, r: s == "done" and words in json.dumps(r), kind=kind
    )
    if items:
        answers = [a["rating"] for a in record["answers"]]
        assert answers == [3] * items, "every item answered by keyboard"


@pytest.mark.parametrize(
    ("app", "kind"),
    [
        ("01_thought_record.ipynb", "thought_record"),
        ("02_values_next_step.ipynb", "next_step"),
        ("03_compassionate_image.ipynb", "compassionate_image"),
        ("04_check_in.ipynb", "check_in"),
    ],
)
def test_each_exercise_can_be_completed_with_the_keyboard_alone(
    page, server, app, kind
):
    words = f"Keyboard only in the {kind.replace('_', ' ')}"
    _complete_with_keyboard(page, server, app, kind, words)


# -- phone and projector -----------------------------------------------------------------
SIZES = {
    # A phone held upright.
    "phone-390": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2},
    # A 1280-pixel projector with the browser zoomed to 150% so the back row can read it.
    "projector-1280-large-text": {
        "viewport": {"width": 853, "height": 480},
        "device_scale_factor": 1.5,
    },
}
OVERFLOW = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const out = [];
  for (const e of document.querySelectorAll(".wb-app *")) {
    const box = e.getBoundingClientRect();
    if (box.width && box.height && box.right > limit && getComputedStyle(e).visibility !== "hidden") {
      const name = e.tagName.toLowerCase() + "." + [...e.classList].join(".");
      out.push(name + " right=" + Math.round(box.right));
    }
  }
  return out.slice(0, 6);
}"""


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("app", APPS)
def test_every_app_fits_a_phone_and_a_projector(browser, server, app, size):
    context = browser.new_context(**SIZES[size])
    page = context.new_page()
    try:
        open_app(page, server.url(app))
        page.wait_for_timeout(300)
        shoot(page, f"{size}-{app.removesuffix('.ipynb')}")
        offenders = page.evaluate(OVERFLOW)
        step = 1
        next_button = page.locator(".wb-stepper .wb-name-next").first
        # Every step at phone width; the wider projector gets each app's first screen.
        while app in STEPPED and size.startswith("phone") and next_button.is_enabled():
            next_button.click()
            step += 1
            expect(page.locator(".wb-step-count").first).to_contain_text(
                f"Step {step} "
            )
            page.wait_for_timeout(200)
            offenders += [f"step {step}: {o}" for o in page.evaluate(OVERFLOW)]
        assert not offenders, f"wider than the screen: {offenders}"
    finally:
        context.close()


def test_the_internal_text_check_can_fail():
    for shown in (
        "Traceback (most recent call last)",
        "Textarea(value='x')",
        "<ipywidgets.widgets.widget_box.VBox object at 0x7f>",
        "Open 01_thought_record.ipynb",
        "Saved {time}",
        "kind: thought_record",
        "Rating: None",
    ):
        assert INTERNAL.search(shown), shown
    assert not INTERNAL.search(
        "Thought record · Self-Compassion Workbook. Saved at 14:03."
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_nothing_serious_once_a_record_is_filled_in(
    page, server, dark_server, theme
):
    """Highlights, signposting, notices and the list of records, not only empty forms."""
    where = server if theme == "light" else dark_server
    open_app(page, where.url("01_thought_record.ipynb"))
    box = page.get_by_label("The situation", exact=True)
    box.click()
    page.keyboard.type(
        "I'm useless and I always get it wrong. Sometimes I want to die."
    )
    expect(page.locator(".wb-signpost")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Thought", exact=True).first.click()
    page.keyboard.type("I'm a complete failure and I should have known better.")
    expect(page.locator("mark.wb-critic").first).to_be_visible()
    problems = _problems(page, f"filled thought record ({theme})")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".wb-notice-success").first).to_be_visible()
    problems += _problems(page, f"saved thought record ({theme})")
    shoot(page, f"filled-thought-record-{theme}")
    assert not problems, "\n".join(problems)
