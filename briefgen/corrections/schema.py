"""The corrections file: what an entry may say, read and checked with one-line errors.

A corrections file is a YAML list; each entry names what it does with `do:` and says
which item it means by content (an article's URL, path or title; a quotation's words;
an actor's name), never only by an id that the next parse would change.  The verbs:

    drop-article  set-article                        articles (date, outlet, relevance)
    set-quote     drop-quote                         quotations (speaker, country, role)
    set-actor     add-alias     merge-actors         actors (name, country, role, kind)
    set-position  flip-position remove-position      positions, each with a reason
    pin-quote     ban-quote                          the key quotes
    pin-bottom-line  ban-bottom-line                 the bottom line
    pin-keyphrase ban-keyphrase rename-keyphrase     keyphrases

docs/corrections.md shows each with an example.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from briefgen.errors import BriefgenError
from briefgen.model import ActorKind


class CorrectionError(BriefgenError):
    """A corrections file or an entry in it that cannot be used; the message names the
    entry and the fix."""

    exit_code = 2


@dataclass(frozen=True)
class ArticleRef:
    """How an entry names an article: any of these; together they survive edits to the
    text (the article id is a hash of the text, so it is only a hint)."""

    url: str | None = None
    path: str | None = None
    title: str | None = None
    id: str | None = None

    def describe(self) -> str:
        if self.title:
            t = self.title if len(self.title) <= 60 else self.title[:57] + "…"
            return f"“{t}”"
        return self.url or self.path or self.id or "?"


@dataclass(frozen=True)
class Spec:
    required: tuple[str, ...] = ()
    # at least one of these
    any_of: tuple[str, ...] = ()
    # exactly one of these
    one_of: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    what: str = ""  # one line for errors and docs


_QUOTE = ("article", "quote")
VERBS: dict[str, Spec] = {
    "drop-article": Spec(("article",), what="leave an article out of every brief and export"),
    "set-article": Spec(
        ("article",),
        any_of=("date", "outlet", "relevance"),
        what="set an article's date, outlet or relevance",
    ),
    "set-quote": Spec(
        _QUOTE,
        any_of=("speaker", "country", "role"),
        optional=("was",),
        what="fix who said a quotation, or for which country",
    ),
    "drop-quote": Spec(_QUOTE, optional=("was",), what="drop a quotation that is not one"),
    "pin-quote": Spec(_QUOTE, optional=("was",), what="put a quotation first among the key quotes"),
    "ban-quote": Spec(
        _QUOTE,
        optional=("was",),
        what="keep a quotation out of the key quotes and country sections",
    ),
    "set-actor": Spec(
        ("actor",),
        any_of=("name", "country", "role", "kind"),
        what="set an actor's name, country, role or kind",
    ),
    "add-alias": Spec(
        ("actor", "alias"), what="another name of an actor (speakers under it become the actor)"
    ),
    "merge-actors": Spec(
        ("actor", "merge"), what="the actors named under `merge` are the actor named under `actor`"
    ),
    "set-position": Spec(
        ("issue", "stance", "reason"),
        one_of=("actor", "country"),
        optional=("article", "quote"),
        what="set where an actor or country stands on an issue",
    ),
    "flip-position": Spec(
        ("issue", "reason"),
        one_of=("actor", "country"),
        optional=("article", "quote"),
        what="turn a position to the other side",
    ),
    "remove-position": Spec(
        ("issue", "reason"),
        one_of=("actor", "country"),
        optional=("article", "quote"),
        what="remove a position",
    ),
    "pin-bottom-line": Spec(
        ("article", "text"), what="put a sentence of an article first in the bottom line"
    ),
    "ban-bottom-line": Spec(
        ("text",), optional=("article",), what="keep a sentence out of the bottom line"
    ),
    "pin-keyphrase": Spec(
        ("phrase",),
        optional=("scope",),
        what="put a keyphrase first (scope: corpus or a country code)",
    ),
    "ban-keyphrase": Spec(("phrase",), optional=("scope",), what="never show a keyphrase"),
    "rename-keyphrase": Spec(
        ("phrase", "to"), optional=("scope",), what="show a keyphrase under another wording"
    ),
}
# Every entry may carry these.
COMMON = ("do", "reason", "by")
ACTOR_KINDS: tuple[str, ...] = typing.get_args(ActorKind)
ARTICLE_KEYS = ("url", "path", "title", "id")
_FILE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Entry:
    """One checked entry of a corrections file."""

    do: str
    file: str
    number: int  # 1-based position in its file
    line: int  # 1-based line where it starts
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Where it is, for messages: `corrections.yaml:14`."""
        return f"{Path(self.file).name}:{self.line}"

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    @property
    def reason(self) -> str:
        return str(self.values.get("reason") or "")

    def describe(self) -> str:
        """One short line: what the entry does to what."""
        v = self.values
        parts = [self.do]
        if "quote" in v:
            q = str(v["quote"])
            parts.append(f"“{q if len(q) <= 50 else q[:47] + '…'}”")
        if "article" in v and isinstance(v["article"], ArticleRef):
            parts.append(f"in {v['article'].describe()}")
        for k in ("actor", "country", "issue", "phrase", "text", "merge", "alias"):
            if k in v and not (k == "country" and self.do == "set-quote"):
                val = v[k]
                val = ", ".join(val) if isinstance(val, list) else str(val)
                parts.append(f"{k} {val if len(val) <= 50 else val[:47] + '…'}")
        return " ".join(parts)


@dataclass
class Corrections:
    """The entries of every corrections file, in file order."""

    entries: list[Entry] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)

    def of(self, *verbs: str) -> list[Entry]:
        return [e for e in self.entries if e.do in verbs]


# ----------------------------------------------------------------------------- reading


def load_corrections(paths: Sequence[str | Path]) -> Corrections:
    """Read and check every file; the first bad entry raises CorrectionError (one line)."""
    out = Corrections()
    for p in paths:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CorrectionError(
                f"corrections file {path} not found; create it or fix [corrections] files / --corrections"
            ) from None
        except (OSError, UnicodeDecodeError) as e:
            raise CorrectionError(
                f"cannot read corrections file {path} ({e}); save it as UTF-8 YAML"
            ) from None
        out.entries += parse_corrections(text, str(path))
        out.files.append(str(path))
    return out


def parse_corrections(text: str, where: str = "corrections.yaml") -> list[Entry]:
    """The entries of one file's text, checked."""
    import yaml

    name = Path(where).name
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or "not valid YAML"
        raise CorrectionError(
            f"{name}{at}: {problem}; fix the YAML there (a list of `- do: ...` entries)"
        ) from None
    if data is None:
        return []
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise CorrectionError(
            f"{name}: must be a list of entries, each starting `- do: VERB`; see docs/corrections.md"
        )
    entries = []
    for i, (raw, node) in enumerate(zip(data, root.value, strict=True), 1):
        entries.append(check_entry(raw, name, i, node.start_mark.line + 1))
    return entries


def check_entry(raw: Any, where: str, number: int, line: int, at: str | None = None) -> Entry:
    """One entry, its values normalised (codes upper case, dates as dates, article refs).
    `at` names it in errors (default: file:line: entry N)."""
    at = at or f"{where}:{line}: entry {number}"
    base = at
    if not isinstance(raw, Mapping):
        raise CorrectionError(
            f"{at} is not a mapping; write it as `- do: VERB` followed by its fields"
        )
    do = raw.get("do")
    if do is None:
        raise CorrectionError(f"{at} has no `do:`; start it with `- do: VERB` ({', '.join(VERBS)})")
    do = str(do).strip().lower().replace("_", "-").replace(" ", "-")
    spec = VERBS.get(do)
    if spec is None:
        raise CorrectionError(
            f"{at}: unknown `do: {raw.get('do')}`{_did_you_mean(do, VERBS)}; use one of {', '.join(VERBS)}"
        )
    at = f"{base} ({do})"
    allowed = {*COMMON, *spec.required, *spec.any_of, *spec.one_of, *spec.optional}
    for k in raw:
        if str(k) not in allowed:
            raise CorrectionError(
                f"{at}: unknown field `{k}`{_did_you_mean(str(k), allowed)}; {do} takes {', '.join(sorted(allowed - {'do'}))}"
            )
    for k in spec.required:
        if _blank(raw.get(k)):
            raise CorrectionError(f"{at}: needs `{k}:` ({spec.what})")
    if spec.any_of and all(_blank(raw.get(k)) for k in spec.any_of):
        raise CorrectionError(
            f"{at}: says nothing to set; add one of {', '.join(f'`{k}:`' for k in spec.any_of)}"
        )
    if spec.one_of:
        given = [k for k in spec.one_of if not _blank(raw.get(k))]
        if len(given) != 1:
            raise CorrectionError(
                f"{at}: name the holder with exactly one of {' or '.join(f'`{k}:`' for k in spec.one_of)}"
            )
    if "quote" in raw and "article" not in raw and do.endswith("-position"):
        raise CorrectionError(f"{at}: `quote:` needs the `article:` it is in")
    values: dict[str, Any] = {}
    for k, v in raw.items():
        if _blank(v):
            continue
        values[str(k)] = _value(str(k), v, at, do)
    return Entry(do=do, file=where, number=number, line=line, values=values)


def _blank(v: Any) -> bool:
    return (
        v is None
        or (isinstance(v, str) and not v.strip())
        or (isinstance(v, list | dict) and not v)
    )


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _value(k: str, v: Any, at: str, do: str) -> Any:
    """A field's value, checked and normalised."""
    if k == "do":
        return do
    if k == "article":
        return article_ref(v, at)
    if k == "country" or (k == "scope" and str(v).strip().lower() != "corpus"):
        return country_code(v, at, k)
    if k == "scope":
        return "corpus"
    if k == "date":
        return _date(v, at)
    if k == "relevance":
        return _relevance(v, at)
    if k == "kind":
        kind = str(v).strip().lower()
        kind = "international" if kind == "body" else kind
        if kind not in ACTOR_KINDS:
            raise CorrectionError(
                f"{at}: kind `{v}` is not a kind of actor; use one of {', '.join(ACTOR_KINDS)}"
            )
        return kind
    if k == "issue":
        from briefgen.knowledge.issues import issue_keys

        issue = str(v).strip().lower().replace("-", "_").replace(" ", "_")
        keys = issue_keys()
        if issue not in keys:
            raise CorrectionError(
                f"{at}: issue `{v}` is not tracked{_did_you_mean(issue, keys)}; use one of {', '.join(keys)}"
            )
        return issue
    if k == "stance":
        return stance_value(v, at)
    if k in ("merge", "alias"):
        items = v if isinstance(v, list) else [v]
        if not all(isinstance(x, str | int | float) for x in items):
            raise CorrectionError(f"{at}: `{k}:` takes a name or a list of names")
        return [str(x).strip() for x in items if str(x).strip()]
    if isinstance(v, Mapping | list):
        raise CorrectionError(
            f"{at}: `{k}:` takes one value, not a {'mapping' if isinstance(v, Mapping) else 'list'}"
        )
    text = " ".join(str(v).split())
    if k in ("quote", "text") and len(re.findall(r"\w+", text)) < 2:
        raise CorrectionError(
            f"{at}: `{k}: {text}` is too short to find again; copy at least a few words"
        )
    return text


def article_ref(v: Any, at: str) -> ArticleRef:
    """An article named by a string (URL, file path or title) or by a mapping of them."""
    if isinstance(v, str):
        s = v.strip()
        if re.match(r"^[a-z][a-z0-9+.-]*://", s, re.I):
            return ArticleRef(url=s)
        if s.lower().endswith(_FILE_SUFFIXES) or ("/" in s and " " not in s):
            return ArticleRef(path=s)
        return ArticleRef(title=" ".join(s.split()))
    if isinstance(v, Mapping):
        unknown = [str(k) for k in v if str(k) not in ARTICLE_KEYS]
        if unknown:
            raise CorrectionError(
                f"{at}: `article:` has unknown key `{unknown[0]}`{_did_you_mean(unknown[0], ARTICLE_KEYS)}; use url, path, title (and id)"
            )
        vals = {k: " ".join(str(v[k]).split()) for k in ARTICLE_KEYS if not _blank(v.get(k))}
        if not vals:
            raise CorrectionError(f"{at}: `article:` names no article; give its url, path or title")
        return ArticleRef(**vals)
    raise CorrectionError(
        f"{at}: `article:` takes a URL, a file path, a title, or a mapping of url/path/title"
    )


def country_code(v: Any, at: str, k: str = "country") -> str:
    """An ISO code or body acronym, from a code or a name in countries.yaml."""
    from briefgen.knowledge.countries import country_of, load_countries

    s = " ".join(str(v).split())
    codes = {e.code for e in load_countries()}
    if s.upper() in codes:
        return s.upper()
    found = country_of(s)
    if found:
        return found
    raise CorrectionError(
        f"{at}: {k} `{s}` is not a known country or body{_did_you_mean(s.upper(), codes)}; use a code such as USA, PRK, KOR, CHN, UN"
    )


def _date(v: Any, at: str) -> date:
    if isinstance(v, date):
        return v
    s = str(v).strip()
    if _DATE_RE.match(s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            pass
    raise CorrectionError(f"{at}: date `{s}` is not a day; write it as YYYY-MM-DD")


def _relevance(v: Any, at: str) -> float:
    named = {"low": 0.0, "high": 1.0}
    if isinstance(v, str) and v.strip().lower() in named:
        return named[v.strip().lower()]
    try:
        r = float(v)
    except (TypeError, ValueError):
        r = -1.0
    if not 0.0 <= r <= 1.0:
        raise CorrectionError(f"{at}: relevance `{v}` must be a number from 0 to 1 (or low / high)")
    return r


_PRO = {"+1", "1", "+", "pro", "for", "yes", "support", "supports"}
_CON = {"-1", "-", "con", "against", "no", "oppose", "opposes"}


def stance_value(v: Any, at: str) -> int:
    s = str(v).strip().lower()
    if s in _PRO:
        return 1
    if s in _CON:
        return -1
    raise CorrectionError(
        f"{at}: stance `{v}` must be +1 or -1 (pro or con, as the issue's labels read)"
    )
