"""One country section, CrisisWatch style: judgement, trend, summary, who said what.

The judgement (the bold line) says the country's main move or stance of the period, in
this order of evidence: the most consequential development (of a known kind) the country
itself made, told by a sentence of its own move; else the best plain sentence of its own
move; else its officials' best-attested stated position, in the sentence that states it.
A sentence of its own move (moves.py) opens on the country, an organ or an official of
it acting in the period: never a sentence about another country, a thing it has ("North
Korea's Internet is offline"), a description, background, a dateline or a label.  The summary adds a few cited sentences about the
country; lines already used elsewhere in the brief are pushed back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from briefgen.book.developments import DevelopmentFinder
from briefgen.book.keyquotes import pick_quotes
from briefgen.book.moves import names_a_thing, own_move, previews
from briefgen.book.questions import contradictions
from briefgen.book.reports import Group, Report, media_led
from briefgen.book.sentfacts import story_day
from briefgen.book.summarize import (
    TOP_ROLE_RE,
    SentenceCandidate,
    SentencePool,
    choose,
    subject_country,
)
from briefgen.book.trend import Move, speaks_for, trend
from briefgen.book.watchlist import reliable_positions
from briefgen.book.writeup import sentence_of
from briefgen.corpus.relevance import mentions_peninsula
from briefgen.knowledge.countries import country_matches, country_name
from briefgen.knowledge.dates import resolve_dates
from briefgen.knowledge.events import speculative
from briefgen.knowledge.stance_cues import assessment_re, stance_cue_re
from briefgen.model import (
    OFFICIAL_KINDS,
    Actor,
    Article,
    CountrySection,
    Keyphrase,
    Position,
    Quote,
    Statement,
)
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period

# The reason given after the move ("…suspended the project, saying it would no longer
# allow…") is reported speech: its "would" does not make the move a guess.
_SAYING_RE = re.compile(r"[,\s]\s*(?:saying|adding|warning|arguing|insisting)\b")
# A modal after the official's own reporting verb ("Geng Shuang said that sanctions could
# be lifted") is the stated position, not the reporter's guess.
_REPORTED_RE = re.compile(
    r"\b(?:said|says|told\s+\w+|stressed|insisted|stated|announced|declared)\b"
)

_QUOTED_WORDS_RE = re.compile(r"[“\"](?:[^”\"\s]+\s+){3,}[^”\"]*[”\"]")
_PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|un|ght)\b")
# A perfect that tells how things stand, not the period's news ("North Korea has also
# developed a missile … but so far struggled to launch it").
_STANDING_RE = re.compile(
    r"\b(?:also|already|long|so far|since|repeatedly|for (?:years|decades|months))\b", re.I
)

KIND_ORDER = {
    "government": 0,
    "international": 0,
    "legislator": 1,
    "state-media": 1,
    "expert": 2,
    "defector": 3,
    "media": 4,
    "other": 5,
}


@dataclass(frozen=True)
class SectionWeights:
    """The knobs of a country section."""

    judgement_max_words: int = 40
    summary_max: int = 4
    summary_min: int = 2
    quotes: int = 3
    max_actors: int = 10
    max_disagreements: int = 4
    subject_bonus: float = 0.25  # a sentence with the country as its subject
    used_penalty: float = 0.35  # a line already used elsewhere in the brief
    judged_penalty: float = 0.5  # a line already another country's judgement
    summary_floor: float = 0.4
    position_confidence: float = 0.6  # a stated position must be this sure to be the judgement
    # An official's words are the judgement only when the speaker is named in the clause
    # ('It says the sanctions will never force…' resolved to the Security Council was the
    # North's statement).
    judgement_speaker_confidence: float = 0.9
    # A voice described, not named ("U.S. officials told…", confidence 0.8), speaks for
    # its country when the description is in the quote's own sentence.
    described_speaker_confidence: float = 0.8
    # A country outside the six parties and the UN has a section only when it says or
    # does this many things about the Koreas (a line it is the subject or a speaker of,
    # naming a Korea): the UN General Assembly week's Iran, Israel or France do not.
    peninsula_lines: int = 2


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


def _own_words(text: str) -> str:
    """The sentence before the reason given after the move and before a reporting verb:
    what a guess would be the reporter's."""
    head = _SAYING_RE.split(text, maxsplit=1)[0]
    return _REPORTED_RE.split(head, maxsplit=1)[0]


def on_the_peninsula(
    pool: SentencePool, code: str, articles: Sequence[Article], least: int | None = None
) -> bool:
    """Does the country act or speak on the Koreas in these articles (at least `least`
    usable lines it is the subject or a speaker of that name North or South Korea)?"""
    need = SectionWeights().peninsula_lines if least is None else least
    found = 0
    for a in articles:
        for c in pool.by_article.get(a.article_id, []):
            if not c.usable or not (c.doer == code or code in c.quote_countries):
                continue
            if c.countries.get("PRK") or c.countries.get("KOR"):
                found += 1
                if found >= need:
                    return True
    return False


@dataclass
class BookContext:
    """What every section draws on: the period's sentences, records and developments."""

    pool: SentencePool
    attribution: Attribution
    keyphrases: Mapping[str, list[Keyphrase]]
    cite: Callable[[str], int | None]
    ranked_quotes: Sequence[tuple[float, Quote]]
    mentions: Mapping[str, int]
    finder: DevelopmentFinder | None = None
    # {code: moves} this period and in the comparison period (None: no comparison).
    moves: Mapping[str, list[Move]] = field(default_factory=dict)
    moves_before: Mapping[str, list[Move]] | None = None
    before_label: str = "the previous period"
    period: Period | None = None
    # SentenceCandidate id() -> times used elsewhere in the brief / as a judgement.
    used: dict[int, int] = field(default_factory=dict)
    judged: dict[int, int] = field(default_factory=dict)


def cites_for(
    article_ids: Sequence[str], cite: Callable[[str], int | None], own: str | None = None
) -> list[int]:
    """Source numbers, the line's own article first."""
    first = [n for n in [cite(own)] if n is not None] if own else []
    rest = sorted(n for n in (cite(a) for a in article_ids) if n is not None and n not in first)
    return first + rest


class CountrySectionBuilder:
    """Builds each country's section from the shared context."""

    def __init__(self, ctx: BookContext, weights: SectionWeights | None = None) -> None:
        self.ctx = ctx
        self.w = weights or SectionWeights()
        self.actors_by_id = {a.actor_id: a for a in ctx.attribution.actors}

    def build(self, code: str, group: Sequence[Article]) -> CountrySection:
        cands = self._candidates(code, group)
        judgement, j_cand = self.judgement(code, cands)
        summary = self._summary(code, group, cands, j_cand)
        positions = self._positions(code)
        marker, basis = self._trend(code)
        return CountrySection(
            code=code,
            name=country_name(code),
            judgement=judgement,
            trend=marker,  # type: ignore[arg-type]
            summary=summary,
            actors=self._actors(code, positions),
            positions=positions,
            quotes=self._quotes(code),
            keyphrases=list(self.ctx.keyphrases.get(code, [])),
            disagreements=self._disagreements(positions),
            article_count=len(group),
            trend_basis=basis,
            mentions=int(self.ctx.mentions.get(code, 0)),
        )

    # -- the judgement ---------------------------------------------------------------------

    def judgement(
        self, code: str, cands: Sequence[SentenceCandidate]
    ) -> tuple[Statement | None, SentenceCandidate | None]:
        """The country's main move or stance (see the module docstring for the order)."""
        found = self._from_developments(code)
        if found is not None:
            return found
        statement, cand = self._from_sentences(code, cands)
        if statement is not None:
            return statement, cand
        found_p = self._from_positions(code)
        if found_p is not None:
            return found_p, None
        found_q = self._from_quotes(code)
        if found_q is not None:
            return found_q, None
        return self._too_little(code), None

    def _from_quotes(self, code: str) -> Statement | None:
        """What the country's highest-ranking official said in the period, in the words of
        the report: a country that spoke has a stance to judge even when no sentence
        opens on its own move ("…," Chinese Foreign Minister Wang Yi said)."""
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
            or not self._voiced_here(q, a, code)
            or any(m[3] != code for m in country_matches(a.name))
        ):
            return None
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
        who = a.name[:1].upper() + a.name[1:]  # "A White House official said…"
        if a.role and a.role.lower() not in a.name.lower():
            who = f"{a.name}, {a.role},"
        end = "" if re.search(r"[.!?][\"”’']*$", words) else "."
        if q.kind == "direct":
            return f"{who} said: “{words}{end}”"
        return f"{who} said {words}{end}"

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

    def _own_move_text(self, text: str, code: str) -> bool:
        return own_move(text, code, self.ctx.pool.official_countries)

    def _too_little(self, code: str) -> Statement:
        """Said plainly, not left blank: nothing of the country's own this period."""
        return Statement(
            text=(
                "Too little basis for a judgement: no move or statement of "
                "its own officials is reported this period."
            ),
            kind="insufficient",
        )

    def _own_report(self, code: str, g: Group) -> Report | None:
        """The group's clearest report that opens on this country or its official."""
        ok = [
            r
            for r in g.members
            if r.cand.doer == code
            and self._own_move(r.cand, code)
            and r.cand.sent.words <= self.w.judgement_max_words
            and not r.speculative
            and not r.future
            and not media_led(r.cand.text)
            and not self._before_period(r.cand)
            # the period's news, not its background ("Moon helped engineer the Sunshine
            # Policy…"): a stated day of the period, the present perfect ("has agreed") or
            # the official's own words quoted
            and (
                r.cand.news > 0
                or bool(
                    (_PERFECT_RE.search(r.cand.text[:120]) and not _STANDING_RE.search(r.cand.text))
                    or _QUOTED_WORDS_RE.search(r.cand.text)
                )
            )
            and self.ctx.judged.get(id(r.cand), 0) == 0
        ]
        return max(ok, key=lambda r: (r.weight, -r.cand.rank), default=None)

    def _own_move(self, c: SentenceCandidate, code: str) -> bool:
        return own_move(c.text, code, self.ctx.pool.official_countries)

    def _before_period(self, c: SentenceCandidate) -> bool:
        """The sentence dates what it tells before the period's first day: a judgement
        says the period's move ("…on Sunday launched a rocket" told on the next
        Thursday is the week before's)."""
        period = self.ctx.period
        if period is None or period.start is None:
            return False
        hits = resolve_dates(c.sent.text, story_day(c.article))
        return bool(hits) and all(h.when < period.start for h in hits)

    def _from_developments(self, code: str) -> tuple[Statement, SentenceCandidate] | None:
        finder = self.ctx.finder
        if finder is None:
            return None
        for dev, g in zip(finder.developments, finder.groups, strict=True):
            if dev.actor != code or not dev.kind:
                continue  # an untagged group is no surer a move than the best own line
            lead = g.lead.cand if g.lead is not None else None
            if lead is not None and names_a_thing(
                lead.text, code, self.ctx.pool.official_countries
            ):
                continue  # happened to the country ("North Korea's Internet is offline")
            r = self._own_report(code, g)
            if r is None:
                continue
            cites = cites_for(dev.article_ids, self.ctx.cite, r.article_id)[:3]
            return Statement(text=sentence_of(r), cites=cites), r.cand
        return None

    def _from_positions(self, code: str) -> Statement | None:
        """The best-attested stated position of the country or one of its officials."""
        ps = [
            p
            for p in self.ctx.attribution.positions
            if p.confidence >= self.w.position_confidence
            and speaks_for(p, code, self.actors_by_id)
            and p.evidence
        ]
        if not ps:
            return None
        p = max(ps, key=lambda p: (len(p.evidence), p.confidence, p.holder_kind == "country"))
        actor = self.actors_by_id.get(p.holder)
        who = actor.name if actor and p.holder_kind == "actor" else country_name(code)
        ev = p.evidence[0]
        cites = cites_for([e.article_id for e in p.evidence], self.ctx.cite, ev.article_id)
        said = self._evidence_sentence(p, code)
        if said is not None:
            # The position in the words it was stated in, when they open on the country.
            own = cites_for([e.article_id for e in p.evidence], self.ctx.cite, said.article_id)
            return Statement(text=said.text, cites=own[:3])
        if " or " in p.label:
            # "demands or commits to denuclearization" cannot say which of the two it was.
            return None
        return Statement(text=f"{who} {p.label}.", cites=cites[:3], basis=ev.text)

    def _evidence_sentence(self, p: Position, code: str) -> SentenceCandidate | None:
        """The usable sentence of the position's evidence that tells the country's own move."""
        for e in p.evidence:
            snippet = e.text.strip()[:60]
            for c in self.ctx.pool.by_article.get(e.article_id, []):
                if (
                    c.usable
                    and snippet
                    and snippet in c.sent.text
                    and c.sent.words <= self.w.judgement_max_words
                    and self._own_move(c, code)
                    and not self._before_period(c)
                ):
                    return c
        return None

    def _from_sentences(
        self, code: str, cands: Sequence[SentenceCandidate]
    ) -> tuple[Statement | None, SentenceCandidate | None]:
        """A plain sentence opening on the country: what it did, in its own line."""
        own = [
            c
            for c in cands
            if c.doer == code
            and self._own_move(c, code)
            and c.topical
            and c.sent.words <= self.w.judgement_max_words
            and not c.text.startswith("Asked ")
            and not speculative(_own_words(c.sent.text))
            and c.news >= 0
            and not self._before_period(c)
        ]
        if not own:
            return None, None
        # A line that reports the period's news ("…on Wednesday suspended the project")
        # before one with no time of its own ("Moon helped engineer the Sunshine Policy").
        names = self.ctx.pool.official_countries
        own = [c for c in own if not previews(c.text, code, names)] or own  # no move yet
        own = [c for c in own if c.news > 0] or own
        top = max(c.score for c in own) or 1.0
        bonus = {
            id(c): 0.1 * top * c.news - self.w.judged_penalty * top * self.ctx.judged.get(id(c), 0)
            for c in own
        }
        picked = choose(own, 1, bonus=bonus)
        if not picked:
            return None, None
        c = picked[0]
        return Statement(text=c.text, cites=self._cites(c, 2)), c

    # -- the rest of the section -----------------------------------------------------------

    def _candidates(self, code: str, group: Sequence[Article]) -> list[SentenceCandidate]:
        """Usable sentences of the country's articles that are about it, not another."""
        ids = sorted({a.article_id for a in group})
        out = []
        for aid in ids:
            for c in self.ctx.pool.by_article.get(aid, []):
                if not c.usable:
                    continue
                acts = code in c.agents if c.doer is None else c.doer == code
                about = acts or code in c.quote_countries
                other_subject = c.doer is not None and c.doer != code
                if about and not (other_subject and code not in c.quote_countries):
                    out.append(c)
        return out

    def _cites(self, c: SentenceCandidate, extra: int) -> list[int]:
        others = self.ctx.pool.similar_articles(c)[: max(extra, 0) * 3]
        return cites_for(others, self.ctx.cite, c.article_id)[: 1 + extra]

    def _summary(
        self,
        code: str,
        group: Sequence[Article],
        cands: Sequence[SentenceCandidate],
        j_cand: SentenceCandidate | None,
    ) -> list[Statement]:
        used, w = self.ctx.used, self.w
        top = max((c.score for c in cands), default=0.0) or 1.0
        bonus = {
            id(c): (w.subject_bonus * top if c.doer == code else 0.0)
            - w.used_penalty * top * used.get(id(c), 0)
            for c in cands
        }
        rest = [c for c in cands if c is not j_cand and used.get(id(c), 0) < 2]
        on_topic = [c for c in rest if c.topical]
        k = max(w.summary_min, min(w.summary_max, len(group) + 1))
        avoid = [j_cand] if j_cand is not None else []
        summ = choose(
            on_topic if len(on_topic) >= w.summary_min else rest,
            k,
            min_k=w.summary_min,
            per_article=2,
            max_sim=0.4,
            avoid=avoid,
            bonus=bonus,
            floor=w.summary_floor * top,
        )
        for c in (*avoid, *summ):
            used[id(c)] = used.get(id(c), 0) + 1
        if j_cand is not None:
            self.ctx.judged[id(j_cand)] = self.ctx.judged.get(id(j_cand), 0) + 1
        return [Statement(text=c.text, cites=self._cites(c, 1)) for c in summ]

    def _positions(self, code: str) -> list[Position]:
        def belongs(p: Position) -> bool:
            if p.country == code or p.holder == code:
                return True
            a = self.actors_by_id.get(p.holder)
            return a is not None and a.country == code

        ps = [p for p in self.ctx.attribution.positions if belongs(p)]
        ps.sort(key=lambda p: (-len(p.evidence), -p.confidence, p.issue, p.holder, p.label))
        return ps

    def _disagreements(self, positions: Sequence[Position]) -> list[Statement]:
        holders = {p.holder for p in positions}
        sound = reliable_positions(self.ctx.attribution.positions, self.ctx.attribution.quotes)
        found = contradictions(sound, self.actors_by_id, self.ctx.cite, holders)
        return found[: self.w.max_disagreements]

    def _actors(self, code: str, positions: Sequence[Position] = ()) -> list[Actor]:
        """The country's speakers, officials first; the country itself is not one of them.
        Whoever holds one of the section's positions is always kept (a senator cut by
        the limit left his position printed as the country's)."""
        own_name = country_name(code).lower()
        holders = {p.holder for p in positions if p.holder_kind == "actor"}
        ranked = sorted(
            (
                a
                for a in self.ctx.attribution.actors
                if a.country == code and a.name.lower() not in (own_name, code.lower())
            ),
            key=lambda a: (KIND_ORDER.get(a.kind, 9), -a.quote_count, -a.mentions, a.name),
        )
        room = max(self.w.max_actors - sum(a.actor_id in holders for a in ranked), 0)
        kept: list[Actor] = []
        for a in ranked:
            if a.actor_id in holders:
                kept.append(a)
            elif room > 0:
                kept.append(a)
                room -= 1
        return kept

    def _quotes(self, code: str) -> list[Quote]:
        return pick_quotes(
            [(wt, q) for wt, q in self.ctx.ranked_quotes if q.country == code],
            k=self.w.quotes,
            min_k=1,
            per_speaker=1,
            per_country=self.w.quotes,
            floor_ratio=0.0,
        )

    def _trend(self, code: str) -> tuple[str | None, str]:
        before = self.ctx.moves_before
        return trend(
            self.ctx.moves.get(code, []),
            None if before is None else before.get(code, []),
            self.ctx.before_label,
        )
