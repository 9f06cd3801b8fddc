"""Article text -> sentences the brief may quote verbatim.

Every line of the brief's summaries is a sentence taken from an article, so this
module decides which sentences can stand alone: no captions or boilerplate, no
questions, 8-60 words, not opening on a pronoun or connective whose antecedent is
in the previous sentence ("He also said", "But"), not a fragment of a longer
quotation.  Plain regex splitting keeps it fast, deterministic and model-free;
offsets index into Article.text so quotes can be matched to their sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.knowledge.dates import MONTH_ABBR_RE
from briefgen.model import Article

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "sen", "rep", "gov", "pres", "amb", "prof", "rev", "st", "jr", "sr", "no", "nos",
    "vs", "inc", "corp", "co", "ltd", "dept", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thurs", "fri", "sat", "sun", "approx", "est", "fig", "ft", "mt",
}  # fmt: skip

# A candidate end of sentence: terminal punctuation, optional closing quotes/brackets, space.
_END_RE = re.compile(r"[.!?]+[\"”’'\)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_PARA_SEP_RE = re.compile(r"\n[ \t]*\n")
_WORD_RE = re.compile(r"[\w’'-]+")
_DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?"
    r"\s*(?:\([\w .&-]{1,30}\))?\s*(?:--|[-–—])\s*)"
)
# "Washington -- …", "Seoul, Dec. 28 (Yonhap) — …": a place in title case needs a long dash.
_TITLE_DATELINE_RE = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?"
    r"\s*(?:\([\w .&-]{1,30}\))?\s*(?:--|—|–)\s*"
)
# A byline run into the text ("By Jane Doe | ", "By JANE DOE, Reuters — ").
_BYLINE_RE = re.compile(
    r"^By\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,4})?[|,:—–-]+\s*"
)
# A closing credit to an outlet: ", The Associated Press reports." / ", according to Reuters."
_OUTLET_CREDIT_RE = re.compile(
    r",\s+(?:(?:the\s+)?(?:[A-Z][\w.&]*\s?){1,4}(?:reports|reported|said|says)"
    r"|according to (?:the\s+)?(?:[A-Z][\w.&]*\s?){1,4}|(?:[A-Z][\w.&]*\s?){1,4}reports?)"
    r"\s*\.$"
)
_OUTLET_WORDS = re.compile(
    r"\b(?:Associated Press|AP|Reuters|AFP|Yonhap|KCNA|Kyodo|Xinhua|TASS|CNN|BBC|NPR|Fox|"
    r"USA TODAY|USA Today|Times|Post|Journal|News|Herald|Guardian|Agency|Bloomberg)\b"
)

# Sentences that open like this lean on the previous one for their subject or sense.
_DANGLING = {
    "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their",
    "its", "him", "them", "we", "i", "you", "our", "my", "but", "and", "or", "so",
    "also", "however", "still", "yet", "instead", "then", "moreover", "furthermore",
    "nevertheless", "nonetheless", "such", "both", "there", "here", "thus", "hence",
    "besides", "otherwise", "likewise", "similarly", "indeed", "rather", "though",
    "although", "because", "while", "which", "who", "where", "as", "if", "even",
}  # fmt: skip

_BOILERPLATE_RE = re.compile(
    r"REUTERS/|via REUTERS|AP Photo|Getty Images|FILE PHOTO|\bPhoto(?:graph)?:|\(Photo"
    r"|Click here|[Ss]ign up|[Nn]ewsletter|Story Continued|All rights reserved|[Cc]opyright"
    r"|©|[Ss]ubscribe|Read more|\bMore:|Follow \S+ on|https?://|www\.|\||@\w|Image caption"
    r"|[Cc]ontributed to this report|[Ww]rite to \w|[Ee]mail|\bRELATED\b|Advertisement"
    r"|\bVIDEO\b|Watch:|Listen:|Breaking News|[Rr]eporting by|[Ee]diting by|\bcaption\b"
    # Inline link junk: "Trump Donald John TrumpGOP senators balk … MORE greeted"
    r"|\bMORE\b|[a-z][A-Z]{2,}[a-z]"
    # Round-up furniture, and a headline run into the next story's dateline
    r"|^The following is\b|^Today in\b|\s[A-Z]{3,}(?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(?:\(\w+\)\s*)?--\s",
)
_TRANSCRIPT_RE = re.compile(r"^[A-Z][A-Z.'’ -]{2,40}:\s")
_VAGUE_RE = re.compile(r"\b(?:about|over|against|of|with) (?:it|this|that)\s*[—–,.;:]")
# Photo captions that slipped through cleaning: present-tense poses, "(not pictured)",
# "in this undated photo", a trailing "City, Country, July 6, 2017."
_CAPTION_RE = re.compile(
    r"\bnot pictured\b|\bundated\b|\bphoto(?:graph)? (?:released|taken|provided|distributed)\b"
    r"|\bin this (?:\w+ )?(?:photo|picture|image|file)\b|\bpictured\b|\bposes? for\b"
    r"|\b(?:speaks|gestures|looks on|waves|attends|listens|arrives|reacts|smiles|walks|"
    r"shakes hands|salutes|inspects|guides) "
    r"(?:during|at|as|to|in|with|on|after|before|the|a|his|her)\b|\bdelivers? joint\b"
    rf"|,\s*(?:{MONTH_ABBR_RE})[a-z]*\.?\s+\d{{1,2}},\s+\d{{4}}\.?[\"”]?$"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of one article, whitespace-normalised, with its place in the text."""

    article_id: str
    text: str
    start: int  # offsets into Article.text
    end: int
    index: int  # 0-based position among the article's sentences
    para: int  # 0-based paragraph

    @property
    def words(self) -> int:
        return len(_WORD_RE.findall(self.text))


def _is_abbreviation(chunk: str) -> bool:
    """True when the period ending `chunk` belongs to an abbreviation, not a sentence."""
    m = re.search(r"([\w.]+)\.[\"”’'\)\]]*$", chunk)
    if not m:
        return False
    word = m.group(1)
    if word.lower() in _ABBREV:
        return True
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word))  # U.S, H.R, J, a.m


def split_sentences(article: Article) -> list[Sentence]:
    """All sentences of the article, in order (usable or not)."""
    text = article.text
    out: list[Sentence] = []
    pos = 0
    para = 0
    bounds = [m.start() for m in _PARA_SEP_RE.finditer(text)] + [len(text)]
    for pend in bounds:
        ptext = text[pos:pend]
        start = 0
        for m in _END_RE.finditer(ptext):
            if m.group(0).startswith(".") and _is_abbreviation(ptext[start : m.end()]):
                continue
            _add(out, article.article_id, text, pos + start, pos + m.end(), para)
            start = m.end()
        _add(out, article.article_id, text, pos + start, pend, para)
        para += 1
        sep = _PARA_SEP_RE.match(text, pend)
        pos = sep.end() if sep else pend
    return out


def _add(out: list[Sentence], aid: str, text: str, start: int, end: int, para: int) -> None:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    norm = " ".join(raw.split())
    if norm:
        out.append(Sentence(aid, norm, start + lead, end, len(out), para))


def first_sentence(text: str) -> str:
    """The text up to its first sentence end; a period of an abbreviation ("U.S.", "Mr.")
    ends no sentence."""
    for m in _END_RE.finditer(text):
        if m.group(0).startswith(".") and _is_abbreviation(text[: m.end()]):
            continue
        return text[: m.end()].strip()
    return text.strip()


def strip_dateline(text: str) -> str:
    """'WASHINGTON (Reuters) – The US...', 'Washington -- The US...' -> 'The US...';
    a byline run into the text goes too."""
    for rx in (_BYLINE_RE, _DATELINE_RE, _TITLE_DATELINE_RE):
        m = rx.match(text)
        if m and m.end() < len(text) and text[m.end() :][:1].isupper():
            text = text[m.end() :]
    return text


def strip_credit(text: str) -> str:
    """'…, The Associated Press reports.' -> '….': the outlet is in the citation."""
    m = _OUTLET_CREDIT_RE.search(text)
    if m and _OUTLET_WORDS.search(m.group(0)):
        return text[: m.start()] + "."
    return text


def _quotes_balanced(text: str) -> bool:
    opens, closes = text.count("“"), text.count("”")
    if opens != closes:
        return False
    return text.count('"') % 2 == 0


def usable(text: str, min_words: int = 8, max_words: int = 60) -> bool:
    """Can this sentence stand alone in the brief, verbatim?"""
    t = strip_dateline(text)
    n = len(_WORD_RE.findall(t))
    if n < min_words or n > max_words:
        return False
    if not t[:1].isupper():  # fragments, and sentences that are a quote ("“We will…")
        return False
    if t.rstrip("\"”’' )").endswith("?") or not re.search(r"[.!][\"”’'\)]*$", t):
        return False
    if _BOILERPLATE_RE.search(t) or _CAPTION_RE.search(t):
        return False
    first = re.match(r"[A-Za-z]+", t)
    if first and first.group(0).lower() in _DANGLING:
        return False
    if _TRANSCRIPT_RE.match(t):  # "AMY GOODMAN: We begin today's show…"
        return False
    if _VAGUE_RE.search(t):  # "was not happy about it —": the "it" is elsewhere
        return False
    # "Saying that the water was good, he asked…": a pronoun after an opening phrase
    # with no name in it has its antecedent in an earlier sentence.
    m = re.match(r"([^,]{1,120}),\s+(he|she|they|it|we|his|her|their)\b", t)
    if m and not re.search(r"\s[A-Z]", m.group(1)):
        return False
    # "Now, it looks like…": look past a one-word opener too.
    after = re.match(r"[A-Za-z]+,\s+([A-Za-z]+)", t)
    if after and after.group(1).lower() in _DANGLING:
        return False
    if not _quotes_balanced(t):
        return False
    letters = [c for c in t if c.isalpha()]
    # Headlines in capitals are not sentences.
    return not (letters and sum(c.isupper() for c in letters) > 0.5 * len(letters))


_CONNECTIVE_RE = re.compile(
    r"^(?:Meanwhile|Separately|Elsewhere|In addition|Additionally|Also|Still|Moreover),\s+(?=[A-Z])"
)


def condense(text: str) -> str:
    """The sentence as the brief shows it: dateline and leading connective dropped."""
    t = " ".join(strip_dateline(text).split())
    return _CONNECTIVE_RE.sub("", t, count=1)
