from __future__ import annotations

import base64

import pytest

from workbook.compassionate_image import CompassionateImageForm
from workbook.records import CompassionateImage, GroundingMemory, Senses

PAYLOAD = '<img src=x onerror="window.__x=1">'


@pytest.fixture
def form(store):
    return CompassionateImageForm(store=store)


def downloaded(form) -> str:
    href = form.download.value.split('href="', 1)[1].split('"', 1)[0]
    assert href.startswith("data:text/html;base64,")
    return base64.b64decode(href.split(",", 1)[1]).decode("utf-8")


def build_image(form):
    form.form.value = "animal"
    form.form_detail.value = "a big, calm dog called Bess"
    form.wisdom.value = "she knows I'm trying"
    form.strength.value = "she stays when I'm upset"
    form.warmth.value = "she leans against me"
    form.acceptance.value = "she never minds my mistakes"
    form.see.value = "brown eyes"
    form.touch.value = "warm fur"
    form.voice.value = "a soft huff"
    form.words.value = "You are safe with me"


def test_the_route_is_explained_and_changes_the_steps(form):
    assert form.route.value == "image"
    assert form.stepper.titles[1] == "Its form"
    why = form.stepper.bodies[0].children[-1].value
    assert "proud, accepted, held or grounded" in why
    form.route.value = "memory"
    assert form.stepper.titles[1:3] == ["When and where", "What I felt"]
    assert form.voice.description == "Voices or words I remember"


def test_build_an_image_and_save_it(form, store):
    build_image(form)
    form.save.click()
    (entry,) = store.entries()
    assert entry.kind == "compassionate_image" and entry.status == "done"
    assert entry.record == CompassionateImage(
        form="animal",
        form_detail="a big, calm dog called Bess",
        wisdom="she knows I'm trying",
        strength="she stays when I'm upset",
        warmth="she leans against me",
        acceptance="she never minds my mistakes",
        senses=Senses(see="brown eyes", touch="warm fur", voice="a soft huff"),
        words="You are safe with me",
    )


def test_recall_a_grounding_memory(form, store):
    form.route.value = "memory"
    form.when.value = "my first day at the allotment"
    form.where.value = "plot 12"
    form.felt["grounded"].value = True
    form.felt_other.value = "capable"
    form.smell.value = "wet soil"
    form.knew.value = "I can learn new things"
    form.save.click()
    (entry,) = store.entries()
    assert entry.record == GroundingMemory(
        when="my first day at the allotment",
        where="plot 12",
        felt=("grounded",),
        felt_other="capable",
        senses=Senses(smell="wet soil"),
        knew="I can learn new things",
    )


def test_practice_is_made_from_the_persons_words_and_downloads(form):
    assert "appear here" in form.practice.value and form.download.value == ""
    build_image(form)
    assert "a big, calm dog called Bess" in form.practice.value
    page = downloaded(form)
    assert "“You are safe with me”" in page and "warm fur" in page
    assert 'download="my-guided-practice-' in form.download.value


def test_words_are_escaped_in_the_practice_and_the_download(form):
    form.words.value = PAYLOAD
    assert "<img" not in form.practice.value and "&lt;img" in form.practice.value
    page = downloaded(form)
    assert "<img" not in page and "&lt;img" in page


def test_switching_route_keeps_both_entries(form, store):
    form.words.value = "image words"
    form.route.value = "memory"
    form.knew.value = "memory words"
    form.route.value = "image"
    form.words.value = "image words, more"
    kinds = sorted((e.kind, e.status) for e in store.entries())
    assert kinds == [("compassionate_image", "draft"), ("grounding_memory", "draft")]
    image = store.entries("compassionate_image")[0].record
    assert image.words == "image words, more"
    assert store.entries("grounding_memory")[0].record.knew == "memory words"


def test_meet_it_again_opens_the_practice(store):
    saved = store.save(GroundingMemory(when="last June", knew="I belong"))
    store.save(CompassionateImage(words="other"))
    form = CompassionateImageForm(store=store)
    assert form.open_saved.description == "Meet it again"
    assert "Memory: last June" in form.saved_list.value
    assert "Image: other" in form.saved_list.value
    form.picker.value = saved.id
    form.open_saved.click()
    assert form.route.value == "memory"
    assert form.stepper.index == len(form.stepper.bodies) - 1
    assert "I belong" in form.practice.value
    form.knew.value = "I belong, still"
    assert store.get(saved.id).record.knew == "I belong, still"


def test_drafts_come_back(store):
    first = CompassionateImageForm(store=store)
    first.route.value = "memory"
    first.when.value = "half written"
    again = CompassionateImageForm(store=store)
    again.resume.click()
    assert again.route.value == "memory" and again.when.value == "half written"


def test_breathing_guide_starts_stops_and_has_a_still_version(form):
    guide = form.breathing
    assert "stopped" in guide.display.value and guide.stop.disabled
    guide.start.click()
    assert "@keyframes" in guide.display.value and guide.start.disabled
    guide.rate.value = 6.0
    assert "10.0s" in guide.display.value
    assert "4.0 seconds" in guide.timing.value
    guide.still.value = True
    assert "@keyframes" not in guide.display.value
    assert "counting slowly to 4" in guide.display.value
    guide.stop.click()
    assert "stopped" in guide.display.value


@pytest.mark.parametrize(
    "field", ["form_detail", "wisdom", "see", "words", "when", "knew"]
)
def test_risk_language_shows_signposting(form, field):
    getattr(form, field).value = "I keep thinking about suicide"
    assert form.signpost.layout.display is None


def test_ratings_are_not_needed_and_nothing_is_required(form, store):
    form.see.value = "only this"
    form.save.click()
    assert store.entries()[0].status == "done"
