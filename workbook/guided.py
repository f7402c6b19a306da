"""A personal guided practice, built from the person's own words and a frame in content."""

from __future__ import annotations

import re
from datetime import datetime

from .content import Content
from .markup import esc, text_html
from .records import FELT, FORMS, CompassionateImage, GroundingMemory, friendly_time

FILE = "compassionate_image"
_SLOT = re.compile(r"\{(\w+)\}")


def _fill(template: str, words: dict[str, str]) -> str | None:
    """The template with each {slot} filled; None if any slot's words are blank."""
    names = _SLOT.findall(template)
    if any(not words.get(name, "").strip() for name in names):
        return None
    # One pass, so braces in what a person wrote are never read as slots.
    return _SLOT.sub(lambda m: " ".join(words[m.group(1)].split()), template)


def _joined(items: list[str]) -> str:
    items = [i for i in items if i.strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def script_lines(
    record: CompassionateImage | GroundingMemory, content: Content
) -> list[str]:
    """The practice as plain paragraphs: arrival, the image or moment, its words, return."""
    frame = content.text(FILE, "script")
    senses = record.senses
    words = {
        "see": senses.see,
        "hear": senses.hear,
        "smell": senses.smell,
        "touch": senses.touch,
        "temperature": senses.temperature,
        "voice": senses.voice,
    }
    lines: list[str | None] = list(frame["arrival"])
    if isinstance(record, CompassionateImage):
        options = dict(
            zip(FORMS, content.text(FILE, "image.form.options"), strict=True)
        )
        form = record.form_detail or (
            options[record.form].lower() if record.form else ""
        )
        words |= {
            "form": form,
            "wisdom": record.wisdom,
            "strength": record.strength,
            "warmth": record.warmth,
            "acceptance": record.acceptance,
            "words": record.words,
        }
        lines.append(_fill(frame["image_intro"], words))
        sense_keys = ("see", "hear", "smell", "touch", "temperature", "voice")
        lines += [_fill(frame[key], words) for key in sense_keys]
        qualities = ("wisdom", "strength", "warmth", "acceptance")
        lines += [_fill(frame[key], words) for key in qualities]
        lines.append(_fill(frame["image_words"], words))
    else:
        felt_names = dict(
            zip(FELT, content.text(FILE, "memory.felt.feelings"), strict=True)
        )
        felt = [felt_names[f].lower() for f in record.felt] + [record.felt_other]
        words |= {
            "moment": ", ".join(x for x in (record.when, record.where) if x.strip()),
            "felt": _joined(felt),
            "knew": record.knew,
        }
        lines.append(_fill(frame["memory_intro"], words))
        lines.append(_fill(frame["memory_felt"], words))
        sense_keys = ("see", "hear", "smell", "touch", "temperature")
        lines += [_fill(frame[key], words) for key in sense_keys]
        lines.append(_fill(frame["memory_voice"], words))
        lines.append(_fill(frame["memory_knew"], words))
    lines += frame["returning"]
    return [line for line in lines if line]


def script_html(record: CompassionateImage | GroundingMemory, content: Content) -> str:
    """The practice as escaped paragraphs for the screen."""
    return "".join(
        f"<p>{text_html(line)}</p>" for line in script_lines(record, content)
    )


def printable_page(
    record: CompassionateImage | GroundingMemory, content: Content, made: datetime
) -> str:
    """A standalone, printable HTML page of the practice; every word in it escaped."""
    frame = content.text(FILE, "script")
    title = esc(frame["heading"])
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: Georgia, 'Times New Roman', serif; max-width: 38rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.8; font-size: 1.15rem; color: #1f2328; }}
h1 {{ font-weight: normal; }}
.made, footer {{ color: #59636e; font-size: 0.95rem; }}
@media print {{ body {{ margin: 0 auto; }} }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="made">{esc(friendly_time(made))}</p>
<main>
{script_html(record, content)}
</main>
<footer><p>{esc(frame["footer"])}</p></footer>
</body>
</html>
"""
