"""Hypothesis strategies for hostile article files, and the checks a case must pass.

Shared by tests/test_fuzz.py (a short run in CI) and benchmarks/fuzz.py (10,000 cases).
A case is one file in one input format: generated text with quotation marks of every
kind (unbalanced, nested), giant paragraphs, odd Unicode, or a real article mutated by
truncation, byte flips, inserted marks and joined paragraphs.  It is driven through the
library as the commands drive it: `articles` (read through the store), `quotes` (parse
and attribution), and for some cases `build` (the whole brief, HTML and PDF).

A case fails when anything but a one-line BriefgenError escapes, when an invariant
breaks (a quotation's offsets, output that cannot be printed as UTF-8), or when it takes
longer than its time budget.
"""

from __future__ import annotations

import json
import random
import signal
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

WORDS = [
    "North",
    "Korea",
    "South",
    "Seoul",
    "Pyongyang",
    "Kim",
    "Jong",
    "Un",
    "Moon",
    "Jae-in",
    "Trump",
    "Tillerson",
    "Xi",
    "Jinping",
    "Kono",
    "Lavrov",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "said",
    "says",
    "told",
    "warned",
    "added",
    "urged",
    "according",
    "minister",
    "spokesman",
    "official",
    "officials",
    "ministry",
    "foreign",
    "defense",
    "missile",
    "nuclear",
    "test",
    "sanctions",
    "talks",
    "dialogue",
    "denuclearization",
    "launch",
    "launched",
    "Tuesday",
    "Monday",
    "Dec.",
    "12",
    "2017",
    "1950",
    "9999",
    "0",
    "he",
    "she",
    "they",
    "it",
    "we",
    "will",
    "would",
    "not",
    "never",
    "must",
    "peace",
    "war",
    "United",
    "Nations",
    "UN",
    "Security",
    "Council",
    "China",
    "Japan",
    "Russia",
    "U.S.",
    "KCNA",
    "Yonhap",
    "Reuters",
    "(AP)",
    "--",
    "SEOUL,",
    "PYONGYANG,",
]
# Every quotation mark a news text may hold, paired or not.
MARKS = [
    '"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』",
    "〝", "〞", "＂", "`", "´", "″", "“ ", " ”", "''", "``",
]  # fmt: skip
# Characters that break naive code: zero-width, direction marks, combining marks, line
# and paragraph separators, controls, astral and private-use characters, markup, entities.
ODD = [
    "\u200b", "\u200e", "\u202e", "\ufeff", "\u0301", "\u00a0", "\u2028", "\u2029", "\x00",
    "\x0b", "\x0c", "\x1b", "\x85", "\r", "\r\n", "\t", "\ud7ff", "\ue000", "\U0010fffd",
    "😀", "👨‍👩‍👧", "북한", "中国", "ﷺ", "…", "—", "–", "&amp;", "&#x27;", "&quot;", "<b>",
    "</p>", "<div>", "<!--", "]]>", "${x}", "{{ x }}", "{% if %}", "\\", "%s", "\n", "\n\n",
]  # fmt: skip


# -- text ----------------------------------------------------------------------------------


@st.composite
def paragraph(draw: st.DrawFn, max_tokens: int = 120) -> str:
    """Words, quotation marks and odd characters, with spaces mostly where text has them."""
    n = draw(st.integers(0, max_tokens))
    pool = st.one_of(
        st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(ODD)
    )
    toks = draw(st.lists(pool, min_size=n, max_size=n))
    joins = draw(st.lists(st.sampled_from([" ", " ", " ", "", ", ", ". "]), min_size=n, max_size=n))
    return "".join(t + j for t, j in zip(toks, joins, strict=True))


@st.composite
def quoted_paragraph(draw: st.DrawFn) -> str:
    """News-like quotation: marks opened and closed, or not, nested in each other."""
    opener, closer = draw(
        st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("“", '"')])
    )
    inner = draw(st.sampled_from(["", "‘inner’", "“nested”", "'single", "«"]))
    speaker = draw(
        st.sampled_from(["Kim said", "said the official", "Tillerson told reporters", ""])
    )
    body = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25)))
    close = draw(st.sampled_from([closer, closer, "", closer + closer, opener]))
    return f"{opener}{body} {inner}{close}, {speaker}."


@st.composite
def unclosed_marks(draw: st.DrawFn, max_marks: int = 3000) -> str:
    """One long paragraph of marks that never close (the issue's hang)."""
    mark = draw(st.sampled_from(["“", '"', "«", "„", "‘", "「"]))
    n = draw(st.integers(1, max_marks))
    word = draw(st.sampled_from(["said", "Kim", "talks", "the", "no"]))
    return " ".join(f"{mark}{word}" for _ in range(n))


def _bulk(rnd: random.Random, n_words: int, marks: float = 0.0, odd: float = 0.0) -> str:
    """A long run of words with some marks and odd characters, from one drawn Random
    (drawing each word through Hypothesis would overrun its buffer)."""
    out = []
    for _ in range(n_words):
        r = rnd.random()
        out.append(
            rnd.choice(MARKS)
            if r < marks
            else rnd.choice(ODD)
            if r < marks + odd
            else rnd.choice(WORDS)
        )
    return " ".join(out)


@st.composite
def article_text(draw: st.DrawFn, giant: int = 20_000) -> str:
    """Paragraphs of generated text; sometimes a giant paragraph or a wall of unclosed marks."""
    parts = draw(
        st.lists(
            st.one_of(paragraph(), quoted_paragraph(), quoted_paragraph()), min_size=0, max_size=12
        )
    )
    extra = draw(st.sampled_from(["none", "none", "giant", "unclosed", "noparas"]))
    rnd = draw(st.randoms(use_true_random=False))
    if extra == "giant":
        size = draw(st.integers(giant // 10, giant))
        parts.append(_bulk(rnd, size // 6, marks=draw(st.sampled_from([0, 0.01, 0.2])), odd=0.01))
    elif extra == "unclosed":
        parts.append(draw(unclosed_marks(max_marks=giant // 7)))
    sep = draw(st.sampled_from(["\n\n", "\n\n", "\n", "\r\n\r\n", "\n \n", "\u2029"]))
    text = sep.join(parts)
    return text.replace("\n", " ") if extra == "noparas" else text


# -- real articles, mutated ----------------------------------------------------------------


def real_articles(extra: list[Path] | None = None) -> list[str]:
    """The seeds' article texts (in the repository), plus any given files."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for p in extra or []:
        try:
            texts.append(p.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return texts


@st.composite
def mutated(draw: st.DrawFn, texts: list[str], giant: int = 20_000) -> str:
    """A real article after a few mutations of the kinds scrapers and transfers make."""
    text = draw(st.sampled_from(texts))
    rnd = draw(st.randoms(use_true_random=False))
    for op in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        text = op(rnd, text, giant)
    return text


def _truncate(rnd: random.Random, text: str, giant: int) -> str:
    return text[: rnd.randint(0, len(text))]


def _insert(rnd: random.Random, text: str, pool: list[str], n: int) -> str:
    cuts = sorted(rnd.randint(0, len(text)) for _ in range(n))
    out, prev = [], 0
    for c in cuts:
        out += [text[prev:c], rnd.choice(pool)]
        prev = c
    return "".join(out) + text[prev:]


def _insert_marks(rnd: random.Random, text: str, giant: int) -> str:
    return _insert(rnd, text, MARKS, rnd.choice([1, 5, 50, 500, 5000]))


def _insert_odd(rnd: random.Random, text: str, giant: int) -> str:
    return _insert(rnd, text, ODD, rnd.choice([1, 10, 100, 1000]))


def _join_paragraphs(rnd: random.Random, text: str, giant: int) -> str:
    return " ".join(text.split())


def _repeat(rnd: random.Random, text: str, giant: int) -> str:
    paras = text.split("\n\n") or [text]
    p = rnd.choice(paras)
    k = max(1, min(giant // max(1, len(p)), rnd.randint(2, 400)))
    return text + "\n\n" + rnd.choice([" ", "\n\n"]).join([p] * k)


def _unclosed_wall(rnd: random.Random, text: str, giant: int) -> str:
    paras = text.split("\n\n")
    mark, n = rnd.choice(["“", '"', "«", "„", "‘"]), rnd.randint(1, giant // 7)
    paras.insert(rnd.randint(0, len(paras)), " ".join(f"{mark}said" for _ in range(n)))
    return "\n\n".join(paras)


def _swap_quotes(rnd: random.Random, text: str, giant: int) -> str:
    a, b = rnd.choice(MARKS), rnd.choice(MARKS)
    return text.replace("“", a).replace("”", b)


def _giant_paragraph(rnd: random.Random, text: str, giant: int) -> str:
    return text + "\n\n" + _bulk(rnd, rnd.randint(1, giant // 6), marks=rnd.choice([0, 0.05]))


MUTATIONS = [
    _truncate, _insert_marks, _insert_odd, _join_paragraphs, _repeat, _unclosed_wall,
    _swap_quotes, _giant_paragraph,
]  # fmt: skip


# -- files ---------------------------------------------------------------------------------


@dataclass
class Case:
    name: str  # file name with its extension
    data: bytes
    kind: str  # what made it, for the report

    def describe(self) -> str:
        return f"{self.kind} {self.name} ({len(self.data):,} bytes)"


def _encode(draw: st.DrawFn, text: str) -> bytes:
    codec = draw(
        st.sampled_from(
            ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "cp949"]
        )
    )
    return text.encode(
        codec, errors="replace" if codec not in ("utf-8", "utf-8-sig") else "surrogatepass"
    )


def _flip(draw: st.DrawFn, data: bytes) -> bytes:
    """Byte damage: flipped bits, a cut, a stray NUL or BOM."""
    if not data or not draw(st.booleans()):
        return data
    rnd = draw(st.randoms(use_true_random=False))
    b = bytearray(data)
    for _ in range(rnd.choice([1, 2, 8, 64])):
        i = rnd.randrange(len(b))
        b[i] = rnd.choice([0, 0xFF, 0xFE, 0xEF, 0xC3, b[i] ^ 0x80, 0x22, 0x3C])
    if rnd.random() < 0.5:
        b = b[: rnd.randint(0, len(b))]
    return bytes(b)


_YAML_VALUES = [
    "Missile fired", "2017-12-19", "0000-00-00", "2017-13-45", "9999-12-31", "2017", "2017-10",
    "October 2017", "1" * 400, "true", "null", "~", "[a, b]", "{a: 1}", "&a x", "*a", "!!binary aGk=",
    "'unclosed", '"esc \\x00"', "|\n  block\n  text", "- item", "@x", "%TAG", ": colon", "#",
]  # fmt: skip
_YAML_KEYS = [
    "title",
    "date",
    "published_at",
    "source",
    "publisher",
    "author",
    "url",
    "1",
    "true",
    "null",
    "? [k]",
    "title",
]


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 10))):
        lines.append(f"{draw(st.sampled_from(_YAML_KEYS))}: {draw(st.sampled_from(_YAML_VALUES))}")
    if draw(st.integers(0, 5)) == 0:  # an alias bomb
        lines.append('a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]')
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
        lines.append("title: *a8")
    return "\n".join(lines)


def _json_value(draw: st.DrawFn, text: str) -> Any:
    kind = draw(
        st.sampled_from(
            ["text"] * 8 + ["paras"] * 2 + ["obj", "list", "num", "null", "bool", "deep"]
        )
    )
    if kind == "text":
        return text
    if kind == "obj":
        return {"html": text, "n": 1}
    if kind == "list":
        return [{"p": text}]
    if kind == "num":
        return draw(st.sampled_from([0, -1, 10**30, 1.5e308, 1722643200000]))
    if kind == "deep":
        d: Any = text
        for _ in range(draw(st.integers(1, 200))):
            d = [d]
        return d
    if kind == "paras":
        return text.split("\n\n")
    return None if kind == "null" else True


@st.composite
def json_record(draw: st.DrawFn, text: str) -> dict[str, Any]:
    rec: dict[str, Any] = {"text": _json_value(draw, text)}
    for key in draw(
        st.lists(
            st.sampled_from(["title", "date", "source", "url", "authors", "published", "content"]),
            max_size=5,
        )
    ):
        rec[key] = draw(
            st.one_of(
                st.sampled_from(
                    _YAML_VALUES
                    + ["2017-12-19T10:00:00Z", "Tue, 19 Dec 2017 10:00:00 GMT", "\ud800"]
                ),
                st.integers(-(10**20), 10**20),
                st.just([{"name": "Reuters"}]),
                st.just({"x": {"y": [1, 2]}}),
            )
        )
    return rec


@st.composite
def html_page(draw: st.DrawFn, text: str) -> str:
    """Tag soup around the text: unclosed and misnested tags, scripts, comments."""
    tags = [
        "div",
        "p",
        "span",
        "b",
        "article",
        "script",
        "style",
        "nav",
        "figure",
        "a",
        "li",
        "table",
        "td",
    ]
    out = ["<html><head><title>" + draw(st.sampled_from(WORDS)) + "</title></head><body>"]
    for para in text.split("\n\n"):
        t = draw(st.sampled_from(tags))
        close = draw(st.sampled_from([f"</{t}>", f"</{t}>", "", "</div></div>", "<!--"]))
        out.append(
            f"<{t} class='{draw(st.sampled_from(['', 'share', 'caption', 'body']))}'>{para}{close}"
        )
    if draw(st.integers(0, 4)) == 0:
        out.append("<div>" * draw(st.integers(100, 5000)))
    return "".join(out)


@st.composite
def cases(draw: st.DrawFn, texts: list[str], giant: int = 20_000) -> Case:
    """One hostile file, in any input format."""
    source = draw(st.sampled_from(["generated", "mutated", "mutated"]))
    text = draw(article_text(giant)) if source == "generated" else draw(mutated(texts, giant))
    fmt = draw(st.sampled_from(["txt", "txt", "md", "html", "json", "jsonl"]))
    if fmt == "txt":
        data = _encode(draw, text)
    elif fmt == "md":
        data = _encode(
            draw, f"---\n{draw(front_matter())}\n---\n\n# {draw(st.sampled_from(WORDS))}\n\n{text}"
        )
    elif fmt == "html":
        data = _encode(draw, draw(html_page(text)))
    elif fmt == "json":
        recs = [draw(json_record(text)) for _ in range(draw(st.integers(1, 3)))]
        raw = json.dumps(recs, ensure_ascii=draw(st.booleans()))
        if draw(st.integers(0, 19)) == 0:
            raw = "[" * 5000 + raw + "]" * 5000
        data = raw.encode("utf-8", errors="surrogatepass")
    else:
        lines = [json.dumps(draw(json_record(text))) for _ in range(draw(st.integers(1, 3)))]
        if draw(st.booleans()):
            lines.insert(
                draw(st.integers(0, len(lines))),
                draw(st.sampled_from(["{", "[1,", "garbage", '{"text": 1}'])),
            )
        data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    return Case(f"case.{fmt}", _flip(draw, data), f"{source}/{fmt}")


# -- running a case ------------------------------------------------------------------------


class Budget(BaseException):
    """A case ran past its hard limit (the wall-clock alarm).  Not an Exception: the
    pipeline's per-article guards (`except Exception`, so one odd article never stops
    a brief) swallowed the alarm, and a 280 s case was recorded as no hang."""


@contextmanager
def hard_limit(seconds: float) -> Iterator[None]:
    """Raise Budget in this thread after `seconds` of wall time (main thread, Unix)."""

    def ring(signum: int, frame: Any) -> None:
        raise Budget(f"still running after {seconds:.0f} s")

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class Outcome:
    case: str
    seconds: float  # wall
    cpu: float  # this process's CPU time
    steps: list[str] = field(default_factory=list)
    times: dict[str, float] = field(default_factory=dict)  # wall seconds per step
    error: str | None = None  # the one-line BriefgenError a user would see, if any
    failure: str | None = None  # a traceback or broken invariant: a defect


def _settings(work: Path, html_only: bool) -> Any:
    from briefgen.config import Settings

    s = Settings()
    s.cache_dir = work / "cache"
    s.store.workers = 1
    s.brief.output_dir = str(work / "out")
    s.brief.formats = ["html"] if html_only else ["pdf", "html"]
    return s


def _check_printable(rows: Any) -> None:
    """What `--format json` prints must be valid UTF-8 JSON (lone surrogates are not)."""
    json.dumps(rows, ensure_ascii=False, default=str).encode("utf-8")


def run_case(
    paths: list[Path], work: Path, build: bool = False, html_only: bool = True, limit: float = 60.0
) -> Outcome:
    """`articles`, `quotes` and (when asked) `build` on `paths`, as the CLI runs them."""
    from briefgen.errors import BriefgenError
    from briefgen.periods import Period
    from briefgen.pipeline import analyse, read
    from briefgen.progress import Reporter

    settings = _settings(work, html_only)
    out = Outcome(", ".join(p.name for p in paths), 0.0, 0.0)
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        with hard_limit(limit):
            step, t = "articles", time.perf_counter()
            corpus = read(paths, settings, Reporter())
            _check_printable([a.to_dict() for a in corpus.articles])
            for s in corpus.skipped:
                assert "\n" not in s.reason, f"reason on several lines: {s.reason!r}"
            out.steps.append(step)
            out.times[step] = time.perf_counter() - t
            step, t = "quotes", time.perf_counter()
            an = analyse(settings, Period(None, None), Reporter(), paths, keyphrases="none")
            by_id = {a.article_id: a for a in an.articles}
            for q in an.attribution.quotes:
                a = by_id[q.article_id]
                assert a.text[q.start : q.end] == q.text, f"quote offsets broken in {q.quote_id}"
            _check_printable([q.to_dict() for q in an.attribution.quotes])
            out.steps.append(step)
            out.times[step] = time.perf_counter() - t
            if build:
                from briefgen.pipeline import build as build_brief

                step, t = "build", time.perf_counter()
                result = build_brief(
                    settings, date(2017, 12, 20), Period(None, None), Reporter(), paths
                )
                for p in result.paths:
                    assert p.stat().st_size > 0, f"{p} is empty"
                out.steps.append(step)
                out.times[step] = time.perf_counter() - t
    except BriefgenError as e:
        out.error = f"{step}: {e.message}"
        if "\n" in e.message:
            out.failure = f"{step}: error on several lines: {e.message!r}"
    except Budget as e:
        out.failure = f"{step}: hang: {e}"
    except Exception:
        out.failure = f"{step}: " + traceback.format_exc()
    out.seconds = time.perf_counter() - t0
    out.cpu = time.process_time() - c0
    return out
