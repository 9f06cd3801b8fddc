"""The Korea half of benchmarks/quotes.py: our own labels (benchmarks/labels/quotes-*.jsonl)
scored against briefgen's quotations; the matching rules are in quotes.py's docstring.
Run through quotes.py (`--korea dev|train|test|fresh|confirm`)."""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any

from quotes import CORPORA, ROOT, overlap

_LEAD_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _name_tokens(name: str) -> list[str]:
    n = re.sub(r"[’']s\b", "", name)
    n = _LEAD_ARTICLE.sub("", n.strip())
    n = re.sub(r"\b([A-Z])\.(?=[A-Z]\.?)", r"\1", n)  # "U.S." -> "US."
    toks = re.findall(r"[a-z0-9]+", n.lower().replace("-", " "))
    return [t for t in toks if len(t) > 1 or t.isdigit()]


def _is_description(name: str) -> bool:
    first = name.strip().split()[0] if name.strip() else ""
    return first.lower() in ("a", "an", "one", "some", "two", "three") or first[:1].islower()


def same_speaker(pred: str | None, gold: str | None, gaz: Any, pc: Any, gc: Any) -> bool:
    """The Korea speaker rule (module docstring)."""
    if not gold:
        return not pred
    if not pred:
        return False
    from briefgen.knowledge.countries import government_name
    from briefgen.nlp.names import only_country

    code = only_country(gold)
    if code is not None and (pred == government_name(code) or only_country(pred) == code):
        return True  # "North Korea" = "North Korean government", "The U.S" = "the U.S."
    g, p = _name_tokens(gold), _name_tokens(pred)
    if not g or not p:
        return False
    if "".join(g) == "".join(p):
        return True
    if len(g) <= len(p) and any(p[i : i + len(g)] == g for i in range(len(p) - len(g) + 1)):
        return not _is_description(gold) or _is_description(pred) == _is_description(gold)
    eg, ep = gaz.lookup(gold), gaz.lookup(pred)
    if eg is not None and eg is ep:
        return True
    if _is_description(gold) or _is_description(pred):
        return g[-1].rstrip("s") == p[-1].rstrip("s") and pc == gc
    return False


def _korea_articles(which: str, gold: list[Any]) -> list[Any]:
    from splits import CONFIRM_WEEKS, DEV_WEEKS, HELD_OUT_WEEKS, iso_week, source_key
    from splits import CORPORA as FILES

    from briefgen.config import CorpusSettings
    from briefgen.corpus import load_corpus

    weeks: dict[str, tuple[str, ...]] = {
        "dev": DEV_WEEKS,
        "test": HELD_OUT_WEEKS,
        "confirm": CONFIRM_WEEKS,
    }.get(which, {})
    keys = {g.key for g in gold}
    listed = ROOT / "benchmarks" / "labels" / f"quotes-{which}.articles.txt"
    if listed.exists():
        keys |= {ln.strip() for ln in listed.read_text(encoding="utf-8").splitlines() if ln.strip()}
    unlabelled = unlabelled_keys(which)
    corpora = {k.split(":", 1)[0] for k in keys} | set(weeks)
    if which == "test":
        corpora.add("kcna")
    out = []
    for c in sorted(corpora):
        arts = load_corpus([CORPORA / FILES[c]], CorpusSettings()).articles
        if c == "kcna" and which == "test":
            keys |= _kcna_test_sample(arts)
        for a in arts:
            k = source_key(a)
            if k in unlabelled:
                continue
            if k in keys or iso_week(a.published) in weeks.get(c, ()):
                out.append(a)
    return out


def unlabelled_keys(which: str) -> set[str]:
    """Articles of a set's packets that no annotator labelled (the packet never came
    back), listed with the reason in quotes-<set>.unlabelled.txt: scoring them would
    count every prediction in them as false and every quotation in them as unseen."""
    path = ROOT / "benchmarks" / "labels" / f"quotes-{which}.unlabelled.txt"
    if not path.exists():
        return set()
    # a key holds "#" ("allsides:ID#665"): a comment is a line or a tail after a space
    keys = (re.sub(r"\s+#.*$", "", ln).strip() for ln in path.read_text("utf-8").splitlines())
    return {k for k in keys if k and not k.startswith("#")}


def _kcna_test_sample(arts: list[Any], n: int = 10, seed: int = 20261201) -> set[str]:
    """The KCNA items packets.py drew for the test set (same rule, same seed), so an item
    with no quotation is scored too."""
    import random

    from splits import source_key, split_of

    pool = [
        source_key(a)
        for a in arts
        if split_of(source_key(a), a.published) == "test" and a.words >= 150
    ]
    return set(random.Random(seed).sample(pool, min(n, len(pool))))


def _match(gold_spans: dict[int, tuple[str, int, int]], preds: list[Any]) -> dict[int, Any]:
    """{gold index: prediction}, one to one, best overlap first."""
    pairs = []
    for gi, (aid, gs, ge) in gold_spans.items():
        for pi, q in enumerate(preds):
            if q.article_id == aid:
                ov = overlap((q.start, q.end), (gs, ge))
                if ov >= 0.5:
                    pairs.append((-ov, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, Any] = {}
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = preds[pi]
    return out


def labelled_precision(
    spans: dict[int, tuple[str, int, int]], preds: list[Any], matched: dict[int, Any], n_arts: int
) -> str:
    """Precision over the articles with at least one gold label, and how many scored
    articles have none and how many predictions fall in them.  A set's weeks are scored
    whole so an article without quotations counts too, but the label files cannot tell
    such an article from one the annotators never labelled (a packet not returned, a
    7,900-word live blog): every prediction in the latter counts as false, so the line
    says how much of the precision figure they make."""
    labelled = {aid for aid, _, _ in spans.values()}
    inside = [q for q in preds if q.article_id in labelled]
    hit = {id(q) for q in matched.values()}
    m = sum(id(q) in hit for q in inside)
    return (
        f"  in labelled   {m / max(1, len(inside)):6.3f}  ({m}/{len(inside)}; "
        f"{n_arts - len(labelled)} scored articles have no gold label, "
        f"{len(preds) - len(inside)} predictions there)"
    )


def miss_kinds(
    gold: list[Any],
    spans: dict[int, tuple[str, int, int]],
    preds: list[Any],
    matched: dict[int, Any],
    texts: dict[str, str],
) -> Counter[str]:
    """The unmatched predictions by where they fall, so a low precision can be read as
    labels missing (no label in the article or in the paragraph), spans the overlap rule
    rejects (boundary; a label of another kind, often a clause inside a labelled direct
    quotation, which the guide does not label), or predictions beside labels in a
    labelled paragraph (read them to tell missed quotations from false ones)."""
    return Counter(k for _, k in unmatched(gold, spans, preds, matched, texts))


def unmatched(
    gold: list[Any],
    spans: dict[int, tuple[str, int, int]],
    preds: list[Any],
    matched: dict[int, Any],
    texts: dict[str, str],
) -> list[tuple[Any, str]]:
    """Each unmatched prediction with where it falls (see miss_kinds), so --show can
    print the kind beside the false positive it explains."""
    hit = {id(q) for q in matched.values()}
    by_art: dict[str, list[tuple[int, int, int]]] = {}
    for i, (aid, s, e) in spans.items():
        by_art.setdefault(aid, []).append((i, s, e))
    out: list[tuple[Any, str]] = []
    for q in preds:
        if id(q) in hit:
            continue
        labels = by_art.get(q.article_id, [])
        best, gi = max(
            ((overlap((q.start, q.end), (s, e)), i) for i, s, e in labels), default=(0.0, -1)
        )
        text = texts[q.article_id]
        p0 = text.rfind("\n", 0, q.start) + 1
        p1 = text.find("\n", q.start)
        p1 = len(text) if p1 < 0 else p1
        if not labels:
            kind = "article unlabelled"
        elif best >= 0.5:
            kind = "label taken by another"
        elif best > 0:
            k = gold[gi].kind
            same = k == q.kind or {k, q.kind} <= {"mixed", "indirect"}
            kind = "boundary" if same else "other kind"
        elif not any(s < p1 and e > p0 for _, s, e in labels):
            kind = "paragraph unlabelled"
        else:
            kind = "beside labels"
        out.append((q, kind))
    return out


def _direct_in_marks(
    gold: list[Any], spans: dict[int, tuple[str, int, int]], matched: dict[int, Any], by_id: Any
) -> str:
    """The direct figure over the labels in quotation marks only, and how many `direct`
    labels have none in the text (gold.in_marks): those are of another kind than the
    guide's direct, so the line says how much of a low direct figure they make."""
    from gold import in_marks

    direct = [i for i in spans if gold[i].kind == "direct"]
    bare = {i for i in direct if not in_marks(by_id[spans[i][0]].text, *spans[i][1:])}
    marked = [i for i in direct if i not in bare]
    hit = sum(i in matched for i in marked)
    return (
        f"  in marks      {hit / max(1, len(marked)):6.3f}  ({len(marked)}; {len(bare)} direct "
        f"labels have no quotation mark in the text, {sum(i in matched for i in bare)} found)"
    )


def korea(which: str, show: bool) -> int:
    from gold import align, load_gold

    path = ROOT / "benchmarks" / "labels" / f"quotes-{which}.jsonl"
    if not path.exists():
        print(f"{path} not found; nothing to measure")
        return 0
    if show and which in ("test", "fresh", "confirm"):
        print(f"--show is not for {which}: those labels are never looked at one by one")
        return 2
    from briefgen.config import default_cache_dir
    from briefgen.nlp.actors import load_gazetteer
    from briefgen.nlp.attribution import analyse_articles
    from briefgen.nlp.parse import parse_articles

    gold = load_gold(f"quotes-{which}")
    arts = _korea_articles(which, gold)
    by_id = {a.article_id: a for a in arts}
    docs = parse_articles(arts, cache_dir=default_cache_dir())
    t0 = time.perf_counter()
    analyses = analyse_articles(arts, docs)
    took = time.perf_counter() - t0
    preds = [q for an in analyses for q in an.quotes]
    kinds = {a.actor_id: a.kind for an in analyses for a in an.actors}
    spans = align(gold, arts)
    matched = _match(spans, preds)
    gaz = load_gazetteer()
    n = len(spans)
    by_kind = Counter(gold[i].kind for i in spans)
    found = Counter(gold[i].kind for i in matched)
    spk = cty = grp = early = 0
    for i in spans:
        g, q = gold[i], matched.get(i)
        pc = q.country if q is not None else None
        if q is not None and same_speaker(q.speaker, g.speaker, gaz, pc, g.country):
            spk += 1
        if q is not None:
            cty += pc == g.country
            early += q.earlier == g.earlier
            k = kinds.get(q.actor_id or "", "other") if q.speaker else None
            grp += ("other" if k == "defector" else k) == (g.speaker_group if g.speaker else None)
        bad_s = q is None or not same_speaker(q.speaker, g.speaker, gaz, pc, g.country)
        if show and (bad_s or pc != g.country):
            text = by_id[spans[i][0]].text[spans[i][1] : spans[i][2]]
            got = f"{q.kind} {q.speaker!r} {pc}" if q else "MISSED"
            tag = ("S" if bad_s else "-") + ("C" if q is not None and pc != g.country else "-")
            print(f"  {tag} {g.kind:8} {g.speaker!r} {g.country} <- {got}: {text[:90]!r}")
    texts = {a.article_id: a.text for a in arts}
    if show:
        for q, where in unmatched(gold, spans, preds, matched, texts):
            print(f"  FALSE {q.kind} [{where}] {q.cue!r} {q.speaker!r}: {q.text[:90]!r}")
            print(f"        in: {q.sentence[:200]!r}")
    direct_n = by_kind["direct"]
    rep_n = by_kind["mixed"] + by_kind["indirect"]
    m = len(matched)
    print(
        f"Korea {which}: {len(arts)} articles, {len(gold)} gold quotations "
        f"({n} found in the cleaned text; {dict(by_kind)}), {len(preds)} predicted "
        f"({dict(Counter(q.kind for q in preds))}, {sum(not q.speaker for q in preds)} "
        f"with an unknown speaker)"
    )
    print(f"direct found    {found['direct'] / max(1, direct_n):6.3f}  ({direct_n})")
    print(_direct_in_marks(gold, spans, matched, by_id))
    print(
        f"reported found  {(found['mixed'] + found['indirect']) / max(1, rep_n):6.3f}  ({rep_n}; "
        f"mixed {found['mixed'] / max(1, by_kind['mixed']):.3f}, "
        f"indirect {found['indirect'] / max(1, by_kind['indirect']):.3f})"
    )
    print(f"precision       {m / max(1, len(preds)):6.3f}  ({m}/{len(preds)})")
    print(labelled_precision(spans, preds, matched, len(arts)))
    misses = miss_kinds(gold, spans, preds, matched, texts)
    print(
        f"  unmatched     {sum(misses.values())}: "
        + ", ".join(f"{k} {v}" for k, v in misses.most_common())
    )
    print(f"speaker right   {spk / max(1, n):6.3f}  of all gold ({spk}/{n})")
    print(f"country right   {cty / max(1, m):6.3f}  of matched ({cty}/{m})")
    print(f"group right     {grp / max(1, m):6.3f}  of matched ({grp}/{m})")
    print(f"earlier right   {early / max(1, m):6.3f}  of matched ({early}/{m})")
    print(f"attribution time (parse excluded): {took:.1f} s")
    return 0
