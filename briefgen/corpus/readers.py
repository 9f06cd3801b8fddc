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

from briefgen.corpus import NOTE
from briefgen.corpus.dates import out_of_range, parse_date_value
from briefgen.corpus.encoding import DecodeError, decode_bytes, no_surrogates
from briefgen.corpus.htmltext import extract_page, html_to_text, looks_like_html
from briefgen.knowledge.dates import EARLIEST, LATEST
from briefgen.knowledge.fields import FIELDS, field_role

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
    # What was read differently from what the file says (a field left out, a date
    # refused), one line each: reported, the article kept.
    notes: list[str] = field(default_factory=list)


def field_names(field_map: dict[str, str] | None) -> dict[str, list[str]]:
    names = {k: list(v) for k, v in FIELDS.items()}
    for key, value in (field_map or {}).items():
        k = field_role(key)
        if k is not None:
            names[k].insert(0, value)
    return names


class RecordError(ValueError):
    """One record of a file cannot be used (its text is no text); the others can."""


# JSON nested deeper than this is no article export (and deep enough to exhaust
# recursion in a reader); such a file or line is skipped.
MAX_JSON_DEPTH = 64
# Front matter is a few lines of metadata: larger blocks, or YAML with more aliases than
# this (an "alias bomb" of references to references), are read line by line instead.
MAX_FRONT_MATTER = 64 * 1024
MAX_YAML_ALIASES = 16


def _what(v: Any) -> str:
    """What a JSON value is, for a message: "an object", "a number"."""
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, dict):
        return "an object"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, int | float):
        return "a number"
    return "a " + type(v).__name__


def _scalar(v: Any) -> Any:
    """First usable value of lists / {"name": ...} dicts that feeds use."""
    if isinstance(v, list):
        v = next((x for x in v if x is not None and x != "" and x != []), None)
    if isinstance(v, dict):
        v = next(
            (v[k] for k in ("name", "title", "value", "url", "href", "@value") if v.get(k)), None
        )
    return v


def _lookup_key(rec: dict[str, Any], names: list[str]) -> tuple[str, Any]:
    """(field name, value) of the first field of `names` with a value; ("", None) if none."""
    lower = {str(k).lower(): k for k in rec}
    for n in names:
        if "." in n:  # nested path "meta.title"
            cur: Any = rec
            for part in n.split("."):
                cur = cur.get(part) if isinstance(cur, dict) else None
            if cur is not None and cur != "" and cur != []:
                return n, cur
            continue
        k = lower.get(n.lower())
        if k is not None and rec[k] is not None and rec[k] != "" and rec[k] != []:
            return str(k), rec[k]
    return "", None


def _lookup(rec: dict[str, Any], names: list[str]) -> Any:
    return _lookup_key(rec, names)[1]


def _str(v: Any) -> str | None:
    """A metadata value as text; None for values that are no text (objects, lists of
    objects, true/false), which are never turned into their Python repr."""
    v = _scalar(v)
    if v is None or isinstance(v, bool) or not isinstance(v, str | int | float):
        return None
    s = no_surrogates(str(v)).strip()
    return s or None


def _text_of(key: str, v: Any) -> str:
    """The article text of a record: a string, or a list of paragraph strings."""
    if v is None:
        return ""
    if isinstance(v, str):
        return no_surrogates(v)
    if isinstance(v, list) and v and all(isinstance(x, str) or x is None for x in v):
        return no_surrogates("\n\n".join(x for x in v if x))
    raise RecordError(
        f"its text field '{key}' is {_what(v)}, not text; "
        "point [corpus] field_map text at the field that holds the article"
    )


def record_to_doc(
    rec: dict[str, Any], names: dict[str, list[str]], index: int | None, with_text: bool = True
) -> RawDoc:
    """One record's fields by role.  Raises RecordError when its text is not text; a
    metadata field that is not text is left out, with a note in RawDoc.notes."""
    notes: list[str] = []
    text = ""
    if with_text:
        key, value = _lookup_key(rec, names["text"])
        text = _text_of(key, value)
    if looks_like_html(text):
        text = html_to_text(text)
    fields: dict[str, str | None] = {}
    for role in ("title", "outlet", "url"):
        key, value = _lookup_key(rec, names[role])
        fields[role] = _str(value)
        if value is not None and fields[role] is None and not isinstance(value, bool):
            notes.append(f"its {role} field '{key}' is {_what(value)}, not text; left out")
    byline = _byline(_lookup(rec, names["byline"]))
    date_v = _record_date(rec, names["date"], notes)
    meta = _record_meta(rec)
    return RawDoc(
        text=text,
        title=fields["title"],
        date=date_v,
        outlet=fields["outlet"],
        url=fields["url"],
        byline=byline,
        record=index,
        meta=meta,
        notes=notes,
    )


def _byline(value: Any) -> str | None:
    """A byline field: text, or a list of names joined."""
    if isinstance(value, list):
        parts = [_str(x) for x in value]
        return ", ".join(x for x in parts if x) or None
    return _str(value)


def _record_date(rec: dict[str, Any], names: list[str], notes: list[str]) -> Any:
    """The first date field that parses; a date out of range is noted in `notes`."""
    first_date: tuple[str, Any] | None = None
    for n in names:  # "published: true" in Jekyll front matter is not a date
        key, v = _lookup_key(rec, [n])
        v = _scalar(v)
        if v is None or isinstance(v, bool):
            continue
        if first_date is None:
            first_date = (key, v)
        if parse_date_value(v) is not None:
            return v
    if first_date is not None and out_of_range(first_date[1]):
        shown = str(first_date[1])
        shown = shown if len(shown) <= 30 else shown[:27] + "..."
        notes.append(
            f"its date '{shown}' ({first_date[0]}) is outside {EARLIEST.year}-{LATEST.year}; "
            "the article is dated from its text, or undated"
        )
    return None


def _record_meta(rec: dict[str, Any]) -> dict[str, Any]:
    """The few short scalar fields kept as metadata (topic, category, id, language)."""
    meta: dict[str, Any] = {}
    for k in sorted(rec, key=str):
        v = rec[k]
        keep = str(k).lower() in ("topic", "category", "id", "language", "lang")
        scalar = isinstance(v, str | int | float) and not isinstance(v, bool)
        if keep and scalar and len(str(v)) < 200:
            meta[str(k)] = no_surrogates(v) if isinstance(v, str) else v
    return meta


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


def too_deep(data: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Are lists and objects nested more than `limit` deep?  (No recursion.)"""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        obj, depth = stack.pop()
        if isinstance(obj, dict | list):
            if depth > limit:
                return True
            items = obj.values() if isinstance(obj, dict) else obj
            stack.extend((x, depth + 1) for x in items if isinstance(x, dict | list))
    return False


_DEEP = (
    f"nested more than {MAX_JSON_DEPTH} levels deep; an article export is a list of flat objects"
)


def _json(text: str) -> Any:
    """json.loads that raises ReadError for nesting too deep and numbers too long."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ReadError(f"JSON {_DEEP}") from None
    except json.JSONDecodeError:
        raise
    except ValueError as e:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise ReadError(f"invalid JSON ({str(e).split(';')[0]})") from None
    if too_deep(data):
        raise ReadError(f"JSON {_DEEP}")
    return data


def _docs_of(
    recs: list[dict[str, Any]], names: dict[str, list[str]], where: str, first: int = 0
) -> tuple[list[RawDoc], list[str]]:
    """RawDocs of records; a record whose text is no text is refused with a problem line."""
    docs: list[RawDoc] = []
    problems: list[str] = []
    for i, r in enumerate(recs, start=first):
        label = f"{where} {i + 1}"
        try:
            d = record_to_doc(r, names, i)
        except RecordError as e:
            problems.append(f"{label} skipped: {e}")
            continue
        problems += [NOTE + f"{label}: {n}" for n in d.notes]
        docs.append(d)
    return docs, problems


def read_json(text: str, names: dict[str, list[str]]) -> tuple[list[RawDoc], list[str]]:
    """Records of a JSON document, plus one problem line per record refused or noted."""
    try:
        data = _json(text)
    except json.JSONDecodeError as e:
        where = f"line {e.lineno}, column {e.colno}"
        if e.pos >= len(text.rstrip()) - 1 or e.msg.startswith("Unterminated string"):
            raise ReadError(f"truncated JSON (ends at {where}); re-export the file") from None
        raise ReadError(f"invalid JSON at {where}: {e.msg}") from None
    recs = _records(data)
    if not recs:
        raise ReadError("JSON holds no article objects (expected a list of objects)")
    docs, problems = _docs_of(recs, names, "record")
    if not docs:
        raise ReadError(f"no usable records ({problems[0]})")
    return docs, problems


def read_jsonl(text: str, names: dict[str, list[str]]) -> tuple[list[RawDoc], list[str]]:
    """Records of a JSON-lines file, plus one problem line per bad record."""
    docs: list[RawDoc] = []
    problems: list[str] = []
    for i, line in enumerate(text.splitlines()):
        line = line.strip()
        if not line:
            continue
        try:
            rec = _json(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {i + 1}: invalid or truncated JSON ({e.msg})")
            continue
        except ReadError as e:
            problems.append(f"line {i + 1}: {e}")
            continue
        if isinstance(rec, dict):
            ds, probs = _docs_of([rec], names, "line", first=i)
            docs += ds
            problems += probs
    if not docs and problems:
        raise ReadError(f"no readable JSON lines ({problems[0].removeprefix(NOTE)})")
    return docs, problems


_FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _yaml_loader() -> Any:
    """A safe YAML loader that leaves dates as strings (briefgen reads them itself, and
    `date: 0000-00-00` must not raise) and uses libyaml when it is there."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class FrontMatterLoader(base):
        pass

    FrontMatterLoader.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for ch, resolvers in base.yaml_implicit_resolvers.items()
    }
    return FrontMatterLoader


def _yaml_front(block: str) -> dict[str, Any] | None:
    """The front matter as a dict, or None when it is not plain, small, safe YAML."""
    import yaml

    if len(block) > MAX_FRONT_MATTER:
        return None
    loader = _yaml_loader()
    try:
        aliases = 0
        for event in yaml.parse(block, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_YAML_ALIASES:
                    return None
        data = yaml.load(block, Loader=loader)  # noqa: S506 - a safe loader, see above
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return None
    if not isinstance(data, dict) or too_deep(data, 16):
        return None
    return {str(k): v for k, v in data.items()}


def _front_matter(block: str) -> dict[str, Any]:
    data = _yaml_front(block)
    if data is not None:
        return data
    # tolerant fallback: "key: value" lines, continuation lines appended
    out: dict[str, list[str]] = {}
    key = None
    for ln in block.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", ln)
        if m:
            key = m[1]
            out[key] = [m[2].strip().strip("'\"")]
        elif key and ln.strip():
            out[key].append(ln.strip())
    return {k: " ".join(x for x in v if x) for k, v in out.items()}


def _markdown_to_text(body: str) -> str:
    body = re.sub(r"^\s*\[ad_\d+\]\s*$|\[ad_\d+\]", "", body, flags=re.MULTILINE)
    if looks_like_html(body):
        body = html_to_text(body)
    # a bracket or parenthesis never runs over another opening one: each scan stops at
    # the next "[" or "(", so a text full of unclosed ones stays linear
    body = re.sub(r"!\[[^\[\]]*\]\([^()]*\)", "", body)  # images
    body = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", body)  # links -> text
    body = re.sub(r"^#{1,6}\s*", "", body, flags=re.MULTILINE)
    body = re.sub(r"(\*\*|__)(.+?)\1", r"\2", body)
    body = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)", r"\1", body)
    body = re.sub(r"^\s*>\s?", "", body, flags=re.MULTILINE)
    return body


def read_markdown(text: str, names: dict[str, list[str]]) -> RawDoc:
    """A Markdown file: YAML front matter as metadata, the body as text."""
    meta: dict[str, Any] = {}
    body = text
    m = _FRONT_RE.match(text.lstrip("\ufeff"))
    if m:
        meta = _front_matter(m[1])
        body = text[m.end() :]
    doc = record_to_doc(meta, names, None, with_text=False) if meta else RawDoc(text="")
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
        text=no_surrogates(body),
        title=_str(meta.get("title")),
        date=meta.get("date"),
        outlet=_str(meta.get("sitename")),
        url=_str(meta.get("url")),
        byline=_str(meta.get("author")),
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
        docs, problems = read_json(text, names)
    elif ext in (".jsonl", ".ndjson"):
        docs, problems = read_jsonl(text, names)
    elif ext in (".md", ".markdown"):
        docs = [read_markdown(text, names)]
        problems = [NOTE + n for n in docs[0].notes]
    elif ext in (".html", ".htm", ".xhtml") or (ext not in TEXT_EXTS and looks_like_html(text)):
        docs = [read_html(text)]
    else:
        docs = [RawDoc(text=no_surrogates(text))]
    for d in docs:
        d.meta.setdefault("encoding", enc)
    return docs, problems
