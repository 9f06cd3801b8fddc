"""Who said what, for which country: the one entry point of the quotes/actors/positions stage.

quotes.py finds the quotations and the words that attribute them, actors.py resolves
those words to a person or body with its country, positions.py reads where each actor
and country stands.  This module runs them per article and merges actors across articles.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.model import Actor, Article, Position, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.nlp.actors import ArticleActors, Gazetteer, Speaker
    from briefgen.nlp.quotes import RawQuote

log = logging.getLogger(__name__)

# A partial quote of fewer words is kept only after a naming cue ("called it “unacceptable”").
_MIN_PARTIAL_WORDS = 1
_NAMING_CUES = frozenset({"call", "describe", "brand", "label", "dismiss"})
_WORD = re.compile(r"\w+")


@dataclass
class Attribution:
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    # Reported (unquoted) statements per actor, for positions: (actor_id, article_id, text).
    statements: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class _ArticleResult:
    quotes: list[tuple[Quote, Speaker]]
    ctx: ArticleActors
    statements: list[tuple[Speaker, str]]


def _norm_words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _para_index(text: str, pos: int) -> int:
    return text.count("\n\n", 0, pos)


def dateline_country(article: Article) -> str | None:
    """The country of the article's dateline city ("SEOUL, Dec. 28 (Yonhap) --"), if any."""
    from briefgen.knowledge.countries import country_of

    line = str(article.meta.get("dateline") or "")
    city = line.split(",", 1)[0].strip()
    if not city or len(city) > 30:
        return None
    return country_of(city.title()) or country_of(city)


def quotes_for_article(
    article: Article, doc: Doc, gaz: Gazetteer
) -> tuple[list[tuple[Quote, Speaker]], ArticleActors, list[RawQuote]]:
    """The article's quotations with resolved speakers (scare quotes and repeats dropped)."""
    from briefgen.nlp.actors import ArticleActors
    from briefgen.nlp.quotes import extract_raw

    text = article.text
    home = dateline_country(article)
    raws = extract_raw(text, doc)
    quoted = [(s.mark_start, s.mark_end) for r in raws for s in r.spans]
    ctx = ArticleActors(doc, gaz, quoted)
    out: list[tuple[Quote, Speaker]] = []
    prev: tuple[RawQuote, Speaker] | None = None
    n = 0
    for r in raws:
        if r.scare:
            continue
        att = r.attribution
        speaker = (
            ctx.resolve(att.speaker, att.speaker_head, r.start) if att.cue is not None else None
        )
        cue = att.cue.text.lower() if att.cue is not None else None
        if att.cue is None and prev is not None:
            # A quote paragraph with no attribution of its own continues the previous
            # speaker's quote: news style gives the speaker once.
            first = r.spans[0]
            para_start = not text[r.sentence_start : first.mark_start].strip()
            gap_paras = _para_index(text, r.start) - _para_index(text, prev[0].end)
            if para_start and gap_paras <= 1 and prev[0].kind == "direct":
                speaker, cue = (
                    prev[1],
                    prev[0].attribution.cue.text.lower()
                    if prev[0].attribution.cue is not None
                    else None,
                )
        if speaker is None:
            continue
        if speaker.country is None and speaker.kind == "government" and home is not None:
            # "National Security Adviser Wi Sung-lac" under a SEOUL dateline: an official the
            # article does not place serves the country the report is filed from
            speaker.country = home
        words = sum(len(_WORD.findall(text[s.start : s.end])) for s in r.spans)
        cue_lemma = att.cue.lemma_.lower() if att.cue is not None else ""
        if r.kind == "partial" and words < _MIN_PARTIAL_WORDS and cue_lemma not in _NAMING_CUES:
            continue
        sentence = " ".join(text[r.sentence_start : r.sentence_end].split())
        for s in r.spans:
            n += 1
            q = Quote(
                quote_id=f"{article.article_id}-q{n}",
                article_id=article.article_id,
                text=text[s.start : s.end],
                start=s.start,
                end=s.end,
                speaker=speaker.name,
                speaker_role=speaker.role,
                country=speaker.country,
                actor_id=speaker.key,
                cue=cue,
                kind="direct" if r.kind == "direct" else "partial",
                sentence=sentence,
            )
            out.append((q, speaker))
        prev = (r, speaker)
    return _dedupe(out), ctx, raws


def _dedupe(items: list[tuple[Quote, Speaker]]) -> list[tuple[Quote, Speaker]]:
    """Drop a quote repeated in the article (captions, summary bullets) or contained in a longer one."""
    norms = [_norm_words(q.text) for q, _ in items]
    keep: list[tuple[Quote, Speaker]] = []
    for i, (q, sp) in enumerate(items):
        ni = norms[i]
        dup = False
        for j, (_q2, sp2) in enumerate(items):
            if i == j:
                continue
            nj = norms[j]
            same_speaker = sp2.key == sp.key
            if ni == nj and j < i:
                dup = True  # the first occurrence stays
            elif ni != nj and ni in nj and (same_speaker or len(ni) < len(nj) // 2):
                dup = True  # a fragment of a longer quote elsewhere
            if dup:
                break
        if not dup:
            keep.append((q, sp))
    return keep


def attribute(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    extra_actor_files: Sequence[Path] = (),
    with_positions: bool = True,
) -> Attribution:
    """Find the quotations in each article, resolve speakers to actors, derive positions.

    `docs` maps article_id to the article's spaCy parse (see nlp.parse.parse_articles);
    an article without a parse is parsed here.
    """
    from briefgen.nlp.actors import load_gazetteer
    from briefgen.nlp.positions import derive_positions, reported_statements

    gaz = load_gazetteer(extra_actor_files)
    missing = [a for a in articles if a.article_id not in docs]
    all_docs: dict[str, Doc] = dict(docs)
    if missing:
        from briefgen.nlp.parse import load_spacy

        nlp = load_spacy()
        for a, d in zip(missing, nlp.pipe(a.text for a in missing), strict=True):
            all_docs[a.article_id] = d
    result = Attribution()
    actors: dict[str, Actor] = {}

    def actor_for(sp: Speaker, article_id: str) -> Actor:
        act = actors.get(sp.key)
        if act is None:
            act = actors[sp.key] = Actor(
                actor_id=sp.key,
                name=sp.name,
                kind=sp.kind,  # type: ignore[arg-type]
                role=sp.role,
                country=sp.country,
            )
        if act.role is None and sp.role:
            act.role = sp.role
        if act.country is None and sp.country:
            act.country = sp.country
        for al in sorted(sp.aliases):
            if al != act.name and al not in act.aliases:
                act.aliases.append(al)
        if article_id not in act.article_ids:
            act.article_ids.append(article_id)
        return act

    for a in articles:
        doc = all_docs[a.article_id]
        try:
            quotes, ctx, raws = quotes_for_article(a, doc, gaz)
        except Exception as e:  # one odd article never stops the brief
            log.warning("attribution failed for %s: %s", a.source_path, e)
            continue
        for q, sp in quotes:
            act = actor_for(sp, a.article_id)
            act.quote_count += 1
            result.quotes.append(q)
        for sp, sentence in reported_statements(doc, ctx, raws):
            act = actor_for(sp, a.article_id)
            result.statements.append((act.actor_id, a.article_id, sentence))
        counts: dict[str, int] = {}
        for m in ctx.mentions:
            counts[m.key] = counts.get(m.key, 0) + 1
        for key, c in counts.items():
            if key in actors and a.article_id in actors[key].article_ids:
                actors[key].mentions += c
    result.actors = sorted(actors.values(), key=lambda x: (-x.quote_count, -x.mentions, x.name))
    if with_positions:
        result.positions = derive_positions(result.quotes, result.statements, result.actors)
    return result
