"""The corpus stage, top to bottom: find files -> read -> split -> clean -> date -> dedupe
-> drop corpus-wide boilerplate -> score relevance -> Articles."""

from __future__ import annotations

import glob
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from briefgen.config import CorpusSettings
from briefgen.corpus import NOTE, Corpus, SkippedFile
from briefgen.corpus.clean import Cleaned, clean_article, clean_byline, clean_title
from briefgen.corpus.dates import (
    estimate_date,
    parse_date_precise,
    url_date,
    url_month_estimate,
)
from briefgen.corpus.dedupe import duplicate_groups
from briefgen.corpus.kinds import is_chronology
from briefgen.corpus.outlets import canonical_outlet, known_outlet, outlet_from_url
from briefgen.corpus.paragraphs import norm_key, normalize_text, words
from briefgen.corpus.readers import TEXT_EXTS, RawDoc, ReadError, field_names, read_file
from briefgen.corpus.relevance import relevance
from briefgen.corpus.signatures import read_signature
from briefgen.corpus.split import split_articles
from briefgen.errors import CorpusError
from briefgen.model import Article, DatePrecision, DateSource, content_id

_GLOB_CHARS = re.compile(r"[*?\[]")
_DATE_RANK: dict[str, int] = {
    "metadata": 0, "published-line": 1, "dateline": 2, "url": 3, "estimate": 4, "unknown": 5,
}  # fmt: skip
_TITLE_SUFFIX_RE = re.compile(r"\s+(?:[-–—|:]|&#8211;)\s+([^-–—|:]{2,40})$")


def walk_files(root: Path, hidden: bool = False) -> list[Path]:
    """Every file under `root`, sorted, without following links to folders (a link to
    "..", or to /, would never end) and, unless `hidden`, without hidden names."""
    out: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = list(os.scandir(folder))
        except OSError:
            continue  # unreadable folder: nothing to read in it
        for e in entries:
            if not hidden and e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=False):
                    stack.append(Path(e.path))
                elif e.is_file():  # a link to a file is read
                    out.append(Path(e.path))
            except OSError:
                continue
    out.sort()
    return out


def _segment_re(seg: str) -> str:
    """One path segment of a glob as a regex (*, ?, [...]); names starting with a dot
    match only a pattern that starts with one, as in the shell."""
    out = "" if seg.startswith(".") else r"(?!\.)"
    i = 0
    while i < len(seg):
        c = seg[i]
        if c == "*":
            out += "[^/]*"
        elif c == "?":
            out += "[^/]"
        elif c == "[":
            j = seg.find("]", i + 2)
            if j < 0:
                out += re.escape(c)
            else:
                body = seg[i + 1 : j].replace("\\", "\\\\")
                out += "[" + ("^" + body[1:] if body.startswith("!") else body) + "]"
                i = j
        else:
            out += re.escape(c)
        i += 1
    return out


def glob_files(pattern: str) -> list[str]:
    """The paths a glob names, like glob.glob(recursive=True), but "**" never follows a
    link to a folder: a folder that links to itself made glob.glob run forever."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = Path(pattern).parts
    k = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
    base = Path(*parts[:k]) if k else Path(".")
    rest = parts[k:]
    rx = ""
    for i, seg in enumerate(rest):
        last = i == len(rest) - 1
        if seg == "**":
            rx += "(?:[^/.][^/]*/)*" if not last else "(?:[^/.][^/]*(?:/|$))*"
        else:
            rx += _segment_re(seg) + ("" if last else "/")
    match = re.compile(rx + "$").match
    hits = []
    for f in walk_files(base):
        rel = f.relative_to(base).as_posix()
        if match(rel):
            hits.append(str(base / rel) if k else rel)
    return hits


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files under `paths` (files, folders recursively, globs), each once, in a stable order."""
    out: list[Path] = []
    seen: set[Path] = set()

    def add(f: Path) -> None:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            out.append(f)

    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            for f in walk_files(p):
                if f.suffix.lower() in TEXT_EXTS:
                    add(f)
        elif p.is_file():
            add(p)
        elif _GLOB_CHARS.search(str(raw)):
            hits = glob_files(str(p))
            if not hits:
                raise CorpusError(f"no files match {raw}; check the pattern or quote it")
            for h in hits:
                hp = Path(h)
                if hp.is_file():
                    add(hp)
                elif hp.is_dir():
                    for f in expand_paths([hp]):
                        add(f)
        else:
            raise CorpusError(f"{raw} does not exist; give a file, folder or glob of articles")
    return out


def _split_title_outlet(title: str, url: str | None) -> tuple[str, str | None]:
    """'Story – CNN' -> ('Story', 'CNN') when the suffix is a known outlet, or any short
    suffix when the link is a news-aggregator redirect (whose titles always end so)."""
    m = _TITLE_SUFFIX_RE.search(title)
    if m:
        out = known_outlet(m[1])
        aggregated = bool(url and "news.google." in url)
        if out or (aggregated and len(m[1].split()) <= 5):
            return title[: m.start()].strip(), out or m[1].strip()
    return title, None


def _fallback_title(paragraphs: list[str]) -> str:
    first = paragraphs[0] if paragraphs else ""
    sent = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return sent if len(sent) <= 120 else sent[:117].rsplit(" ", 1)[0] + "…"


def _date_rank(a: Article) -> float:
    """How much a date is trusted (lower is better); a month or year alone ranks below a
    full date of the same source, so a merged story keeps the day when a copy gives it."""
    return _DATE_RANK[a.date_source] + (0 if a.date_precision == "day" else 0.5)


@dataclass
class _Item:
    article: Article
    rank: int  # order of discovery, for a deterministic result
    date_rank: float


def _build(
    doc: RawDoc, segment: str, part: int, seg_index: int, path: Path, rank: int
) -> _Item | None:
    """One Article from one segment: metadata of the file first, then what the text says.

    Only the first segment of a split file inherits the file's title, URL, outlet and date;
    the others are different articles and must find their own."""
    c = clean_article(
        segment, title=doc.title if seg_index == 0 else None, known_authors=doc.byline
    )
    if not c.paragraphs:
        return None
    text = "\n\n".join(c.paragraphs)
    title = c.title or ""
    url = doc.url if seg_index == 0 else None
    title, suffix_outlet = _split_title_outlet(clean_title(title), url) if title else ("", None)
    meta: dict[str, Any] = dict(doc.meta)
    if not title:
        title = _fallback_title(c.paragraphs)
        meta["title_source"] = "text"
    # a link to a known outlet beats a metadata label ("Guest Writer - Left" on thehill.com)
    outlet = (
        outlet_from_url(url)
        or (canonical_outlet(doc.outlet) if seg_index == 0 else None)
        or c.outlet
        or suffix_outlet
        or c.wire
    )
    published, source, precision = _article_date(
        doc.date if seg_index == 0 else None, c, url, text, segment
    )
    if c.dateline:
        meta["dateline"] = c.dateline
    if c.wire and c.wire != outlet:
        meta["wire"] = c.wire
    if doc.record is not None:
        meta["record"] = doc.record
    art = Article(
        article_id="",
        title=title,
        text=text,
        source_path=str(path),
        outlet=outlet,
        published=published,
        date_source=source,
        url=url,
        byline=c.byline or clean_byline(doc.byline),
        outlets=[outlet] if outlet else [],
        part=part,
        meta=meta,
        date_precision=precision,
    )
    return _Item(art, rank, _date_rank(art))


def _article_date(
    meta_date: Any, c: Cleaned, url: str | None, text: str, segment: str
) -> tuple[date | None, DateSource, DatePrecision]:
    """The best date and where it came from: metadata, then the text's "Published" line or
    dateline, then the URL, then an estimate from the text."""
    if meta_date is not None:
        found = parse_date_precise(meta_date)
        if found:
            return found.day, "metadata", found.precision
    if c.published:
        return (
            c.published,
            "published-line" if c.date_source == "published-line" else "dateline",
            "day",
        )
    published = url_date(url)
    if published:
        return published, "url", "day"
    published = url_month_estimate(url, text) or estimate_date(normalize_text(segment))
    return published, "estimate" if published else "unknown", "day"


def _merge(items: list[_Item], group: list[int]) -> _Item:
    """One article from a group of near-duplicates: the fullest text, the best date, every outlet."""
    members = [items[i] for i in group]
    keep = max(members, key=lambda it: (len(it.article.text), -it.rank))
    best_date = min(members, key=lambda it: (it.date_rank, it.rank))
    a = keep.article
    if best_date.date_rank < keep.date_rank:
        a.published = best_date.article.published
        a.date_source = best_date.article.date_source
        a.date_precision = best_date.article.date_precision
        keep.date_rank = best_date.date_rank
    outlets: list[str] = []
    for it in sorted(members, key=lambda it: it.rank):
        for o in it.article.outlets:
            if o not in outlets:
                outlets.append(o)
    a.outlets = outlets
    if a.outlet is None and outlets:
        a.outlet = outlets[0]
    a.merged_from = [
        f"{it.article.source_path}#{it.article.part}"
        for it in sorted(members, key=lambda it: it.rank)
        if it is not keep
    ]
    keep.rank = min(it.rank for it in members)
    return keep


def _drop_corpus_boilerplate(items: list[_Item]) -> int:
    """Short paragraphs repeated across many different articles are site furniture; a
    signature under a quoted excerpt is not (a columnist is quoted in many roundups)."""
    if len(items) < 5:
        return 0
    counts: Counter[str] = Counter()
    for it in items:
        counts.update(
            {norm_key(p) for p in it.article.paragraphs if words(p) <= 12 and not read_signature(p)}
        )
    limit = max(3, int(0.002 * len(items)))
    bad = {k for k, n in counts.items() if n >= limit and k}
    dropped = 0
    for it in items:
        paras = it.article.paragraphs
        kept = [p for p in paras if not (words(p) <= 12 and norm_key(p) in bad)]
        if kept and len(kept) < len(paras):
            dropped += len(paras) - len(kept)
            it.article.text = "\n\n".join(kept)
    return dropped


def _articles_of(task: tuple[RawDoc, Path]) -> tuple[list[_Item], int]:
    """Split and clean one raw document (runs in a worker process for big corpora)."""
    doc, path = task
    if not doc.text.strip():
        return [], 1
    items: list[_Item] = []
    empty = 0
    segments = split_articles(normalize_text(doc.text), structured=doc.record is not None)
    for k, seg in enumerate(segments):
        it = _build(doc, seg, 0, k, path, 0)
        if it is None:
            empty += 1
        else:
            items.append(it)
    return items, empty


@dataclass
class FileResult:
    """What one file gives on its own, before any corpus-wide step: its cleaned articles
    (ids empty, `part` numbered), the problems met and the records without text.

    It depends on the file and the corpus settings only, so it can be computed on any
    worker and stored by the file's fingerprint (see briefgen.store)."""

    path: str
    articles: list[Article]
    problems: list[str]
    error: str | None = None  # the file could not be read at all (reported, skipped)
    empty: int = 0


def read_docs(path: Path, settings: CorpusSettings) -> tuple[list[RawDoc], list[str]]:
    """The raw documents of one file and the problems met (ReadError: unusable file)."""
    return read_file(path, int(settings.max_file_mb * 1024 * 1024), field_names(settings.field_map))


def clean_docs(docs: Sequence[RawDoc], path: Path) -> tuple[list[Article], int]:
    """Split and clean raw documents of one file, each on its own: (articles with `part`
    numbered from 0, records without text).  A big file's documents can be cleaned in
    chunks on several workers and joined in order."""
    arts: list[Article] = []
    empty = 0
    for d in docs:
        its, n_empty = _articles_of((d, path))
        empty += n_empty
        for it in its:
            it.article.part = len(arts)
            arts.append(it.article)
    return arts, empty


def read_one(path: Path, settings: CorpusSettings) -> FileResult:
    """Read, split and clean one file."""
    try:
        docs, problems = read_docs(path, settings)
    except ReadError as e:
        return FileResult(str(path), [], [], error=str(e))
    arts, empty = clean_docs(docs, path)
    return FileResult(str(path), arts, list(problems), empty=empty)


def _relevance(a: Article) -> float:
    return relevance(a.title, a.paragraphs, a.meta.get("dateline", ""), a.outlet)


# (articles, score function) -> their scores: lets a store reuse scores it kept.
RelevanceOf = Callable[[Sequence[Article], Callable[[Article], float]], list[float]]


def assemble(
    results: Sequence[FileResult],
    settings: CorpusSettings,
    signatures: Sequence[Any] | None = None,
    relevance_of: RelevanceOf | None = None,
) -> Corpus:
    """The corpus-wide steps over files already read: dedupe, boilerplate, relevance, ids.

    `results` come in file order; `signatures` (one per article of the results, in
    order; see dedupe.signature) saves recomputing them when they are stored, and
    `relevance_of` may serve kept scores.  The articles are used as they are (copy
    them first when they must stay unchanged).
    """
    corpus = Corpus(articles=[])
    items = _gather(results, corpus)
    groups = duplicate_groups(
        [it.article.text for it in items],
        can_merge=lambda i, j: _close_dates(items[i].article, items[j].article),
        signatures=signatures,
    )
    drop: set[int] = set()
    for g in groups:
        kept = _merge(items, g)
        drop.update(i for i in g if items[i] is not kept)
    corpus.duplicates_merged = len(drop)
    items = sorted((it for i, it in enumerate(items) if i not in drop), key=lambda it: it.rank)
    _drop_corpus_boilerplate(items)

    _score_and_name(items, settings, corpus, relevance_of)
    return corpus


def _gather(results: Sequence[FileResult], corpus: Corpus) -> list[_Item]:
    """Every article of the files read, in order; each file's problems into `corpus`."""
    items: list[_Item] = []
    for r in results:
        if r.error is not None:
            corpus.skipped.append(SkippedFile(r.path, r.error))
        for prob in r.problems:
            if prob.startswith(NOTE):
                corpus.skipped.append(SkippedFile(r.path, prob[len(NOTE) :], skipped=False))
            else:
                corpus.skipped.append(SkippedFile(r.path, prob))
    for r in results:
        if r.error is not None:
            continue
        corpus.records_without_text += r.empty
        for a in r.articles:
            items.append(_Item(a, len(items), _date_rank(a)))
        if not r.articles and not r.problems:
            corpus.skipped.append(SkippedFile(r.path, "no article text found in it"))
        else:
            corpus.files_read += 1
    return items


def _score_and_name(
    items: list[_Item], settings: CorpusSettings, corpus: Corpus, relevance_of: RelevanceOf | None
) -> None:
    """Each article's relevance and content id (a repeated text numbered), into `corpus`."""
    arts = [it.article for it in items]
    scores = (
        relevance_of(arts, _relevance)
        if relevance_of is not None
        else [_relevance(a) for a in arts]
    )
    seen_ids: Counter[str] = Counter()
    for it, score in zip(items, scores, strict=True):
        a = it.article
        a.relevance = score
        # a chronology of past years is listed, never analysed (kinds.is_chronology)
        a.low_relevance = a.relevance < settings.relevance_threshold or is_chronology(
            a.paragraphs, a.published.year if a.published else None
        )
        cid = content_id(a.text)
        seen_ids[cid] += 1
        a.article_id = cid if seen_ids[cid] == 1 else f"{cid}-{seen_ids[cid]}"
        corpus.articles.append(a)


def load(
    paths: Sequence[str | Path], settings: CorpusSettings, progress: Callable[[int], None] | None
) -> Corpus:
    """Every file read and cleaned in order (one at a time: a process pool was measured on
    the 2-core box and was no faster), then the corpus-wide steps."""
    results: list[FileResult] = []
    for f in expand_paths(paths):
        results.append(read_one(f, settings))
        if progress:
            progress(1)
    return assemble(results, settings)


def _close_dates(a: Article, b: Article) -> bool:
    """Reposts of one story fall within days of each other; a yearly template does not."""
    if a.published and b.published and a.date_source != "estimate" and b.date_source != "estimate":
        return abs((a.published - b.published).days) <= 14
    return True
