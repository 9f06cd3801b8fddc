"""Raw article text -> clean body paragraphs plus the header facts found on the way.

Every rule here is general (a pattern of scraped pages, not one file): hard-wrapped lines
are re-joined; share/comment/newsletter/navigation text, photo captions and credits,
"Read more" lines, bylines, mastheads, "Published" lines and datelines leave the body (the
last four become metadata); HTML entities are decoded; lines repeated inside an article
are folded.
"""

from __future__ import annotations

import html
import re
import statistics
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from briefgen.corpus.dates import DATELINE_RE, dateline_date, published_line_date
from briefgen.corpus.outlets import known_outlet, wire_outlet
from briefgen.corpus.wordfix import undo_ass_filter
from briefgen.knowledge.outlets import load_outlets

# --- patterns ---------------------------------------------------------------------------

# A whole paragraph that is site furniture, not news.
_BOILER_FULL = re.compile(
    r"^(?:share(?: this(?: post| article| story)?)?|share on \w+|tweet|email|print|"
    r"link copied|copy link|copied|source link|source|leave a reply|leave a comment|"
    r"reply|comments?|\d+ comments?|facebook comments|lost (?:your )?password\??|log ?in|"
    r"sign ?in|sign up|subscribe(?: now)?|advertisement:?|ad|sponsored|story continued below|"
    r"more on this\.*|related(?: articles| stories| coverage)?:?|recommended(?: for you)?|"
    r"read more:?|more:|see also:?|also read:?|watch:?|listen|top stories|trending|"
    r"featured|most popular|most read|editor'?s picks?|next article|previous article|"
    r"skip to (?:main )?content|back to top|go back to top\..*|click here.*|"
    r"from news reports|from wire reports|news desk|web desk|\[\w+(?:_\d+)?\]|tt|"
    r"view comments|show comments|add comment|be the first to comment.*|"
    r"slideshow \(\d+ images?\)|photos?|video|audio|image|[\W_]+|-0-|\(end\)|end)$",
    re.IGNORECASE,
)

# A paragraph containing one of these is boilerplate (they never occur in news prose).
# Plain phrases are checked with `in` (fast); patterns only when a key word is present.
_BOILER_PHRASES = (
    "your email address will not be published", "required fields are marked",
    "you may use these html tags", "this site uses akismet", "manage newsletters",
    "delivered to your inbox", "by signing up, you agree", "by signing up you agree",
    "privacy policy", "terms of use", "terms of service", "cookie policy",
    "all rights reserved", "click here for reprint", "reprint permission",
    "media playback is unsupported", "image caption", "toggle caption", "enlarge this image",
    "replay more videos", "vote here", "urgent national poll", "share this article",
    "wire service reports", "a daily summary of global reports", "[pullquote]",
    "lost password", "원문 보기", "share it in the comments", "join the conversation",
    "comments are closed", "have something to add to this story", "https://t.co/",
    "pic.twitter.com/", "a daily roundup of", "see all our recent posts", "recent posts about", "as an interest to stay up",
    "with assistance from", "with assistance by", "to stay up to date on the latest",
    "if you enjoyed this article, we have a proposition", "to get our new app",
    "please upgrade your browser", "was this timeline useful", "thank you for your feedback",
)  # fmt: skip
_BOILER_START = re.compile(
    r"(?:copyright ?©|© ?\d{4}|image copyright|follow \w+ on (?:twitter|facebook)|send tips to|"
    r"write to [\w .'-]+ at \S+@|listen to article|\(?reporting by [^)]*\)?\.?$|"
    r"\([^()]*\b(?:reporting|editing|writing|compiled)\b[^()]*\)\.?$|"
    r"\(?(?:additional reporting|editing|writing) by [^)]*\)?\.?$|contributing:|crawled at:|"
    r"story highlights$|(?:more|read more|related|see also|also read|read|watch)\s*[:：>»]|"
    r"(?:more|related) (?:from|on|about) \w+:|\d+ shares?$|now watch\b|"
    r"\d{1,2}:\d\d ?[ap]\.?m\.?(?: [A-Z]{2,4})?$|[—–-] .{0,80}\(@\w+\) \w+ \d{1,2}, \d{4}$|\(\$?\d+ = [^)]{2,30}\)$|[^.!?]{0,150}\bread more$|"
    r"related (?:stories|articles|coverage|content|links|videos?)\b|[^.!?]{0,120}\b\d{1,2}:\d\d$)",
    re.IGNORECASE,
)
_BOILER_KEYS = (
    "newsletter", "inbox", "notify me", "must watch", "click here", "download the",
    "follow us", "more than", "opinions expressed", "contributed to this", "based in part",
)  # fmt: skip
_BOILER_PATTERNS = re.compile(
    r"sign up for (?:our |the |daily )?[\w ]*newsletters?|subscribe to (?:our|the) [\w ]*newsletter|"
    r"get (?:news|the [\w ]+) from the [\w ]+ in your inbox|notify me of (?:new|follow-up)|"
    r"must watch .* \d\d:\d\d$|click here to\b|download the [\w ]+ app|"
    r"follow us on (?:twitter|facebook|instagram)|this article is more than \d+ \w+ old|"
    r"opinions expressed by (?:columnists|contributors|the author)|"
    r"contributed to this (?:report|article|story)\.?$|this (?:article|story) is based in part on wire",
    re.IGNORECASE,
)


def _boiler_any(s: str) -> bool:
    low = s.lower()
    if any(ph in low for ph in _BOILER_PHRASES) or _BOILER_START.match(s):
        return True
    return any(k in low for k in _BOILER_KEYS) and bool(_BOILER_PATTERNS.search(s))


# Credits that mark a photo caption: "REUTERS/Alex Brandon/Pool", "KCNA via REUTERS",
# "AP Photo", "(Yonhap)", "AP-Yonhap", "Getty Images", "(Korea Herald DB)".
# The agencies are the `credit` forms of briefgen/data/outlets.yaml.
_AGENCY = (
    "(?:"
    + "|".join(
        re.escape(c)
        for c in sorted({*load_outlets().credits(), "Pool"}, key=lambda c: (-len(c), c))
    )
    + ")"
)
# "(Maria Zakharova's Telegram channel)", "(Courtesy of the ministry)": non-agency photo sources
_SOCIAL = r"Telegram|[Cc]hannel|[Cc]ourtesy|[Ss]creen ?shot|[Ss]creen capture|[Cc]aptured|Instagram|Facebook|YouTube"
_CREDIT_RE = re.compile(
    rf"(?:REUTERS/[A-Z][\w.\- ]+|\b\w+ via {_AGENCY}\b|\bAP Photos?\b|\bGetty Images\b|"
    rf"\b{_AGENCY}[-/]{_AGENCY}\b|\bPhoto(?:graph)?(?: by)?:\s|\(Photo\b|\bFILE PHOTO\b|"
    rf"\([\w .'’/-]{{0,30}}\b(?:{_AGENCY}|DB|Photo|photo|File|file|Pool|handout|Handout|{_SOCIAL})\b[\w .:'’/-]{{0,30}}\)\s*$|"
    r"\|\s*(?:AP|AFP|Getty|Reuters)\b)"
)
_CREDIT_HINTS = (
    "REUTERS/", " via ", "Photo", "PHOTO", "Getty", "|", "AP-", "AFP-", "EPA-", "-Yonhap",
    "/Yonhap", "AP/", "AFP/", "EPA/", "Xinhua/", "KCNA/",
)  # fmt: skip
_CAPTION_WORDS = re.compile(
    r"\b(?:photo|image|pictured|picture|file|speaks|shakes hands|attends|poses|looks on|"
    r"waves|gestures|arrives|leaves|inspects|guides|walks|seen|shows|captured|released|"
    r"undated|\((?:left|right|center|centre|top|bottom|L|R|C)\))",
    re.IGNORECASE,
)
# "... on Christmas Day. Dan Molinski/The Wall Street Journal", "| Evan Vucci/AP"
_PHOTOGRAPHER_END_RE = re.compile(
    r"(?:[.!?|:”\"]|Credit\.\.\.)\s+[A-Z][\w'-]+(?: [A-Z][\w.'-]+){1,2}/(?:[A-Z][\w&'-]*\s?){1,5}$"
)
_CREDIT_PAREN_END = re.compile(r"\(([^()]{2,40})\)\s*$")
_BYLINE_RE = re.compile(
    r"^(?:By|BY|Written by|Reporter:|Author:)\s+(?P<name>[^\n]{2,80}?)\s*$", re.UNICODE
)
_BYLINE_START_RE = re.compile(
    r"^By\s+(?P<name>[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,3}?)\s+(?=[A-Z][A-Z/]+\b)"
)
_BULLET_RE = re.compile(r"^\s*(?:[•●▪◦·⦁*]|-(?=\s)|\d+[.)](?=\s))\s*")
_NON_LATIN_RE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_WORD_RE = re.compile(r"[\w’'-]+")
_TERMINAL = ".!?\"”’'…:;)]"
_BIO_RE = re.compile(
    r"^[•⦁*\-—–]?\s*[A-Z][\w.'\- ]{2,60} (?:is|was|are) (?:a |an |the )?[\w ,.'-]{0,80}"
    r"(?i:editor|columnist|correspondent|writer|contributor|fellow|professor|director|"
    r"author|analyst|reporter|president|chairman|founder|host|researcher|scholar|chief)\b",
)
_RUN_ON_RE = re.compile(r"(?<=[a-z0-9%][.!?])(?=[A-Z][a-z](?![\w.]*@))|(?<=[.!?][”\"’])(?=[A-Z“])")
_CREDIT_RUN_ON_RE = re.compile(
    r"(\((?:[^()]{0,30}(?:Yonhap|Reuters|AP|AFP|EPA|KCNA|Xinhua|DB|Photo|photo|Getty|News1|"
    rf"Newsis|Pool|{_SOCIAL})[^()]{{0,20}})\))(?=[A-Z“\"])"
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
# KCNA pages bold the leaders' names and lose the spaces: "ComradeKim Jong Unreceived".
_GLUED_LEADER_RE = re.compile(
    r"(?<=[a-z])(?=Kim (?:Jong Un|Il Sung|Jong Il|Jong Suk|Yo Jong))|"
    r"(?<=Kim Jong Un)(?=[a-z])|(?<=Kim Il Sung)(?=[a-z])|(?<=Kim Jong Il)(?=[a-z])|"
    r"(?<=Kim Jong Suk)(?=[a-z])"
)
_GLUED_HINT_RE = re.compile(r"[a-z]Kim |Kim (?:Jong Un|Il Sung|Jong Il|Jong Suk)[a-z]")
_CREDIT_RUN_ON_HINT_RE = re.compile(r"\)[A-Z“\"]")
_RUN_ON_HINT_RE = re.compile(r"[.!?][”\"’]?[A-Z“]")
_BRACKET_TAG_RE = re.compile(
    r"\[(?:REPORT|ANCHOR|LEAD|SOUNDBITE|INTERVIEW|VIDEO|PHOTO|CLOSING|STANDUP|[A-Z]{3,12} ?[A-Z]{0,12})\]"
)
# The Hill's name hover-cards: "Rex Tillerson Rex Wayne TillersonSteve Schmidt: '...' ... MORE"
_HOVERCARD_RE = re.compile(
    r"\b(?P<last>[A-Z][A-Za-z'-]{1,20})\s(?:\(?[A-Z][\w.'-]*\)?\s){1,5}(?P=last)(?=[A-Z0-9'\"‘“])[^\n]{0,600}?\s?MORE\b"
)
# a day run into a year by a lost ", ": "Dec. 311973" (5 or 6 digits: d or dd, then yyyy)
_GLUED_YEAR_RE = re.compile(
    r"(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)(\.? )([1-9]|[12]\d|3[01])((?:1[5-9]|20)\d\d)\b"
)
# EPA's picture id glued to the headline: "...cruise missilesepaselect epa12616479 People watch"
_EPA_ID_RE = re.compile(r"(?:epaselect\s+)?\bepa\d{6,}\s+")
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


def normalize_text(raw: str) -> str:
    """Entities decoded, odd spaces and invisible characters gone, newlines unified."""
    s = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in s:
        for _ in range(2):  # double-escaped feeds: &amp;quot;
            t = html.unescape(s)
            if t == s:
                break
            s = t
    s = s.replace("\xa0", " ").replace("\u2009", " ").replace("\u202f", " ").replace("\t", " ")
    s = re.sub(r"[\u200b-\u200d\u2060\ufeff\u00ad]", "", s)
    s = s.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n\n\n")
    return s


def words(s: str) -> int:
    """Whitespace word count: cheap, and close enough for the length rules here."""
    return len(s.split())


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    s = s.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.findall(r"\w+", s))


# --- lines -> paragraphs ------------------------------------------------------------------


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped text breaks at, or None when lines are paragraphs."""
    lens = [len(ln.rstrip()) for b in blocks if len(b) > 1 for ln in b[:-1]]
    if len(lens) < 4:
        return None
    lens.sort()
    width = lens[int(len(lens) * 0.9)]
    if width > 110 or width < 20:
        return None
    near = sum(1 for n in lens if n >= 0.55 * width)
    return width if near / len(lens) >= 0.6 else None


def to_paragraphs(text: str) -> list[str]:
    """Split on blank lines; inside a block re-join hard-wrapped lines, keep bullets apart."""
    blocks = [[ln for ln in b.split("\n") if ln.strip()] for b in re.split(r"\n[ \t]*\n", text)]
    blocks = [b for b in blocks if b]
    width = _wrap_width(blocks)
    paras: list[str] = []
    for b in blocks:
        cur: list[str] = []
        for i, ln in enumerate(b):
            s = ln.strip()
            if not cur:
                cur.append(s)
                continue
            prev = b[i - 1].rstrip()
            bullet = bool(_BULLET_RE.match(s)) and not s.startswith("-")
            if bullet:
                join = False
            elif width:
                # a wrapped line ends near the width; a short line ending a sentence ends a paragraph
                join = not (len(prev) < 0.55 * width and prev.endswith((".", "!", "?", "”", '"')))
            else:
                join = not prev.endswith(tuple(_TERMINAL)) and (s[:1].islower() or len(prev) < 40)
            if join:
                cur.append(s)
            else:
                paras.append(" ".join(cur))
                cur = [s]
        if cur:
            paras.append(" ".join(cur))
    out: list[str] = []
    for p in paras:
        p = re.sub(r"(\w)- (\w)", lambda m: m[0] if m[2].isupper() else m[1] + "-" + m[2], p)
        p = re.sub(r"\s+", " ", p).strip()
        if not p:
            continue
        # a sentence broken across a blank line: the first part ends on a word or comma,
        # the rest starts in lower case (short lines ending so are list items; keep them)
        if (
            out
            and words(out[-1]) >= 8
            and (
                (p[:1].islower() and not p.startswith("by ") and _BROKEN_END_RE.search(out[-1]))
                or (p[:1].isalpha() and _DANGLING_END_RE.search(out[-1]))
                # '..., he told CBS News,' then '"I hope..."' (a salutation such as
                # "Dear comrades," is followed by prose, not by a quote)
                or (p[:1] in '"“' and out[-1].endswith(","))
            )
        ):
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out


_BROKEN_END_RE = re.compile(r"(?:[a-z]{2}|,)$")
# no sentence ends on these words: "... and warned that" / "If Russia ..." is one sentence
_DANGLING_END_RE = re.compile(
    r"[a-z,] (?:the|a|an|of|to|by|that|and|or|in|on|for|with|from|at|as|is|was|are|were|"
    r"his|her|their|its|our|who|which|than)$"
)


# --- paragraph kinds ----------------------------------------------------------------------


# Subscription pitches long enough to pass for prose.
_BOILER_LONG = ("if you enjoyed this article,",)


def is_boilerplate(p: str) -> bool:
    s = p.strip()
    if len(s) < 80 and _BOILER_FULL.match(s):
        return True
    if words(s) > 60:
        return any(ph in s.lower() for ph in _BOILER_LONG)
    return _boiler_any(s)


def is_caption(p: str) -> bool:
    """Photo captions and credits: a credit pattern in a short paragraph."""
    s = p.strip()
    n = words(s)
    if n > 90:
        return False
    if re.match(
        r"^(?:FILE PHOTO|File photo|PHOTO|Photo|IMAGE|In this (?:undated )?(?:photo|image|file photo)|"
        r"This (?:undated )?(?:photo|image|picture|file photo)\b)",
        s,
    ):
        return True
    if "/" in s and n <= 60 and _PHOTOGRAPHER_END_RE.search(s):
        return True
    if _credit(s):
        m = _CREDIT_PAREN_END.search(s)
        if m and not re.search(
            r"Yonhap|Reuters|AP|AFP|EPA|KCNA|Xinhua|DB|[Pp]hoto|File|file|Getty|Pool|[Hh]andout|News1|Newsis|"
            + _SOCIAL,
            m[1],
        ):
            return False
        # a sentence that merely ends with "(Reuters)" needs caption words to count
        if m and not re.search(r"DB|[Pp]hoto|Getty|Pool|[Hh]andout", m[1]):
            return n <= 45 or bool(_CAPTION_WORDS.search(s))
        return True
    return False


def _credit(s: str) -> bool:
    """_CREDIT_RE, run only when a cheap test says it could match (it is the hot spot)."""
    if not (s.endswith(")") or any(h in s for h in _CREDIT_HINTS)):
        return False
    return bool(_CREDIT_RE.search(s))


def is_nonlatin(p: str) -> bool:
    if p.isascii() or not _NON_LATIN_RE.search(p):
        return False
    letters = len(_LATIN_RE.findall(p)) + len(_NON_LATIN_RE.findall(p))
    return letters > 0 and len(_NON_LATIN_RE.findall(p)) / letters > 0.5


def is_title_like(p: str) -> bool:
    n = words(p)
    return (
        2 <= n <= 30
        and len(p) <= 250
        and not p.rstrip().endswith((",", ";", ":"))
        and not is_boilerplate(p)
        and not is_nonlatin(p)
        and known_outlet(p) is None
        and not _BULLET_RE.match(p)
        and not _SLUG_TITLE_RE.match(p)
    )


def is_body(p: str) -> bool:
    """A real paragraph of prose: long enough and with sentence punctuation."""
    return words(p) >= 18 and bool(re.search(r"[.!?][\"”’)]?(\s|$)", p))


def is_crosshead(p: str) -> bool:
    """A subheading inside the body ("Sanctions and engagement", "GAZA SITUATION 'DIRE'")."""
    s = p.strip()
    if words(s) > 25:
        return False
    letters = [ch for ch in s if ch.isalpha()]
    caps = len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8
    if caps and words(s) <= 10:
        return True
    # a related-story link in capitals ("REX TILLERSON OUT AS SECRETARY OF STATE, ...")
    if caps and words(s) <= 25 and not re.search(r"[.!?][\"”’']*$", s):
        return True
    return (
        words(s) <= 8
        and not s.endswith(tuple(".!?\"”’',;:)"))
        and not re.search(r"[\"“”]", s)
        and not s[:1].islower()
    )


def _content_words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", s.lower())}


# --- the cleaner --------------------------------------------------------------------------


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


_GENERIC_BYLINES = re.compile(
    r"^(?:staff(?: writer| reporter)?|admin(?:istrator)?|editor|web desk|news desk|"
    r"newsroom|unknown|anonymous|guest|wire|wires|agencies|the associated press)$",
    re.IGNORECASE,
)


def clean_byline(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?", "", str(s))
    s = re.sub(r"^(?:By|BY|by)\s+", "", " ".join(s.split())).strip(" ,;|-")
    if not s or _GENERIC_BYLINES.match(s) or len(s) > 120:
        return None
    return s


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
    m = _NON_LATIN_RE.search(p)
    while m:
        tail = p[m.start() :]
        if len(_NON_LATIN_RE.findall(tail)) > max(10, len(_LATIN_RE.findall(tail))):
            return p[: m.start()].rstrip(" ▷■:-|")
        m = _NON_LATIN_RE.search(p, m.end() + 20)
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
        or (title is not None and _norm(p) == _norm(title))
        or (is_nonlatin(p) and words(p) <= 5)
    )


def clean_article(text: str, title: str | None = None, known_authors: str | None = None) -> Cleaned:
    """Clean one article's raw text.  `title` is the metadata title when the file had one."""
    text = normalize_text(text)
    if "bad" in text or "BAD" in text or "Bad" in text:
        ctx = text + "\n" + (title or "")
        text = undo_ass_filter(text, ctx)
        title = undo_ass_filter(title, ctx) if title else title
    if title and _SLUG_TITLE_RE.match(title.strip()):
        title = None  # the text's own headline line will do better
    if title:
        title = clean_title(title) or None
    # whole-text repairs, each run only when a cheap test says it can apply (speed)
    if "Kim " in text and _GLUED_HINT_RE.search(text):
        text = _GLUED_LEADER_RE.sub(" ", text)
    if _CREDIT_RUN_ON_HINT_RE.search(text):
        text = _CREDIT_RUN_ON_RE.sub(r"\1\n\n", text)
    if _RUN_ON_HINT_RE.search(text):
        text = _RUN_ON_RE.sub("\n\n", text)
    if "MORE" in text:
        text = _HOVERCARD_RE.sub(r"\g<last>", text)
    if _GLUED_YEAR_RE.search(text):
        text = _GLUED_YEAR_RE.sub(r"\1\2\3, \4", text)  # "Jan. 11883 --" -> "Jan. 1, 1883 --"
    if "epa" in text:
        text = _EPA_ID_RE.sub("\n\n", text)
    if "[" in text:
        text = _BRACKET_TAG_RE.sub(" ", text)  # broadcast script tags: [REPORT], [ANCHOR]
    if "----" in text or "■" in text:
        text = re.sub(r"-{4,}|\s*■\s*", "\n\n", text)
    paras = to_paragraphs(text)
    res = Cleaned(title=title, paragraphs=[])
    authors = {_norm(a) for a in re.split(r",|\band\b", known_authors or "") if a.strip()}
    if known_authors:
        authors.add(_norm(known_authors))
    latin_doc = text.isascii() or 2 * len(_NON_LATIN_RE.findall(text)) < len(text)

    # 1. header zone: everything before the first body paragraph (or dateline)
    start = 0
    have_title = title is not None
    for i, p in enumerate(paras):
        if is_body(p) and not is_caption(p) and not is_boilerplate(p) and not _BULLET_RE.match(p):
            start = i
            break
        if DATELINE_RE.match(p):
            start = i
            break
        # once the title is known, a short sentence ("One day in April 1954, Kim visited
        # Mt Myohyang.") starts the body rather than being a dek
        if (
            have_title
            and words(p) >= 6
            and p.rstrip().endswith((".", "!", "?", ".”", '."', "?”"))
            and not _BULLET_RE.match(p)
            and not _is_headerish(p, title)
        ):
            start = i
            break
        if not have_title and is_title_like(p) and not _is_headerish(p, title):
            have_title = True
    else:
        # no long paragraph at all (a brief): the header is only what is plainly header
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
    header, body = paras[:start], paras[start:]
    for p in header:
        pl = p.strip()
        d = published_line_date(pl)
        if d:
            if res.published is None:
                res.published, res.date_source = d, "published-line"
            res.removed.append(p)
            continue
        bm = _BYLINE_RE.match(pl)
        if bm and words(bm["name"]) <= 10:
            res.byline = res.byline or clean_byline(bm["name"])
            res.removed.append(p)
            continue
        out = known_outlet(pl)
        if out:
            res.outlet = res.outlet or out
            res.removed.append(p)
            continue
        if is_boilerplate(pl) or is_caption(pl) or (latin_doc and is_nonlatin(pl)):
            if is_caption(pl):
                res.captions.append(p)
            res.removed.append(p)
            continue
        if _NAV_RE.match(pl) or _PIPE_META_RE.match(pl):
            res.removed.append(p)
            continue
        if _norm(pl) in authors:
            res.byline = res.byline or clean_byline(pl)
            res.removed.append(p)
            continue
        if _BULLET_RE.match(pl):
            res.highlights.append(_BULLET_RE.sub("", pl))
            continue
        if res.title is None and is_title_like(pl):
            res.title = pl.strip()
            continue
        if res.title is not None and _norm(pl) == _norm(res.title):
            continue
        res.removed.append(p)  # kicker, section label, dek
    # leading bullet list in the body: highlights, not prose
    while body and _BULLET_RE.match(body[0]) and len(body) > 1:
        res.highlights.append(_BULLET_RE.sub("", body.pop(0)))

    # 2. title run into the lead, then byline and dateline at the start of the lead
    if body and res.title:
        rest, found = _strip_title_from_lead(body[0], res.title)
        if found:
            if rest:
                body[0] = rest
            else:
                res.removed.append(body.pop(0))
    if body:
        lead = _EDITOR_NOTE_RE.sub("", body[0])
        bm2 = _BYLINE_START_RE.match(lead)
        if bm2:
            res.byline = res.byline or clean_byline(bm2["name"])
            lead = lead[bm2.end() :]
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
            d = dateline_date(dm["mon"], dm["day"], dm["year"], text)
            if d and res.published is None:
                res.published, res.date_source = d, "dateline"
            lead = lead[dm.end() :]
        body[0] = lead.strip()

    # 3. body rules
    # reader-question subheads ("What did Trump say about Kim?"): an article that uses
    # several (or other crossheads) is written in sections; one rhetorical question is prose
    # (a question addressing "you", or one of a run of questions, is a speech or an argument)
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
        qheads = set()
    kept: list[str] = []
    seen: set[str] = set()
    if res.title:
        seen.add(_norm(res.title))
    last_caption: set[str] = set()
    since_caption = 99
    n = len(body)
    for i, p in enumerate(body):
        s = p.strip()
        since_caption += 1
        if not s:
            continue
        key = _norm(s)
        if not key:
            res.removed.append(p)
            continue
        if key in seen:
            res.removed.append(p)
            continue
        if is_caption(s):
            res.captions.append(s)
            last_caption = _content_words(s)
            since_caption = 0
            res.removed.append(p)
            continue
        if since_caption <= 2 and last_caption and words(s) <= 60:
            cw = _content_words(s)
            if cw and len(cw & last_caption) / len(cw) >= 0.7:
                res.removed.append(p)  # the caption again, reworded or wrapped
                continue
        if is_boilerplate(s) or known_outlet(s) or (latin_doc and is_nonlatin(s)):
            res.removed.append(p)
            continue
        if _norm(s) in authors or (_BYLINE_RE.match(s) and words(s) <= 12):
            bm = _BYLINE_RE.match(s)
            res.byline = res.byline or clean_byline(bm["name"] if bm else s)
            res.removed.append(p)
            continue
        if published_line_date(s) and words(s) <= 12:
            res.removed.append(p)
            continue
        if i >= n - 3 and words(s) <= 45 and _BIO_RE.match(s):
            res.removed.append(p)
            continue
        if words(s) <= 3 and s.endswith(":"):
            res.removed.append(p)  # label ("Urgent:", "ANALYSIS/OPINION:") of a dropped item
            continue
        if (is_crosshead(s) or s in qheads) and kept:
            res.removed.append(p)
            continue
        if _NAV_RE.match(s) and words(s) <= 12:
            res.removed.append(p)
            continue
        seen.add(key)
        kept.append(s)
    # related-story headlines left at the very end (no sentence punctuation)
    while len(kept) > 1 and words(kept[-1]) <= 16 and not kept[-1].endswith(tuple(_TERMINAL)):
        res.removed.append(kept.pop())
    if kept and latin_doc:
        kept = [_cut_foreign_tail(p) for p in kept]
        kept = [p for p in kept if p]
    if kept:
        kept[-1] = _TRAILING_URL_RE.sub("", kept[-1]).strip()
        kept[-1] = _TRAILING_CREDIT_RE.sub("", _TRAILING_END_RE.sub("", kept[-1])).strip()
        kept[-1] = _TRAILING_PHOTOGRAPHER_RE.sub("", kept[-1]).strip()
        if not kept[-1]:
            kept.pop()
    res.paragraphs = [p for p in kept if p]
    if res.title:
        res.title = clean_title(res.title)
    return res


_VERSION_TAG_RE = re.compile(
    r"^(?:\((?:LEAD|URGENT|UPDATE|UPDATED|CORRECTED|CORRECTION|\d+(?:st|nd|rd|th|ST|ND|RD|TH) LD(?: WRAP)?|"
    r"LD WRAP|WRAP|REPEAT|RECAST)\)\s*)+"
)
# "[News Today] NK fires...", "(News Focus) 1st tribute...": programme and kicker tags
_TITLE_KICKER_RE = re.compile(
    r"^(?:\[[A-Za-z][A-Za-z &'’-]{1,29}\]|\((?:News Focus|News Analysis|Yonhap Interview|Yonhap Feature|"
    r"Interview|Feature|Profile|Analysis|Editorial|Commentary|Explainer)\))\s*(?=\S)"
)
# a picture agency's keyword slug used as a title: "epaselect SOUTH KOREA NORTH KOREA DEFENSE"
_SLUG_TITLE_RE = re.compile(r"^(?:epaselect\s+)?[A-Z]{2,}(?:\s+[A-Z]{2,}){2,8}$")
_EDITOR_NOTE_RE = re.compile(
    r"^\s*(?:\((?:ATTN|EDS|EDITORS?(?: NOTE)?|CORRECTS|UPDATES)\b[^)]*\)\s*)+"
)


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


def wrap_width_of(text: str) -> int | None:
    """Exposed for tests: the detected hard-wrap column of a text."""
    blocks = [[ln for ln in b.split("\n") if ln.strip()] for b in re.split(r"\n[ \t]*\n", text)]
    return _wrap_width([b for b in blocks if b])


def median_words(paras: list[str]) -> float:
    return statistics.median([words(p) for p in paras]) if paras else 0.0
