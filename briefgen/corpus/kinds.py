"""What kind of paragraph is this: boilerplate, photo caption, title, body prose, crosshead.

Every rule is a general pattern of scraped pages, not one file.
"""

from __future__ import annotations

import re

from briefgen.corpus.outlets import known_outlet
from briefgen.corpus.paragraphs import BULLET_RE, words
from briefgen.knowledge.outlets import load_outlets

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
SOCIAL = r"Telegram|[Cc]hannel|[Cc]ourtesy|[Ss]creen ?shot|[Ss]creen capture|[Cc]aptured|Instagram|Facebook|YouTube"
_CREDIT_RE = re.compile(
    rf"(?:REUTERS/[A-Z][\w.\- ]+|\b\w+ via {_AGENCY}\b|\bAP Photos?\b|\bGetty Images\b|"
    rf"\b{_AGENCY}[-/]{_AGENCY}\b|\bPhoto(?:graph)?(?: by)?:\s|\(Photo\b|\bFILE PHOTO\b|"
    rf"\([\w .'’/-]{{0,30}}\b(?:{_AGENCY}|DB|Photo|photo|File|file|Pool|handout|Handout|{SOCIAL})\b[\w .:'’/-]{{0,30}}\)\s*$|"
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
NON_LATIN_RE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]")
LATIN_RE = re.compile(r"[A-Za-z]")
# a picture agency's keyword slug used as a title: "epaselect SOUTH KOREA NORTH KOREA DEFENSE"
SLUG_TITLE_RE = re.compile(r"^(?:epaselect\s+)?[A-Z]{2,}(?:\s+[A-Z]{2,}){2,8}$")
# An entry of a dated list: "1950 -- North Korea invades the South."
DATED_ENTRY = r"(?:1[5-9]|20)\d\d ?(?:--|—|–) ?[A-Z\"“‘]"
DATED_ENTRY_RE = re.compile(DATED_ENTRY)
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
            + SOCIAL,
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
    if p.isascii() or not NON_LATIN_RE.search(p):
        return False
    letters = len(LATIN_RE.findall(p)) + len(NON_LATIN_RE.findall(p))
    return letters > 0 and len(NON_LATIN_RE.findall(p)) / letters > 0.5


def is_title_like(p: str) -> bool:
    n = words(p)
    return (
        2 <= n <= 30
        and len(p) <= 250
        and not p.rstrip().endswith((",", ";", ":"))
        and not is_boilerplate(p)
        and not is_nonlatin(p)
        and known_outlet(p) is None
        and not BULLET_RE.match(p)
        and not SLUG_TITLE_RE.match(p)
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


def is_chronology(paragraphs: list[str], year: int | None = None) -> bool:
    """A list of dated entries of past years ("Today in Korean history": "1967 -- ...",
    "2011 -- ..."), none of them of `year` (the article's own): history, no news of the
    period, so its entries must not pass for this week's acts and statements."""
    entries = [p for p in paragraphs if DATED_ENTRY_RE.match(p)]
    if len(entries) < 3 or len(entries) < 0.6 * len(paragraphs):
        return False
    return year is None or not any(p.startswith(str(year)) for p in entries)
