"""My progress: every entry in one paged table, plots read at a glance, and my data."""

from __future__ import annotations

import asyncio
import base64
import io
from collections.abc import Callable

import ipywidgets as w

from . import ui
from .binder import BinderBanner
from .content import Content, load_content
from .data_view import DataPanel
from .markup import esc, tag
from .progress_data import Progress, progress
from .records import Entry, friendly_time
from .store import Store

FILE = "data"
#: How long after the page's cell has run the plots are drawn (see `_later`).
DRAW_AFTER_SECONDS = 1.5
PAGE_SIZE = 20
COLOURS = ("#4a7bb7", "#7aa37a")


def _figure_png(draw) -> str:
    """Run `draw(ax)` on a small calm figure and return it as base64 PNG."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.4, 2.6), dpi=100, layout="constrained")
    ax = fig.subplots()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=10)
    draw(ax)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _day_ticks(ax, days: list) -> None:
    """Label points by day (at most eight labels), evenly spaced, whatever the dates."""
    step = max(1, len(days) // 8)
    ticks = list(range(0, len(days), step))
    ax.set_xticks(ticks, [days[i].strftime("%d %b") for i in ticks])
    ax.set_xlim(-0.5, max(len(days), 2) - 0.5)


def _bars(ax, weeks: list, colour: str) -> None:
    """One bar a week, labelled by the Monday it starts; narrow even when there are few."""
    ax.bar(range(len(weeks)), [n for _, n in weeks], width=0.6, color=colour)
    _day_ticks(ax, [d for d, _ in weeks])
    ax.set_xlim(-0.75, max(len(weeks), 6) - 0.25)


def _plot(title: str, alt: str, draw: Callable | None, none_text: str) -> str:
    """A titled plot drawn by `draw(ax)`, with alt text and the same words beneath."""
    if draw is None:
        return tag("h3", title) + tag("p", none_text, "wb-muted")
    return (
        tag("h3", title) + f'<img class="wb-plot" alt="{esc(alt)}" '
        f'src="data:image/png;base64,{_figure_png(draw)}">' + tag("p", alt, "wb-muted")
    )


def plots_html(data: Progress, content: Content) -> str:
    """Every plot, each with a title, alt text and the same words beneath it."""
    t = lambda key: content.text(FILE, f"progress.{key}")  # noqa: E731
    parts = []
    if data.intensity:
        days = [d for d, _, _ in data.intensity]
        before = [b for _, b, _ in data.intensity]
        after = [a for _, _, a in data.intensity]

        def intensity(ax):
            x = range(len(days))
            ax.plot(x, before, "o-", color=COLOURS[0], label="before")
            ax.plot(x, after, "s--", color=COLOURS[1], label="after")
            ax.set_ylim(0, 100)
            _day_ticks(ax, days)
            ax.legend(frameon=False)

        alt = t("intensity_alt").format(
            before=round(sum(before) / len(before)),
            after=round(sum(after) / len(after)),
            count=len(days),
        )
        parts.append(_plot(t("intensity_title"), alt, intensity, ""))
    else:
        parts.append(_plot(t("intensity_title"), "", None, t("intensity_none")))
    if data.check_ins:

        def check_ins(ax):
            x = range(len(data.check_ins))
            ax.plot(x, [s for _, s in data.check_ins], "o-", color=COLOURS[0])
            ax.set_ylim(1, 5)
            _day_ticks(ax, [d for d, _ in data.check_ins])

        alt = t("checkin_alt").format(
            latest=data.check_ins[-1][1], count=len(data.check_ins)
        )
        parts.append(_plot(t("checkin_title"), alt, check_ins, ""))
    else:
        parts.append(_plot(t("checkin_title"), "", None, t("checkin_none")))
    if any(n for _, n in data.critic_weeks):

        def critic(ax):
            _bars(ax, data.critic_weeks, COLOURS[0])

        alt = t("critic_alt").format(
            total=sum(n for _, n in data.critic_weeks), weeks=len(data.critic_weeks)
        )
        parts.append(_plot(t("critic_title"), alt, critic, ""))
    else:
        parts.append(_plot(t("critic_title"), "", None, t("critic_none")))
    if data.planned:

        def steps(ax):
            ax.barh(["done", "planned"], [data.done, data.planned], color=COLOURS[::-1])

        alt = t("steps_alt").format(planned=data.planned, done=data.done)
        parts.append(_plot(t("steps_title"), alt, steps, ""))
    else:
        parts.append(_plot(t("steps_title"), "", None, t("steps_none")))
    if data.practice_weeks:

        def practice(ax):
            _bars(ax, data.practice_weeks, COLOURS[1])
            ax.set_ylim(0, 7)

        alt = t("practice_text").format(days=data.practice_days)
        parts.append(_plot(t("practice_heading"), alt, practice, ""))
    return "".join(parts)


class ProgressView(ui.App):
    """History, plots and the person's data, all from the store given."""

    title = "My progress"

    def __init__(self, *, store: Store, content: Content | None = None) -> None:
        self.store = store
        self.content = content or load_content()
        t = lambda key: self.content.text(FILE, f"progress.{key}")  # noqa: E731
        self._t = t
        self._page = 0
        self._entries: list[Entry] = []
        self.empty = w.HTML()
        self.refresh_button = ui.button(t("refresh"))
        self.plots = w.HTML()
        self.sort = w.Dropdown(
            options=list(
                zip(t("sort_options"), ("newest", "oldest", "kind"), strict=True)
            ),
            value="newest",
            description=t("sort_label"),
        )
        self.sort.add_class("wb-field")
        self.table = w.HTML()
        self.page_label = w.HTML()
        self.previous = ui.button(t("previous"))
        self.next = ui.button(t("next"))
        self.data = DataPanel(store, self.content, self.refresh, load=False)
        ui.name_all(
            self, "empty refresh_button plots sort table page_label previous next data"
        )
        pager = w.HBox([self.previous, self.next])
        pager.add_class("wb-nav")
        self.history = w.VBox(
            [
                ui.heading(t("plots_heading")),
                self.plots,
                ui.heading(t("table_heading")),
                self.sort,
                self.table,
                self.page_label,
                pager,
            ]
        )
        super().__init__(
            [
                ui.stylesheet(),
                w.HTML(
                    f"<h1>{esc(t('title'))}</h1>" + tag("p", t("intro"), "wb-intro")
                ),
                ui.disclaimer(self.content),
                BinderBanner(store, self.content),
                ui.store_notice(store),
                self.empty,
                self.refresh_button,
                self.history,
                self.data,
            ]
        )
        self.add_class("wb-app")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.previous.on_click(lambda _b: self._turn(-1))
        self.next.on_click(lambda _b: self._turn(1))
        self.sort.observe(lambda _c: self._show_page(0), names="value")
        self.refresh()

    def refresh(self) -> None:
        """Read the store again and redraw everything."""
        self._entries = self.store.entries()
        has = bool(self._entries)
        ui.show(self.history, has)
        self.empty.value = (
            ""
            if has
            else tag("p", self._t("empty"))
            + f'<p><a class="wb-link" href="01_thought_record.ipynb">{esc(self._t("empty_link"))}</a></p>'
        )
        self.plots.value = tag("p", self._t("drawing"), "wb-muted") if has else ""
        self.plots_drawn = False
        if has:
            self._later(self._draw_plots)
        self.data.refresh(self._entries)
        self._show_page(0)

    @staticmethod
    def _later(work) -> None:
        """Run `work` once the page is up (in a kernel), or now (anywhere else).

        Drawing the plots takes longer than everything else on the page together;
        the table and the data tools need not wait for it. Run straight after the
        notebook cell, it would still hold up the page: the browser's first requests
        for the widgets would queue behind it in the kernel. So it waits a moment.
        """
        try:
            from IPython import get_ipython

            in_kernel = hasattr(get_ipython(), "kernel")
            loop = asyncio.get_running_loop()
        except (ImportError, RuntimeError):
            in_kernel = False
        if in_kernel:
            loop.call_later(DRAW_AFTER_SECONDS, work)
        else:
            work()

    def _draw_plots(self) -> None:
        self.plots.value = plots_html(
            progress(self._entries, self.content), self.content
        )
        self.plots_drawn = True

    def _turn(self, step: int) -> None:
        self._show_page(self._page + step)

    def _sorted(self) -> list[Entry]:
        if self.sort.value == "oldest":
            return self._entries[::-1]
        if self.sort.value == "kind":
            return sorted(self._entries, key=lambda e: e.kind)
        return self._entries

    def _show_page(self, page: int) -> None:
        entries = self._sorted()
        pages = max(1, -(-len(entries) // PAGE_SIZE))
        self._page = min(max(page, 0), pages - 1)
        shown = entries[self._page * PAGE_SIZE : (self._page + 1) * PAGE_SIZE]
        kinds = self.content.files[FILE]["kinds"]
        rows = "".join(
            f"<tr><td>{esc(friendly_time(e.updated_at))}</td><td>{esc(kinds[e.kind])}</td>"
            f"<td>{'Saved' if e.status == 'done' else 'Draft'}</td>"
            f"<td>{esc(e.record.summary())}</td></tr>"
            for e in shown
        )
        self.table.value = (
            '<table class="wb-table"><thead><tr><th scope="col">When</th>'
            '<th scope="col">Exercise</th><th scope="col">Status</th>'
            f'<th scope="col">About</th></tr></thead><tbody>{rows}</tbody></table>'
        )
        self.page_label.value = tag(
            "p",
            self._t("page").format(
                page=self._page + 1, pages=pages, count=len(entries)
            ),
            "wb-muted",
        )
        self.data.choose(shown)
        self.previous.disabled = self._page == 0
        self.next.disabled = self._page >= pages - 1
