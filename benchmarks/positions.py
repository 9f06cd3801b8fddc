"""Stances and positions against independent labels: briefgen's model beside the 0.1 lexicon.

    .venv/bin/python benchmarks/positions.py [--split test|dev|confirm] [--no-weeks] [--errors]
        [--shows T ...]

Labels: benchmarks/labels/quotes-<split>.jsonl — every quotation of whole articles with
the positions its speaker takes (guide: benchmarks/labels/GUIDE.md), by annotators who
saw only the texts and the guide.  The test split (the four held-out weeks and ten KCNA
items) is never used for training or tuning: report it, never tune on it.

1. Statements (the model on its own): each gold quotation, with the gold speaker's
   country and kind, is read by the stance model.  Per issue: gold stances, stances
   given, right (issue and side), precision, coverage; a confusion table per issue
   (gold +1/-1 against given +1/-1/abstained); and, in the same run, the 0.1 lexicon
   (benchmarks/baselines/lexicon_stance.py, its rule of a clear single stance) on the
   same words, for the four issues it knew.
2. Weeks, end to end (unless --no-weeks): briefgen analyses each held-out week (test) or
   each development week (dev, splits.DEV_WEEKS) as the brief does (its own quotations, speakers and stances).  Gold positions
   are the analysts': per official speaker (government, international body, state
   media) and issue, the side of the majority of its labelled stances that week
   (statements dated earlier left out); per country, the side two or more of its
   official speakers take.  A briefgen position counts when the brief would print it
   (confidence at the display threshold).  Same extraction with the 0.1 lexicon reading
   the stances, as the baseline.  On dev, --shows also scores the actor positions at
   other display thresholds in the same run (country positions stay at the shipped one).
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
from quotes_korea import unlabelled_keys  # noqa: E402
from splits import CONFIRM_WEEKS, CORPORA, DEV_WEEKS, HELD_OUT_WEEKS, iso_week, source_key  # noqa: E402
from train_stance import OFFICIAL, examples, load_articles_and_docs  # noqa: E402

_TITLES = re.compile(
    r"^(?:the|a|an|u\.s\.|us|president|vice|foreign|prime|minister|secretary|of|state|"
    r"defense|defence|national|security|adviser|advisor|mr\.?|mrs\.?|ms\.?|dr\.?|leader|"
    r"north|south|korean|chinese|japanese|russian|american|supreme|chairman|spokesman|"
    r"spokeswoman|ambassador|general|sen\.?|senator|rep\.?)\s+",
    re.I,
)
SIDES = ("+1", "-1", "abstain")
# the issues the 0.1 lexicon knew (its pressure, dialogue, military, denuclearization)
LEXICON_ISSUES = ("sanctions", "talks", "military_force", "denuclearization")


def _r(a: float, b: float) -> str:
    return f"{a / b:5.2f}" if b else "    —"


def lexicon_stance(text: str, issue: str) -> int:
    """The 0.1 rule: a stance when one statement scores clearly (|score| >= 0.55)."""
    from baselines.lexicon_stance import ISSUE_MAP, score_text

    old = {v: k for k, v in ISSUE_MAP.items() if v}.get(issue)
    if old is None:
        return 0
    v = score_text(text, old)
    return 0 if v is None or abs(v) < 0.55 else (1 if v > 0 else -1)


def statements(split: str) -> None:
    from briefgen.config import Settings
    from briefgen.knowledge.issues import issue_keys
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.stance import StanceModel

    name = f"quotes-{split}"
    arts, docs = load_articles_and_docs([name])
    ex = examples([name], arts, docs)
    emb = np.asarray(Embedder(Settings().cache_dir).embed([e.text for e in ex]))
    hand = np.array([e.hand for e in ex], dtype=np.float32)
    pred = StanceModel.load().predict(hand, emb)
    given = [{s.issue: s.stance for s in ps} for ps in pred]
    print(
        f"\n== Statements ({split}): {len(ex)} gold quotations, "
        f"{sum(len(e.labels) for e in ex)} gold stances =="
    )
    print(
        f"{'issue':18} {'gold':>5} | {'model: given':>12} {'right':>5} {'prec':>5} {'cover':>5}"
        f" | {'0.1 lexicon: given':>18} {'right':>5} {'prec':>5} {'cover':>5}"
    )
    tot: Counter[str] = Counter()
    for issue in issue_keys():
        gold_n = sum(1 for e in ex if issue in e.labels)
        made = [(e, g[issue]) for e, g in zip(ex, given, strict=True) if issue in g]
        right = sum(1 for e, s in made if e.labels.get(issue) == s)
        lex = [(e, lexicon_stance(e.text, issue)) for e in ex]
        lex = [(e, s) for e, s in lex if s]
        lright = sum(1 for e, s in lex if e.labels.get(issue) == s)
        tot.update(gold=gold_n, made=len(made), right=right, lmade=len(lex), lright=lright)
        lcol = (
            f"{'(no such issue)':>18} {'':5} {'':5} {'':5}"
            if issue not in LEXICON_ISSUES
            else f"{len(lex):18d} {lright:5d} {_r(lright, len(lex))} {_r(lright, gold_n)}"
        )
        print(
            f"{issue:18} {gold_n:5d} | {len(made):12d} {right:5d} {_r(right, len(made))} "
            f"{_r(right, gold_n)} | {lcol}"
        )
    print(
        f"{'all':18} {tot['gold']:5d} | {tot['made']:12d} {tot['right']:5d} "
        f"{_r(tot['right'], tot['made'])} {_r(tot['right'], tot['gold'])} | {tot['lmade']:18d} "
        f"{tot['lright']:5d} {_r(tot['lright'], tot['lmade'])} {_r(tot['lright'], tot['gold'])}"
    )
    print("\nconfusion per issue: gold side -> model given +1 / -1 / abstained")
    for issue in issue_keys():
        c: Counter[tuple[int, str]] = Counter()
        for e, g in zip(ex, given, strict=True):
            if issue in e.labels:
                c[(e.labels[issue], {1: "+1", -1: "-1"}.get(g.get(issue, 0), "abstain"))] += 1
        spare = sum(
            1 for e, g in zip(ex, given, strict=True) if issue in g and issue not in e.labels
        )
        cells = "   ".join(
            f"gold {s:+d}: " + "/".join(f"{c[(s, x)]:3d}" for x in SIDES) for s in (1, -1)
        )
        print(f"  {issue:18} {cells}   given where gold has none: {spare}")


def _norm(name: str | None) -> str:
    n = (name or "").strip().lower().replace("’", "'")
    n = re.sub(r"'s$", "", n)
    prev = None
    while prev != n:
        prev, n = n, _TITLES.sub("", n)
    return " ".join(re.findall(r"[a-z0-9'-]+", n))


def _country_speaker(gold: str) -> str | None:
    """The country or body code when the gold speaker is nothing but its name or capital
    ("North Korea", "Pyongyang", "the EU"): briefgen's actor for it is its government."""
    from briefgen.knowledge.countries import country_matches

    g = re.sub(r"^the\s+", "", gold.strip().replace("’", "'"), flags=re.I).rstrip(".")
    found = country_matches(g)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(g):
        return found[0][3]
    return None


def same_speaker(gold: str, names: list[str]) -> bool:
    """The gold speaker is one of briefgen's names: equal, one inside the other, or the
    same family name with a given name in common (forms of one Korean name included);
    a country named as the speaker ("China said") is briefgen's actor for its government."""
    from briefgen.knowledge.countries import government_name

    code = _country_speaker(gold)
    if code is not None and government_name(code).lower() in {n.lower() for n in names}:
        return True
    g = _norm(gold).replace("-", " ")
    if not g:
        return False
    for s in names:
        n = _norm(s).replace("-", " ")
        if not n:
            continue
        if g == n or (len(g.split()) > 1 and g in n) or (len(n.split()) > 1 and n in g):
            return True
        gs, ns = g.split(), n.split()
        if len(gs) > 1 and len(ns) > 1 and gs[-1] == ns[-1] and gs[0] == ns[0]:
            return True
    return False


def gold_week_positions(gs: list[GoldQuote]) -> tuple[dict[Any, int], dict[Any, int]]:
    """({(speaker, issue): side}, {(country, issue): side}) of one week's gold."""
    per: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    country_of: dict[str, str | None] = {}
    for g in gs:
        if g.earlier or g.speaker_group not in OFFICIAL or not g.speaker:
            continue
        country_of[g.speaker] = g.country
        for p in g.positions:
            per[(g.speaker, p["issue"])][int(p["stance"])] += 1

    def side(c: Counter[int]) -> int:
        top = c.most_common(2)
        return top[0][0] if len(top) == 1 or top[0][1] > top[1][1] else 0

    actors = {k: side(c) for k, c in per.items() if side(c)}
    voices: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (who, issue), s in actors.items():
        if country_of.get(who):
            voices[(str(country_of[who]), issue)][s].add(_norm(who))
    countries = {k: s for k, v in voices.items() for s in (1, -1) if len(v[s]) >= 2 and not v[-s]}
    return actors, countries


def _score(gold: dict[Any, int], given: list[tuple[Any, int]], match: Any) -> tuple[int, int, int]:
    """(gold found with the right side, given, given right)."""
    found = sum(1 for k, s in gold.items() if any(match(k, g) and gs == s for g, gs in given))
    right = sum(1 for g, gs in given if any(match(k, g) and s == gs for k, s in gold.items()))
    return found, len(given), right


def weeks(split: str, errors: bool = False, shows: tuple[float, ...] = ()) -> None:
    from dataclasses import replace

    from briefgen.config import CorrectionsSettings, Settings
    from briefgen.model import Position, Stance
    from briefgen.nlp.positions import actor_positions, country_positions, show_confidence
    from briefgen.periods import resolve_period
    from briefgen.pipeline import analyse

    gold = load_gold(f"quotes-{split}")
    arts, _ = load_articles_and_docs([f"quotes-{split}"])
    published = {source_key(a): a.published for a in arts}
    chosen = {"test": HELD_OUT_WEEKS, "confirm": CONFIRM_WEEKS}.get(split, DEV_WEEKS)
    by_week: dict[tuple[str, str], list[GoldQuote]] = defaultdict(list)
    for g in gold:
        corpus = g.key.split(":")[0]
        wk = iso_week(published.get(g.key))
        if wk in chosen.get(corpus, ()):
            by_week[(corpus, wk)].append(g)
    causes: Counter[str] = Counter()
    show = show_confidence()
    settings = Settings()
    settings.corrections = CorrectionsSettings(files=[])
    print(f"\n== Weeks end to end ({split}): positions of official speakers and of countries ==")
    print(
        f"{'week':20} {'level':8} {'gold':>5} | {'briefgen found':>14} {'recall':>6} {'printed':>7}"
        f" {'right':>5} {'prec':>5} | {'0.1 lexicon found':>17} {'recall':>6} {'given':>5} {'right':>5} {'prec':>5}"
    )
    totals: Counter[str] = Counter()
    for (corpus, wk), gs in sorted(by_week.items()):
        corpus_path = ROOT.parent / "shared" / "data" / "corpora" / CORPORA[corpus]
        an = analyse(
            settings, resolve_period(date.today(), week=wk), paths=[corpus_path], keyphrases="none"
        )
        att = an.attribution
        actors = {a.actor_id: a for a in att.actors}
        official = {k for k, a in actors.items() if a.kind in OFFICIAL}
        gold_a, gold_c = gold_week_positions(gs)

        def names(holder: str, actors: dict[str, Any] = actors) -> list[str]:
            a = actors.get(holder)
            return [a.name, *a.aliases] if a else [holder]

        def match_actor(k: Any, holder: Any, names: Any = names) -> bool:
            return k[1] == holder[1] and same_speaker(k[0], names(holder[0]))

        def match_country(k: Any, holder: Any) -> bool:
            return bool(k == holder)

        for other in shows:
            given = [
                ((p.holder, p.issue), p.stance)
                for p in att.positions
                if p.holder_kind == "actor" and p.holder in official and p.confidence >= other
            ]
            f, n, r = _score(gold_a, given, match_actor)
            totals.update({f"at {other} found": f, f"at {other} given": n, f"at {other} right": r})
        # a position resting only on an article no annotator labelled (quotes_korea's
        # unlabelled list) can be neither right nor wrong: set aside and counted
        blind = {a.article_id for a in an.articles if source_key(a) in unlabelled_keys(split)}
        ps = [p for p in att.positions if p.confidence >= show]
        aside = [p for p in ps if p.evidence and {e.article_id for e in p.evidence} <= blind]
        if aside:
            totals["aside"] += len(aside)
            ps = [p for p in ps if p not in aside]
        ours_a = [
            ((p.holder, p.issue), p.stance)
            for p in ps
            if p.holder_kind == "actor" and p.holder in official
        ]
        ours_c = [((p.holder, p.issue), p.stance) for p in ps if p.holder_kind == "country"]
        # the baseline: the same quotations and speakers, stances read by the 0.1 lexicon
        lex_quotes = [
            replace(
                q,
                stances=[
                    Stance(issue, v, 1.0)
                    for issue in LEXICON_ISSUES
                    if (v := lexicon_stance(q.text, issue))
                ],
            )
            for q in att.quotes
        ]
        lex_ps: list[Position] = actor_positions(lex_quotes, list(actors.values()))
        lex_ps += country_positions(lex_ps, list(actors.values()))
        lex_a = [
            ((p.holder, p.issue), p.stance)
            for p in lex_ps
            if p.holder_kind == "actor" and p.holder in official
        ]
        lex_c = [((p.holder, p.issue), p.stance) for p in lex_ps if p.holder_kind == "country"]
        if errors:
            _errors(corpus, wk, gs, gold_a, ps, att, actors, official, match_actor, causes)
        for level, g, ours, lex, match in (
            ("actor", gold_a, ours_a, lex_a, match_actor),
            ("country", gold_c, ours_c, lex_c, match_country),
        ):
            f, n, r = _score(g, ours, match)
            lf, ln, lr = _score(g, lex, match)
            totals.update(
                {
                    f"{level} gold": len(g),
                    f"{level} found": f,
                    f"{level} given": n,
                    f"{level} right": r,
                    f"{level} lfound": lf,
                    f"{level} lgiven": ln,
                    f"{level} lright": lr,
                }
            )
            print(
                f"{corpus + ' ' + wk:20} {level:8} {len(g):5d} | {f:14d} {_r(f, len(g))} {n:7d} "
                f"{r:5d} {_r(r, n)} | {lf:17d} {_r(lf, len(g))} {ln:5d} {lr:5d} {_r(lr, ln)}"
            )
    for level in ("actor", "country"):
        t = {k.split(" ", 1)[1]: v for k, v in totals.items() if k.startswith(level)}
        print(
            f"{'all weeks':20} {level:8} {t['gold']:5d} | {t['found']:14d} {_r(t['found'], t['gold'])} "
            f"{t['given']:7d} {t['right']:5d} {_r(t['right'], t['given'])} | {t['lfound']:17d} "
            f"{_r(t['lfound'], t['gold'])} {t['lgiven']:5d} {t['lright']:5d} {_r(t['lright'], t['lgiven'])}"
        )
    if totals["aside"]:
        print(
            f"({totals['aside']} printed positions rest only on articles no annotator labelled "
            "(benchmarks/labels/quotes-<split>.unlabelled.txt) and are not scored)"
        )
    for other in shows:
        f, n, r = (totals[f"at {other} {x}"] for x in ("found", "given", "right"))
        print(
            f"actor positions at display threshold {other}: found {f}/{totals['actor gold']} "
            f"printed right {r}/{n} ({r / max(1, n):.3f})"
        )
    if errors:
        print("\nmissed gold actor positions by cause:")
        for cause, n in causes.most_common():
            print(f"  {n:4d}  {cause}")


def _errors(
    corpus: str,
    wk: str,
    gs: list[GoldQuote],
    gold_a: dict[Any, int],
    ps: list[Any],
    att: Any,
    actors: dict[str, Any],
    official: set[str],
    match_actor: Any,
    causes: Counter[str],
) -> None:
    """Print one week's wrong printed actor positions and missed gold ones, with causes."""
    from briefgen.nlp.positions import show_confidence

    show = show_confidence()
    print(f"\n-- {corpus} {wk}: printed actor positions that are wrong or without gold --")
    for p in ps:
        if p.holder_kind != "actor" or p.holder not in official:
            continue
        hits = [s for k, s in gold_a.items() if match_actor(k, (p.holder, p.issue))]
        if p.stance in hits:
            continue
        verdict = "WRONG SIGN" if hits else "no gold"
        a = actors[p.holder]
        print(
            f"  [{verdict}] {a.name} ({a.country}, {a.kind}) {p.issue} {p.stance:+d} {p.confidence:.2f}"
        )
        for e in p.evidence[:3]:
            print(f"      - {e.text[:220]}")
    # where each gold quotation landed in briefgen's extraction
    by_art: dict[str, list[Any]] = defaultdict(list)
    for q in att.quotes:
        by_art[q.article_id].append(q)
    print(f"-- {corpus} {wk}: gold actor positions not found --")
    for (who, issue), side in gold_a.items():
        given = [
            p
            for p in att.positions
            if p.holder_kind == "actor"
            and p.issue == issue
            and match_actor((who, issue), (p.holder, issue))
        ]
        if any(p.stance == side and p.confidence >= show and p.holder in official for p in given):
            continue
        mine = [
            g
            for g in gs
            if g.speaker == who
            and not g.earlier
            and any(x["issue"] == issue and int(x["stance"]) == side for x in g.positions)
        ]
        spans = _gold_spans(mine, att)
        detail = ""
        found = [
            (g, q)
            for g, (aid, s, e) in spans
            for q in by_art.get(aid, [])
            if q.start < e and s < q.end
        ]
        right_spk = [
            (g, q)
            for g, q in found
            if q.actor_id and match_actor((who, issue), (q.actor_id, issue))
        ]
        if any(p.stance == side and p.holder in official for p in given):
            best = max(p.confidence for p in given if p.stance == side)
            cause = f"stance right, below display threshold {show:.2f}"
            detail = f" ({best:.2f})"
        elif given and any(p.stance == side for p in given):
            kinds = {actors[p.holder].kind for p in given if p.holder in actors}
            cause = "stance right, briefgen's speaker not official"
            detail = f" ({', '.join(sorted(kinds))})"
        elif given:
            cause = "position of the other side"
        elif right_spk and any(st.issue == issue for _, q in right_spk for st in q.stances):
            cause = "stance read on that issue, other side or outvoted"
        elif right_spk:
            cause = "quotation found, right speaker, no stance read (model abstained)"
        elif found:
            cause = "quotation found, other speaker"
        else:
            cause = "quotation not extracted"
        causes[cause] += 1
        print(f"  [{cause}] {who} {issue} {side:+d}{detail}")
        for _g, q in (right_spk or found)[:2]:
            print(f"      briefgen: {q.speaker} / {q.actor_id}: {' '.join(q.text.split())[:200]}")
        if not found:
            for g in mine[:1]:
                print(f"      gold text: {_gold_text(g)[:200]}")


def _gold_text(g: GoldQuote) -> str:
    from gold import raw_text

    return " ".join(raw_text(g.key)[g.start : g.end].split())


_ARTS: dict[str, Any] = {}


def _gold_spans(gs: list[GoldQuote], att: Any) -> list[tuple[GoldQuote, tuple[str, int, int]]]:
    """Each gold quotation's span in briefgen's cleaned article text."""
    if not _ARTS:
        from packets import read_all

        _ARTS.update({source_key(a): a for a in read_all()})
    arts = [_ARTS[g.key] for g in gs if g.key in _ARTS]
    hits = align(gs, arts)
    return [(gs[i], v) for i, v in hits.items()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["test", "dev", "confirm"])
    ap.add_argument("--no-weeks", action="store_true")
    ap.add_argument("--errors", action="store_true", help="dev only: list errors and causes")
    ap.add_argument(
        "--shows",
        nargs="*",
        type=float,
        default=[],
        help="dev only: also score actor positions at these display thresholds (same run)",
    )
    args = ap.parse_args()
    if (args.errors or args.shows) and args.split in ("test", "confirm"):
        ap.error("--errors and --shows compare settings on a held-out split: tune on dev only")
    statements(args.split)
    if not args.no_weeks:
        weeks(args.split, args.errors, tuple(args.shows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
