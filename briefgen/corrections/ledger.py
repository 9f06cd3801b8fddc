"""The desk's ledger for one run: the corrections, what became of each entry, the notes
the brief prints, and finding an entry's article or quotation again.

Every entry ends the run in one of four states: applied; stale (what it names is no
longer there: it needs the analyst); for another period (its article is outside this
one); or not needed this period (its actor, position or phrase does not come up).
The stage modules (desk_*.py) record into it; apply.Desk puts them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.corrections.match import ArticleIndex, find_quote
from briefgen.corrections.schema import ArticleRef, Corrections, Entry
from briefgen.model import Actor, Article, Keyphrase, Position, Quote, Statement

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution

_REPLACED = frozenset({"speaker", "country", "role", "kind", "named"})
# Entries only a brief can apply (exports leave them out of their counts).
BRIEF_ONLY = frozenset({"pin-quote", "ban-quote", "pin-bottom-line", "ban-bottom-line"})


def mark(item: Article | Quote | Actor | Position | Keyphrase | Statement, note: str) -> None:
    """Add a note to what the desk changed in an item (shown discreetly in the brief)."""
    if not note:
        return
    notes = [n for n in item.edited.split("; ") if n]
    # a later "speaker X" replaces an earlier one: the note says what stands
    key = note.split(" ", 1)[0]
    if key in _REPLACED:
        notes = [n for n in notes if n.split(" ", 1)[0] != key]
    if note not in notes:
        notes.append(note)
    item.edited = "; ".join(notes)


def short(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


def no_article(ref: ArticleRef) -> str:
    return (
        f"no article in the corpus matches {ref.describe()}; check its url/path/title "
        "with `briefgen articles` or delete the entry"
    )


@dataclass
class Ledger:
    """The corrections of one run, what became of each entry, and the run's lookups."""

    corrections: Corrections
    relevance_threshold: float = 0.35
    actor_files: Sequence[str] = ()
    applied: dict[int, str] = field(default_factory=dict)
    stale: dict[int, str] = field(default_factory=dict)
    elsewhere: set[int] = field(default_factory=set)
    # notes for the brief's sources: per article id, and the rest
    article_notes: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _index: ArticleIndex | None = None
    _in_period: set[str] = field(default_factory=set)
    _analysed: set[str] = field(default_factory=set)
    _pins: list[tuple[int, str]] = field(default_factory=list)  # (entry, quote_id)
    _bans: dict[str, int] = field(default_factory=dict)  # quote_id -> entry
    # False until brief() ran: an export has no key quotes or bottom line to pin
    brief_done: bool = False
    # each quotation's speaker as the extraction found it, for the notes
    _was: dict[str, str | None] = field(default_factory=dict)

    # ------------------------------------------------------------------ bookkeeping

    def _pos(self, e: Entry) -> int:
        return next(i for i, x in enumerate(self.corrections.entries) if x is e)

    def _applied(self, e: Entry, note: str = "") -> None:
        i = self._pos(e)
        self.stale.pop(i, None)
        self.elsewhere.discard(i)
        self.applied[i] = note

    def _stale(self, e: Entry, why: str) -> None:
        i = self._pos(e)
        if i not in self.applied:
            self.stale[i] = why

    def _elsewhere(self, e: Entry) -> None:
        i = self._pos(e)
        if i not in self.applied and i not in self.stale:
            self.elsewhere.add(i)

    def _note(self, article_id: str | None, note: str) -> None:
        if article_id:
            self.article_notes.setdefault(article_id, []).append(note)
        else:
            self.notes.append(note)

    @property
    def unused(self) -> list[int]:
        done = set(self.applied) | set(self.stale) | self.elsewhere
        return [
            i
            for i, e in enumerate(self.corrections.entries)
            if i not in done and (self.brief_done or e.do not in BRIEF_ONLY)
        ]

    def summary(self) -> str:
        """The one line a run prints about the corrections."""
        files = ", ".join(Path(f).name for f in self.corrections.files) or "no file"
        applied = [i for i, e in enumerate(self.corrections.entries) if i in self.applied]
        pending = (
            []
            if self.brief_done
            else [
                i
                for i, e in enumerate(self.corrections.entries)
                if e.do in BRIEF_ONLY
                and i not in self.applied
                and i not in self.stale
                and i not in self.elsewhere
            ]
        )
        parts = [f"{len(applied)} applied"]
        if self.stale:
            parts.append(f"{len(self.stale)} stale")
        if self.elsewhere:
            parts.append(f"{len(self.elsewhere)} for other periods")
        if self.unused:
            parts.append(f"{len(self.unused)} not needed this period")
        if pending:
            parts.append(f"{len(pending)} for the brief only")
        return f"Corrections ({files}): " + ", ".join(parts)

    def stale_lines(self) -> list[str]:
        """One line per stale entry: where it is, what it says, why, and what to do."""
        out = []
        for i, why in sorted(self.stale.items()):
            e = self.corrections.entries[i]
            out.append(f"stale correction {e.key} ({e.describe()}): {why}")
        return out

    def status(self) -> list[dict[str, str]]:
        """Every entry with its state this run (for `briefgen corrections check`)."""
        rows = []
        for i, e in enumerate(self.corrections.entries):
            if i in self.applied:
                state, detail = "applied", self.applied[i]
            elif i in self.stale:
                state, detail = "stale", self.stale[i]
            elif i in self.elsewhere:
                state, detail = "other period", "its article is outside this period"
            elif e.do in BRIEF_ONLY and not self.brief_done:
                state, detail = "brief only", "applies when the brief is built"
            else:
                state, detail = "not needed", "nothing it names comes up in this period"
            rows.append(
                {"entry": e.key, "do": e.do, "what": e.describe(), "state": state, "detail": detail}
            )
        return rows

    # ------------------------------------------------------------------ lookups

    def analysed(
        self, corpus: Sequence[Article], in_period: Sequence[Article], analysed: Sequence[Article]
    ) -> None:
        """Which articles the run can find (all read), holds (the period) and analyses
        (the period's, less low-relevance ones)."""
        self._index = ArticleIndex(corpus)
        self._in_period = {a.article_id for a in in_period}
        self._analysed = {a.article_id for a in analysed}

    def _article_for(self, e: Entry) -> Article | None:
        """The entry's article when the run analyses it; None (and the entry's state set)
        otherwise."""
        ref: ArticleRef = e.get("article")
        if self._index is None:
            return None
        a = self._index.find(ref, e.get("quote") or e.get("text"))
        if a is None:
            self._stale(e, no_article(ref))
            return None
        if a.article_id not in self._analysed:
            self._elsewhere(e)
            return None
        return a

    def _quotes_by_article(self, att: Attribution) -> dict[str, list[Quote]]:
        out: dict[str, list[Quote]] = {}
        for q in att.quotes:
            out.setdefault(q.article_id, []).append(q)
        return out

    def _find_quote(self, e: Entry, by_article: dict[str, list[Quote]]) -> Quote | None:
        a = self._article_for(e)
        if a is None:
            return None
        q, score = find_quote(by_article.get(a.article_id, []), e.get("quote"), e.get("was"))
        if q is None:
            near = f" (the closest is {score:.0%} alike)" if score >= 0.5 else ""
            self._stale(
                e,
                f"no quotation with these words in “{short(a.title, 50)}”{near}; "
                "copy the words again from `briefgen quotes` or delete the entry",
            )
        return q
