"""Quotation extraction on PolNeAR (briefgen vs textacy) and on our own Korea labels.

    .venv/bin/python benchmarks/quotes.py [--split test] [--limit N]
    .venv/bin/python benchmarks/quotes.py --korea dev [--show]
    .venv/bin/python benchmarks/quotes.py --korea train       # labelled articles only
    .venv/bin/python benchmarks/quotes.py --korea fresh       # confirmation set: never --show
    .venv/bin/python benchmarks/quotes.py --korea confirm     # confirmation weeks: never --show
    .venv/bin/python benchmarks/quotes.py --korea test        # held out: run rarely, never tune

PolNeAR (../shared/data/quotes/polnear/<split>/attributions, one annotator's file per
article; train and dev for tuning, test for reporting):

* quoted: every stretch inside quotation marks within an annotated Content span, with the
  Source span as its speaker (a pronoun source is replaced by the nearest named source
  before it, a rough stand-in for coreference; a relative pronoun, "Jeb Bush, who said",
  by the name or noun right before it, which is what it means).  briefgen's predictions are the quoted
  stretches of its direct and mixed quotations (the marks inside a mixed quotation's
  clause), so the figure stays comparable across versions.  textacy's
  `direct_quotations` runs on the same spaCy parse (pip install -e '.[bench]'); where it
  raises on a document, that document counts as zero predictions for it.
* reported: every Content span with at least two words outside quotation marks (PolNeAR
  also annotates beliefs and intentions, "X thinks ...", which briefgen does not extract),
  against briefgen's mixed and indirect quotations.  textacy has no reported speech.

A prediction matches a gold span when their character spans overlap by at least half of
the longer one.  Speaker accuracy is over matched spans: the gold speaker's surname (or
head noun for descriptions) must appear in the predicted speaker.

Korea (--korea dev|test): benchmarks/labels/quotes-<set>.jsonl, whole articles labelled
by annotators (GUIDE.md), aligned to briefgen's cleaned text with gold.align().  The
scored articles are those of the set's weeks (splits.py) plus any other article a label
names (train: the labelled articles only), plus the keys listed in
quotes-<set>.articles.txt where that file exists (fresh: every packet, so an article with
no quotation is scored too).  `fresh` is a confirmation set labelled by two annotators
who never saw the rules, from train-split articles no rule was tuned on: it is never
shown one by one.  Matching rules:

* a prediction and a gold quotation match when they are in one article and their spans
  overlap by at least half of the longer; matching is one to one, each gold quotation
  taking the best-overlapping prediction left (a prediction of any kind may match a gold
  quotation of any kind);
* direct found: matched gold direct quotations / gold direct quotations; reported found:
  the same for gold mixed and indirect ones; precision: matched predictions / all
  predictions in the scored articles;
* in labelled: precision over the articles with at least one gold label, and how many
  scored articles have none: the label files cannot tell an article without quotations
  from one nobody labelled (test: one 7,894-word live blog of 2019-W09, 243
  predictions, no label), so a precision figure that falls with this line is a matter
  of the labels;
* unmatched: the unmatched predictions by where they fall (quotes_korea.miss_kinds): in an
  article or a paragraph with no label, over a label the overlap rule rejects (boundary,
  or a label of another kind), over a label another prediction took, or beside labels;
* in marks: direct found over the direct labels with a quotation mark at or inside their
  span (gold.in_marks), and how many direct labels have none (a speech printed without
  marks, a quotation set as its own paragraph): the guide's direct is words in marks,
  so a low direct figure made of the second kind is a matter of the labels;
* speaker right, over ALL gold quotations (unmatched ones count as wrong): the gold
  speaker is null and briefgen's is unknown, or the two name one actor: equal after
  lower-casing, dropping a leading article, possessives, initials and punctuation
  ("Kim Jong-un" = "Kim Jong Un"); or the gold name's words all appear, in order, in
  briefgen's name (briefgen may be fuller, never shorter: "Moon" for "Moon Jae-in" is
  wrong); or both are one gazetteer entry ("KCNA" = "Korean Central News Agency"); or
  the gold names a country and briefgen gives that country's government ("North Korea"
  = "North Korean government"); or, for a description ("a senior U.S. official"), the
  same head noun and country;
* country right, over matched gold quotations: briefgen's country equals the gold one
  (both unknown counts as right);
* group right, over matched gold quotations: briefgen's actor kind equals the gold
  speaker_group (briefgen's `defector` is the guide's `other`);
* earlier right, over matched gold quotations: briefgen's `earlier` equals the gold one.

Gold quotations that cannot be found in the cleaned text are reported and left out.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "labels"))
POLNEAR = ROOT.parent / "shared" / "data" / "quotes" / "polnear"
CORPORA = ROOT.parent / "shared" / "data" / "corpora"

# A quoted stretch: curly or straight double marks, or typewriter ones (`` ... '' and
# '' ... '', as PolNeAR's NYT texts have them), closed or running to the segment's end.
_OPEN = r"(?:“|\"|``|'')"
_INNER = r"((?:(?!''|``)[^“”\"])+)"
_MARKS = re.compile(_OPEN + _INNER + r"(?:”|\"|'')|" + _OPEN + _INNER + "$")
_PRON = {"he", "she", "they", "we", "i", "it", "him", "her", "them", "his"}
# A relative pronoun source ("Jeb Bush, who announced ...") means the phrase it follows.
_RELATIVE = {"who", "whom", "which", "that"}
# That phrase's end: a run of capitalised words, initials and titles ("Texas Sen. Ted
# Cruz", "the Daily Beast"), else its last word ("party leaders", "voters").
_NAME_RUN = re.compile(r"((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*)$")
_LAST_WORD = re.compile(r"([A-Za-z][\w'’-]*)$")


def antecedent(text: str, start: int) -> str:
    """What a relative pronoun at `start` refers to: the name or noun right before it,
    past a comma or a dash ("Barkley, who said ..." -> "Barkley"); "" when none."""
    before = text[max(0, start - 120) : start].rstrip(" ,\u2014\u2013-\n")
    m = _NAME_RUN.search(before) or _LAST_WORD.search(before)
    return m.group(1) if m else ""


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


def read_ann(path: Path, text: str) -> tuple[list[Gold], list[Gold]]:
    """(quoted stretches, reported content spans) of one PolNeAR annotation file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):  # a span's text may run over a line break
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
            _source_text(text, spans[r["Source"]][1][0][0], spans[r["Source"]][1][-1][1]),
        )
        for r in rels
        if "Source" in r and r["Source"] in spans
    )
    quoted: list[Gold] = []
    reported: list[Gold] = []
    for r in rels:
        if "Content" not in r or r["Content"] not in spans:
            continue
        src = ""
        if "Source" in r and r["Source"] in spans:
            s0, s1 = spans[r["Source"]][1][0][0], spans[r["Source"]][1][-1][1]
            src = _source_text(text, s0, s1)
            if src.strip().lower() in _PRON:
                named = [t for p, t in sources if p < s0 and t.strip().lower() not in _PRON]
                src = named[-1] if named else src
        pieces = spans[r["Content"]][1]
        outside = 0
        for a, b in pieces:
            seg = text[a:b]
            outside += len(re.findall(r"\w+", _MARKS.sub(" ", seg)))
            for m in _MARKS.finditer(seg):
                k = 1 if m.group(1) is not None else 2
                g = m.group(k)
                gs = a + m.start(k)
                inner = g.strip().rstrip(",")
                if len(re.findall(r"\w+", inner)) == 0:
                    continue
                off = g.find(inner)
                quoted.append(Gold(gs + off, gs + off + len(inner), src))
        if outside >= 2:
            reported.append(Gold(pieces[0][0], pieces[-1][1], src))
    return quoted, reported


def _source_text(text: str, s0: int, s1: int) -> str:
    """A source span's words; a relative pronoun's are those of its antecedent."""
    src = text[s0:s1]
    return (antecedent(text, s0) or src) if src.strip().lower() in _RELATIVE else src


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


def _briefgen_quotes(text: str, doc: Any, gaz: Any) -> list[Any]:
    from briefgen.model import Article
    from briefgen.nlp.attribution import analyse_article

    art = Article(article_id="x", title="", text=text, source_path="")
    return analyse_article(art, doc, gaz).quotes


def briefgen_preds(text: str, quotes: list[Any]) -> tuple[list[Pred], list[Pred]]:
    """(quoted stretches of direct and mixed quotations, mixed and indirect clauses)."""
    from briefgen.nlp.quotes import find_quote_spans

    marks = find_quote_spans(text)
    quoted: list[Pred] = []
    reported: list[Pred] = []
    for q in quotes:
        who = q.speaker or ""
        if q.kind == "direct":
            quoted.append(Pred(q.start, q.end, who))
            continue
        if q.kind == "mixed":
            inside = [
                Pred(max(s.start, q.start), min(s.end, q.end), who)
                for s in marks
                if s.start < q.end and q.start < s.end
            ]
            quoted += inside or [Pred(q.start, q.end, who)]  # a mixed quote of the quoted words
        reported.append(Pred(q.start, q.end, who))
    return quoted, reported


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


def _parse(nlp: Any, text: str, cache: Path | None) -> Any:
    """spaCy's parse of `text`, read from or written to `cache` (keyed by the model and the
    text), so reruns on the same split skip the parse: the figures are the same."""
    if cache is None:
        return nlp(text)
    import hashlib

    from spacy.tokens import DocBin

    tag = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{'+'.join(nlp.pipe_names)}"
    key = hashlib.sha1((tag + "\0" + text).encode("utf-8")).hexdigest()
    f = cache / f"{key}.spacy"
    if f.is_file():
        return next(iter(DocBin().from_disk(f).get_docs(nlp.vocab)))
    doc = nlp(text)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=[doc]).to_disk(f)
    return doc


def _nyt_style(text: str) -> bool:
    """The text marks quotations with two apostrophes ('' ... '' or `` ... ''), as
    PolNeAR's NYT texts do."""
    return text.count("''") >= 2


def polnear(split: str, limit: int, cache: Path | None = None) -> int:
    base = POLNEAR / split
    if not base.is_dir():
        print(f"PolNeAR not found at {base}; nothing to measure")
        return 0
    try:
        import textacy  # noqa: F401

        have_textacy = True
    except ImportError:
        have_textacy = False
        print("textacy not installed (pip install -e '.[bench]'): briefgen only")
    from briefgen.nlp.actors import load_lexicon
    from briefgen.nlp.parse import load_spacy

    nlp = load_spacy()
    gaz = load_lexicon()
    texts = sorted((base / "text").glob("*.txt"))
    if limit:
        texts = texts[:limit]
    golds, rgolds, ours, rours, theirs = [], [], [], [], []
    nyt: list[bool] = []
    failed = 0
    t_ours = t_theirs = 0.0
    for f in texts:
        anns = sorted((base / "attributions").glob(f.stem + "_*.ann"))
        if not anns:
            continue
        text = f.read_text(encoding="utf-8")
        quoted, reported = read_ann(anns[0], text)
        golds.append(quoted)
        rgolds.append(reported)
        nyt.append(_nyt_style(text))
        doc = _parse(nlp, text, cache)
        t0 = time.perf_counter()
        qp, rp = briefgen_preds(text, _briefgen_quotes(text, doc, gaz))
        t_ours += time.perf_counter() - t0
        ours.append(qp)
        rours.append(rp)
        if have_textacy:
            t0 = time.perf_counter()
            tp = textacy_preds(doc)
            t_theirs += time.perf_counter() - t0
            if tp is None:
                failed += 1
                tp = []
            theirs.append(tp)
    n = len(golds)
    print(
        f"PolNeAR {split}: {n} articles, {sum(map(len, golds))} gold quoted spans, "
        f"{sum(map(len, rgolds))} gold reported spans"
    )
    rows = [("briefgen", "quoted", score(ours, golds), t_ours)]
    if have_textacy:
        rows.append(("textacy", "quoted", score(theirs, golds), t_theirs))
    rows.append(("briefgen", "reported", score(rours, rgolds), t_ours))
    print(
        f"{'system':10} {'gold':9} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} "
        f"{'(n)':>5} {'s/doc':>7}"
    )
    for name, what, s, t in rows:
        print(
            f"{name:10} {what:9} {s['pred']:5.0f} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} "
            f"{s['speaker_acc']:8.3f} {s['speaker_n']:5.0f} {t / max(n, 1):7.4f}"
        )
    for label, keep in (("two-apostrophe marks", True), ("other texts", False)):
        pick = [k for k, v in enumerate(nyt) if v == keep]
        sq = score([ours[k] for k in pick], [golds[k] for k in pick])
        sr = score([rours[k] for k in pick], [rgolds[k] for k in pick])
        print(
            f"  {label} ({len(pick)} articles): quoted F1 {sq['F1']:.3f} "
            f"(P {sq['P']:.3f} R {sq['R']:.3f}, {sq['gold']:.0f} gold, speaker "
            f"{sq['speaker_acc']:.3f}); reported F1 {sr['F1']:.3f} (P {sr['P']:.3f} "
            f"R {sr['R']:.3f}, {sr['gold']:.0f} gold, speaker {sr['speaker_acc']:.3f})"
        )
    if have_textacy:
        print(f"textacy raised on {failed}/{n} documents (counted as no predictions)")
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        bad = sum(textacy_preds(nlp(p.read_text(encoding="utf-8"))) is None for p in seeds)
        print(f"textacy raised on {bad}/{len(seeds)} seed files")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", help="PolNeAR split: train, dev or test")
    ap.add_argument("--limit", type=int, default=0, help="PolNeAR: first N articles only")
    ap.add_argument(
        "--korea",
        choices=["dev", "test", "train", "fresh", "confirm"],
        help="score our Korea labels instead",
    )
    ap.add_argument("--show", action="store_true", help="Korea dev: print every miss")
    ap.add_argument(
        "--cache", type=Path, help="PolNeAR: keep spaCy parses in this folder for reruns"
    )
    args = ap.parse_args()
    if args.korea:
        from quotes_korea import korea  # the script's folder is on the path

        return korea(args.korea, args.show)
    return polnear(args.split, args.limit, args.cache)


if __name__ == "__main__":
    raise SystemExit(main())
