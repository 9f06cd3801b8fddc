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

Measured 2026-12-02 (positions21, main 5b11d52, same env; not shipped).  Shipped model,
benchmarks/positions.py --split dev --shows 0.8 0.835 0.85 0.87 0.9: 41/95 found, 28/31
printed right (0.8: 41, 28/34; 0.9: 39, 25/27).  `train_stance.py --spans own`: C 0.01,
floor 0.2, display 0.905 chosen, cv 35/196 (35/36; own spans reach 196 of 219 gold
positions); end to end at 0.905 31/95, 19/20; at 0.87 40/95, 27/29; at 0.8 42/95, 29/34
(0.853).  `--spans union`: no setting reaches 0.95 on cv train (best 0.94: the same
quotation twice agrees with itself), not written; end to end not measured.
benchmarks/stance_spans.py (C 0.01, floor 0.2, display 0.87, found/gold right/printed):
gold-trained on gold spans 61/219 61/63, on own spans 53/196 53/58; own-trained 57/219
57/60 and 46/196 46/50; union-trained 64/219 64/67 and 55/196 55/59.  Training on own
spans does not make the model surer on own spans, even cross-validated on train.
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
