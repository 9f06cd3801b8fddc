"""The review queue: the items of a period most worth a human look, worst first.

An analyst has an hour, not a day: the queue puts first what is most likely wrong and
most likely to be read.  Each row names what to check and why, shows the item with its
context and source, and leaves an empty "correction" column; `briefgen corrections
import` turns the filled-in rows into entries of the corrections file (sheet.py).

What is queued, and how bad it is taken to be (severity 0..1, then raised for items the
brief is likely to show):

    speaker unknown            quoted words with no speaker the text lets us find
    speaker uncertain          a quotation whose speaker was resolved with low confidence
    speaker is a description   "a senior official said": a name may be findable
    actor without country      whom does this speaker speak for?
    stance uncertain           a position (or a statement's stance) of low confidence
    position on one sentence   one sentence is thin ground for a stance
    possible duplicate actors  two names that look like one person or body

Items the desk already edited are not queued again.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from briefgen.corrections.match import words
from briefgen.model import OFFICIAL_KINDS, Actor, Article, Position, Quote

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution

# Below this, a speaker or a stance is queued.
SPEAKER_CONFIDENCE = 0.75
STANCE_CONFIDENCE = 0.6
# Two names this alike (characters, after normalising) may be one actor.
NAME_SIMILAR = 0.9
_DESCRIPTION = re.compile(
    r"^(?:a|an|the|one|two|three|several|some|many|other|another|senior|top|unnamed)\b", re.I
)

# The sheet's columns, in reading order; the import reads them back by name.
COLUMNS = [
    "rank",
    "check",
    "why",
    "item",
    "speaker",
    "actor",
    "country",
    "quote",
    "issue",
    "stance",
    "confidence",
    "correction",
    "reason",
    "other_actor",
    "context",
    "title",
    "outlet",
    "published",
    "url",
    "source_path",
    "article_id",
    "quote_id",
    "actor_id",
    "other_actor_id",
]
EDITABLE = ("correction", "reason")
COLUMN_NOTES = {
    "correction": (
        "What to change. Quotation rows: speaker: NAME; country: CODE; role: TEXT; drop; "
        "pin; ban. Actor rows: country: CODE; role: TEXT; kind: KIND; name: NAME; "
        "alias: NAME; merge into: NAME. Position rows: flip; remove; stance: +1 or -1. "
        "Actor pairs: merge (into the first) or merge into: NAME. Any row: drop article; "
        "ok. Several: separate with ;"
    ),
    "reason": "Why (kept with the correction; needed for position changes).",
}


@dataclass
class ReviewItem:
    severity: float
    row: dict[str, Any]


def is_description(name: str | None) -> bool:
    """True for "a senior State Department official", "France's foreign minister" and
    "Trump administration officials", not for "Rex Tillerson", "White House" or "Chinese
    government"."""
    from briefgen.knowledge.countries import country_matches

    if not name:
        return False
    n = name.strip()
    if n[:1].islower() or _DESCRIPTION.match(n):
        return True
    last = n.split()[-1].lower().strip(".,")
    if last in _words_file().get("groups", frozenset()):
        return True  # "Trump administration officials": a group, not one actor
    # what is left once the country names and possessives are set aside
    rest = n
    for start, end, _, _ in sorted(country_matches(n), reverse=True):
        rest = rest[:start] + " " + rest[end:]
    left = re.sub(r"(?:’s|'s)\b", " ", rest).split()
    if not left or any(w[:1].isupper() for w in left):
        return False  # a name ("White House", "Kim Il Sung Square")
    return left[-1].lower().strip(".,") not in _words_file().get("institutions", frozenset())


def _article_fields(a: Article | None) -> dict[str, Any]:
    if a is None:
        return {}
    return {
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "url": a.url,
        "source_path": a.source_path,
        "article_id": a.article_id,
    }


def _quote_row(q: Quote, article: Article | None) -> dict[str, Any]:
    return {
        "item": "quote",
        "speaker": q.speaker,
        "actor": q.speaker,
        "actor_id": q.actor_id,
        "country": q.country,
        "quote": q.text,
        "quote_id": q.quote_id,
        "context": q.sentence,
        **_article_fields(article),
    }


def review_items(
    articles: Sequence[Article],
    attribution: Attribution,
    prominence: Mapping[str, float] | None = None,
) -> list[dict[str, Any]]:
    """The queue, worst first, as rows of COLUMNS ("correction" and "reason" empty).

    `prominence` ({quote_id: 0..1}, how likely the brief shows a quotation) raises the
    items the reader is most likely to see.
    """
    by_article = {a.article_id: a for a in articles}
    actors = {a.actor_id: a for a in attribution.actors}
    items = _quote_items(attribution.quotes, by_article, prominence or {})
    items += _actor_items(attribution, by_article)
    items += _position_items(attribution.positions, actors, by_article)
    items += _duplicate_items(attribution.actors)
    items.sort(
        key=lambda it: (
            -round(it.severity, 6),
            str(it.row.get("title") or ""),
            str(it.row.get("quote_id") or ""),
            str(it.row.get("actor") or ""),
        )
    )
    rows = []
    for i, it in enumerate(items, 1):
        row: dict[str, Any] = dict.fromkeys(COLUMNS)
        row.update(it.row)
        row["rank"] = i
        row["correction"] = ""
        row["reason"] = ""
        rows.append(row)
    return rows


def _quote_items(
    quotes: Sequence[Quote], by_article: Mapping[str, Article], prom: Mapping[str, float]
) -> list[ReviewItem]:
    """Quotations whose speaker is unknown, uncertain or a description; uncertain stances."""
    items: list[ReviewItem] = []
    for q in quotes:
        if q.edited:
            continue
        art = by_article.get(q.article_id)
        boost = 0.25 * prom.get(q.quote_id, 0.0)
        if not q.speaker:
            items.append(
                ReviewItem(
                    0.7 + 0.05 * min(q.words, 30) / 30,
                    {
                        "check": "speaker unknown",
                        "why": "quoted words the text gives no findable speaker for",
                        **_quote_row(q, art),
                    },
                )
            )
            continue
        doubt = _speaker_doubt(q, art, boost)
        if doubt is not None:
            items.append(doubt)
        for st in q.stances:
            if st.confidence < STANCE_CONFIDENCE:
                items.append(
                    ReviewItem(
                        0.45 + (STANCE_CONFIDENCE - st.confidence) + boost,
                        {
                            "check": "stance uncertain",
                            "why": f"this statement's stance on {st.issue} has confidence {st.confidence:.2f}",
                            "issue": st.issue,
                            "stance": f"{st.stance:+d}",
                            "confidence": st.confidence,
                            **_quote_row(q, art),
                        },
                    )
                )
    return items


def _speaker_doubt(q: Quote, art: Article | None, boost: float) -> ReviewItem | None:
    """A named speaker found with low confidence, or a description instead of a name."""
    if q.speaker_confidence < SPEAKER_CONFIDENCE:
        return ReviewItem(
            0.5 + 0.5 * (1 - q.speaker_confidence) + boost,
            {
                "check": "speaker uncertain",
                "why": f"speaker found with confidence {q.speaker_confidence:.2f}",
                "confidence": q.speaker_confidence,
                **_quote_row(q, art),
            },
        )
    if is_description(q.speaker):
        return ReviewItem(
            0.6 + boost,
            {
                "check": "speaker is a description",
                "why": "the text describes the speaker; a name may be findable",
                **_quote_row(q, art),
            },
        )
    return None


def _first_quote(attribution: Attribution, actor_id: str) -> Quote | None:
    return next((q for q in attribution.quotes if q.actor_id == actor_id), None)


def _actor_items(attribution: Attribution, by_article: Mapping[str, Article]) -> list[ReviewItem]:
    out = []
    for a in attribution.actors:
        if a.edited or a.country or a.quote_count == 0 or is_description(a.name):
            continue
        q = _first_quote(attribution, a.actor_id)
        row: dict[str, Any] = {
            "check": "actor without country",
            "why": f"{a.quote_count} quotation{'s' if a.quote_count != 1 else ''}, speaking for no country or body",
            "item": "actor",
            "actor": a.name,
            "actor_id": a.actor_id,
            "speaker": a.name,
        }
        if q is not None:  # one of its quotations, to judge by
            row.update(
                {"quote": q.text, "context": q.sentence}
                | _article_fields(by_article.get(q.article_id))
            )
        row["why"] += f" ({a.kind}{'; ' + a.role if a.role else ''})"
        out.append(ReviewItem(0.55 + 0.05 * min(a.quote_count, 6), row))
    return out


def _position_items(
    positions: Sequence[Position], actors: Mapping[str, Actor], by_article: Mapping[str, Article]
) -> list[ReviewItem]:
    from briefgen.knowledge.countries import country_name

    out = []
    for p in positions:
        if p.edited:
            continue
        actor = actors.get(p.holder) if p.holder_kind == "actor" else None
        official = actor is not None and actor.kind in OFFICIAL_KINDS
        ev = p.evidence[0] if p.evidence else None
        row: dict[str, Any] = {
            "item": "position" if p.holder_kind == "actor" else "country position",
            "actor": actor.name if actor else None,
            "actor_id": p.holder if p.holder_kind == "actor" else None,
            "country": p.country if p.holder_kind == "actor" else p.holder,
            "issue": p.issue,
            "stance": f"{p.stance:+d}",
            "confidence": p.confidence,
            "speaker": actor.name if actor else country_name(p.holder),
            "quote": ev.text if ev else None,
            "quote_id": ev.quote_id if ev else None,
            "context": p.label,
            **_article_fields(by_article.get(ev.article_id) if ev else None),
        }
        if p.confidence < STANCE_CONFIDENCE:
            out.append(
                ReviewItem(
                    0.5 + (STANCE_CONFIDENCE - p.confidence) + (0.1 if official else 0.0),
                    {
                        **row,
                        "check": "stance uncertain",
                        "why": f"“{p.label}” with confidence {p.confidence:.2f}",
                    },
                )
            )
        elif len(p.evidence) == 1:
            out.append(
                ReviewItem(
                    0.45 + (0.1 if official or p.holder_kind == "country" else 0.0),
                    {
                        **row,
                        "check": "position on one sentence",
                        "why": f"“{p.label}” rests on one statement",
                    },
                )
            )
    return out


@lru_cache(maxsize=1)
def _words_file() -> dict[str, frozenset[str]]:
    """data/review.yaml: {"generic": ..., "institutions": ...}, lower case."""
    from briefgen.knowledge.datafiles import packaged

    raw = packaged("review.yaml")
    return {k: frozenset(str(w).lower() for w in v or []) for k, v in (raw or {}).items()}


def generic_name_words() -> frozenset[str]:
    """Words that say what a speaker is, not who."""
    return _words_file().get("generic", frozenset())


def _name_tokens(name: str) -> set[str]:
    generic = generic_name_words()
    return {w for w in words(name) if w not in generic and len(w) > 1}


def _duplicate_items(actors: Sequence[Actor]) -> list[ReviewItem]:
    """Pairs of actors whose names look like one: one name's words inside the other's
    ("Tillerson", "Secretary of State Rex Tillerson"), or nearly the same spelling."""
    named = [a for a in actors if not is_description(a.name) and not a.edited]
    toks = [_name_tokens(a.name) | {t for al in a.aliases for t in _name_tokens(al)} for a in named]
    flat = [" ".join(words(a.name)) for a in named]
    # only pairs that share a distinctive word are compared
    by_token: dict[str, list[int]] = {}
    for i, ts in enumerate(toks):
        for t in ts:
            by_token.setdefault(t, []).append(i)
    seen: set[tuple[int, int]] = set()
    out = []
    for ids in by_token.values():
        if len(ids) > 12:
            continue  # a word that common ("kim") says nothing on its own
        for x in ids:
            for y in ids:
                if x >= y or (x, y) in seen:
                    continue
                seen.add((x, y))
                a, b = named[x], named[y]
                if a.country and b.country and a.country != b.country:
                    continue
                ta, tb = _name_tokens(a.name), _name_tokens(b.name)
                inside = bool(ta and tb) and (ta <= tb or tb <= ta)
                alike = difflib.SequenceMatcher(None, flat[x], flat[y]).ratio() >= NAME_SIMILAR
                if not (inside or alike):
                    continue
                first, second = (
                    (a, b) if (a.quote_count, a.mentions) >= (b.quote_count, b.mentions) else (b, a)
                )
                why = "one name holds the other" if inside else "nearly the same spelling"
                out.append(
                    ReviewItem(
                        0.6 + 0.05 * min(first.quote_count + second.quote_count, 6),
                        {
                            "check": "possible duplicate actors",
                            "why": f"{why}: merge them if they are one",
                            "item": "actor pair",
                            "actor": first.name,
                            "actor_id": first.actor_id,
                            "other_actor": second.name,
                            "other_actor_id": second.actor_id,
                            "speaker": first.name,
                            "country": first.country or second.country,
                            "context": f"{first.quote_count} and {second.quote_count} quotations",
                        },
                    )
                )
    return out


def quote_prominence(
    quotes: Sequence[Quote], actors: Sequence[Actor], articles: Sequence[Article]
) -> dict[str, float]:
    """{quote_id: 0..1}: each quotation's weight for the key quotes, over the heaviest."""
    from briefgen.book.keyquotes import rank_quotes

    ranked = rank_quotes(quotes, actors, {a.article_id: a for a in articles})
    top = ranked[0][0] if ranked else 0.0
    return {q.quote_id: (w / top if top else 0.0) for w, q in ranked}
