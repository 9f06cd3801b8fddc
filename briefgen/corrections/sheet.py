"""A filled-in review sheet (XLSX or CSV) -> entries appended to the corrections file.

The analyst writes in the "correction" cell of a row, in a few words:

    speaker: Joseph Yun; country: USA      fix a quotation (quotation rows)
    drop | pin | ban                       drop a quotation; pin it first among the key
                                           quotes; keep it out of them
    country: KOR | role: ... | kind: expert | name: ... | alias: ...   fix the actor
    merge into: Rex Tillerson              this actor is that one
    merge                                  (actor pairs) the second is the first
    flip | remove | stance: -1             a position (needs a reason)
    drop article | date: 2017-09-18 | outlet: Reuters | relevance: low
    ok                                     looked at, nothing to change

and, when it matters, why in the "reason" cell.  Every row is checked before anything is
written; a bad one stops the import with one line naming the row and the fix.  New
entries go at the end of the file: the analyst's own entries, comments and order are
never rewritten, and a row imported twice is not added twice.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefgen.corrections.schema import (
    CorrectionError,
    Entry,
    check_entry,
    parse_corrections,
    stance_value,
)

HEADER = """\
# The desk's corrections, applied by every `briefgen build` and export.
# One entry per change; each names its article, quotation or actor by content, so it
# survives re-parsing and new versions of an article.  See docs/corrections.md.
"""

_KEYED = re.compile(r"^\s*([A-Za-z][A-Za-z _-]*?)\s*:\s*(.*?)\s*$")
_MERGE_INTO = re.compile(r"^\s*merge\s+(?:into|with)\s*:?\s*(.+?)\s*$", re.I)
_KEYS = {
    "speaker": "speaker",
    "said by": "speaker",
    "country": "country",
    "role": "role",
    "kind": "kind",
    "name": "name",
    "alias": "alias",
    "aka": "alias",
    "stance": "stance",
    "merge into": "merge-into",
    "merge-into": "merge-into",
    "into": "merge-into",
    "reason": "reason",
    "date": "date",
    "outlet": "outlet",
    "relevance": "relevance",
}
_WORDS = {
    "drop": "drop",
    "delete": "drop",
    "not a quote": "drop",
    "drop article": "drop-article",
    "drop-article": "drop-article",
    "flip": "flip",
    "remove": "remove",
    "pin": "pin",
    "ban": "ban",
    "merge": "merge",
    "ok": "ok",
    "fine": "ok",
    "correct": "ok",
    "different": "ok",
    "not the same": "ok",
}
_HELP = (
    "write e.g. `speaker: NAME`, `country: CODE`, `drop`, `flip`, `merge into: NAME` or `ok` "
    "(the header comment of the correction column lists them all)"
)


@dataclass
class ImportResult:
    file: Path
    added: list[Entry] = field(default_factory=list)
    already: int = 0  # rows whose entries the file already had
    rows: int = 0
    filled: int = 0  # rows with something in the correction cell
    ok: int = 0  # rows marked "ok"

    def summary(self) -> str:
        s = f"Appended {len(self.added)} entr{'y' if len(self.added) == 1 else 'ies'} to {self.file}"
        extra = [f"{self.filled} of {self.rows} rows filled in"]
        if self.already:
            extra.append(f"{self.already} already there")
        if self.ok:
            extra.append(f"{self.ok} marked ok")
        return s + f" ({', '.join(extra)})"


def read_sheet(path: Path) -> list[dict[str, Any]]:
    """The rows of a review sheet (.xlsx: the "review" sheet, else the first; .csv)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorrectionError(f"review sheet {path} not found; check the path") from None
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from briefgen.render.sheets import read_rows

        try:
            return read_rows(data, "review")
        except Exception as e:  # openpyxl raises many kinds on a damaged file
            raise CorrectionError(
                f"cannot read {path} as an Excel workbook ({type(e).__name__}); save it again as .xlsx"
            ) from None
    if suffix == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CorrectionError(f"{path} is not UTF-8 text; save the CSV as UTF-8") from None
        return list(csv.DictReader(io.StringIO(text)))
    raise CorrectionError(
        f"{path}: import reads .xlsx or .csv review sheets; save it as one of them"
    )


def _cell(row: Mapping[str, Any], key: str) -> str:
    v = row.get(key)
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return " ".join(str(v).split())


def parse_cell(text: str) -> list[tuple[str, str]]:
    """The parts of a correction cell: [(key, value)], bare words with value ""."""
    out = []
    for part in re.split(r"[;\n]+", text):
        part = part.strip()
        if not part:
            continue
        m = _MERGE_INTO.match(part)
        if m:
            out.append(("merge-into", m.group(1)))
            continue
        m = _KEYED.match(part)
        if m and m.group(1).strip().lower() in _KEYS:
            out.append((_KEYS[m.group(1).strip().lower()], m.group(2)))
            continue
        word = " ".join(part.lower().split()).rstrip(".!")
        if word in _WORDS:
            out.append((_WORDS[word], ""))
            continue
        raise ValueError(f"`{part}` is not a correction")
    return out


def _article(row: Mapping[str, Any]) -> dict[str, str]:
    ref = {}
    for k, col in (("title", "title"), ("url", "url"), ("path", "source_path")):
        v = _cell(row, col)
        if v:
            ref[k] = _portable_path(v) if k == "path" else v
    return ref


def _portable_path(p: str) -> str:
    """A source path that still matches when the corpus folder moves: relative to here
    when inside it, else the file's folder and name."""
    path = Path(p.split("#", 1)[0])
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return "/".join(path.parts[-2:]) if len(path.parts) >= 2 else str(path)


@dataclass
class _Row:
    """One filled-in row being read: what its correction cell asks, the entries so far."""

    row: Mapping[str, Any]
    fields: dict[str, str]  # keyed parts ("speaker: X"), taken as they are used
    words: list[str]  # bare words ("drop", "flip"), "ok" left out
    reason: str
    out: list[dict[str, Any]] = field(default_factory=list)

    def cell(self, key: str) -> str:
        return _cell(self.row, key)

    def entry(self, do: str, **values: Any) -> None:
        e: dict[str, Any] = {"do": do}
        e.update({k: v for k, v in values.items() if v not in (None, "", [])})
        if self.reason:
            e["reason"] = self.reason
        self.out.append(e)


def entries_for_row(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The corrections-file entries one filled-in row asks for (raw, before checking)."""
    text = _cell(row, "correction")
    parts = parse_cell(text)
    item = _cell(row, "item") or "quote"
    fields = {k: v for k, v in parts if v}
    reason = fields.pop("reason", "") or _cell(row, "reason")
    r = _Row(row, fields, [k for k, v in parts if not v and k != "ok"], reason)
    article = _article(row)
    actor = r.cell("actor") or r.cell("speaker")
    # article-level, on any row that names an article
    if "drop-article" in r.words:
        r.entry("drop-article", article=article)
    art_set = {k: r.fields.pop(k) for k in ("date", "outlet", "relevance") if k in r.fields}
    if art_set:
        r.entry("set-article", article=article, **art_set)
    if item == "quote":
        _quote_entries(r, article, actor)
    elif item == "actor":
        _actor_entries(r.entry, actor, r.fields, with_country=True)
    elif item == "actor pair":
        other = r.cell("other_actor")
        if "merge-into" in r.fields:
            r.entry("merge-actors", actor=r.fields.pop("merge-into"), merge=[actor, other])
        elif "merge" in r.words:
            r.entry("merge-actors", actor=actor, merge=[other])
        _actor_entries(r.entry, actor, r.fields, with_country=True)
    elif item in ("position", "country position"):
        _position_entries(r, item, article, actor)
    if r.fields:
        key = next(iter(r.fields)).replace("-", " ")
        raise ValueError(f"`{key}:` does not apply to {_a(item)} row")
    if text and not r.out and not any(k == "ok" for k, _ in parts):
        raise ValueError(f"`{text}` asks nothing of {_a(item)} row")
    return r.out


def _quote_entries(r: _Row, article: dict[str, str], actor: str) -> None:
    """A quotation row: its speaker, country or role; drop, pin, ban; its stance."""
    quote = r.cell("quote")
    q = {"article": article, "quote": quote, "was": r.cell("speaker")}
    fix = {k: r.fields.pop(k) for k in ("speaker", "country", "role") if k in r.fields}
    if fix:
        r.entry("set-quote", **q, **fix)
    for w, do in (("drop", "drop-quote"), ("pin", "pin-quote"), ("ban", "ban-quote")):
        if w in r.words:
            r.entry(do, **q)
    if "stance" in r.fields or "flip" in r.words:
        given = r.fields.pop("stance", None)
        stance = (
            _stance(given) if given is not None else (-1 if r.cell("stance").startswith("+") else 1)
        )
        r.entry(
            "set-position",
            actor=actor,
            issue=r.cell("issue"),
            stance=stance,
            article=article,
            quote=quote,
        )
    _actor_entries(r.entry, actor, r.fields)


def _position_entries(r: _Row, item: str, article: dict[str, str], actor: str) -> None:
    """A position row (an actor's or a country's): flip, remove, or a stance."""
    holder = {"actor": actor} if item == "position" else {"country": r.cell("country")}
    issue = r.cell("issue")
    quote = r.cell("quote")
    # flip and remove are about this week's evidence: scoped to the statement shown
    evidence = {"article": article, "quote": quote} if article and quote else {}
    if "flip" in r.words:
        r.entry("flip-position", **holder, issue=issue, **evidence)
    if "remove" in r.words or "drop" in r.words:
        r.entry("remove-position", **holder, issue=issue, **evidence)
    if "stance" in r.fields:
        r.entry("set-position", **holder, issue=issue, stance=_stance(r.fields.pop("stance")))


def _stance(v: str) -> int:
    try:
        return stance_value(v, "")
    except CorrectionError:
        raise ValueError(f"stance `{v}` must be +1 or -1") from None


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _actor_entries(
    entry: Any, actor: str, fields: dict[str, str], with_country: bool = False
) -> None:
    keys = ("name", "role", "kind", "country") if with_country else ("name", "kind")
    sets = {k: fields.pop(k) for k in keys if k in fields}
    if sets:
        entry("set-actor", actor=actor, **sets)
    if "alias" in fields:
        entry("add-alias", actor=actor, alias=[a.strip() for a in fields.pop("alias").split(",")])
    if "merge-into" in fields and with_country:
        entry("merge-actors", actor=fields.pop("merge-into"), merge=[actor])


def import_rows(
    rows: Sequence[Mapping[str, Any]], sheet_name: str
) -> tuple[list[dict[str, Any]], int, int]:
    """(checked raw entries, rows filled in, rows marked ok); the first bad row raises."""
    raws: list[dict[str, Any]] = []
    filled = ok = 0
    for n, row in enumerate(rows, 2):
        text = _cell(row, "correction")
        if not text:
            continue
        filled += 1
        where = f"{sheet_name} row {n}" + (
            f" ({_cell(row, 'check')})" if _cell(row, "check") else ""
        )
        try:
            made = entries_for_row(row)
        except ValueError as e:
            raise CorrectionError(f"{where}: {e}; {_HELP}") from None
        if not made:
            ok += 1
        for raw in made:
            check_entry(raw, sheet_name, 1, n, at=where)
            raws.append(raw)
    return raws, filled, ok


def _canonical(e: Entry) -> tuple[Any, ...]:
    vals = tuple(sorted((k, repr(v)) for k, v in e.values.items() if k not in ("reason", "by")))
    return (e.do, vals)


def import_sheet(sheet: Path, target: Path, by: str | None = None) -> ImportResult:
    """Append the sheet's corrections to `target` (created when missing)."""
    import yaml

    from briefgen.files import atomic_write

    rows = read_sheet(sheet)
    if rows and "correction" not in rows[0]:
        raise CorrectionError(
            f"{sheet} has no `correction` column; import a sheet written by `briefgen review`"
        )
    raws, filled, ok = import_rows(rows, sheet.name)
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    have = {_canonical(e) for e in parse_corrections(old, str(target))} if old.strip() else set()
    result = ImportResult(file=target, rows=len(rows), filled=filled, ok=ok)
    fresh: list[dict[str, Any]] = []
    for raw in raws:
        if by:
            raw["by"] = by
        key = _canonical(check_entry(raw, str(target), 1, 1))
        if key in have:
            result.already += 1
            continue
        have.add(key)
        fresh.append(raw)
    if not fresh:
        return result
    block = "\n".join(
        yaml.safe_dump([e], sort_keys=False, allow_unicode=True, width=100) for e in fresh
    )
    stamp = f"# from {sheet.name}, {date.today().isoformat()}: {len(fresh)} entr{'y' if len(fresh) == 1 else 'ies'}\n"
    text = old if old.strip() else HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    new = f"{text}\n{stamp}{block}"
    entries = parse_corrections(new, str(target))  # the whole file must still read
    atomic_write(target, new.encode("utf-8"))
    result.added = entries[len(entries) - len(fresh) :]
    return result
