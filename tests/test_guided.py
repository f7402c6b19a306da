from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workbook.breathing import breath_timing, guide_html
from workbook.content import load_content
from workbook.guided import printable_page, script_html, script_lines
from workbook.records import CompassionateImage, GroundingMemory, Senses

CONTENT = load_content()
PAYLOAD = '<img src=x onerror="window.__x=1">'


def image(**kw) -> CompassionateImage:
    base = dict(
        form="nature",
        form_detail="an old oak on a hill",
        wisdom="it has seen many storms",
        senses=Senses(see="wide branches", hear="leaves", temperature="cool shade"),
        words="You are doing your best",
    )
    return CompassionateImage(**(base | kw))


def test_image_script_has_each_part_in_order():
    lines = script_lines(image(), CONTENT)
    text = "\n".join(lines)
    assert lines[0].startswith("Find a position")  # arrival and breath
    assert "bring your compassionate image to mind: an old oak on a hill." in text
    assert "Notice what you see: wide branches." in text
    assert "Notice the temperature: cool shade." in text
    assert "It is wise: it has seen many storms." in text
    assert "“You are doing your best”" in text
    assert lines[-1].startswith("When you are ready, let the image gently fade")
    assert text.index("wide branches") < text.index("You are doing your best")


def test_blank_senses_are_left_out_not_left_empty():
    text = "\n".join(script_lines(image(), CONTENT))
    assert "Notice what you smell" not in text
    assert ": ." not in text


def test_form_option_is_used_when_no_words_are_given():
    text = "\n".join(script_lines(image(form="animal", form_detail=""), CONTENT))
    assert "to mind: an animal." in text


def test_memory_script():
    memory = GroundingMemory(
        when="the summer I was twelve",
        where="on the beach with my grandad",
        felt=("held", "proud"),
        felt_other="free",
        senses=Senses(smell="salt", voice="his laugh"),
        knew="I am loved as I am",
    )
    text = "\n".join(script_lines(memory, CONTENT))
    assert (
        "go back to that moment: the summer I was twelve, on the beach with my grandad."
        in text
    )
    assert "you felt held, proud and free." in text
    assert "Notice the voices or words: his laugh." in text
    assert "“I am loved as I am”" in text


def test_braces_in_what_a_person_wrote_stay_as_written():
    text = "\n".join(script_lines(image(words="{form} {see} {{x}}"), CONTENT))
    assert "“{form} {see} {{x}}”" in text


def test_everything_is_escaped_on_screen_and_in_the_page():
    record = image(form_detail=PAYLOAD, words=PAYLOAD + " </script>")
    for html in (
        script_html(record, CONTENT),
        printable_page(record, CONTENT, datetime.now(UTC)),
    ):
        assert "<img" not in html and "</script>" not in html
        assert "&lt;img src=x onerror=&quot;window.__x=1&quot;&gt;" in html


def test_printable_page_is_a_standalone_document_that_runs_no_script():
    page = printable_page(image(), CONTENT, datetime(2026, 11, 26, 14, 3, tzinfo=UTC))
    assert page.startswith("<!doctype html>") and 'lang="en-GB"' in page
    assert "default-src 'none'" in page  # even a mistake could not run script
    assert "November 2026" in page and "not therapy" in page


@pytest.mark.parametrize(
    ("rate", "inhale", "exhale"), [(5.5, 4.4, 6.5), (6, 4.0, 6.0), (4, 6.0, 9.0)]
)
def test_breath_timing(rate, inhale, exhale):
    assert breath_timing(rate) == (inhale, exhale)


def test_breath_timing_refuses_silly_rates():
    with pytest.raises(ValueError):
        breath_timing(30)


CUES = {
    "in": "Breathe in",
    "out": "Breathe out",
    "still": "In for {inhale}, out for {exhale}.",
}


def test_guide_moves_smoothly_with_a_still_fallback():
    html = guide_html(5.5, CUES, still=False)
    assert "animation: wb-b55-grow 10.9s ease-in-out infinite" in html
    assert (
        "wb-breath-still-auto" in html
    )  # shown instead when reduced motion is asked for
    assert "In for 4, out for 6." in html


def test_still_version_has_no_animation():
    html = guide_html(5.5, CUES, still=True)
    assert "animation" not in html and "@keyframes" not in html
    assert "In for 4, out for 6." in html


def test_stylesheet_honours_reduced_motion():
    from importlib import resources

    css = (resources.files("workbook") / "style.css").read_text("utf-8")
    block = css[css.index("@media (prefers-reduced-motion: reduce)") :]
    assert ".wb-breath-moving { display: none; }" in block
