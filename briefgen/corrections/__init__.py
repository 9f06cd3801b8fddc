"""The analyst in the loop: the desk's corrections, the review queue, and their import.

schema.py          the corrections file: verbs, fields, one-line errors
match.py           finding an entry's article, quotation, actor or sentence again
ledger.py          what became of each entry this run, the notes, the shared lookups
desk_articles.py   article entries (drop, date, outlet, relevance)
desk_speakers.py   actor and quotation entries (merge, alias, speaker, country, role)
desk_positions.py  position entries (set, flip, remove)
desk_keyphrases.py keyphrase entries (ban, rename, pin)
desk_brief.py      key-quote and bottom-line entries, the notes on the sources
apply.py           Desk: the stages above put together, called once per stage of a run
seam.py            the one call into the position stage (positions derived again)
review.py          the items most worth a human look, worst first
sheet.py           a filled-in review sheet -> new entries appended to the corrections file

The pipeline makes one Desk per run (`desk_for`); docs/corrections.md is the user's guide.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefgen.config import Settings
from briefgen.corrections.apply import Desk
from briefgen.corrections.schema import CorrectionError, Corrections, Entry, load_corrections

DEFAULT_FILE = "corrections.yaml"

__all__ = [
    "DEFAULT_FILE",
    "CorrectionError",
    "Corrections",
    "Desk",
    "Entry",
    "correction_files",
    "desk_for",
    "load_corrections",
]


def correction_files(settings: Settings) -> list[Path]:
    """The files the settings name; by default ./corrections.yaml when it exists."""
    files = settings.corrections.files
    if files is None:
        default = Path(DEFAULT_FILE)
        return [default] if default.is_file() else []
    return [Path(f) for f in files]


def desk_for(settings: Settings, files: Sequence[str | Path] | None = None) -> Desk:
    """The Desk of one run: every corrections file read and checked first, so a bad
    entry stops the run before any work is done."""
    paths = [Path(f) for f in files] if files is not None else correction_files(settings)
    return Desk(
        load_corrections(paths),
        relevance_threshold=settings.corpus.relevance_threshold,
        actor_files=list(settings.corpus.actors_files),
    )
