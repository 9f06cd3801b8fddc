"""Stances and positions against independent labels: briefgen's model beside the 0.1 lexicon.

    .venv/bin/python benchmarks/positions.py [--split test|dev] [--no-weeks]

Labels: benchmarks/labels/quotes-<split>.jsonl — every quotation of whole articles with
the positions the speaker takes (labelling guide: benchmarks/labels/GUIDE.md), made by
annotators who saw only the texts and the guide.  The test split (the four held-out
weeks and ten KCNA items) is never used for training or tuning: report it, don't tune on it.

1. Statements (the model on its own): each gold quotation, with the gold speaker's
   country and kind, is read by the stance model; per issue: gold stances, predicted,
   right (issue and sign), precision, coverage (recall), and a confusion table
   gold (+1/-1/none) x predicted (+1/-1/abstain).  Baseline in the same run: the 0.1
   lexicon (benchmarks/baselines/lexicon_stance.py) on the same words, for the four
   issues it knew.
2. Weeks, end to end (unless --no-weeks): briefgen analyses each held-out week as the
   brief does; its actor positions of state actors (government, international body,
   state media) and its country positions are matched with the gold positions of that
   week (a speaker's gold position: the side of the majority of its labelled stances on
   the issue, statements dated earlier left out; a country's: its official speakers').
   Precision counts positions the brief would print (confidence >= SHOW_CONFIDENCE).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "labels"))

import numpy as np  # noqa: E402
from gold import GoldQuote, align, load_gold  # noqa: E402
from splits import CORPORA, HELD_OUT_WEEKS, iso_week, source_key  # noqa: E402
from train_stance import examples, load_articles_and_docs  # noqa: E402

OFFICIAL_GROUPS = {"government", "international", "state-media"}
_TITLES = re.compile(
    r"^(?:the|a|an|u\.s\.|us|president|vice|foreign|prime|minister|secretary|of|state|"
    r"defense|defence|national|security|adviser|advisor|mr\.?|mrs\.?|ms\.?|dr\.?|leader|"
    r"north|south|korean|chinese|japanese|russian|american|supreme|chairman|spokesman|"
    r"spokeswoman|ambassador|general|sen\.?|senator|rep\.?)\s+",
    re.I,
)


def statements(split: str) -> None:
    from baselines.lexicon_stance import ISSUE_MAP, score_text

    from briefgen.config import Settings
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.stance import StanceModel

    name = f"quotes-{split}"
    arts, docs = load_articles_and_docs([name])
    ex = examples([name], arts, docs)
    emb = np.asarray(Embedder(Settings().cache_dir).embed([e.text for e in ex]))
    hand = np.array([e.hand for e in ex], dtype=np.float32)
    model = StanceModel.load()
    pred = model.predict(hand, emb, [e.mentioned for e in ex])
    back = {v: k for k, v in ISSUE_MAP.items() if v}
    print(
        f"\n== Statements ({split}): {len(ex)} gold quotations, "
        f"{sum(len(e.labels) for e in ex)} gold stances =="
    )
    print(
        f"{'issue':18} {'gold':>5} | {'model: pred':>11} {'right':>5} {'prec':>5} {'cover':>5}"
        f" | {'0.1 lexicon: pred':>17} {'right':>5} {'prec':>5} {'cover':>5}"
    )
    tot = Counter()
    for issue in issue_keys():
        gold_n = sum(1 for e in ex if issue in e.labels)
        made = [
            (e, s.stance) for e, ps in zip(ex, pred, strict=True) for s in ps if s.issue == issue
        ]
        right = sum(1 for e, s in made if e.labels.get(issue) == s)
        lex_made: list[tuple[Any, int]] = []
        if issue in back:
            for e in ex:
                v = score_text(e.text, back[issue])
                if v is not None and abs(v) >= 0.55:
                    lex_made.append((e, 1 if v > 0 else -1))
        lex_right = sum(1 for e, s in lex_made if e.labels.get(issue) == s)
        tot.update(gold=gold_n, pred=len(made), right=right, lpred=len(lex_made), lright=lex_right)
        lex = (
            f"{len(lex_made):17d} {lex_right:5d} {_r(lex_right, len(lex_made))} {_r(lex_right, gold_n)}"
            if issue in back
            else f"{'(no such issue)':>17} {'':5} {'':5} {'':5}"
        )
        print(
            f"{issue:18} {gold_n:5d} | {len(made):11d} {right:5d} {_r(right, len(made))} "
            f"{_r(right, gold_n)} | {lex}"
        )
    print(
        f"{'all':18} {tot['gold']:5d} | {tot['pred']:11d} {tot['right']:5d} "
        f"{_r(tot['right'], tot['pred'])} {_r(tot['right'], tot['gold'])} | {tot['lpred']:17d} "
        f"{tot['lright']:5d} {_r(tot['lright'], tot['lpred'])} {_r(tot['lright'], tot['gold'])}"
    )
    print("\nconfusion (rows gold, columns predicted), all issues pooled:")
    conf: Counter[tuple[str, str]] = Counter()
    for e, ps in zip(ex, pred, strict=True):
        got = {s.issue: s.stance for s in ps}
        for issue in issue_keys():
            if issue not in e.mentioned and issue not in e.labels:
                continue
            g = {1: "+1", -1: "-1"}.get(e.labels.get(issue, 0), "none")
            p = {1: "+1", -1: "-1"}.get(got.get(issue, 0), "abstain")
            conf[(g, p)] += 1
    print(f"{'':8}" + "".join(f"{c:>9}" for c in ("+1", "-1", "abstain")))
    for g in ("+1", "-1", "none"):
        print(f"{g:8}" + "".join(f"{conf[(g, c)]:9d}" for c in ("+1", "-1", "abstain")))
    print("\nper issue (rows gold, columns predicted +1/-1/abstain):")
    for issue in issue_keys():
        c2: Counter[tuple[str, str]] = Counter()
        for e, ps in zip(ex, pred, strict=True):
            if issue not in e.labels:
                continue
            got = {s.issue: s.stance for s in ps}
            g = "+1" if e.labels[issue] > 0 else "-1"
            c2[(g, {1: "+1", -1: "-1"}.get(got.get(issue, 0), "abstain"))] += 1
        cells = "  ".join(
            f"{g}: " + "/".join(str(c2[(g, c)]) for c in ("+1", "-1", "abstain"))
            for g in ("+1", "-1")
        )
        print(f"  {issue:18} {cells}")


def _r(a: float, b: float) -> str:
    return f"{a / b:5.2f}" if b else "    —"


def _norm(name: str | None) -> str:
    n = (name or "").strip().lower().replace("’", "'")
    n = re.sub(r"'s$", "", n)
    prev = None
    while prev != n:
        prev = n
        n = _TITLES.sub("", n)
    return " ".join(re.findall(r"[a-z0-9'-]+", n))


def _same(gold: str, sys_names: list[str]) -> bool:
    g = _norm(gold)
    if not g:
        return False
    for s in sys_names:
        n = _norm(s)
        if not n:
            continue
        if g == n or (len(g.split()) > 1 and g in n) or (len(n.split()) > 1 and n in g):
            return True
        gs, ns = g.replace("-", " ").split(), n.replace("-", " ").split()
        if (
            gs
            and ns
            and (gs[-1] == ns[-1] or gs[0] == ns[0])
            and len(gs[0]) > 2
            and (set(gs) & set(ns))
            and len(set(gs) & set(ns)) >= min(len(gs), len(ns), 2)
        ):
            return True
    return False


def weeks(split: str) -> None:
    from briefgen.config import Settings
    from briefgen.nlp.positions import show_confidence
    from briefgen.periods import resolve_period
    from briefgen.pipeline import analyse

    gold = load_gold(f"quotes-{split}")
    by_week: dict[tuple[str, str], list[GoldQuote]] = defaultdict(list)
    arts_all, _ = load_articles_and_docs([f"quotes-{split}"])
    pub = {source_key(a): a.published for a in arts_all}
    for g in gold:
        corpus = g.key.split(":")[0]
        wk = iso_week(pub.get(g.key))
        if wk in HELD_OUT_WEEKS.get(corpus, ()):
            by_week[(corpus, wk)].append(g)
    print(f"\n== Weeks, end to end ({split}) ==")
    print(
        f"{'week':22} {'level':8} {'gold':>5} {'found':>6} {'recall':>6} | {'shown':>5} "
        f"{'right':>5} {'prec':>5} | 0.1 lexicon: recall prec"
    )
    totals: Counter[str] = Counter()
    for (corpus, wk), gs in sorted(by_week.items()):
        an = analyse(
            Settings(),
            resolve_period(date.today(), week=wk),
            paths=[ROOT.parent / "shared" / "data" / "corpora" / CORPORA[corpus]],
            keyphrases="none",
        )
        actors = {a.actor_id: a for a in an.attribution.actors}
        g_actor: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
        g_country: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
        g_country_voices: dict[tuple[str, str, int], set[str]] = defaultdict(set)
        for g in gs:
            if g.earlier or not g.positions or g.speaker_group not in OFFICIAL_GROUPS:
                continue
            for p in g.positions:
                g_actor[(g.speaker or "?", p["issue"])][p["stance"]] += 1
                if g.country:
                    g_country[(g.country, p["issue"])][p["stance"]] += 1
                    g_country_voices[(g.country, p["issue"], p["stance"])].add(_norm(g.speaker))
        gold_a = {
            k: c.most_common(1)[0][0]
            for k, c in g_actor.items()
            if len(set(c.values())) > 1 or len(c) == 1
        }
        gold_c = {
            k: c.most_common(1)[0][0]
            for k, c in g_country.items()
            if (len(c) == 1 or c.most_common(2)[0][1] > c.most_common(2)[1][1])
            and len(g_country_voices[(k[0], k[1], c.most_common(1)[0][0])]) >= 2
        }
        sys_a = [
            p
            for p in an.attribution.positions
            if p.holder_kind == "actor"
            and (a := actors.get(p.holder)) is not None
            and a.kind in ("government", "international", "state-media")
        ]
        sys_c = [p for p in an.attribution.positions if p.holder_kind == "country"]
        for level, gold_map, sys_ps in (("actor", gold_a, sys_a), ("country", gold_c, sys_c)):
            found = 0
            for (who, issue), side in gold_map.items():
                for p in sys_ps:
                    if p.issue != issue or p.stance != side:
                        continue
                    names = (
                        [p.holder]
                        if level == "country"
                        else [actors[p.holder].name, *actors[p.holder].aliases]
                    )
                    if (level == "country" and who == p.holder) or (
                        level == "actor" and _same(who, names)
                    ):
                        found += 1
                        break
            shown = [p for p in sys_ps if p.confidence >= show_confidence()]
            right = 0
            for p in shown:
                names = (
                    [p.holder]
                    if level == "country"
                    else [actors[p.holder].name, *actors[p.holder].aliases]
                )
                for (who, issue), side in gold_map.items():
                    if (
                        issue == p.issue
                        and side == p.stance
                        and (
                            (level == "country" and who == p.holder)
                            or (level == "actor" and _same(who, names))
                        )
                    ):
                        right += 1
                        break
            totals.update(
                {
                    f"{level}_gold": len(gold_map),
                    f"{level}_found": found,
                    f"{level}_shown": len(shown),
                    f"{level}_right": right,
                }
            )
            print(
                f"{corpus + ' ' + wk:22} {level:8} {len(gold_map):5d} {found:6d} "
                f"{_r(found, len(gold_map))} | {len(shown):5d} {right:5d} {_r(right, len(shown))}"
            )
    for level in ("actor", "country"):
        print(
            f"{'all weeks':22} {level:8} {totals[level + '_gold']:5d} {totals[level + '_found']:6d} "
            f"{_r(totals[level + '_found'], totals[level + '_gold'])} | {totals[level + '_shown']:5d} "
            f"{totals[level + '_right']:5d} {_r(totals[level + '_right'], totals[level + '_shown'])}"
        )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    ap.add_argument("--no-weeks", action="store_true")
    args = ap.parse_args()
    statements(args.split)
    if not args.no_weeks and args.split == "test":
        weeks(args.split)
    _ = align
    return 0


if __name__ == "__main__":
    sys.exit(main())
