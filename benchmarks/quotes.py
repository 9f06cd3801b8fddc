"""Quote extraction on PolNeAR (test split, quoted content only): briefgen vs textacy.

    .venv/bin/python benchmarks/quotes.py [--split test] [--limit N]

Gold: every stretch inside quotation marks within an annotated Content span of
../shared/data/quotes/polnear/<split>/attributions (one annotator's file per article),
with the Source span as its speaker (a pronoun source is replaced by the nearest named
source before it, a rough stand-in for coreference).  A prediction matches a gold quote
when their character spans overlap by at least half of the longer one.  Speaker accuracy
is over matched quotes: the gold speaker's surname (or head noun for descriptions) must
appear in the predicted speaker.  textacy's `direct_quotations` is run on the same spaCy
parse (pip install -e '.[bench]'); where it raises on a document, that document counts
as zero predictions for it.  Also prints how often textacy fails on the seeds.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POLNEAR = ROOT.parent / "shared" / "data" / "quotes" / "polnear"

_MARKS = re.compile(r"[“\"]([^“”\"]+)[”\"]|[“\"]([^“”\"]+)$")
_PRON = {"he", "she", "they", "we", "i", "it", "him", "her", "them", "his"}


@dataclass
class Gold:
    start: int
    end: int
    source: str


@dataclass
class Pred:
    start: int
    end: int
    speaker: str


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, rest, *_ = line.split("\t") + [""]
            label, _, offs = rest.partition(" ")
            pieces = [tuple(map(int, p.split())) for p in offs.split(";")]
            spans[tid] = (label, [(a, b) for a, b in pieces])  # type: ignore[misc]
        elif line.startswith("E"):
            parts = line.split("\t")[1].split()
            rels.append(dict(p.split(":", 1) for p in parts))
    sources = sorted(
        (
            spans[r["Source"]][1][0][0],
            text[spans[r["Source"]][1][0][0] : spans[r["Source"]][1][-1][1]],
        )
        for r in rels
        if "Source" in r and r["Source"] in spans
    )
    out: list[Gold] = []
    for r in rels:
        if "Content" not in r or r["Content"] not in spans:
            continue
        src = ""
        if "Source" in r and r["Source"] in spans:
            s0, s1 = spans[r["Source"]][1][0][0], spans[r["Source"]][1][-1][1]
            src = text[s0:s1]
            if src.strip().lower() in _PRON:
                named = [t for p, t in sources if p < s0 and t.strip().lower() not in _PRON]
                src = named[-1] if named else src
        for a, b in spans[r["Content"]][1]:
            seg = text[a:b]
            for m in _MARKS.finditer(seg):
                g = m.group(1) if m.group(1) is not None else m.group(2)
                gs = a + m.start() + 1
                inner = g.strip().rstrip(",")
                if len(re.findall(r"\w+", inner)) == 0:
                    continue
                off = g.find(inner)
                out.append(Gold(gs + off, gs + off + len(inner), src))
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def speaker_ok(pred: str, gold: str) -> bool:
    """Same person: a name word of one appears in the other (descriptions: the head noun)."""
    gold = re.sub(r"[’']s\b", "", gold)
    g = set(re.findall(r"[a-z]+", gold.lower()))
    p_words = re.findall(r"[A-Za-z][\w\-]+", re.sub(r"[’']s\b", "", pred))
    if not p_words:
        return False
    names = [w for w in p_words if w[:1].isupper() and w.lower() not in ("a", "an", "the")]
    if names:
        return names[-1].lower() in g or names[0].lower() in g
    return p_words[-1].lower() in g


def score(preds: list[list[Pred]], golds: list[list[Gold]]) -> dict[str, float]:
    tp_p = n_p = tp_g = n_g = spk_ok = spk_n = 0
    for ps, gs in zip(preds, golds, strict=True):
        n_p += len(ps)
        n_g += len(gs)
        for p in ps:
            if any(overlap((p.start, p.end), (g.start, g.end)) >= 0.5 for g in gs):
                tp_p += 1
        for g in gs:
            best = max(ps, key=lambda p: overlap((p.start, p.end), (g.start, g.end)), default=None)
            if best is not None and overlap((best.start, best.end), (g.start, g.end)) >= 0.5:
                tp_g += 1
                if g.source:
                    spk_n += 1
                    spk_ok += speaker_ok(best.speaker, g.source)
    prec = tp_p / n_p if n_p else 0.0
    rec = tp_g / n_g if n_g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "pred": n_p,
        "gold": n_g,
        "P": prec,
        "R": rec,
        "F1": f1,
        "speaker_acc": spk_ok / spk_n if spk_n else 0.0,
        "speaker_n": spk_n,
    }


def briefgen_preds(text: str, doc, gaz) -> list[Pred]:  # type: ignore[no-untyped-def]
    from briefgen.model import Article
    from briefgen.nlp.attribution import quotes_for_article

    art = Article(article_id="x", title="", text=text, source_path="")
    qs, _, _ = quotes_for_article(art, doc, gaz)
    return [Pred(q.start, q.end, q.speaker or "") for q, _ in qs]


def textacy_preds(doc) -> list[Pred] | None:  # type: ignore[no-untyped-def]
    from textacy.extract.triples import direct_quotations

    try:
        out = []
        for t in direct_quotations(doc):
            c = t.content
            a, b = c.start_char, c.end_char
            txt = doc.text
            while a < b and (txt[a] in "“”\"'‘’ " or txt[a].isspace()):
                a += 1
            while b > a and (txt[b - 1] in "“”\"'‘’ ," or txt[b - 1].isspace()):
                b -= 1
            out.append(Pred(a, b, " ".join(tok.text for tok in t.speaker)))
        return out
    except Exception:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    base = POLNEAR / args.split
    if not base.is_dir():
        print(f"PolNeAR not found at {base}; nothing to measure")
        return 0
    try:
        import textacy  # noqa: F401

        have_textacy = True
    except ImportError:
        have_textacy = False
        print("textacy not installed (pip install -e '.[bench]'): briefgen only")
    from briefgen.nlp.actors import load_gazetteer
    from briefgen.nlp.parse import load_spacy

    nlp = load_spacy()
    gaz = load_gazetteer()
    texts = sorted((base / "text").glob("*.txt"))
    if args.limit:
        texts = texts[: args.limit]
    golds, ours, theirs = [], [], []
    failed = 0
    t_ours = t_theirs = 0.0
    for f in texts:
        anns = sorted((base / "attributions").glob(f.stem + "_*.ann"))
        if not anns:
            continue
        text = f.read_text(encoding="utf-8")
        golds.append(read_ann(anns[0], text))
        doc = nlp(text)
        t0 = time.perf_counter()
        ours.append(briefgen_preds(text, doc, gaz))
        t_ours += time.perf_counter() - t0
        if have_textacy:
            t0 = time.perf_counter()
            tp = textacy_preds(doc)
            t_theirs += time.perf_counter() - t0
            if tp is None:
                failed += 1
                tp = []
            theirs.append(tp)
    n = len(golds)
    print(f"PolNeAR {args.split}: {n} articles, {sum(map(len, golds))} gold quoted spans")
    rows = [("briefgen", score(ours, golds), t_ours)]
    if have_textacy:
        rows.append(("textacy", score(theirs, golds), t_theirs))
    print(
        f"{'system':10} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'(n)':>5} {'s/doc':>7}"
    )
    for name, s, t in rows:
        print(
            f"{name:10} {s['pred']:5.0f} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} "
            f"{s['speaker_acc']:8.3f} {s['speaker_n']:5.0f} {t / max(n, 1):7.4f}"
        )
    if have_textacy:
        print(f"textacy raised on {failed}/{n} documents (counted as no predictions)")
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        bad = sum(textacy_preds(nlp(p.read_text(encoding="utf-8"))) is None for p in seeds)
        print(f"textacy raised on {bad}/{len(seeds)} seed files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
