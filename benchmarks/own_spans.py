"""briefgen's own quotations of the labelled train articles as stance training examples
(benchmarks/train_stance.py --spans own|union; issue 10).

The shipped model learns from gold spans with gold speakers, but the brief reads the
spans and speakers briefgen extracts, where it is less sure (positions20: 26 of dev's
54 missed positions read on the right side below the display threshold).  Here each
quotation briefgen extracts from a train-split labelled article is matched to the gold
quotation it overlaps most (at least half of the shorter span) and carries that gold
quotation's positions, its speaker and group (so the cross-validated figures count
positions as the gold ones are counted); its features are briefgen's own: the span's
words and the speaker's country and kind as briefgen resolved them.  In an article whose
every quotation was labelled (quotes-*), an extracted quotation matching none is a
'no position' example under briefgen's speaker; in the issue-sampled statements-*, where
one statement of the article was labelled, it is left out (not known to be none).

Extraction is slow over many articles: each article's quotations are cached as JSON in
OWN_CACHE (default /tmp/briefgen-own-spans), keyed by the article id and the analysis
code's version, so reruns are cheap.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from gold import GoldQuote, align, load_gold
from splits import iso_week
from train_stance import GROUP_TO_KIND, Example

CACHE = Path(os.environ.get("OWN_CACHE", "/tmp/briefgen-own-spans"))
MIN_OVERLAP = 0.5  # of the shorter span: a fragment of a gold quotation is that quotation
MIN_WORDS = 4  # nlp.stance.read_statements reads no shorter statement
KIND_TO_GROUP = {v: k for k, v in GROUP_TO_KIND.items()}


def extracted(articles: list[Any], docs: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """{article_id: its quotations as the brief stores them}, from the cache or analysed."""
    from briefgen.nlp.actors import KnowledgeFiles, load_lexicon
    from briefgen.nlp.attribution import analyse_article
    from briefgen.store.versions import analysis_version

    folder = CACHE / analysis_version()
    folder.mkdir(parents=True, exist_ok=True)
    lex = None
    out: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        path = folder / f"{a.article_id.replace('/', '_')}.json"
        if path.exists():
            out[a.article_id] = json.loads(path.read_text())
            continue
        if a.article_id not in docs:
            continue
        lex = lex or load_lexicon(KnowledgeFiles())
        an = analyse_article(a, docs[a.article_id], lex)
        kinds = {x.actor_id: x.kind for x in an.actors}
        rows = [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "country": q.country,
                "kind": kinds.get(q.actor_id or "", "other"),
                "quote_kind": q.kind,
                "cue": q.cue,
                "earlier": q.earlier,
                "features": an.stance_features.get(q.quote_id),
            }
            for q in an.quotes
        ]
        path.write_text(json.dumps(rows))
        out[a.article_id] = rows
    return out


def _match(q: dict[str, Any], spans: list[tuple[int, int, int]]) -> int | None:
    """The gold quotation (index) overlapping the extracted one most, if enough."""
    best, most = None, 0
    for i, s, e in spans:
        over = min(e, q["end"]) - max(s, q["start"])
        short = max(1, min(e - s, q["end"] - q["start"]))
        if over / short >= MIN_OVERLAP and over > most:
            best, most = i, over
    return best


def own_examples(names: list[str], articles: list[Any], docs: dict[str, Any]) -> list[Example]:
    """briefgen's extracted quotations of the label sets' articles, labelled through
    the gold quotation each matches (see the module docstring)."""
    from briefgen.nlp.stance import speaker_features

    by_id = {a.article_id: a for a in articles}
    out: list[Example] = []
    seen: set[tuple[str, int]] = set()  # an article in two label sets: its quotations once
    for name in names:
        gold: list[GoldQuote] = load_gold(name)
        spans: dict[str, list[tuple[int, int, int]]] = {}
        for i, (aid, s, e) in align(gold, articles).items():
            spans.setdefault(aid, []).append((i, s, e))
        whole = name.startswith("quotes-")
        quotes = extracted([by_id[a] for a in spans], docs)
        for aid, qs in quotes.items():
            for q in qs:
                i = _match(q, spans[aid])
                if (i is None and not whole) or q["features"] is None or (aid, q["start"]) in seen:
                    continue
                if len(q["text"].split()) < MIN_WORDS:
                    continue
                seen.add((aid, q["start"]))
                g = gold[i] if i is not None else None
                hand = q["features"] + speaker_features(
                    q["country"], q["kind"], q["quote_kind"], q["cue"]
                )
                out.append(
                    Example(
                        hand=hand,
                        text=" ".join(q["text"].split()),
                        labels={p["issue"]: int(p["stance"]) for p in g.positions} if g else {},
                        key=g.key if g else _key(by_id[aid]),
                        week=iso_week(by_id[aid].published),
                        speaker=g.speaker if g else q["speaker"],
                        group=g.speaker_group if g else KIND_TO_GROUP.get(q["kind"], "other"),
                        earlier=g.earlier if g else bool(q["earlier"]),
                        source=f"{name}/own",
                        extra={"country": q["country"], "matched": g is not None},
                    )
                )
    return out


def _key(article: Any) -> str:
    from splits import source_key

    return str(source_key(article))
