"""Lines where a country's official voice spoke, however the line opens (issue 11, part 2).

The country section's last resort before "too little basis": a country whose foreign
ministry spokesman, foreign minister, UN envoy or state media spoke in the period has a
stance to judge, even when the speaker resolver (nlp/) gave the line no speaker of that
country.  Read from the words around a reporting verb (data/watch_cues.yaml
reaction_verbs): the speaker phrase before it ("A spokesman for the Chinese foreign
ministry said …", "“…,” Russia's UN envoy said") or, in an inverted cue, after it ("…,
said a spokesman for the Chinese foreign ministry").  The phrase speaks for the country
when the nlp layer would place a speaker so described in that country as an official,
a body or state media (titles.allegiance_country, titles.infer_kind: one home for the
rule), or it names one of the country's officials or organs the resolver knows
(summarize.official_countries), or names nothing but countries ("Russia, Germany and
the EU all voiced hope…").  A former official, an expert, a reporter, or several states
joined ("U.S. and South Korean officials") are no voice of one state.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from briefgen.book.ownlines import STANDING_PERFECT_RE, tells_anothers_news
from briefgen.book.reports import dated_before
from briefgen.book.summarize import SentenceCandidate
from briefgen.book.trend import tied_itself
from briefgen.knowledge.countries import country_matches
from briefgen.knowledge.roles import load_roles
from briefgen.knowledge.watch_cues import absolute_reaction_re, inverted_cue_re, reaction_re
from briefgen.nlp.gazetteer import Gazetteer, load_gazetteer
from briefgen.nlp.titles import allegiance_country, infer_kind
from briefgen.periods import Period

# Where a speaker phrase before its verb begins: the sentence's start, a closing quote or
# a clause's comma.
_PHRASE_START_RE = re.compile(r"(?:^|[”\"]\s*|[,;:]\s+)(?=[^,;:”\"]*$)")
# Where one after an inverted verb ends.
_PHRASE_END_RE = re.compile(r"[,;:.”\"]|\s(?:that|on|in|at|after|when|while)\s")


@lru_cache(maxsize=1)
def _word_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """roles.yaml's voice_offices (offices no role kind names: a UN command, a mission)
    and not_state_voice (a former official, the opposition) as whole-word patterns."""
    roles = load_roles()

    def alts(words: frozenset[str]) -> re.Pattern[str]:
        body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(r"\b(?:" + body + r")\b", re.I)

    return alts(roles.voice_offices), alts(roles.not_state_voice)


_CONNECTIVES = {"and", "the", "all", "both", "as", "well", "also", "of", "its", "their"}
MAX_PHRASE_WORDS = 12


def speaker_phrases(text: str) -> list[str]:
    """The phrases that name who speaks at each reporting verb of the sentence."""
    out = []
    for m in reaction_re().finditer(text):
        before = text[: m.start()].rstrip()
        start = _PHRASE_START_RE.search(before)
        head = before[start.end() :] if start else before
        if head and len(head.split()) <= MAX_PHRASE_WORDS:
            out.append(head.strip())
        if start and start.start() > 0 and len(before.split()) <= MAX_PHRASE_WORDS:
            # "Russia, Germany and the EU all voiced…": a list of countries, not an opening
            # clause that names another's official ("Speaking alongside South Korean Acting
            # President Hwang Kyo-ahn, Pence said…" is no South Korean voice, train 2017-W16)
            places = [(x[0], x[1], x[3]) for x in country_matches(before)]
            if places and _only_countries(before, places):
                out.append(before.strip())
        # "…,” said a spokesman for the ministry"; not "Liu Jieyi, told the Security Council"
        if re.search(r"[,”\"]\s*$", before) and inverted_cue_re().match(m.group(0)):
            after = text[m.end() :]
            end = _PHRASE_END_RE.search(after)
            tail = after[: end.start() if end else len(after)].strip()
            if tail and len(tail.split()) <= MAX_PHRASE_WORDS:
                out.append(tail)
    # "…, with Secretary-General Antonio Guterres commending the 'leadership and vision'…"
    out += [m.group(1) for m in absolute_reaction_re().finditer(text)]
    return out


_NAME_RUN_RE = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*$")


def known_voice(phrase: str) -> str | None:
    """The country of a known official (data/actors.yaml) the phrase ends on by name
    ("Secretary-General Antonio Guterres" is the UN's), though the period's resolver met
    no quotation of his to know him by."""
    m = _NAME_RUN_RE.search(phrase.strip())
    words = m.group(0).split() if m else []
    gaz = _gazetteer()
    for i in range(len(words) - 1):  # a name of two words or more, longest first
        e = gaz.lookup(" ".join(words[i:]))
        if e is not None and e.person and e.kind in ("government", "international"):
            return e.country
    return None


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def voices(phrase: str, code: str, officials: Mapping[str, str]) -> bool:
    """Does the speaker phrase speak for the country `code` (see the module docstring)?
    Whom a description speaks for, and as what kind of speaker, is the nlp layer's rule
    (titles.allegiance_country, titles.infer_kind), so a line and a quotation are read
    alike: a country named as a field or topic, or several states joined ("U.S. and South
    Korean officials"), make no one state's voice; an expert is none."""
    if _word_res()[1].search(phrase):
        return False
    places = [(m[0], m[1], m[3]) for m in country_matches(phrase)]
    if places and _only_countries(phrase, places):
        return any(c == code for _, _, c in places)  # "Russia, Germany and the EU all"
    # an official's name that holds another country ("North Korea's UN ambassador" known
    # as a UN voice) is that country's: the country it names comes first
    names = sorted(
        (at, c)
        for n, c in officials.items()
        if (at := phrase.find(n)) >= 0
        and not any(at <= s < at + len(n) and pc != c for s, _, pc in places)
    )
    by_name = bool(names) and (not places or names[0][0] < places[0][0])
    country = names[0][1] if by_name else allegiance_country(phrase)
    if country is None and not places and known_voice(phrase) == code:
        return True  # a known official by name, whom the period's resolver did not meet
    if country != code:
        return False
    if any(c == code for _, c in names):
        return True  # an official or organ of the country the resolver knows by name
    kind = infer_kind(phrase, country, "", load_roles())
    return kind in ("government", "state-media", "international") or bool(
        _word_res()[0].search(phrase)
    )


def _only_countries(phrase: str, hits: Sequence[tuple[int, int, str]]) -> bool:
    """The phrase names countries and nothing else ("Russia, Germany and the EU all")."""
    rest = phrase
    for s, e, _ in sorted(hits, reverse=True):
        rest = rest[:s] + " " + rest[e:]
    words = {w.lower() for w in re.findall(r"[A-Za-z’']+", rest)}
    return words <= _CONNECTIVES


def official_lines(
    cands: Sequence[SentenceCandidate],
    code: str,
    officials: Mapping[str, str],
    period: Period | None,
    max_words: int = 45,
    tied: bool = True,
) -> list[SentenceCandidate]:
    """The period's sentences in which the country's official voice speaks on the
    peninsula, best first: a sentence of the period's news (not background, not dated
    before the period), no question, not another country's news passed on in plain words
    (ownlines.tells_anothers_news), not how things have long stood ("U.N. investigations
    have also reported…"), and (`tied`) the sentence itself names a Korean
    actor, place, programme or issue (trend.tied_itself)."""
    out = []
    for c in cands:
        text = c.sent.text
        if (
            c.news < 0
            or c.sent.words > max_words
            or text.rstrip(" ”\"'").endswith("?")
            or "\n" in text
            or dated_before(c, period)
            or (tied and not tied_itself(text, officials))
            # "South Korea's Joint Chiefs of Staff said North Korea attempted to launch…":
            # the North's move passed on, no stance of the South's own
            or tells_anothers_news(text, code)
            # how things have long stood, not the period's line ("…have also reported…")
            or STANDING_PERFECT_RE.search(text)
        ):
            continue
        if any(voices(p, code, officials) for p in speaker_phrases(text)):
            out.append(c)
    return sorted(out, key=lambda c: (-c.news, -c.score, c.key()))
