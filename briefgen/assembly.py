"""From an analysed period to its Brief (pipeline.build's assembly step): the book's
input from the analysis, the stored brief it compares with, the user's events lists, and
the attribution as the brief prints it.  Split from pipeline.py, which reads and
analyses; nothing here is per article (store/versions.py counts it outside the analysis).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from briefgen.config import Settings
from briefgen.model import Brief, PeriodRecord
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period
from briefgen.progress import Reporter
from briefgen.results import Analysis

if TYPE_CHECKING:
    from briefgen.book.eventlists import ListedEvent
    from briefgen.keptbrief import KeptBrief
    from briefgen.store import Store


def last_brief(store: Store, period: Period, compare_to: Period | None) -> PeriodRecord | None:
    """The stored brief to compare with: the one asked for, else the last before this
    period (None: compare with the previous period's articles)."""
    from briefgen.book.record import period_label
    from briefgen.store import history

    if compare_to is not None:
        return history.load(store, period_label(compare_to))
    return history.last_before(store, period.start) if period.start else None


def events_for(settings: Settings, rep: Reporter) -> list[ListedEvent]:
    """The user's events lists ([events] files), rows left out reported as warnings."""
    from briefgen.book.eventlists import read_lists

    if not settings.events.files:
        return []
    found = read_lists(settings.events.files, settings.events.columns, settings.events.date_format)
    for problem in found.problems:
        rep.warn(problem)
    rep.step(f"Read {len(found.events)} events from {len(settings.events.files)} lists")
    return found.events


def printed(att: Attribution) -> Attribution:
    """The attribution as the brief prints it: positions confident enough to print
    (exports keep every position)."""
    from briefgen.nlp.positions import show_confidence

    show = show_confidence()
    return replace(att, positions=[p for p in att.positions if p.confidence >= show])


def assemble_brief(
    an: Analysis,
    settings: Settings,
    as_of: date,
    last: PeriodRecord | None = None,
    events: Sequence[ListedEvent] = (),
    kept: KeptBrief | None = None,
) -> tuple[Brief, PeriodRecord]:
    """The Brief of one analysed period and the record the history keeps of it.

    `kept`: the store's kept briefs; one assembled from the same input is read back."""
    from briefgen.book.assemble import BookBuilder, BookInput

    inp = BookInput(
        an.articles,
        printed(an.attribution),
        an.keyphrases,
        an.period,
        as_of,
        settings.brief.title,
        low_relevance=an.low_relevance,
        previous=an.previous,
        previous_attribution=(
            printed(an.previous_attribution) if an.previous_attribution else None
        ),
        before=an.before,
        last=last,
        embed=an.embedder.embed if an.embedder else None,
        groups=an.groups,
        events=events,
        facts=an.facts,
    )

    def make() -> tuple[Brief, PeriodRecord]:
        builder = BookBuilder(inp)
        brief = builder.build()
        assert builder.record is not None
        return brief, builder.record

    return kept(inp, make) if kept is not None else make()
