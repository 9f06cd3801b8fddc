"""The judgement from what the country's officials said (book/sections.py's last resort
before "too little basis"): one statement of its own official, in the report's words when
the sentence opens on the country's own move or voice, else "<who> said …".

A statement is no judgement when it names a thing ("what they call war games"), tells
background ("had issued a similar statement"), only reports another country's doings
("North Korea launched a missile, officials said") or comes from a voice the clause does
not name or describe by its country ('It says…' resolved to the Security Council).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from briefgen.book.moves import own_move
from briefgen.book.ownlines import tells_anothers_news
from briefgen.book.sectionctx import BookContext, SectionWeights
from briefgen.book.sharedacts import from_opinion_piece, press_credited
from briefgen.book.summarize import TOP_ROLE_RE, subject_country
from briefgen.book.trend import tied_itself
from briefgen.corpus.relevance import mentions_peninsula
from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.stance_cues import assessment_re, stance_cue_re
from briefgen.knowledge.watch_cues import opinion_url
from briefgen.model import OFFICIAL_KINDS, Actor, Quote, Statement

# A cue that names a thing, not one that states something ("what they call war games").
_NAMING_CUE_RE = re.compile(r"(?:call|dub|describ|term|label)", re.I)
# A reported clause states the official's stance when it has a stance found (issue 10) or
# says what should, will or may be: "China would continue to maintain sanctions".
_STANCE_WORD_RE = re.compile(
    r"\b(?:would|will|should|must|could|can|cannot|may|might|won[’']t|hopes?|wants?|urged?|"
    r"needs?|ready|willing|opposes?|supports?|welcomes?|rejects?)\b",
    re.I,
)
# A reported clause in the past perfect tells background ("had issued a similar statement"),
# unless what was settled still binds ("had settled on a policy that will emphasize…"): the
# reporting verb's backshift of "has settled".
_HAD_DONE_RE = re.compile(r"\bhad\s+(?:not\s+|never\s+|already\s+)?\w+(?:ed|en|wn|ne|un|ght)\b")
_STILL_BINDS_RE = re.compile(r"\b(?:will|would|should|must|wants?|hopes?)\b", re.I)
# A clause that opens on another country ("North Korea may have the capability to deliver
# sarin", Abe said) is the speaker's assessment when it says what may or must be, else
# the other country's news ("North Korea launched a missile, officials said").
_ASSESS_RE = re.compile(
    r"\b(?:may|might|could|would|should|must|cannot|can[’']t|won[’']t|likely|unlikely)\b", re.I
)
# A reported clause that is the speaker's own quotation and cue ('“I hope North Korea will
# not cross the point of no return,” Moon said in response to the launch', credited to
# Yonhap by "…, the South's Yonhap news agency reported"): his words, said directly.
_INNER_QUOTE_RE = re.compile(
    r"^\s*[“\"](?P<words>[^”\"]{8,}?)[,.!?]?[”\"],?\s+"
    r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:said|says|added|told)\b"
)
# Words that join a sentence to the one before: dropped from a judgement's opening.
_JOINER_RE = re.compile(r"^(?:But|And|Yet|Still|However|Meanwhile|Also)\b,?\s+")


def _opens_on_speaker(sentence: str, q: Quote, code: str) -> bool:
    """The sentence opens on the country's voice and its cue ("The Chinese insist that
    they have only limited influence…"): its own line, in the report's words."""
    named = country_matches(sentence[:60])
    cue = (q.cue or "").split()
    if not named or named[0][0] > 4 or named[0][3] != code or not cue:
        return False
    head = " ".join(sentence[named[0][1] :].split()[:5])
    return re.search(rf"\b{re.escape(cue[0])}\b", head) is not None


def own_quotation(q: Quote, a: Actor) -> Quote:
    """A reported clause that holds the speaker's own quotation and cue, read as that
    quotation: the outlet's credit after it ("…, Yonhap reported") made the whole clause
    a mixed quote cued by "reported", whose opening quotation read as another's news."""
    m = _INNER_QUOTE_RE.match(q.text) if q.kind != "direct" else None
    if m is None:
        return q
    names = set(a.name.replace("-", " ").split()) | set(a.name.split())
    if not set(m.group("who").split()) <= names:
        return q  # another speaker's words, passed on
    return replace(q, kind="direct", text=m.group("words"), cue="said")


def cites_for(
    article_ids: Sequence[str], cite: Callable[[str], int | None], own: str | None = None
) -> list[int]:
    """Source numbers, the line's own article first."""
    first = [n for n in [cite(own)] if n is not None] if own else []
    rest = sorted(n for n in (cite(a) for a in article_ids) if n is not None and n not in first)
    return first + rest


def _said_line(q: Quote, a: Actor, words: str, code: str) -> str | None:
    """'Shinzo Abe, Prime Minister, said …': the official's words as the judgement line;
    None when they only pass on another country's news ("Abe said North Korea may have
    the capability…": ownlines.tells_anothers_news)."""
    who = a.name[:1].upper() + a.name[1:]  # "A White House official said…"
    if a.role and a.role.lower() not in a.name.lower():
        who = f"{a.name}, {a.role},"
    end = "" if re.search(r"[.!?][\"”’']*$", words) else "."
    if q.kind == "direct":
        return f"{who} said: “{words}{end}”"
    line = f"{who} said {words}{end}"
    return None if tells_anothers_news(line, code) else line


class QuoteLines:
    """The judgement from one official's statement; mixed into CountrySectionBuilder."""

    ctx: BookContext
    w: SectionWeights
    actors_by_id: Mapping[str, Actor]

    def _from_quotes(self, code: str, tied: bool = True) -> Statement | None:
        """What the country's highest-ranking official said in the period, in the words of
        the report: a country that spoke has a stance to judge even when no sentence
        opens on its own move ("…," Chinese Foreign Minister Wang Yi said).  `tied`: only
        a line that itself names the peninsula's actor, place or issue (trend.tied_itself);
        untied words are the last resort before a position's label."""
        best: tuple[tuple[int, int, int, int, float, int, int], Statement] | None = None
        said: dict[str, int] = {}
        for q in self.ctx.attribution.quotes:
            if q.actor_id:
                said[q.actor_id] = said.get(q.actor_id, 0) + 1
        for q in self.ctx.attribution.quotes:
            a = self.actors_by_id.get(q.actor_id or "")
            line = self._quote_line(q, a, code)
            if line is None or a is None:
                continue
            if tied and not tied_itself(line, self.ctx.pool.official_countries):
                continue  # the judgement's own sentence names the peninsula's actor or issue
            key = (
                int(a.kind != "state-media"),  # the state's officials before its press
                int(mentions_peninsula(q.sentence)),
                int(a.name[:1].isupper()),  # a named voice before one described
                int(bool(q.stances)),  # a stated stance on an issue of the peninsula
                1.0 if a.role and TOP_ROLE_RE.search(a.role) else 0.5,
                said.get(a.actor_id, 0),
                -len(line.split()),
            )
            if best is None or key > best[0]:
                cites = cites_for([q.article_id], self.ctx.cite, q.article_id)
                basis = "" if line == q.sentence.strip() else q.sentence.strip()
                best = (key, Statement(text=line, cites=cites, quote=q, basis=basis))
        return best[1] if best is not None else None

    def _quote_line(self, q: Quote, a: Actor | None, code: str) -> str | None:
        """The judgement line of one statement of an official of the country, or None
        when it is not one: another country's or a joint speaker, an earlier statement, a
        guessed speaker, or only a report of another country's doings."""
        if (
            a is None
            or q.country != code
            or a.country != code
            or a.kind not in OFFICIAL_KINDS
            or q.earlier
            or press_credited(q.sentence)  # a newspaper's words, not its official's
            or self._opinion_words(q)
            or not self._voiced_here(q, a, code)
            or any(m[3] != code for m in country_matches(a.name))
        ):
            return None
        q = own_quotation(q, a)
        sentence = _JOINER_RE.sub("", q.sentence.strip())
        sentence = sentence[:1].upper() + sentence[1:]
        if q.kind != "direct" and (
            _NAMING_CUE_RE.match(q.cue or "")
            or (
                _HAD_DONE_RE.search(q.text)
                and not (_STILL_BINDS_RE.search(q.text) or assessment_re().search(q.text))
            )
        ):
            return None  # "what they call war games", "had issued": no statement of its own
        if q.kind != "direct" and not (
            q.stances
            or _STANCE_WORD_RE.search(q.text)
            or stance_cue_re().match(q.cue or "")
            or assessment_re().search(q.text)
        ):
            return None  # "the KMA said the activity occurred in Kilju": a report, no stance
        doer = subject_country(sentence, self.ctx.pool.official_countries, None, True)
        if q.kind != "direct" and doer is not None and doer != code:
            return None  # "The North's statement came after the Security Council…": its line
        if (
            "\n" not in sentence
            and len(sentence.split()) <= self.w.judgement_max_words
            and (self._own_move_text(sentence, code) or _opens_on_speaker(sentence, q, code))
            and not tells_anothers_news(sentence, code)
        ):
            return sentence
        words = q.text.strip().rstrip(",;: ")
        if not 4 <= len(words.split()) <= self.w.judgement_max_words - 8:
            return None
        opening = country_matches(words[:40])
        if (
            q.kind != "direct"
            and opening
            and opening[0][0] == 0
            and opening[0][3] != code
            and not _ASSESS_RE.search(words)
        ):
            return None  # "North Korea launched a missile, officials said": its news
        return _said_line(q, a, words, code)

    def _voiced_here(self, q: Quote, a: Actor, code: str) -> bool:
        """The speaker is the country's voice in the clause itself: a named official or
        body ("Shinzo Abe", "the Chinese government"), or one the text describes by its
        country or organ ("U.S. officials", "a White House official", "China's foreign
        ministry"), said in the quote's own sentence, not a pronoun resolved to it ('It
        says the sanctions will never force…' resolved to the Security Council)."""
        named = a.name[:1].isupper()
        if not named and not any(m[3] == code for m in country_matches(a.name)):
            return False  # "a defense official": whose, the words do not say
        if q.speaker_confidence >= self.w.judgement_speaker_confidence:
            return True
        if q.speaker_confidence < self.w.described_speaker_confidence:
            return False
        said = re.sub(r"^(?:the|a|an)\s+", "", (q.speaker or a.name).strip(), flags=re.I)
        return bool(said) and said.lower() in q.sentence.lower()

    def _opinion_words(self, q: Quote) -> bool:
        """The words come from an opinion piece: its article is one (an op-ed's address),
        or they were written in an op-ed, editorial, column or blog its sentence or the
        one before names (sharedacts.from_opinion_piece): nobody's official line."""
        cands = self.ctx.pool.by_article.get(q.article_id, [])
        if cands and opinion_url(cands[0].article.url):
            return True
        snippet = q.text.strip()[:50]
        at = next((c.sent.index for c in cands if snippet and snippet in c.sent.text), None)
        before = next((c.sent.text for c in cands if at is not None and c.sent.index == at - 1), "")
        return from_opinion_piece(q.cue, q.sentence, before)

    def _own_move_text(self, text: str, code: str) -> bool:
        return own_move(text, code, self.ctx.pool.official_countries)
