"""The labelled statements as the stance model's inputs (benchmarks/train_stance.py and
the stance benchmarks): which label sets train, their articles and parses, and each gold
statement's span, speaker and labels as an Example.  Split from train_stance.py (which
re-exports these names) to keep it under 500 lines; the same code.  Imported after the
caller puts benchmarks/labels on sys.path (gold, splits), as train_stance.py does."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gold import GoldQuote, align, load_gold
from splits import iso_week, source_key

LABELS = Path(__file__).resolve().parent / "labels"
GROUP_TO_KIND = {
    "government": "government",
    "international": "international",
    "legislator": "legislator",
    "state-media": "state-media",
    "expert": "expert",
    "media": "media",
    "other": "other",
}


@dataclass
class Example:
    hand: list[float]
    text: str
    labels: dict[str, int]  # issue -> +1/-1 (absent: no stance)
    key: str  # source key of the article
    week: str | None = None
    speaker: str | None = None
    group: str = "other"
    earlier: bool = False
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    relevance_only: bool = False  # teaches whether a statement takes a stance, not its side


DEV = "quotes-dev"


def training_names() -> list[str]:
    names = ["quotes-train"]
    # every statements-*.jsonl holds single statements of train-split articles only
    names += sorted(p.stem for p in LABELS.glob("statements-*.jsonl"))
    return [n for n in names if (LABELS / f"{n}.jsonl").exists()]


def load_articles_and_docs(names: list[str]) -> tuple[list[Any], dict[str, Any]]:
    from packets import read_all

    from briefgen.config import Settings
    from briefgen.nlp.parse import parse_articles

    keys: set[str] = set()
    for name in names:
        keys |= {g.key for g in load_gold(name)}
    arts = [a for a in read_all() if source_key(a) in keys]
    return arts, parse_articles(arts, cache_dir=Settings().cache_dir)


def examples(names: list[str], articles: list[Any], docs: dict[str, Any]) -> list[Example]:
    """Gold statements as model inputs: their span in the article's parse, gold speaker."""
    from briefgen.nlp.stance import StanceInput, hand_features

    out: list[Example] = []
    by_id = {a.article_id: a for a in articles}
    for name in names:
        gold: list[GoldQuote] = load_gold(name)
        for i, (aid, s, e) in align(gold, articles).items():
            g = gold[i]
            doc = docs.get(aid)
            span = doc.char_span(s, e, alignment_mode="expand") if doc is not None else None
            if span is None or not len(span):
                continue
            inp = StanceInput(
                span=span,
                country=g.country,
                kind=GROUP_TO_KIND.get(g.speaker_group, "unknown"),
                quote_kind=g.kind if g.kind in ("direct", "mixed", "indirect") else "indirect",
                cue=g.cue,
            )
            out.append(
                Example(
                    hand=hand_features(inp),
                    text=" ".join(span.text.split()),
                    labels={p["issue"]: int(p["stance"]) for p in g.positions},
                    key=g.key,
                    week=iso_week(by_id[aid].published),
                    speaker=g.speaker,
                    group=g.speaker_group,
                    earlier=g.earlier,
                    source=name,
                    extra={"country": g.country},
                )
            )
    return out
