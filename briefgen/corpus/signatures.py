"""A quoted excerpt's signature: the line "Jane Doe, The Washington Post" under a quotation.

News roundups (AllSides' "The Flip Side" items) quote excerpts from several outlets, each
followed by a line naming the writer and the outlet of the excerpt.  The line has a
byline's shape, yet it is the speaker of the quotation above it: dropped, the quotation
loses its speaker.  So the cleaning keeps such a line, as its own paragraph in one form,
"— Jane Doe, The Washington Post" (`signature_line`), when it directly follows a paragraph
wholly in quotation marks, and the quote extraction (nlp/excerpts.py) reads it back
(`read_signature`) to give the excerpt to that writer.  A byline at an article's head or
foot stays out of the text: a line at the head follows no quotation; one at the foot, or
one naming the article's own author, counts only when the article has other signatures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.corpus.paragraphs import norm_key, words
from briefgen.knowledge.outlets import load_outlets

# A writer's name: two to five capitalised words, a particle among them ("Isaac Stone
# Fish", "Ian de Souza"); one word is too little to tell a name from a heading.
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|der|da|del|al|bin|le|la)){1,4}"
# Several writers: "Nahal Toosi, Anita Kumar, Wesley Morgan and Victoria Guida".
_NAMES_RE = re.compile(
    rf"(?!(?:By|Opinion|Written|Reporting|Editing|Contributing|Photo|Source|Credit)\b)"
    rf"{_NAME}(?:(?:,\s+|,?\s+(?:and|&)\s+){_NAME}){{0,5}}"
)
# The outlet: up to six words, the first capitalised ("The Atlantic", "Chicago Tribune").
_OUTLET_RE = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w'’.&\-]*(?:\s+(?:[A-Z][\w'’.&\-]*|of|on|for|&)){0,5}"
)
_DASH_RE = re.compile(r"^(?:—|–|--?)\s*")
OPENING = "“\"‘'"  # the marks an excerpt's paragraphs open with
_CLOSING = "”\"’'"
# The longest line read as a signature, in words.
_MAX_WORDS = 24
# How the kept line starts: an em dash, as a signature under a quotation is printed.
_LEAD = "— "


def _parts(line: str) -> tuple[str, str] | None:
    """(writers, outlet) of a line "Name[, Name and Name], Outlet", a dash before it or not."""
    s = _DASH_RE.sub("", " ".join(line.split()))
    if "," not in s or words(s) > _MAX_WORDS:
        return None
    names, outlet = (p.strip() for p in s.rsplit(",", 1))
    if _NAMES_RE.fullmatch(names) and _OUTLET_RE.fullmatch(outlet):
        return names, outlet
    return None


def signature_line(names: str, outlet: str) -> str:
    """The one form the cleaned text keeps a signature in."""
    return f"{_LEAD}{names}, {outlet}"


def read_signature(paragraph: str) -> tuple[str, str] | None:
    """(writers, outlet) of a paragraph the cleaning kept as a signature, else None."""
    if not paragraph.startswith(_LEAD):
        return None
    return _parts(paragraph)


def _quoted(p: str) -> bool:
    """A paragraph wholly in quotation marks: an excerpt (its marks may hold others)."""
    s = p.strip()
    return len(s) > 2 and s[0] in OPENING and s[-1] in _CLOSING


def excerpt_signatures(body: Sequence[str], authors: frozenset[str]) -> dict[int, str]:
    """{index in `body`: the kept line} for each signature under a quoted excerpt.

    A line whose outlet outlets.yaml knows counts at once; one naming an unknown outlet
    ("Editorial Board, Chicago Tribune"), the article's own author, or standing last
    (where a foot byline stands) counts only in an article with another signature."""
    outlets = load_outlets()
    last = max((i for i, p in enumerate(body) if p.strip()), default=-1)
    sure: dict[int, str] = {}
    maybe: dict[int, str] = {}
    for i in range(1, len(body)):
        parts = _parts(body[i]) if _quoted(body[i - 1]) else None
        if parts is None:
            continue
        names, outlet = parts
        line = signature_line(names, outlet)
        known = outlets.lookup(outlet) is not None
        if known and i != last and norm_key(names) not in authors:
            sure[i] = line
        else:
            maybe[i] = line
    return {**sure, **maybe} if sure else {}
