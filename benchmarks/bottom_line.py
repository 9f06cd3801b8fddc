"""briefgen's bottom line against an analyst's, for the eight labelled weeks.

    .venv/bin/python benchmarks/bottom_line.py                 # the four dev weeks
    .venv/bin/python benchmarks/bottom_line.py --split test    # the held-out weeks (at the end only)
    .venv/bin/python benchmarks/bottom_line.py --split train   # the train weeks (tune on these)
    .venv/bin/python benchmarks/bottom_line.py --split tune    # dev and train weeks together
    .venv/bin/python benchmarks/bottom_line.py --show          # also print every item

Prints ROUGE-1 and ROUGE-2 F (benchmarks/rouge.py: stemmed, clipped counts) per week and
the mean per split, for briefgen and three baselines over the same week's articles:
- lead:     the first sentence of every article of the week, in file order;
- lead-k:   the first sentence of the first k articles, k = briefgen's item count;
- centroid: k sentences nearest the week's TF-IDF centroid, no two alike (MMR).
Word counts are printed too: ROUGE F rewards length up to the reference's.

The labels (benchmarks/labels/bottom-lines/) were written by analysts from the week's
articles alone.  Which weeks are dev and which held out is decided by
benchmarks/labels/splits.py, before any label file is opened: `--split dev` never reads a
held-out label.  `--cache DIR` keeps each week's parse and attribution between runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import re
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from labels.splits import CORPORA, DEV_WEEKS, HELD_OUT_WEEKS, TRAIN_WEEKS  # noqa: E402
from rouge import rouge_n  # noqa: E402

from briefgen.book.sentences import condense, split_sentences, usable  # noqa: E402
from briefgen.book.textsim import TfIdf, cosine, tokens  # noqa: E402
from briefgen.config import Settings  # noqa: E402
from briefgen.model import Article, Brief  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "corpora"
LABELS = ROOT / "benchmarks" / "labels" / "bottom-lines"


@dataclass
class Week:
    corpus: str
    week: str
    split: str

    @property
    def name(self) -> str:
        return f"{self.corpus}-{self.week}"


def weeks(split: str) -> list[Week]:
    out: list[Week] = []
    if split in ("dev", "tune", "all"):
        out += [Week(c, w, "dev") for c, ws in DEV_WEEKS.items() for w in ws]
    if split in ("train", "tune"):
        out += [
            Week(c, w, "train")
            for c, ws in TRAIN_WEEKS.items()
            for w in ws
            if (LABELS / f"{c}-{w}.json").exists()
        ]
    if split in ("test", "all"):
        out += [Week(c, w, "test") for c, ws in HELD_OUT_WEEKS.items() for w in ws]
    return out


def reference(w: Week) -> list[str]:
    data = json.loads((LABELS / f"{w.name}.json").read_text(encoding="utf-8"))
    assert data.get("split", w.split) == w.split, f"{w.name}: split mismatch"
    return [item["text"] for item in data["bottom_line"]]


# -- briefgen ---------------------------------------------------------------------------------


def code_key(book: bool = False) -> str:
    """The code a kept week was made by (reading, cleaning, per-article analysis; with
    `book`, the assembly too): a kept week is reused only by the same code.  Keyed by week
    name alone, a rerun after changing the speakers or the quotations silently scored the
    old analysis."""
    from briefgen.store.versions import analysis_version, brief_version, corpus_code

    parts = [corpus_code(), analysis_version(), brief_version() if book else ""]
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:12]


def _analysis(w: Week, settings: Settings, cache: Path | None) -> Any:
    """The week's analysis (parse, attribution, previous period), from the cache if kept."""
    from briefgen.periods import resolve_period
    from briefgen.pipeline import Comparison, analyse

    hit = cache / f"{w.name}-{code_key()}.pickle" if cache else None
    if hit and hit.is_file():
        return pickle.loads(hit.read_bytes())
    period = resolve_period(date.today(), week=w.week)
    an = analyse(
        settings,
        period,
        paths=[DATA / CORPORA[w.corpus]],
        keyphrases="brief",
        compare=Comparison(analyse_previous=True),
    )
    an.docs = {}
    an.corpus = None
    an.embedder = None
    an.facts = None  # kept in the article store (an open connection): computed again
    if hit:
        hit.parent.mkdir(parents=True, exist_ok=True)
        hit.write_bytes(pickle.dumps(an))
    return an


def briefgen_brief(
    an: Any,
    settings: Settings,
    found: list[Any] | None = None,
    finders: list[Any] | None = None,
    finder_args: dict[str, Any] | None = None,
) -> Brief:
    """The brief as `briefgen build` assembles it (compared with the previous week's
    articles: the benchmark neither reads nor writes the brief history).

    `found`: receives every development the book found (not only the bottom line's);
    `finders`: every DevelopmentFinder the build made (its groups and reports);
    `finder_args`: keyword arguments each finder is made with ({"learned": False})."""
    from briefgen.book import assemble
    from briefgen.nlp.embeddings import Embedder
    from briefgen.pipeline import assemble_brief

    an.embedder = Embedder(settings.cache_dir / "embeddings")
    saved = assemble.DevelopmentFinder

    class Keep(saved):  # type: ignore[valid-type,misc]
        def __init__(self, *a: Any, **k: Any) -> None:
            super().__init__(*a, **{**k, **(finder_args or {})})
            if finders is not None:
                finders.append(self)

        def find(self, before: Any = ()) -> Any:
            devs = super().find(before)
            if found is not None:
                found.extend(devs)
            return devs

    assemble.DevelopmentFinder = Keep  # type: ignore[misc]
    try:
        return assemble_brief(an, settings, as_of=an.period.end)[0]
    finally:
        assemble.DevelopmentFinder = saved  # type: ignore[misc]


# -- baselines --------------------------------------------------------------------------------


def _first_sentence(a: Article) -> str:
    sents = split_sentences(a)
    return condense(sents[0].text) if sents else ""


def lead(articles: list[Article], k: int | None = None) -> list[str]:
    firsts = [s for s in (_first_sentence(a) for a in articles) if s]
    return firsts[:k] if k else firsts


def centroid(articles: list[Article], k: int) -> list[str]:
    """k sentences nearest the TF-IDF centroid of the week, skipping near-repeats."""
    sents = [s.text for a in articles for s in split_sentences(a)[:20] if usable(s.text)]
    tf = TfIdf([tokens(a.title + " " + a.text) for a in articles])
    vecs = [tf.vector(tokens(s)) for s in sents]
    cen: dict[str, float] = {}
    for v in vecs:
        for t, x in v.items():
            cen[t] = cen.get(t, 0.0) + x
    ranked = sorted(range(len(sents)), key=lambda i: -cosine(vecs[i], cen))
    out: list[int] = []
    for i in ranked:
        if all(cosine(vecs[i], vecs[j]) < 0.3 for j in out):
            out.append(i)
        if len(out) >= k:
            break
    return [condense(sents[i]) for i in out]


# -- report -----------------------------------------------------------------------------------


def score(items: list[str], ref: list[str]) -> tuple[float, float, int]:
    text, gold = " ".join(items), " ".join(ref)
    return rouge_n(text, gold, 1)[2], rouge_n(text, gold, 2)[2], len(text.split())


# An item tells an analyst's item when one of its sentences is this close in meaning to
# one of the analyst item's (sentence-embedding cosine; benchmarks/train_ranker.py labels
# its examples the same way).
TELLS = 0.62
_SENT = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[A-Z“\"])")


def told(items: list[str], ref: list[str], embed: Any) -> tuple[int, int]:
    """(analyst items some item tells, items that tell an analyst item): word-count-free
    figures beside ROUGE, a proxy for 'among the week's main developments'."""
    mine = [(i, s) for i, t in enumerate(items) for s in _SENT.split(t) if s.strip()]
    gold = [(k, s) for k, t in enumerate(ref) for s in _SENT.split(t) if s.strip()]
    if not mine or not gold:
        return 0, 0
    sim = embed([s for _, s in mine]) @ embed([s for _, s in gold]).T
    hit = [
        (i, k)
        for a, (i, _) in enumerate(mine)
        for b, (k, _) in enumerate(gold)
        if sim[a, b] >= TELLS
    ]
    return len({k for _, k in hit}), len({i for i, _ in hit})


SYSTEMS = ("briefgen", "lead", "lead-k", "centroid")


def run_week(
    w: Week, settings: Settings, cache: Path | None, show: bool, match: bool = False
) -> dict[str, tuple[float, ...]]:
    an = _analysis(w, settings, cache)
    found: list[Any] = []
    brief = briefgen_brief(an, settings, found)
    items = [s.text for s in brief.bluf]
    week_articles = sorted(
        [*an.articles, *an.low_relevance], key=lambda a: (a.source_path, a.part, a.article_id)
    )
    k = max(len(items), 1)
    outputs = {
        "briefgen": items,
        "lead": lead(week_articles),
        "lead-k": lead(week_articles, k),
        "centroid": centroid(an.articles, k),
    }
    ref = reference(w)
    if show:
        print(f"\n== {w.name} ({w.split}), {len(week_articles)} articles")
        for s in brief.bluf:
            print(f"  - {s.text} {s.cites}")
    if not match:
        return {name: score(out, ref) for name, out in outputs.items()}
    embed = an.embedder.embed
    # coverage: the analyst items that ANY development briefgen found tells (the ceiling
    # of what ranking can choose); the baselines' is their own items'
    every = {"briefgen": [d.text for d in found]}
    return {
        name: (
            *score(out, ref),
            *told(out, ref, embed),
            len(out),
            len(ref),
            told(every.get(name, out), ref, embed)[0],
            len(every.get(name, out)),
        )
        for name, out in outputs.items()
    }


def _override_weights(pairs: list[str]) -> None:
    from briefgen.book import developments

    if not pairs:
        return
    base = developments.DEFAULT_WEIGHTS
    values = {k: type(getattr(base, k))(float(v)) for k, v in (p.split("=", 1) for p in pairs)}
    developments.DEFAULT_WEIGHTS = replace(base, **values)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=["dev", "train", "tune", "test", "all"], default="dev")
    ap.add_argument("--cache", type=Path, help="keep each week's analysis here between runs")
    ap.add_argument("--show", action="store_true", help="print briefgen's items")
    ap.add_argument(
        "--match",
        action="store_true",
        help="also count the analyst's items each system tells, and its items that tell one",
    )
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="try another DevelopmentWeights value (tuning on dev weeks only)",
    )
    args = ap.parse_args()
    _override_weights(args.set)
    if not DATA.is_dir():
        sys.exit(f"{DATA} not found; run from the repo with ../shared/data beside it")
    settings = Settings()
    if args.cache:
        settings = replace(settings, cache_dir=args.cache / "briefgen-cache")
    results: dict[str, dict[str, list[tuple[float, ...]]]] = {}
    head = "  ".join(f"{s:>20}" for s in SYSTEMS)
    print(f"{'week':<20} {'split':<5} {head}")
    print(f"{'':<27}" + "  ".join(f"{'R1   R2  words':>20}" for _ in SYSTEMS))
    for w in weeks(args.split):
        res = run_week(w, settings, args.cache, args.show, args.match)
        for name, r in res.items():
            results.setdefault(w.split, {}).setdefault(name, []).append(r)
        row = "  ".join(f"{r[0]:.3f} {r[1]:.3f} {r[2]:5d}" for r in res.values())
        if args.match:
            b = res["briefgen"]
            row += f"  told {int(b[3])}/{int(b[6])} cover {int(b[7])}/{int(b[6])}"
        print(f"{w.name:<20} {w.split:<5} {row}")
    for split, per in results.items():
        row = "  ".join(
            f"{sum(r[0] for r in rs) / len(rs):.3f} {sum(r[1] for r in rs) / len(rs):.3f} "
            f"{round(sum(r[2] for r in rs) / len(rs)):5d}"
            for rs in per.values()
        )
        print(f"{'mean':<20} {split:<5} {row}")
        if args.match:
            # analyst items told / all; items that tell one / all items (summed over weeks)
            row = "  ".join(
                f"told {sum(int(r[3]) for r in rs)}/{sum(int(r[6]) for r in rs)} "
                f"on {sum(int(r[4]) for r in rs)}/{sum(int(r[5]) for r in rs)}"
                for rs in per.values()
            )
            print(f"{'match':<20} {split:<5} {row}")
            # briefgen: analyst items told by any development it found / all, and how
            # many developments it found (the baselines: as 'told' above)
            rs = per["briefgen"]
            print(
                f"{'coverage':<20} {split:<5} any development tells "
                f"{sum(int(r[7]) for r in rs)}/{sum(int(r[6]) for r in rs)} analyst items "
                f"({sum(int(r[8]) for r in rs)} developments)"
            )


if __name__ == "__main__":
    main()
