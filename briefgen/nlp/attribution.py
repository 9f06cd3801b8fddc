"""Who said what, for which country: the one entry point of the quotes/actors/positions stage.

quotes.py finds the quotations and the words that attribute them, actors.py resolves
those words to a person or body with its country, positions.py reads where each actor
and country stands.  This module runs them per article and merges actors across articles.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.model import Actor, Article, ArticleAnalysis, Position, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.nlp.actors import ArticleActors, Lexicon, Speaker
    from briefgen.nlp.quotations import Resolved
    from briefgen.nlp.quotes import RawQuote

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
# A signature names the writer outright, but the cleaning read it from a line's shape.
_EXCERPT_CONFIDENCE = 0.9


@dataclass
class Attribution:
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)


def _norm_words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def dateline_country(article: Article) -> str | None:
    """The country of the article's dateline city ("SEOUL, Dec. 28 (Yonhap) --"), if any."""
    from briefgen.knowledge.countries import country_of

    line = str(article.meta.get("dateline") or "")
    city = line.split(",", 1)[0].strip()
    if not city or len(city) > 30:
        return None
    return country_of(city.title()) or country_of(city)


def quotes_for_article(
    article: Article, doc: Doc, lex: Lexicon
) -> tuple[list[tuple[Quote, Speaker | None]], ArticleActors, list[RawQuote]]:
    """The article's quotations (direct, mixed, reported) with resolved speakers; scare
    quotes, sources, hypothetical speech and repeats left out (see quotations.py)."""
    from briefgen.nlp.actors import ArticleActors
    from briefgen.nlp.marks import QuoteSpans
    from briefgen.nlp.quotations import collect, resolve_items, to_quotes
    from briefgen.nlp.quotes import extract_raw
    from briefgen.nlp.reported import extract_reported

    raws = extract_raw(article.text, doc, lex.verbs)
    marks = QuoteSpans(s for r in raws for s in r.spans)  # indexed: asked per token and report
    quoted = [(s.mark_start, s.mark_end) for s in marks]
    ctx = ArticleActors(doc, lex, quoted, article.outlet, article.published)
    items = collect(doc, raws, extract_reported(doc, lex.verbs, marks), lex)
    resolved = resolve_items(article, items, ctx, lex)
    resolved = _with_speeches(article, doc, resolved, ctx, lex)
    resolved = _with_excerpts(article, resolved, lex)
    ctx.place_at_home([r.speaker for r in resolved], dateline_country(article))
    return _dedupe(to_quotes(article, resolved, dateline_country(article))), ctx, raws


def _with_speeches(
    article: Article, doc: Doc, resolved: list[Resolved], ctx: ArticleActors, lex: Lexicon
) -> list[Resolved]:
    """The paragraphs of a speech printed without marks after "he said:" (speeches.py)
    and embedded posts (tweets.py) join the quotations; what else was found inside them
    is part of the speech."""
    from briefgen.nlp.quotations import resolve_items
    from briefgen.nlp.speeches import speech_items
    from briefgen.nlp.tweets import tweet_items

    cues = [r.item.cue.idx for r in resolved if r.item.cue is not None and r.speaker is not None]
    items = speech_items(doc, article.text, lex.verbs, cues) + tweet_items(doc, article.text)
    if not items:
        return resolved
    spoken = [r for r in resolve_items(article, items, ctx, lex) if r.speaker is not None]
    inside = [(r.item.start, r.item.end) for r in spoken]
    kept = [r for r in resolved if not any(a <= r.item.start < b for a, b in inside)]
    return sorted(kept + spoken, key=lambda r: r.item.start)


def _with_excerpts(article: Article, resolved: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """Excerpts signed by their writer (excerpts.py) join the quotations; what else was
    found inside them is part of the writer's words."""
    from briefgen.nlp.excerpts import excerpt_items
    from briefgen.nlp.quotations import Resolved

    found = excerpt_items(article.text, lex)
    if not found:
        return resolved
    signed = [Resolved(it, sp, "wrote", _EXCERPT_CONFIDENCE) for it, sp in found]
    inside = [(it.sentence_start, it.sentence_end) for it, _ in found]
    kept = [r for r in resolved if not any(a <= r.item.start < b for a, b in inside)]
    return sorted(kept + signed, key=lambda r: r.item.start)


def _dedupe(
    items: list[tuple[Quote, Speaker | None]],
) -> list[tuple[Quote, Speaker | None]]:
    """Drop a quote repeated in the article (captions, summary bullets) or contained in a longer one."""
    norms = [_norm_words(q.text) for q, _ in items]
    keep: list[tuple[Quote, Speaker | None]] = []
    for i, (q, sp) in enumerate(items):
        ni = norms[i]
        dup = False
        for j, (q2, _sp2) in enumerate(items):
            if i == j:
                continue
            nj = norms[j]
            same_speaker = q.actor_id == q2.actor_id
            if ni == nj and j < i:
                dup = True  # the first occurrence stays
            elif ni != nj and ni in nj and (same_speaker or len(ni) < len(nj) // 2):
                dup = True  # a fragment of a longer quote elsewhere
            if dup:
                break
        if not dup:
            keep.append((q, sp))
    return keep


def analyse_article(article: Article, doc: Doc, lex: Lexicon) -> ArticleAnalysis:
    """Quotations (quoted and reported), speakers and what each statement's words say to
    the stance model, of one article on its own.

    Nothing here depends on other articles, so the result can be stored by article and
    reused by every later build; `merge` joins the articles of a period.
    """
    from briefgen.nlp.stance import text_features

    quotes, ctx, _raws = quotes_for_article(article, doc, lex)
    actors: dict[str, Actor] = {}

    def actor_for(sp: Speaker) -> Actor:
        act = actors.get(sp.key)
        if act is None:
            act = actors[sp.key] = Actor(
                actor_id=sp.key,
                name=sp.name,
                kind=sp.kind,  # type: ignore[arg-type]
                role=sp.role,
                country=sp.country,
                article_ids=[article.article_id],
            )
        _fill(act, sp.role, sp.country, sorted(sp.aliases))
        return act

    features: dict[str, list[float]] = {}
    for q, sp in quotes:
        if sp is not None:
            actor_for(sp).quote_count += 1
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None and len(span):
            features[q.quote_id] = text_features(span)
    for m in ctx.mentions:
        if m.key in actors:
            actors[m.key].mentions += 1
    return ArticleAnalysis(
        article_id=article.article_id,
        quotes=[q for q, _ in quotes],
        actors=list(actors.values()),
        stance_features=features,
    )


def _fill(act: Actor, role: str | None, country: str | None, aliases: Sequence[str]) -> None:
    """What a later mention adds to an actor: a role or country it lacked, new aliases."""
    if act.role is None and role:
        act.role = role
    if act.country is None and country:
        act.country = country
    for al in aliases:
        if al != act.name and al not in act.aliases:
            act.aliases.append(al)


def merge(
    analyses: Sequence[ArticleAnalysis],
    with_positions: bool = True,
    embed: Callable[[list[str]], Any] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Attribution:
    """The period's quotations, actors (one per actor_id across articles) and, when
    `embed` (sentence embeddings) is given, each statement's stances and the positions
    of statements made in since..until."""
    from briefgen.nlp.positions import derive_positions

    result = Attribution()
    actors: dict[str, Actor] = {}
    for an in analyses:
        for a in an.actors:
            act = actors.get(a.actor_id)
            if act is None:
                act = actors[a.actor_id] = Actor(
                    actor_id=a.actor_id, name=a.name, kind=a.kind, role=a.role, country=a.country
                )
            _fill(act, a.role, a.country, a.aliases)
            act.article_ids += [x for x in a.article_ids if x not in act.article_ids]
            act.mentions += a.mentions
            act.quote_count += a.quote_count
        result.quotes += an.quotes
    result.actors = sorted(actors.values(), key=lambda x: (-x.quote_count, -x.mentions, x.name))
    if embed is not None:
        read_stances(analyses, result.actors, embed)
    if with_positions:
        result.positions = derive_positions(result.quotes, result.actors, since, until)
    return result


def read_stances(
    analyses: Sequence[ArticleAnalysis],
    actors: Sequence[Actor],
    embed: Callable[[list[str]], Any],
) -> None:
    """Each quotation's stances (Quote.stances, in place): its stored text features with
    its speaker as now resolved (corrections included), through the stance model."""
    from briefgen.nlp.stance import read_statements, speaker_features

    kinds = {a.actor_id: a.kind for a in actors}
    quotes: list[Quote] = []
    rows: list[tuple[list[float], str]] = []
    for an in analyses:
        for q in an.quotes:
            text = an.stance_features.get(q.quote_id)
            if text is None:
                continue
            kind = kinds.get(q.actor_id or "", "other")
            rows.append((text + speaker_features(q.country, kind, q.kind, q.cue), q.text))
            quotes.append(q)
    for q, stances in zip(quotes, read_statements(rows, embed), strict=True):
        q.stances = stances


def analyse_articles(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    extra_actor_files: Sequence[Path] = (),
    lexicon: Lexicon | None = None,
) -> list[ArticleAnalysis]:
    """`analyse_article` for each article; an article whose analysis fails is logged and
    left out, so one odd article never stops the brief.  `lexicon` (default: the packaged
    knowledge plus `extra_actor_files`) carries the user's knowledge files."""
    from briefgen.nlp.actors import KnowledgeFiles, load_lexicon

    lex = lexicon or load_lexicon(KnowledgeFiles(actors=tuple(map(str, extra_actor_files))))
    missing = [a for a in articles if a.article_id not in docs]
    all_docs: dict[str, Doc] = dict(docs)
    if missing:
        from briefgen.nlp.parse import load_spacy, pipe_texts

        # pipe_texts, not nlp.pipe: windows past the parser's limit, bounded sentences
        texts = [a.text for a in missing]
        for a, d in zip(missing, pipe_texts(load_spacy(), texts), strict=True):
            all_docs[a.article_id] = d
    out: list[ArticleAnalysis] = []
    for a in articles:
        try:
            out.append(analyse_article(a, all_docs[a.article_id], lex))
        except Exception as e:  # one odd article never stops the brief
            log.warning("attribution failed for %s: %s", a.source_path, e)
    return out


def attribute(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    extra_actor_files: Sequence[Path] = (),
    with_positions: bool = True,
    lexicon: Lexicon | None = None,
    embed: Callable[[list[str]], Any] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Attribution:
    """Find the quotations in each article, resolve speakers to actors, read stances
    (when `embed` is given) and derive the period's positions.

    `docs` maps article_id to the article's spaCy parse (see nlp.parse.parse_articles);
    an article without a parse is parsed here.
    """
    analyses = analyse_articles(articles, docs, extra_actor_files, lexicon)
    return merge(analyses, with_positions, embed, since, until)
