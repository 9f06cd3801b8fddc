"""Raw article text -> clean body paragraphs plus the header facts found on the way.

`clean_article` runs named steps: undo filters and repair glued text (`repairs`), cut into
paragraphs (`paragraphs`), find where the body starts, read the header zone (title,
byline, masthead, "Published" line, highlights), read the lead (title run-on, byline,
dateline), drop furniture from the body (`kinds`: boilerplate, captions, crossheads), and
trim the tail (related headlines, credits, URLs).  Every rule is general (a pattern of
scraped pages, not one file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from briefgen.corpus.dates import DATELINE_RE, dateline_date, published_line_date
from briefgen.corpus.kinds import (
    LATIN_RE,
    NON_LATIN_RE,
    SLUG_TITLE_RE,
    is_body,
    is_boilerplate,
    is_caption,
    is_crosshead,
    is_nonlatin,
    is_title_like,
)
from briefgen.corpus.outlets import known_outlet, wire_outlet
from briefgen.corpus.paragraphs import (
    BULLET_RE,
    TERMINAL,
    norm_key,
    normalize_text,
    to_paragraphs,
    words,
)
from briefgen.corpus.repairs import repair_text
from briefgen.corpus.signatures import excerpt_signatures
from briefgen.corpus.wordfix import undo_ass_filter

# --- patterns ---------------------------------------------------------------------------

_BYLINE_RE = re.compile(
    r"^(?:By|BY|Written by|Reporter:|Author:)\s+(?P<name>[^\n]{2,80}?)\s*$", re.UNICODE
)
_BYLINE_START_RE = re.compile(
    r"^By\s+(?P<name>[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,3}?)\s+(?=[A-Z][A-Z/]+\b)"
)
_BIO_RE = re.compile(
    r"^[•⦁*\-—–]?\s*[A-Z][\w.'\- ]{2,60} (?:is|was|are) (?:a |an |the )?[\w ,.'-]{0,80}"
    r"(?i:editor|columnist|correspondent|writer|contributor|fellow|professor|director|"
    r"author|analyst|reporter|president|chairman|founder|host|researcher|scholar|chief)\b",
)
_TRAILING_END_RE = re.compile(
    r"\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*)?(?:\(END\)|-0-|\(end\))\s*$|\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$"
)
# "TOKYO —", "SEOUL, South Korea —": a place in capitals and a dash, no agency.
_PLACE_DATELINE_RE = re.compile(
    r"^([A-Z][A-Z.'/]{2,}(?:[ /-][A-Z][A-Z.']+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?)"
    r"\s*(?:—|–|--)\s*(?=[A-Z\"“‘'])"
)
_TRAILING_CREDIT_RE = re.compile(
    r"\s*\((?:[^()]*\b(?:Reporting|Editing|Writing|reporting|editing|writing)\b[^()]*)\)\s*$"
)
# "(CNN) In his...", "Atlanta (CNN) In a...", "(AFP) — The leaders...": agency, no dash needed.
_AGENCY_LEAD_RE = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,3}\s*)?\((?P<agency>[A-Za-z]{2,12})\)\s*(?:—|–|--|-|:)?\s*(?=[A-Z\"“‘])"
)
_QUESTION_HEAD_RE = re.compile(
    r"^(?:What|Why|How|Who|Whom|Whose|When|Where|Which|Is|Are|Was|Were|Does|Do|Did|Will|"
    r"Would|Can|Could|Should|Has|Have|Had)(?:'s|’s)?\b[^.!?\"“”]*\?$"
)
_SPEAKER_WORD_RE = re.compile(r",|\b(?:you|your|I|me|my)\b")
# a picture credit closing a caption-story: "... on 28 December. EPA/JEON HEON-KYUN"
_TRAILING_PHOTOGRAPHER_RE = re.compile(
    r"(?<=[.!?])\s+(?:EPA|AFP|AP|REUTERS|Reuters|Yonhap)/[A-Z][A-Z .'\-]{2,40}$"
)
_TRAILING_URL_RE = re.compile(r"\s*(?:https?://|www\.)\S+\s*$")
_PIPE_META_RE = re.compile(r"^[^|]{0,60}(?:\|[^|]{0,60}){1,6}\|?\s*$")
_NAV_RE = re.compile(r"^[^./>|]{1,30}(?:\s+[/>|»]\s+[^./>|]{1,30}){1,8}$")
_GENERIC_BYLINES = re.compile(
    r"^(?:staff(?: writer| reporter)?|admin(?:istrator)?|editor|web desk|news desk|"
    r"newsroom|unknown|anonymous|guest|wire|wires|agencies|the associated press)$",
    re.IGNORECASE,
)
_VERSION_TAG_RE = re.compile(
    r"^(?:\((?:LEAD|URGENT|UPDATE|UPDATED|CORRECTED|CORRECTION|\d+(?:st|nd|rd|th|ST|ND|RD|TH) LD(?: WRAP)?|"
    r"LD WRAP|WRAP|REPEAT|RECAST)\)\s*)+"
)
# "[News Today] NK fires...", "(News Focus) 1st tribute...": programme and kicker tags
_TITLE_KICKER_RE = re.compile(
    r"^(?:\[[A-Za-z][A-Za-z &'’-]{1,29}\]|\((?:News Focus|News Analysis|Yonhap Interview|Yonhap Feature|"
    r"Interview|Feature|Profile|Analysis|Editorial|Commentary|Explainer)\))\s*(?=\S)"
)
_EDITOR_NOTE_RE = re.compile(
    r"^\s*(?:\((?:ATTN|EDS|EDITORS?(?: NOTE)?|CORRECTS|UPDATES)\b[^)]*\)\s*)+"
)


def _content_words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", s.lower())}


@dataclass
class Cleaned:
    title: str | None
    paragraphs: list[str]
    byline: str | None = None
    outlet: str | None = None  # from a masthead line
    wire: str | None = None  # from a dateline "(Reuters)"
    published: date | None = None
    date_source: str | None = None  # "published-line" | "dateline"
    dateline: str | None = None
    removed: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    # "— Jane Doe, The Atlantic" kept under a quoted excerpt (signatures.py)
    signatures: list[str] = field(default_factory=list)


def clean_byline(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?", "", str(s))
    s = re.sub(r"^(?:By|BY|by)\s+", "", " ".join(s.split())).strip(" ,;|-")
    if not s or _GENERIC_BYLINES.match(s) or len(s) > 120:
        return None
    return s


def clean_title(t: str) -> str:
    """Entities decoded, Markdown marks and wire version tags ("(LEAD)", "(2nd LD)") gone."""
    t = " ".join(normalize_text(t).split())
    t = re.sub(r"^#+\s*", "", t)
    t = re.sub(r"^\*+|\*+$", "", t).strip()
    t = _VERSION_TAG_RE.sub("", t).strip()
    t = _TITLE_KICKER_RE.sub("", t).strip() or t
    t = re.sub(r"^[A-Z][\w&]{1,20}(?: [A-Z][\w&]{1,20})?\|(?=\S)", "", t)  # "Politics|Headline"
    t = re.sub(r"\s*\[(?:Juche)?\d{2,4}(?:\.\d{1,2}){1,2}\.?\]$", "", t)  # KCNA "[2024.11.01.]"
    return t


def _strip_title_from_lead(p: str, title: str) -> tuple[str, bool]:
    """Yonhap/Politico leads carry kicker + title + byline run together; cut up to the title.

    Returns (rest, found).  `rest` is "" when what followed the title was a short dek."""
    tw = re.findall(r"\w+", title)
    if len(tw) < 4:
        return p, False
    rx = re.compile(r"\W+".join(map(re.escape, tw)), re.IGNORECASE)
    m = rx.search(p[: len(title) + 300])
    if not m:
        return p, False
    rest = p[m.end() :].lstrip(" .:|-–—'’\"”")
    if words(rest) < 40 and not DATELINE_RE.match(rest) and not rest.startswith("By "):
        return "", True  # what followed the title was a dek, not the lead
    return rest, True


def _cut_foreign_tail(p: str) -> str:
    """Cut a tail in another script glued to an English paragraph (a Korean tip-line footer)."""
    if p.isascii():
        return p
    m = NON_LATIN_RE.search(p)
    while m:
        tail = p[m.start() :]
        if len(NON_LATIN_RE.findall(tail)) > max(10, len(LATIN_RE.findall(tail))):
            return p[: m.start()].rstrip(" ▷■:-|")
        m = NON_LATIN_RE.search(p, m.end() + 20)
    return p


def _is_headerish(p: str, title: str | None) -> bool:
    return bool(
        published_line_date(p)
        or _BYLINE_RE.match(p)
        or known_outlet(p)
        or is_boilerplate(p)
        or is_caption(p)
        or _NAV_RE.match(p)
        or _PIPE_META_RE.match(p)
        or (title is not None and norm_key(p) == norm_key(title))
        or (is_nonlatin(p) and words(p) <= 5)
    )


@dataclass(frozen=True)
class _Doc:
    """What every step may consult: the repaired text and facts about the whole article."""

    text: str
    authors: frozenset[str]  # comparison keys of the known author names
    latin: bool  # mostly Latin script, so a paragraph in another script is furniture


def clean_article(text: str, title: str | None = None, known_authors: str | None = None) -> Cleaned:
    """Clean one article's raw text.  `title` is the metadata title when the file had one."""
    text, title = _prepare(text, title)
    paras = to_paragraphs(text)
    doc = _Doc(text, _author_keys(known_authors), _is_latin(text))
    res = Cleaned(title=title, paragraphs=[])
    start = _body_start(paras, title)
    body = paras[start:]
    _read_header(paras[:start], res, doc)
    _take_highlights(body, res)
    _read_lead(body, res, doc)
    kept = _drop_furniture(body, res, doc)
    res.paragraphs = _trim_tail(kept, res, doc)
    if res.title:
        res.title = clean_title(res.title)
    return res


def _prepare(text: str, title: str | None) -> tuple[str, str | None]:
    """Normalised, filter-undone and repaired text; the metadata title cleaned (or dropped)."""
    text = normalize_text(text)
    if "bad" in text or "BAD" in text or "Bad" in text:
        ctx = text + "\n" + (title or "")
        text = undo_ass_filter(text, ctx)
        title = undo_ass_filter(title, ctx) if title else title
    if title and SLUG_TITLE_RE.match(title.strip()):
        title = None  # the text's own headline line will do better
    if title:
        title = clean_title(title) or None
    return repair_text(text), title


def _author_keys(known_authors: str | None) -> frozenset[str]:
    authors = {norm_key(a) for a in re.split(r",|\band\b", known_authors or "") if a.strip()}
    if known_authors:
        authors.add(norm_key(known_authors))
    return frozenset(authors)


def _is_latin(text: str) -> bool:
    return text.isascii() or 2 * len(NON_LATIN_RE.findall(text)) < len(text)


# --- 1. the header zone: everything before the first body paragraph (or dateline) ---------


def _body_start(paras: list[str], title: str | None) -> int:
    start = _first_body(paras, title)
    return _plain_header_end(paras, title) if start is None else start


def _first_body(paras: list[str], title: str | None) -> int | None:
    """The first body paragraph or dateline; None when there is no long paragraph at all."""
    have_title = title is not None
    for i, p in enumerate(paras):
        if is_body(p) and not is_caption(p) and not is_boilerplate(p) and not BULLET_RE.match(p):
            return i
        if DATELINE_RE.match(p):
            return i
        # once the title is known, a short sentence ("One day in April 1954, Kim visited
        # Mt Myohyang.") starts the body rather than being a dek
        if (
            have_title
            and words(p) >= 6
            and p.rstrip().endswith((".", "!", "?", ".”", '."', "?”"))
            and not BULLET_RE.match(p)
            and not _is_headerish(p, title)
        ):
            return i
        if not have_title and is_title_like(p) and not _is_headerish(p, title):
            have_title = True
    return None


def _plain_header_end(paras: list[str], title: str | None) -> int:
    """A brief (no long paragraph): the header is only what is plainly header."""
    start = 0
    has_title = title is not None
    while start < len(paras):
        p = paras[start].strip()
        if _is_headerish(p, title):
            start += 1
        elif not has_title and is_title_like(p) and start + 1 < len(paras):
            has_title = True
            start += 1
        else:
            break
    return start


def _read_header(header: list[str], res: Cleaned, doc: _Doc) -> None:
    """Facts from the header zone into `res`; what is not the title is removed."""
    for p in header:
        pl = p.strip()
        if _header_fact(p, res, doc):
            res.removed.append(p)
            continue
        if BULLET_RE.match(pl):
            res.highlights.append(BULLET_RE.sub("", pl))
            continue
        if res.title is None and is_title_like(pl):
            res.title = pl.strip()
            continue
        if res.title is not None and norm_key(pl) == norm_key(res.title):
            continue
        res.removed.append(p)  # kicker, section label, dek


def _header_fact(p: str, res: Cleaned, doc: _Doc) -> bool:
    """True when `p` is a header line to remove: a date, byline, masthead or furniture."""
    pl = p.strip()
    d = published_line_date(pl)
    if d:
        if res.published is None:
            res.published, res.date_source = d, "published-line"
        return True
    bm = _BYLINE_RE.match(pl)
    if bm and words(bm["name"]) <= 10:
        res.byline = res.byline or clean_byline(bm["name"])
        return True
    out = known_outlet(pl)
    if out:
        res.outlet = res.outlet or out
        return True
    if is_boilerplate(pl) or is_caption(pl) or (doc.latin and is_nonlatin(pl)):
        if is_caption(pl):
            res.captions.append(p)
        return True
    if _NAV_RE.match(pl) or _PIPE_META_RE.match(pl):
        return True
    if norm_key(pl) in doc.authors:
        res.byline = res.byline or clean_byline(pl)
        return True
    return False


def _take_highlights(body: list[str], res: Cleaned) -> None:
    """A leading bullet list in the body: highlights, not prose."""
    while body and BULLET_RE.match(body[0]) and len(body) > 1:
        res.highlights.append(BULLET_RE.sub("", body.pop(0)))


# --- 2. the lead: the title run into it, then byline and dateline at its start ------------


def _read_lead(body: list[str], res: Cleaned, doc: _Doc) -> None:
    if body and res.title:
        rest, found = _strip_title_from_lead(body[0], res.title)
        if found:
            if rest:
                body[0] = rest
            else:
                res.removed.append(body.pop(0))
    if body:
        body[0] = _lead_facts(body[0], res, doc).strip()


def _lead_facts(lead: str, res: Cleaned, doc: _Doc) -> str:
    """The lead without its editor's note, byline and dateline, which go into `res`."""
    lead = _EDITOR_NOTE_RE.sub("", lead)
    bm = _BYLINE_START_RE.match(lead)
    if bm:
        res.byline = res.byline or clean_byline(bm["name"])
        lead = lead[bm.end() :]
    pm = _PLACE_DATELINE_RE.match(lead)
    if pm and not DATELINE_RE.match(lead):
        res.dateline = pm[1]
        lead = lead[pm.end() :]
    am = _AGENCY_LEAD_RE.match(lead)
    if am and wire_outlet(am["agency"]) and not DATELINE_RE.match(lead):
        res.dateline = lead[: am.end()].strip()
        res.wire = wire_outlet(am["agency"])
        lead = lead[am.end() :]
    dm = DATELINE_RE.match(lead)
    if dm and dm.end() < 90:
        res.dateline = lead[: dm.end()].strip()
        res.wire = wire_outlet(dm["agency"])
        d = dateline_date(dm["mon"], dm["day"], dm["year"], doc.text)
        if d and res.published is None:
            res.published, res.date_source = d, "dateline"
        lead = lead[dm.end() :]
    return lead


# --- 3. the body: furniture out, repeats folded --------------------------------------------


def _question_heads(body: list[str]) -> set[str]:
    """Reader-question subheads ("What did Trump say about Kim?").

    An article that uses several (or other crossheads) is written in sections; one
    rhetorical question is prose (a question addressing "you", or one of a run of
    questions, is a speech or an argument)."""
    qheads = {
        p.strip()
        for i, p in enumerate(body)
        if 0 < i < len(body) - 1
        and words(p) <= 12
        and _QUESTION_HEAD_RE.match(p.strip())
        and not _SPEAKER_WORD_RE.search(p)
        and not body[i - 1].rstrip().endswith("?")
        and not body[i + 1].rstrip().endswith("?")
    }
    if qheads and len(qheads) + sum(1 for p in body[1:] if is_crosshead(p)) < 2:
        return set()
    return qheads


def _drop_furniture(body: list[str], res: Cleaned, doc: _Doc) -> list[str]:
    """The body paragraphs that are prose, each once; the rest into res.removed/captions.
    A quoted excerpt's signature stays (signatures.py), however often its writer signs."""
    qheads = _question_heads(body)
    signed = excerpt_signatures(body, doc.authors)
    kept: list[str] = []
    seen: set[str] = {norm_key(res.title)} if res.title else set()
    last_caption: set[str] = set()
    since_caption = 99
    for i, p in enumerate(body):
        s = p.strip()
        since_caption += 1
        if not s:
            continue
        if i in signed:
            kept.append(signed[i])
            res.signatures.append(signed[i])
            continue
        key = norm_key(s)
        if not key or key in seen:
            res.removed.append(p)
        elif is_caption(s):
            res.captions.append(s)
            last_caption = _content_words(s)
            since_caption = 0
            res.removed.append(p)
        elif (since_caption <= 2 and _echoes(s, last_caption)) or _is_furniture(
            s, i, len(body), res, doc, qheads, bool(kept)
        ):
            res.removed.append(p)
        else:
            seen.add(key)
            kept.append(s)
    return kept


def _echoes(s: str, caption: set[str]) -> bool:
    """The caption again, reworded or wrapped."""
    if not caption or words(s) > 60:
        return False
    cw = _content_words(s)
    return bool(cw) and len(cw & caption) / len(cw) >= 0.7


def _is_furniture(
    s: str, i: int, n: int, res: Cleaned, doc: _Doc, qheads: set[str], after_prose: bool
) -> bool:
    """A body paragraph that is not prose; a byline found so goes into `res`."""
    if is_boilerplate(s) or known_outlet(s) or (doc.latin and is_nonlatin(s)):
        return True
    if norm_key(s) in doc.authors or (_BYLINE_RE.match(s) and words(s) <= 12):
        bm = _BYLINE_RE.match(s)
        res.byline = res.byline or clean_byline(bm["name"] if bm else s)
        return True
    return bool(
        (published_line_date(s) and words(s) <= 12)
        or (i >= n - 3 and words(s) <= 45 and _BIO_RE.match(s))
        # label ("Urgent:", "ANALYSIS/OPINION:") of a dropped item
        or (words(s) <= 3 and s.endswith(":"))
        or ((is_crosshead(s) or s in qheads) and after_prose)
        or (_NAV_RE.match(s) and words(s) <= 12)
    )


# --- 4. the tail ---------------------------------------------------------------------------


def _trim_tail(kept: list[str], res: Cleaned, doc: _Doc) -> list[str]:
    """Related-story headlines, foreign-script footers, URLs and credits off the end."""
    while (
        len(kept) > 1
        and words(kept[-1]) <= 16
        and not kept[-1].endswith(tuple(TERMINAL))
        and kept[-1] not in res.signatures
    ):
        res.removed.append(kept.pop())
    if kept and doc.latin:
        kept = [_cut_foreign_tail(p) for p in kept]
        kept = [p for p in kept if p]
    if kept:
        kept[-1] = _TRAILING_URL_RE.sub("", kept[-1]).strip()
        kept[-1] = _TRAILING_CREDIT_RE.sub("", _TRAILING_END_RE.sub("", kept[-1])).strip()
        kept[-1] = _TRAILING_PHOTOGRAPHER_RE.sub("", kept[-1]).strip()
        if not kept[-1]:
            kept.pop()
    return [p for p in kept if p]
