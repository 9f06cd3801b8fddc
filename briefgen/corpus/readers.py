"""Files -> raw documents, one reader per format.

A RawDoc is what a file says before cleaning: body text (possibly several articles) and
whatever metadata the format carries.  JSON field names are recognised by their usual
spellings, and the user's field_map adds unusual ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.corpus.dates import parse_date_value
from briefgen.corpus.encoding import DecodeError, decode_bytes
from briefgen.corpus.htmltext import extract_page, html_to_text, looks_like_html

TEXT_EXTS = {
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".jsonl",
    ".ndjson",
}

# Usual field names, most specific first.
FIELDS: dict[str, list[str]] = {
    "title": ["title", "headline", "hed", "post_title", "heading", "name", "original_title"],
    "text": [
        "text", "content", "body", "story_text", "content_original", "article", "article_text",
        "full_text", "fulltext", "maintext", "main_text", "content_text", "body_text",
        "story", "html", "content_html", "body_html", "description", "summary",
    ],
    "date": [
        "published_at", "published", "date_published", "datePublished", "publish_date",
        "publishedAt", "pubDate", "pub_date", "date_publish", "publication_date", "date",
        "date_str", "post_date", "created_at", "timestamp", "time", "datetime", "updated_at",
    ],
    "outlet": [
        "outlet", "publisher", "source", "source_name", "site_name", "sitename", "site",
        "media", "newspaper", "publication", "agency", "feed",
    ],
    "url": ["url", "link", "href", "canonical_url", "canonical", "original_link", "permalink", "uri"],
    "byline": ["byline", "authors", "author", "creator", "writer", "by"],
}  # fmt: skip
_ALIASES = {"source": "outlet", "publisher": "outlet", "author": "byline", "authors": "byline",
            "published": "date", "body": "text", "content": "text", "headline": "title", "link": "url"}  # fmt: skip


class ReadError(ValueError):
    """The file cannot be used; the message is the one-line reason shown to the user."""


@dataclass
class RawDoc:
    text: str
    title: str | None = None
    date: Any = None
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    record: int | None = None  # index inside a JSON list / JSONL file
    meta: dict[str, Any] = field(default_factory=dict)


def field_names(field_map: dict[str, str] | None) -> dict[str, list[str]]:
    names = {k: list(v) for k, v in FIELDS.items()}
    for key, value in (field_map or {}).items():
        k = _ALIASES.get(key, key)
        if k in names:
            names[k].insert(0, value)
    return names


def _scalar(v: Any) -> Any:
    """First usable value of lists / {"name": ...} dicts that feeds use."""
    if isinstance(v, list):
        v = next((x for x in v if x not in (None, "", [])), None)
    if isinstance(v, dict):
        v = next(
            (v[k] for k in ("name", "title", "value", "url", "href", "@value") if v.get(k)), None
        )
    return v


def _lookup(rec: dict[str, Any], names: list[str]) -> Any:
    lower = {str(k).lower(): k for k in rec}
    for n in names:
        if "." in n:  # nested path "meta.title"
            cur: Any = rec
            for part in n.split("."):
                cur = cur.get(part) if isinstance(cur, dict) else None
            if cur not in (None, "", []):
                return cur
            continue
        k = lower.get(n.lower())
        if k is not None and rec[k] not in (None, "", []):
            return rec[k]
    return None


def _str(v: Any) -> str | None:
    v = _scalar(v)
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def record_to_doc(rec: dict[str, Any], names: dict[str, list[str]], index: int | None) -> RawDoc:
    text_v = _lookup(rec, names["text"])
    if isinstance(text_v, list):
        text = "\n\n".join(str(x) for x in text_v if isinstance(x, str | int | float))
    else:
        text = str(text_v) if text_v is not None else ""
    if looks_like_html(text):
        text = html_to_text(text)
    byline_v = _lookup(rec, names["byline"])
    byline: str | None
    if isinstance(byline_v, list):
        byline = ", ".join(str(_scalar(x)) for x in byline_v if _scalar(x))
    else:
        byline = _str(byline_v)
    date_v = None
    for n in names["date"]:  # "published: true" in Jekyll front matter is not a date
        v = _scalar(_lookup(rec, [n]))
        if v is not None and parse_date_value(v) is not None:
            date_v = v
            break
    used = {k for k in rec if isinstance(rec[k], str | int | float) and len(str(rec[k])) < 200}
    return RawDoc(
        text=text,
        title=_str(_lookup(rec, names["title"])),
        date=_scalar(date_v),
        outlet=_str(_lookup(rec, names["outlet"])),
        url=_str(_lookup(rec, names["url"])),
        byline=byline,
        record=index,
        meta={
            k: rec[k]
            for k in sorted(used)
            if k.lower() in ("topic", "category", "id", "language", "lang")
        },
    )


def _records(data: Any) -> list[dict[str, Any]]:
    """Article records of a JSON document: a list, a wrapper {"articles": [...]}, or one."""
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)]
    if isinstance(data, dict):
        for key in (
            "articles",
            "items",
            "data",
            "results",
            "docs",
            "documents",
            "posts",
            "entries",
            "records",
        ):
            v = data.get(key)
            if isinstance(v, list) and any(isinstance(r, dict) for r in v):
                return [r for r in v if isinstance(r, dict)]
            if isinstance(v, dict):
                inner = _records(v)
                if inner:
                    return inner
        return [data]
    return []


def read_json(text: str, names: dict[str, list[str]]) -> list[RawDoc]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        where = f"line {e.lineno}, column {e.colno}"
        if e.pos >= len(text.rstrip()) - 1 or e.msg.startswith("Unterminated string"):
            raise ReadError(f"truncated JSON (ends at {where}); re-export the file") from None
        raise ReadError(f"invalid JSON at {where}: {e.msg}") from None
    recs = _records(data)
    if not recs:
        raise ReadError("JSON holds no article objects (expected a list of objects)")
    return [record_to_doc(r, names, i) for i, r in enumerate(recs)]


def read_jsonl(text: str, names: dict[str, list[str]]) -> tuple[list[RawDoc], list[str]]:
    """Records of a JSON-lines file, plus one problem line per bad record."""
    docs: list[RawDoc] = []
    problems: list[str] = []
    for i, line in enumerate(text.splitlines()):
        line = line.strip()
        if not line:
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {i + 1}: invalid or truncated JSON ({e.msg})")
            continue
        if isinstance(rec, dict):
            docs.append(record_to_doc(rec, names, i))
    if not docs and problems:
        raise ReadError(f"no readable JSON lines ({problems[0]})")
    return docs, problems


_FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _front_matter(block: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(block)
        if isinstance(data, dict):
            return data
    except yaml.YAMLError:
        pass
    # tolerant fallback: "key: value" lines, continuation lines appended
    out: dict[str, Any] = {}
    key = None
    for ln in block.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", ln)
        if m:
            key = m[1]
            out[key] = m[2].strip().strip("'\"")
        elif key and ln.strip():
            out[key] = (str(out[key]) + " " + ln.strip()).strip()
    return out


def _markdown_to_text(body: str) -> str:
    body = re.sub(r"^\s*\[ad_\d+\]\s*$|\[ad_\d+\]", "", body, flags=re.MULTILINE)
    if looks_like_html(body):
        body = html_to_text(body)
    body = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", body)  # images
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)  # links -> text
    body = re.sub(r"^#{1,6}\s*", "", body, flags=re.MULTILINE)
    body = re.sub(r"(\*\*|__)(.+?)\1", r"\2", body)
    body = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)", r"\1", body)
    body = re.sub(r"^\s*>\s?", "", body, flags=re.MULTILINE)
    return body


def read_markdown(text: str, names: dict[str, list[str]]) -> RawDoc:
    meta: dict[str, Any] = {}
    body = text
    m = _FRONT_RE.match(text.lstrip("\ufeff"))
    if m:
        meta = _front_matter(m[1])
        body = text[m.end() :]
    doc = record_to_doc({**meta, "text": ""}, names, None) if meta else RawDoc(text="")
    title = doc.title
    if title is None:
        h = re.search(r"^#\s+(.+)$", body, flags=re.MULTILINE)
        if h:
            title = h[1].strip()
    doc.title = title
    doc.text = _markdown_to_text(body)
    return doc


def read_html(text: str) -> RawDoc:
    body, meta = extract_page(text)
    return RawDoc(
        text=body,
        title=meta.get("title"),
        date=meta.get("date"),
        outlet=meta.get("sitename"),
        url=meta.get("url"),
        byline=meta.get("author"),
    )


def read_file(
    path: Path, max_bytes: int, names: dict[str, list[str]]
) -> tuple[list[RawDoc], list[str]]:
    """All raw documents of one file, plus non-fatal problems.  Raises ReadError to skip it."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReadError(f"cannot read ({e.strerror})") from None
    if size == 0:
        raise ReadError("empty file")
    if size > max_bytes:
        raise ReadError(
            f"too large ({size / 1e6:.0f} MB > {max_bytes / 1e6:.0f} MB); raise corpus.max_file_mb to read it"
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read ({e.strerror})") from None
    try:
        text, enc = decode_bytes(data)
    except DecodeError as e:
        raise ReadError(str(e)) from None
    if not text.strip():
        raise ReadError("empty file (only whitespace)")
    ext = path.suffix.lower()
    problems: list[str] = []
    if ext == ".json":
        docs = read_json(text, names)
    elif ext in (".jsonl", ".ndjson"):
        docs, problems = read_jsonl(text, names)
    elif ext in (".md", ".markdown"):
        docs = [read_markdown(text, names)]
    elif ext in (".html", ".htm", ".xhtml") or (ext not in TEXT_EXTS and looks_like_html(text)):
        docs = [read_html(text)]
    else:
        docs = [RawDoc(text=text)]
    for d in docs:
        d.meta.setdefault("encoding", enc)
    return docs, problems
