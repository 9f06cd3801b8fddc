"""Why the bottom line misses an analyst's item: where in the pipeline each one is lost.

    .venv/bin/python benchmarks/bottom_line_misses.py --cache /tmp/x/cache             # train weeks
    .venv/bin/python benchmarks/bottom_line_misses.py --cache /tmp/x/cache --show      # ... each item
    .venv/bin/python benchmarks/bottom_line_misses.py --cache /tmp/x/cache --set retells=0.6

For every analyst item (benchmarks/labels/bottom-lines/) that no bottom-line item tells
(benchmarks/bottom_line.told: a sentence pair at embedding cosine >= TELLS), the first
stage that had it, read backwards from the bottom line:

- ranked out:    a development briefgen found tells it, but ranked below the items;
- inside:        a report (book/reports.py) tells it, inside a group written from
                 another report (the group is one story to the grouping, two to the analyst);
- not a report:  a sentence of the week's articles tells it, but is no report (too deep
                 in its article, background, off the peninsula...);
- nowhere:       no sentence of the week's articles is that close (the analyst wrote it
                 from several, or in words the embedder does not match).

The largest count says which stage to fix first (issue 11, part 2).  Train weeks by
default; `--split dev` reads the dev labels (to confirm, not to design); the held-out
weeks are refused.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bottom_line as bl  # noqa: E402

from briefgen.book.developments import DevelopmentFinder  # noqa: E402
from briefgen.book.sentences import condense, split_sentences  # noqa: E402
from briefgen.config import Settings  # noqa: E402

STAGES = ("ranked out", "inside", "not a report", "nowhere")


def _closeness(texts: list[str], ref: list[str], embed: Any) -> Any:
    """texts x analyst items: the best cosine of any sentence pair."""
    import numpy as np

    out = np.zeros((len(texts), len(ref)))
    mine = [(i, s) for i, t in enumerate(texts) for s in bl._SENT.split(t) if s.strip()]
    gold = [(k, s) for k, t in enumerate(ref) for s in bl._SENT.split(t) if s.strip()]
    if not mine or not gold:
        return out
    sim = embed([s for _, s in mine]) @ embed([s for _, s in gold]).T
    for a, (i, _) in enumerate(mine):
        for b, (k, _) in enumerate(gold):
            out[i, k] = max(out[i, k], sim[a, b])
    return out


def misses(w: bl.Week, settings: Settings, cache: Path | None) -> list[tuple[int, str, str]]:
    """(analyst item, stage, what had it) for each analyst item the bottom line misses."""
    seen: list[DevelopmentFinder] = []
    an = bl._analysis(w, settings, cache)
    brief = bl.briefgen_brief(an, settings, finders=seen)
    f = seen[0]
    embed = an.embedder.embed
    ref = bl.reference(w)
    told = _closeness([s.text for s in brief.bluf], ref, embed).max(axis=0, initial=0.0)
    devs = _closeness([d.text for d in f.developments], ref, embed)
    reports = f._reports
    reps = _closeness([condense(r.cand.sent.text) for r in reports], ref, embed)
    group_of = {id(r): k for k, g in enumerate(f.groups) for r in g.members}
    pool = [condense(s.text) for a in an.articles for s in split_sentences(a)]
    sents = _closeness(pool, ref, embed)
    out = []
    for k in range(len(ref)):
        if told[k] >= bl.TELLS:
            continue
        if len(devs) and devs[:, k].max() >= bl.TELLS:
            i = int(devs[:, k].argmax())
            out.append((k, STAGES[0], f"development {i + 1}: {f.developments[i].text}"))
        elif len(reps) and reps[:, k].max() >= bl.TELLS:
            r = reports[int(reps[:, k].argmax())]
            g = group_of.get(id(r), -1)
            out.append((k, STAGES[1], f"in development {g + 1}: {condense(r.cand.sent.text)}"))
        elif len(sents) and sents[:, k].max() >= bl.TELLS:
            out.append((k, STAGES[2], pool[int(sents[:, k].argmax())]))
        else:
            out.append((k, STAGES[3], ""))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=["train", "dev"], default="train")
    ap.add_argument("--cache", type=Path, help="keep each week's analysis here between runs")
    ap.add_argument("--show", action="store_true", help="print each missed item and its find")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    bl._override_weights(args.set)
    settings = Settings()
    if args.cache:
        settings = replace(settings, cache_dir=args.cache / "briefgen-cache")
    total: Counter[str] = Counter()
    items = 0
    for w in bl.weeks(args.split):
        if w.split != args.split:
            continue
        found = misses(w, settings, args.cache)
        items += len(bl.reference(w))
        here = Counter(stage for _, stage, _ in found)
        total.update(here)
        print(f"{w.name:<20} " + "  ".join(f"{s} {here[s]}" for s in STAGES))
        if args.show:
            for k, stage, what in found:
                print(f"    item {k + 1}: {stage}: {what[:140]}")
    print(
        f"{'total':<20} " + "  ".join(f"{s} {total[s]}" for s in STAGES) + f"  (of {items} items)"
    )


if __name__ == "__main__":
    main()
