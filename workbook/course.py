"""The course facilitator's summary of many trainees' anonymised files."""

from __future__ import annotations

from collections import Counter
from statistics import fmean
from typing import Any

import ipywidgets as w

from . import ui
from .anonymise import read_anonymised
from .content import Content, load_content
from .markup import esc, tag
from .progress import _figure_png

FILE = "course"


def summarise(files: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """Cohort figures from the entries of each trainee's file."""
    entries = [e for f in files for e in f]
    feelings = [
        f
        for e in entries
        if e["kind"] == "thought_record"
        for f in e["data"].get("feelings", [])
    ]
    rated = [
        f
        for f in feelings
        if f.get("before") is not None and f.get("after") is not None
    ]
    steps = [
        e["data"]
        for e in entries
        if e["kind"] == "next_step" and e["data"].get("planned")
    ]
    overall = [
        e["data"]["overall"]
        for e in entries
        if e["kind"] == "check_in" and e["data"].get("overall") is not None
    ]
    return {
        "files": len(files),
        "entries": len(entries),
        "per_kind": Counter(e["kind"] for e in entries),
        "before": fmean(f["before"] for f in rated) if rated else None,
        "after": fmean(f["after"] for f in rated) if rated else None,
        "rated": len(rated),
        "patterns": Counter(
            p
            for e in entries
            if e["kind"] == "thought_record"
            for p in e["data"].get("patterns", [])
        ),
        "check_ins": overall,
        "planned": len(steps),
        "happened": Counter(s.get("happened") for s in steps),
    }


class CourseSummary(ui.App):
    """Upload anonymised files; see the cohort in tables and plots. Nothing is kept."""

    title = "Course summary"

    def __init__(self, content: Content | None = None) -> None:
        self.content = content or load_content()
        t = lambda key: self.content.text(FILE, key)  # noqa: E731
        self._t = t
        self.upload = w.FileUpload(
            accept=".json,application/json",
            multiple=True,
            description=t("choose"),
            tooltip=t("choose"),
        )
        self.problems = w.HTML()
        self.summary = w.HTML(tag("p", t("empty"), "wb-muted"))
        ui.name_all(self, "upload problems summary")
        super().__init__(
            [
                ui.stylesheet(),
                w.HTML(
                    f"<h1>{esc(t('title'))}</h1>" + tag("p", t("intro"), "wb-intro")
                ),
                ui.disclaimer(self.content),
                self.upload,
                self.problems,
                self.summary,
            ]
        )
        self.add_class("wb-app")
        self.upload.observe(self._on_upload_value, names="value")

    def _on_upload_value(self, change: dict) -> None:
        if not change["new"]:
            return
        files, problems = [], []
        for upload in change["new"]:
            try:
                files.append(read_anonymised(bytes(upload["content"])))
            except ValueError as err:
                problems.append(
                    self._t("problem").format(name=upload["name"], problem=err)
                )
        self.upload.value = ()
        self.problems.value = "".join(
            tag("p", p, "wb-notice wb-notice-warning") for p in problems
        )
        self.summary.value = self.render(summarise(files)) if files else ""

    def render(self, s: dict[str, Any]) -> str:
        """The summary as escaped HTML tables, sentences and plots."""
        t = self._t
        kinds = self.content.files["data"]["kinds"]
        names = {p.slug: p.name for p in self.content.patterns}
        rows = "".join(
            f"<tr><td>{esc(kinds.get(k, k))}</td><td>{int(n)}</td></tr>"
            for k, n in sorted(s["per_kind"].items())
        )
        parts = [
            tag("p", t("files").format(files=s["files"], entries=s["entries"])),
            tag("h2", t("per_exercise")),
            '<table class="wb-table"><thead><tr><th scope="col">Exercise</th>'
            f'<th scope="col">Entries</th></tr></thead><tbody>{rows}</tbody></table>',
            tag("h2", t("intensity")),
        ]
        if s["rated"]:
            before, after = round(s["before"]), round(s["after"])

            def draw(ax):
                ax.bar(
                    ["before", "after"],
                    [before, after],
                    width=0.5,
                    color=("#4a7bb7", "#7aa37a"),
                )
                ax.set_ylim(0, 100)

            alt = t("intensity_alt").format(
                before=before, after=after, count=s["rated"]
            )
            parts.append(
                f'<img class="wb-plot" alt="{esc(alt)}" src="data:image/png;base64,{_figure_png(draw)}">'
            )
            parts.append(tag("p", alt, "wb-muted"))
        else:
            parts.append(tag("p", t("none"), "wb-muted"))
        parts.append(tag("h2", t("patterns")))
        if s["patterns"]:
            top = s["patterns"].most_common()
            rows = "".join(
                f"<tr><td>{esc(names.get(p, p))}</td><td>{int(n)}</td></tr>"
                for p, n in top
            )
            parts.append(
                '<table class="wb-table"><thead><tr><th scope="col">Pattern</th>'
                f'<th scope="col">Times tagged</th></tr></thead><tbody>{rows}</tbody></table>'
            )
            parts.append(
                tag(
                    "p",
                    t("patterns_alt").format(top=names.get(top[0][0], top[0][0])),
                    "wb-muted",
                )
            )
        else:
            parts.append(tag("p", t("none"), "wb-muted"))
        parts.append(tag("h2", t("check_ins")))
        parts.append(
            tag(
                "p",
                t("check_ins_text").format(
                    count=len(s["check_ins"]), mean=round(fmean(s["check_ins"]), 2)
                ),
            )
            if s["check_ins"]
            else tag("p", t("none"), "wb-muted")
        )
        parts.append(tag("h2", t("steps")))
        happened = s["happened"]
        parts.append(
            tag(
                "p",
                t("steps_text").format(
                    planned=s["planned"],
                    done=happened["yes"],
                    partly=happened["partly"],
                    not_yet=happened["not yet"],
                ),
            )
        )
        return "".join(parts)
