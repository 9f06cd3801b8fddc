"""Speaker, country and actor-duplicate figures on hand-labelled real quotes (not the seeds).

    .venv/bin/python benchmarks/actors.py [--no-week]

Labels: benchmarks/quote_labels.json (article id, quote offsets, expected speaker and
country; never the article text), 40 quotes from ../shared/data/corpora/allsides-korea.jsonl
(2017-2018) and 20 from ../shared/data/corpora/yonhap-2025/, labelled by reading each
article.  A label is matched by the predicted quote overlapping its span by half;
a label with no predicted quote counts as wrong for speaker and country.

Actor duplicates: pairs of actors that are one person or body under two ids, counted
among the actors of the labelled articles and, unless --no-week, of the allsides
2017-W32 week (the week the lead saw "U.S. Ambassador to the United Nations Nikki
Haley" next to "Nikki Haley").  Two actors with no country telling them apart are counted
as one when one name is the other with a title in front, with a middle name, or with a
document word after it ("a White House statement" / "White House").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "corpora"
LABELS = Path(__file__).resolve().parent / "quote_labels.json"
CORPUS_PATHS = {
    "allsides-korea.jsonl": DATA / "allsides-korea.jsonl",
    "yonhap-2025": DATA / "yonhap-2025",
}

_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’.-]+", _ARTICLE.sub("", name)) if w[:1].isupper()]


_DOC_WORDS = frozenset(
    [
        "statement",
        "statements",
        "readout",
        "release",
        "report",
        "communique",
        "announcement",
        "spokesperson's",
    ]
)


def _same(a: str, b: str) -> bool:
    """One actor under two names: a title before the name, a middle name, a document word."""
    wa, wb = _name_words(a), _name_words(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    na, nb = " ".join(wa), " ".join(wb)
    if a.endswith(nb) and len(wa) > len(wb) or b.endswith(na) and len(wb) > len(wa):
        return True  # "U.S. Ambassador to the United Nations Nikki Haley" / "Nikki Haley"
    proper = len(wa) == len(a.split()) and len(wb) == len(b.split())
    if (
        proper
        and wa[0] == wb[0]
        and wa[-1] == wb[-1]
        and (set(wa) <= set(wb) or set(wb) <= set(wa))
    ):
        return True  # "Joel S. Wit" / "Joel Wit"
    for x, y in ((a, nb), (b, na)):
        rest = re.findall(r"\w+", _ARTICLE.sub("", x).replace(y, " ").lower())
        whole = _ARTICLE.sub("", b if y == nb else a) == y
        if whole and y in x and rest and all(w in _DOC_WORDS for w in rest):
            return True  # "a White House statement" / "White House"
    return False


def duplicate_pairs(actors: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    """Pairs of actor names that look like one actor split in two."""
    out = []
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            if a.country and b.country and a.country != b.country:
                continue
            if _same(a.name, b.name):
                out.append((a.name, b.name))
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(1, max(a[1] - a[0], b[1] - b[0]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-week", action="store_true", help="skip the 2017-W32 duplicate count")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every wrong label")
    args = ap.parse_args()
    missing = [str(p) for p in CORPUS_PATHS.values() if not p.exists()]
    if missing:
        print(f"corpora not found ({', '.join(missing)}); nothing to measure")
        return 0
    from briefgen.config import Settings
    from briefgen.corpus import load_corpus
    from briefgen.nlp.attribution import attribute
    from briefgen.nlp.parse import parse_articles

    settings = Settings()
    sets = json.loads(LABELS.read_text(encoding="utf-8"))["sets"]
    print("set                      n  found  speaker  country  actors  duplicates")
    t_att = 0.0
    week_arts = []
    for st in sets:
        corpus = load_corpus([CORPUS_PATHS[st["corpus"]]], settings.corpus)
        by_id = {a.article_id: a for a in corpus.articles}
        ids = sorted({lab["article_id"] for lab in st["labels"]})
        arts = [by_id[i] for i in ids if i in by_id]
        docs = parse_articles(arts, cache_dir=settings.cache_dir)
        t0 = time.perf_counter()
        att = attribute(arts, docs, with_positions=False)
        t_att += time.perf_counter() - t0
        found = sp_ok = c_ok = 0
        for lab in st["labels"]:
            span = (lab["start"], lab["end"])
            qs = [
                q
                for q in att.quotes
                if q.article_id == lab["article_id"] and overlap((q.start, q.end), span) >= 0.5
            ]
            q = qs[0] if qs else None
            if q is not None:
                found += 1
            s_good = q is not None and any(
                s.lower() in (q.speaker or "").lower() for s in lab["speaker"]
            )
            c_good = q is not None and q.country in lab["country"]
            sp_ok += s_good
            c_ok += c_good
            if args.verbose and not (s_good and c_good):
                got = (q.speaker, q.country) if q else None
                print(
                    f"   {lab['article_id']}@{lab['start']}: want {lab['speaker']}"
                    f" {lab['country']}, got {got}"
                )
        dups = duplicate_pairs(att.actors)
        n = len(st["labels"])
        print(
            f"{st['corpus']:22} {n:3d}  {found / n:5.2f}  {sp_ok / n:7.3f}  {c_ok / n:7.3f}"
            f"  {len(att.actors):6d}  {len(dups):10d}"
        )
        if args.verbose:
            for a, b in dups:
                print(f"   duplicate: {a!r} / {b!r}")
        if st["corpus"] == "allsides-korea.jsonl" and not args.no_week:
            lo, hi = dt.date(2017, 8, 7), dt.date(2017, 8, 13)
            week_arts = [a for a in corpus.articles if a.published and lo <= a.published <= hi]
    if week_arts:
        docs = parse_articles(week_arts, cache_dir=settings.cache_dir)
        t0 = time.perf_counter()
        att = attribute(week_arts, docs)
        t_att += time.perf_counter() - t0
        dups = duplicate_pairs(att.actors)
        print(
            f"allsides 2017-W32: {len(week_arts)} articles, {len(att.actors)} actors, "
            f"{len(dups)} duplicates"
        )
        if args.verbose:
            for a, b in dups:
                print(f"   duplicate: {a!r} / {b!r}")
    print(f"attribution time (parse excluded): {t_att:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
