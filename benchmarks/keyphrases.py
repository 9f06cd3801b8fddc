"""Keyphrase quality and speed on DUC-2001: plain KeyBERT against briefgen, same docs, same model.

    .venv/bin/python benchmarks/keyphrases.py [--limit N] [--data DIR] [--skip-plain]

Prints F1@5, F1@10 (exact match after lower-casing and Porter-stemming every word,
macro-averaged over documents, against all gold phrases) and documents per second for
each system, then briefgen/plain ratios.  Model loads are timed apart.  briefgen's time
counts its spaCy parse (printed with and without it; the ratio uses the with-parse
figure).  Plain KeyBERT: `extract_keywords(doc, keyphrase_ngram_range=(1, 3),
stop_words="english", top_n=10)`, one document at a time, on the same SentenceTransformer
instance.  briefgen runs cold: no parse or embedding cache.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefgen.model import Article  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "keyphrases" / "duc2001"
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def read_duc(folder: Path, limit: int | None) -> tuple[list[Article], dict[str, list[str]]]:
    """Documents (body text only, paragraphs kept) and their gold keyphrases."""
    gold: dict[str, list[str]] = {}
    for line in (folder / "annotations.txt").read_text("utf-8", "replace").splitlines():
        if "@" not in line:
            continue
        docid, phrases = line.split("@", 1)
        gold[docid.strip()] = [p.strip() for p in phrases.split(";") if p.strip()]
    arts: list[Article] = []
    for f in sorted(folder.iterdir()):
        if f.name not in gold:
            continue
        raw = f.read_text("utf-8", "replace")
        body = " ".join(_TEXT.findall(raw))
        body = html.unescape(_TAG.sub(" ", body))
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n(?=\s{2,})", body)]
        text = "\n\n".join(p for p in paras if p)
        if not text.strip():
            continue  # LA073089-0118 has no text
        arts.append(Article(article_id=f.name, title="", text=text, source_path=str(f)))
        if limit and len(arts) >= limit:
            break
    return arts, gold


def _norm(phrase: str, stem: Callable[[str], str]) -> str:
    words = re.split(r"[\s\-]+", phrase.lower())
    return " ".join(stem(w) for w in (re.sub(r"[^\w.]", "", w).strip(".") for w in words) if w)


def f1_at(preds: dict[str, list[str]], gold: dict[str, list[str]], k: int) -> float:
    """Macro F1@k; predictions de-duplicated after stemming (which only helps a system)."""
    from nltk.stem.porter import PorterStemmer

    stem = PorterStemmer().stem
    total = 0.0
    for docid, ps in preds.items():
        g = {_norm(x, stem) for x in gold[docid]}
        seen: list[str] = []
        for p in ps:
            n = _norm(p, stem)
            if n and n not in seen:
                seen.append(n)
        top = seen[:k]
        hit = sum(1 for p in top if p in g)
        if not top or not g or not hit:
            continue
        prec, rec = hit / len(top), hit / len(g)
        total += 2 * prec * rec / (prec + rec)
    return 100 * total / max(len(preds), 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--skip-plain", action="store_true", help="briefgen only (development)")
    ap.add_argument(
        "--threads",
        type=int,
        default=1,
        help="cores for both: torch threads for both, spaCy processes for briefgen's parse (default 1)",
    )
    ap.add_argument("--save-plain", type=Path, help="also write plain KeyBERT's output as JSON")
    ap.add_argument(
        "--param", action="append", default=[], help="briefgen Params override, name=value"
    )
    args = ap.parse_args()
    if not (args.data / "annotations.txt").is_file():
        print(f"DUC-2001 not found in {args.data}; pass --data", file=sys.stderr)
        return 2

    import torch

    from briefgen.nlp.embeddings import Embedder, load_model
    from briefgen.nlp.keyphrases import KeyphraseExtractor, Params
    from briefgen.nlp.parse import load_spacy, parse_articles

    torch.set_num_threads(args.threads)
    arts, gold = read_duc(args.data, args.limit)
    n = len(arts)
    params = Params()
    for kv in args.param:
        name, value = kv.split("=", 1)
        cur = getattr(params, name)
        setattr(params, name, type(cur)(value))
    print(f"DUC-2001: {n} documents from {args.data}; briefgen {params}")

    t = time.perf_counter()
    st = load_model()
    st.encode(["warm up"])
    t_model = time.perf_counter() - t
    t = time.perf_counter()
    nlp = load_spacy()
    nlp("Warm up.")
    t_spacy = time.perf_counter() - t
    print(f"model load: all-MiniLM-L6-v2 {t_model:.2f} s, spaCy {t_spacy:.2f} s (not counted)")

    from keybert import KeyBERT
    from keybert.backend._sentencetransformers import SentenceTransformerBackend

    # briefgen: parse as the pipeline does (one process per --threads), then keyphrases
    # for all documents, embedding cache off.
    t0 = time.perf_counter()
    docs = parse_articles(arts, cache_dir=None, n_process=args.threads)
    t1 = time.perf_counter()
    backend = SentenceTransformerBackend(st, batch_size=64, normalize_embeddings=True)
    emb = Embedder(cache_dir=None, keybert=KeyBERT(model=backend))
    ex = KeyphraseExtractor(cache_dir=None, top_n=10, params=params, embedder=emb)
    res = ex.for_articles(arts, docs)
    t2 = time.perf_counter()
    ours = {aid: [k.phrase for k in ks] for aid, ks in res.items()}
    parse_s, kp_s = t1 - t0, t2 - t1
    b5, b10 = f1_at(ours, gold, 5), f1_at(ours, gold, 10)
    b_dps, b_dps_np = n / (parse_s + kp_s), n / kp_s
    print(
        f"briefgen      F1@5 {b5:5.1f}  F1@10 {b10:5.1f}  {b_dps:7.2f} docs/s with parse "
        f"({parse_s:.1f} s parse + {kp_s:.1f} s keyphrases), {b_dps_np:7.2f} docs/s without parse; "
        f"{emb.embedded} texts embedded"
    )
    if args.skip_plain:
        return 0

    kb = KeyBERT(model=st)
    plain: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    for i, a in enumerate(arts, 1):
        kws = kb.extract_keywords(
            a.text, keyphrase_ngram_range=(1, 3), stop_words="english", top_n=10
        )
        plain[a.article_id] = [w for w, _ in kws]
        if i % 25 == 0:
            el = time.perf_counter() - t0
            print(f"  plain KeyBERT {i}/{n} ({el / i:.2f} s/doc)", file=sys.stderr, flush=True)
    p_s = time.perf_counter() - t0
    if args.save_plain:
        import json

        args.save_plain.write_text(json.dumps({"seconds": p_s, "docs": plain}, indent=1))
    p5, p10 = f1_at(plain, gold, 5), f1_at(plain, gold, 10)
    p_dps = n / p_s
    print(f"plain KeyBERT F1@5 {p5:5.1f}  F1@10 {p10:5.1f}  {p_dps:7.2f} docs/s ({p_s:.1f} s)")
    print(
        f"ratios briefgen/plain: F1@10 {b10 / max(p10, 1e-9):.2f}x, "
        f"speed {b_dps / p_dps:.1f}x with parse ({b_dps_np / p_dps:.1f}x without)"
    )
    print(
        f"spaCy parse alone: {parse_s / n:.3f} s/doc = {parse_s / n / (p_s / n):.0%} of plain "
        f"KeyBERT's {p_s / n:.2f} s/doc (pipeline: {'+'.join(nlp.pipe_names)})"
    )
    print("published F1@10 on DUC-2001: EmbedRank 29.5, PositionRank 28.6, FirstPhrases 24.6")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
