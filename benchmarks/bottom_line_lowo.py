"""Choose DevelopmentWeights values on the train weeks by leaving one week out.

    .venv/bin/python benchmarks/bottom_line_lowo.py --cache /tmp/x/cache \\
        --config base= --config d3=max_details=3,max_item_words=130

Each config is a name and comma-separated DevelopmentWeights values.  For every train week
and config, the bottom line is chosen again from the cached analysis (the development
finder and book/bottomline.py only, not the whole brief: quick), and scored as
benchmarks/bottom_line.py scores it (analyst items told, ROUGE-1, words).  A train week's
news-line probabilities (book.newsline) come from a news-line model fitted on the other
train weeks: the shipped model has seen every train week, and in-sample scores would
flatter any rule that reads them.

Then, leaving each week out in turn, the config with the most analyst items told on the
other nine (then the higher ROUGE-1) is scored on the week left out: the sum is what the
choice is worth on a week nobody tuned on.  `--split dev` scores the dev weeks with the
shipped model instead (to confirm a choice made on train, not to make one); the held-out
weeks are refused.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bottom_line as bl  # noqa: E402
import train_newsline as tn  # noqa: E402

from briefgen.book import developments, newsline  # noqa: E402
from briefgen.config import Settings  # noqa: E402

NEWSLINE_C = 0.1  # the shipped news-line model's C (benchmarks/train_newsline.py)


def parse_config(text: str) -> tuple[str, dict[str, Any]]:
    """'name=field=value,field=value' -> (name, {field: value in the field's type})."""
    name, _, rest = text.partition("=")
    base = developments.DEFAULT_WEIGHTS
    values: dict[str, Any] = {}
    for pair in filter(None, rest.split(",")):
        k, v = pair.split("=", 1)
        kind = type(getattr(base, k))
        values[k] = kind(float(v)) if kind is not bool else v.lower() in ("1", "true")
    return name, values


def _builder(an: Any, settings: Settings) -> tuple[Any, list[str]]:
    """The week's book builder (its sentence pool) and the comparison period's texts."""
    from briefgen.book.assemble import BookBuilder, BookInput
    from briefgen.nlp.embeddings import Embedder
    from briefgen.pipeline import printed

    an.embedder = Embedder(settings.cache_dir / "embeddings")
    prev = printed(an.previous_attribution) if an.previous_attribution else None
    inp = BookInput(
        an.articles,
        printed(an.attribution),
        an.keyphrases,
        an.period,
        an.period.end,
        "T",
        low_relevance=an.low_relevance,
        previous=an.previous,
        previous_attribution=prev,
        before=an.before,
        embed=an.embedder.embed,
        groups=an.groups,
        facts=an.facts,
    )
    b = BookBuilder(inp)
    return b, [d.text for d in b.compared.developments] if b.compared else []


def run(
    split: str, configs: dict[str, dict[str, Any]], settings: Settings, cache: Path
) -> dict[str, dict[str, dict[str, float]]]:
    """{config: {week: {told, items, r1, words}}}."""
    from briefgen.book.bottomline import bottom_line

    shipped = newsline.shipped_model()
    folds: dict[str, Any] = {}
    if split == "train" and shipped is not None:
        data = {w.name: tn._week(w, settings, cache) for w in bl.weeks("train")}
        for name in data:
            m = tn._fit([d for n, d in data.items() if n != name], NEWSLINE_C)
            m["names"] = shipped["names"]
            folds[name] = m
    base = developments.DEFAULT_WEIGHTS
    out: dict[str, dict[str, dict[str, float]]] = {}
    saved = newsline.shipped_model
    try:
        for w in bl.weeks(split):
            if w.split != split:
                continue
            an = bl._analysis(w, settings, cache)
            builder, before = _builder(an, settings)
            model = folds.get(w.name, shipped)
            newsline.shipped_model = lambda m=model: m  # type: ignore[misc]
            ref = bl.reference(w)
            for name, values in configs.items():
                f = developments.DevelopmentFinder(
                    builder.pool, an.period, an.embedder.embed, weights=replace(base, **values)
                )
                found = f.find(before=before)
                chosen = bottom_line(found, f.w, hand=f.hand_scores, lines=f.newslines)
                items = [d.text for d in chosen]
                r1, _, words = bl.score(items, ref)
                told = bl.told(items, ref, an.embedder.embed)[0]
                out.setdefault(name, {})[w.name] = {
                    "told": told,
                    "items": len(ref),
                    "r1": r1,
                    "words": words,
                }
    finally:
        newsline.shipped_model = saved  # type: ignore[misc]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=["train", "dev"], default="train")
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--config", action="append", required=True, metavar="NAME=FIELD=VALUE,...")
    args = ap.parse_args()
    settings = replace(Settings(), cache_dir=args.cache / "briefgen-cache")
    configs = dict(parse_config(c) for c in args.config)
    res = run(args.split, configs, settings, args.cache)
    weeks = list(next(iter(res.values())))
    for name, per in res.items():
        told = sum(int(v["told"]) for v in per.values())
        items = sum(int(v["items"]) for v in per.values())
        r1 = sum(v["r1"] for v in per.values()) / len(per)
        words = sum(v["words"] for v in per.values()) / len(per)
        print(f"{name:<12} told {told}/{items}  R1 {r1:.3f}  words {words:.0f}")
    if args.split != "train" or len(weeks) < 2:
        return
    told, r1 = 0, 0.0
    for k in weeks:
        rest = [x for x in weeks if x != k]
        best = max(
            res,
            key=lambda c: (
                sum(res[c][x]["told"] for x in rest),
                sum(res[c][x]["r1"] for x in rest),
            ),
        )
        told += int(res[best][k]["told"])
        r1 += res[best][k]["r1"]
        print(f"  leave out {k:<20} chosen {best}")
    print(f"leave one week out: told {told}, R1 {r1 / len(weeks):.3f}")


if __name__ == "__main__":
    main()
