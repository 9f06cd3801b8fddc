"""Open questions and things to watch, each resting on a cited sentence or position pair.

Four sources of evidence:
- matters the articles leave unanswered ("declined to say whether…", "did not answer
  directly", "without specifying how long", "it was not clear", "remains to be seen");
  the clause after the cue becomes the question ("whether the US would talk" ->
  "Would the US talk?") or, when it cannot be turned safely, a "Watch for:" line;
- contradictions between actors (book/contradictions.py: position pairs with opposite
  stances on one issue);
- demands without responses: one side urges or demands something of another, and
  nothing in the period shows the other side answering;
- what to watch (book/watchlist.py, phrased by book/watchphrase.py): events the sources date after the period, pending
  meetings and decisions, conditions and deadlines an official set;
- threats and pledges a side stated in the period (book/threats.py).

Fewer, sound lines beat many weak ones (issue 11: a blind reader found 5 useful, 21 weak
and 3 nonsense): an unanswered matter is kept only as a question that names who or what
it is about and leans on no earlier sentence (never a whole sentence restated, never
"declined to comment"), one per asker and subject; a country is never "contradicted" by
its own government (one side read two ways); a demand is this period's, made of one side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from briefgen.book.contradictions import contradictions, current_positions
from briefgen.book.namefind import NameFinder
from briefgen.book.questioncheck import sound
from briefgen.book.reports import dated_before
from briefgen.book.sentences import condense
from briefgen.book.summarize import SentenceCandidate, SentencePool
from briefgen.book.textsim import cosine
from briefgen.book.threats import as_subject, stated_conditions, stated_intents
from briefgen.book.watchlist import WatchList, distinct_lines, reliable_positions, writers_own
from briefgen.book.watchphrase import too_vague
from briefgen.knowledge.countries import (
    countries_mentioned,
    country_offsets,
    is_venue,
)
from briefgen.model import Actor, Development, Position, Quote, Statement
from briefgen.periods import Period

UNANSWERED_RE = re.compile(
    r"\b(?:declin(?:ed|es|ing) to (?:say|address|comment|discuss|confirm|specify|elaborate|"
    r"answer|give|provide|disclose|reveal|detail|identify|name|rule out|explain)"
    r"|(?:did|does|do|would|could|will)(?: not|n[’']t) (?:immediately )?(?:say|answer|address|"
    r"elaborate|specify|confirm|disclose|explain|detail|reveal|rule out|indicate)"
    r"|refus(?:ed|es|ing) to (?:say|answer|comment|confirm|discuss|rule out|specify)"
    r"|without (?:specifying|saying|elaborating|explaining|giving details|detailing|indicating)"
    r"|(?:was|is|[’']s|remains?|remained) (?:still )?(?:not (?:yet |immediately )?|un)clear"
    r"|\bunclear (?:whether|if|how|what|when|why|who)"
    r"|remains? to be seen|(?:is|was|are|were) not (?:yet )?known|an open question"
    r"|no (?:clear |direct )?answer|not answer(?:ed)? directly|did not answer)\b",
    re.I,
)
_WH_RE = re.compile(
    r"\b(whether|if|how long|how much|how many|how far|how soon|how|what|when|why|where|who)\b\s+(.+)$",
    re.I,
)
# "Asked Friday if he supported unconditional talks, Trump did not answer directly."
_ASKED_RE = re.compile(
    r"^Asked\b[^,]{0,40}?\b(whether|if|about|how|what|when|why)\s+([^,]{3,160}),\s+"
    r"((?:[A-Z][\w.’'-]*\s+){1,6}?)(?=(?:did|does|would|could|declined|refused|was|has)\b)"
)
_WHETHER_FIRST_RE = re.compile(r"^(?:But\s+|And\s+)?Whether\s+([^,;]{8,200}?)\s*$")
_AUX = r"would|will|could|can|should|might|may|was|were|is|are|has|have|had"
_INVERT_WHETHER_RE = re.compile(r"^([^,;]{2,60}?)\s+(" + _AUX + r")\s+(.+)$")
# "has/had/have" + a noun is the verb "have", not an auxiliary: ask with do-support.
_DO_SUPPORT = {"had": "did", "has": "does", "have": "do"}
_PARTICIPLE_RE = re.compile(
    r"^(?:not |never |already |yet |ever |also |just |since |now )?(?:been|\w+(?:ed|en|wn|ne|un|ght|lt|nt|pt|ft))\b"
)
_PRONOUN_RE = re.compile(r"^(?:he|she|they|it|this|that|these|those|we|i|you)\b", re.I)
_DEMAND_RE = re.compile(
    r"\b(?:urged|urges|urging|demanded|demands|demanding|called on|calls on|calling on|"
    r"pressed|presses|pressing|asked|told .{1,30}? to)\b"
)
_RESPONSE_RE = re.compile(
    r"\b(?:responded|replied|rejected|refused|dismissed|denounced|agreed|accepted|"
    r"answered|said|says|warned|vowed|retorted|hit back|reacted|pushed back|resisted|"
    r"balked|countered|insisted|wary|welcomed|called|urged)\b"
)
# "…urged China to do more, but the two countries were wary": answered in the same line.
_SAME_LINE_ANSWER_RE = re.compile(
    r"\bbut\b.{0,60}\b(?:wary|rejected|refused|resisted|dismissed|balked|declined|"
    r"opposed|pushed back|agreed|accepted|welcomed)\b"
)
_ONGOING_RE = re.compile(r"\b(?:has|have|had)\s+(?:long\s+|repeatedly\s+|also\s+)?\w+(?:ed|en)\b")
_BOILER_RE = re.compile(r"request(?:s)? for comment|comment on (?:this|the) (?:story|report)", re.I)
# The doubt is commentators' ("…, cybersecurity experts say", "according to analysts").
_COMMENTATORS_RE = re.compile(
    r"(?:,\s+(?:[\w-]+\s+){0,2}(?:experts?|analysts?|observers?|scholars?|researchers?)\s+"
    r"(?:say|says|said|note|noted|argue|argued)|\baccording to (?:some\s+)?(?:experts|analysts))"
    r"\W*$",
    re.I,
)
MAX_UNANSWERED = 4
MAX_CONTRADICTIONS = 3
MAX_NO_RESPONSE = 2
# Blind readers found the list too short on weeks of several pending matters.
MAX_QUESTIONS = 8


def _tidy_clause(clause: str) -> str:
    """Drop the trailing attribution, second alternative and punctuation of a clause."""
    c = re.split(r",\s+(?:\w+\s+){0,5}(?:said|says|say|added|noted|told)\b", clause)[0]
    c = re.split(r",\s+(?:saying|adding|noting|citing|arguing|but|and)\b|\s+or whether\b", c)[0]
    c = re.split(r"\s+but\s+", c)[0]  # "when the test took place but it was likely…"
    c = re.split(r"[;:]|\s[-–—]\s", c)[0]
    return c.strip().rstrip(".,!?\"”’' ")


def phrase_question(sentence: str) -> str | None:
    """The unanswered matter as a question or a 'Watch for:' line; None if no clause."""
    m = UNANSWERED_RE.search(sentence)
    if not m:
        return None
    asked = _ASKED_RE.match(sentence)
    if asked and asked.end(3) <= m.start() + 1:
        wh, body, who = asked.group(1).lower(), asked.group(2), asked.group(3)
        body = _tidy_clause(body)
        who = re.sub(r"^(?:US|U\.S\.|the)\s+", "", who.strip())
        if _PRONOUN_RE.match(body) and re.match(r"^[A-Z]", who):
            body = _PRONOUN_RE.sub(who, body, count=1)
        if 3 <= len(body.split()) <= 30 and not _PRONOUN_RE.match(body):
            cue = _tidy_clause(sentence[m.start() :])
            wh = "whether" if wh == "if" else wh
            return f"Watch for: {wh} {body} ({cue} when asked)."
    lead = _WHETHER_FIRST_RE.match(sentence[: m.start()])
    if lead:
        # "Whether the North Korean leader will follow through remains unclear, but…"
        wh, body = "whether", _tidy_clause(lead.group(1))
    else:
        w = _WH_RE.search(sentence[m.end() :])
        if not w or w.start() > 40:
            return None
        wh, body = w.group(1).lower(), _tidy_clause(w.group(2))
    if _PRONOUN_RE.match(body):
        # "The president refused to say whether he…": the pronoun is the sentence's subject.
        who = sentence[: m.start()].strip().rstrip(",")
        if not (1 <= len(who.split()) <= 6 and who[:1].isupper()) or _PRONOUN_RE.match(who):
            return None
        if who.split()[0] in ("The", "A", "An"):
            who = who[0].lower() + who[1:]
        body = _PRONOUN_RE.sub(who, body, count=1)
    if len(body.split()) < 3 or len(body.split()) > 30:
        return None
    inv = _INVERT_WHETHER_RE.match(body)
    if inv and not re.search(r"\b(?:" + _AUX + r")\b", inv.group(1)):
        subj_np, aux, pred = inv.groups()
        if (wh in ("whether", "if") and too_vague(subj_np, pred)) or subj_np.lower() == "there":
            return None  # "whether there will be hamburgers": nobody to watch
        if aux in _DO_SUPPORT and not _PARTICIPLE_RE.match(pred):
            # "whether the US had any role" -> "Did the US have any role?"
            aux, pred = _DO_SUPPORT[aux], "have " + pred
        if wh in ("whether", "if"):
            return f"{aux.capitalize()} {subj_np} {pred}?"
        if wh not in ("who", "what", "which") and re.match(r"[A-Z]|the\b", subj_np):
            return f"{wh.capitalize()} {aux} {subj_np} {pred}?"
    if wh in ("what", "who") and _VERB_FIRST_RE.match(body):
        return f"{wh.capitalize()} {body}?"  # "what caused the outage": its own question
    wh = "whether" if wh == "if" else wh
    return f"Watch for: {wh} {body}."


# A clause that opens on its verb: the wh-word is its subject ("what caused the outage").
_VERB_FIRST_RE = re.compile(
    r"^(?:(?:would|will|could|can|should|might|may|was|were|is|are|has|have|had)\s|"
    r"[a-z]+(?:ed|es)\s)"
)


def unanswered(
    pool: SentencePool, cite: Callable[[str], int | None], period: Period | None = None
) -> list[Statement]:
    """Questions the period's articles leave open, heaviest evidence first (never from
    background or a sentence dated before the period)."""
    hits: list[tuple[float, SentenceCandidate, str]] = []
    for c in pool.all:
        if c.news < 0 or dated_before(c, period) or writers_own(c):
            continue  # a columnist's "it remains to be seen" is no actor's open matter
        t = condense(c.sent.text)
        if not UNANSWERED_RE.search(t) or _BOILER_RE.search(t) or t.endswith("?"):
            continue
        if _COMMENTATORS_RE.search(t):
            # "…it remains unclear whether Pyongyang was truly responsible for the attacks,
            # cybersecurity experts say": commentators' doubt, no matter an actor left open
            continue
        q = phrase_question(t)
        if q is None or not _stands_alone(q, pool.official_countries) or _LABEL_RE.match(t):
            continue  # "…declined to comment, citing the investigation": no matter to track
        weight = c.score if c.usable else 0.5 * _raw_weight(c)
        hits.append((weight, c, q))
    hits.sort(key=lambda h: (-h[0], h[1].key()))
    out: list[Statement] = []
    used: list[SentenceCandidate] = []
    asked: set[tuple[str | None, str | None]] = set()
    for _, c, q in hits:
        if any(cosine(c.vec, u.vec) >= 0.4 for u in used):
            continue
        # "Did the U.S. government have any role in the outage?" and "Was the United States
        # responsible for the outage?": one matter, asked of one side, once.
        pair = (_who(c.text[: _cue_at(c.text)], pool.official_countries), _named(q, pool))
        if None not in pair and pair in asked:
            continue
        asked.add(pair)
        n = cite(c.article_id)
        out.append(
            Statement(
                text=q, cites=[n] if n else [], kind="unanswered", basis=condense(c.sent.text)
            )
        )
        used.append(c)
        if len(out) >= MAX_UNANSWERED:
            break
    return out


# A matter named only by reference to what came before: "such a deadline", "this plan".
_ANAPHORA_RE = re.compile(r"\b(?:such|these|those|this)\s+(?:a\s+)?[a-z]", re.I)
# A label run into the text ("Original post: …") is not the article's prose.
_LABEL_RE = re.compile(r"^[A-Z][\w’'.]*(?:\s+[\w’'.]+){0,2}:\s")


def _stands_alone(question: str, officials: Mapping[str, str]) -> bool:
    """A question a reader can track on its own: it names who or what it is about (a
    country or an official) and leans on no earlier sentence ("Will Mr. Kim agree to
    such a deadline?", "how firm the promise will turn out to be")."""
    body = question.removeprefix("Watch for: ")
    if _ANAPHORA_RE.search(body):
        return False
    return (
        bool(country_offsets(body))
        or any(n in body for n in officials)
        or bool(_PROPER_NAME_RE.search(body[1:]))
    )


_PROPER_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")


def _cue_at(text: str) -> int:
    m = UNANSWERED_RE.search(text)
    return m.start() if m else len(text)


def _named(question: str, pool: SentencePool) -> str | None:
    """The first country (or official's country) a question names."""
    return _who_first(question, pool.official_countries)


def _who_first(text: str, names: Mapping[str, str]) -> str | None:
    hits = [(p, c) for p, c in country_offsets(text)]
    hits += [(text.find(n), c) for n, c in names.items() if n in text]
    return min(hits)[1] if hits else None


def _raw_weight(c: SentenceCandidate) -> float:
    return 0.2 * max(c.article.relevance, 0.2) / (1.0 + 0.1 * c.sent.index)


def _who(text: str, names: Mapping[str, str], finder: NameFinder | None = None) -> str | None:
    """The country of the last country or official named in `text` (the demand's maker);
    `finder` finds the names of `names` (made here when not given)."""
    hits = [(p, c) for p, c in country_offsets(text) if not is_venue(text, p)]
    if names:
        hits += [(p, names[n]) for p, n in (finder or NameFinder(names)).find(text)]
    return max(hits)[1] if hits else None


def _addressee(
    text: str, names: Mapping[str, str] | None = None, finder: NameFinder | None = None
) -> str | None:
    """The country a demand is addressed to: the one party named between the cue and its
    "to" ("urged China to", "urged the North to", "urged Ri on Sunday to respond", "called
    on the country's longtime ally China to intervene"), in a phrase that opens on a name,
    "the" or a possessive (not "urged restraint in dealing with North Korea"); none for
    two parties ("urged Pyongyang and Washington to refrain") or a venue ("urged world
    leaders at the United Nations to…")."""
    m = re.match(r"\s*(?:that\s+)?", text)
    head = text[m.end() if m else 0 :]
    end = _ADDRESSEE_END_RE.search(head)
    phrase = head[: end.start()] if end else head[:40]
    if not phrase or len(phrase.split()) > 8 or not _ADDRESSEE_OPEN_RE.match(phrase):
        return None
    hits = [(p, c) for p, c in country_offsets(phrase) if not is_venue(phrase, p)]
    if names:
        hits += [(p, names[n]) for p, n in (finder or NameFinder(names)).find(phrase)]
    codes = {c for _, c in hits}
    if len(codes) != 1:
        return None  # nobody named, or two parties: no one side to answer
    return codes.pop()


# The addressee phrase ends at the demand's "to" (or "on", a time, a clause break).
_ADDRESSEE_END_RE = re.compile(r"\s(?:to|on|for|in|at|during)\s|[,;:.]\s|\s[-–—]\s")
_ADDRESSEE_OPEN_RE = re.compile(r"(?:the\s|its\s|their\s|his\s|her\s|[A-Z])")


def no_response(
    pool: SentencePool, cite: Callable[[str], int | None], period: Period | None = None
) -> list[Statement]:
    """Demands one side made of another that no article in the period shows answered."""
    out: list[tuple[float, SentenceCandidate, str, str]] = []
    names = pool.official_countries
    finder = NameFinder(names)
    usable_cands = pool.usable_candidates()
    for c in usable_cands:
        if c.news < 0 or dated_before(c, period):
            continue
        t = c.text
        m = _DEMAND_RE.search(t)
        if not m or _ONGOING_RE.search(t[: m.end()]):
            continue  # "Trump has urged China to…": a standing demand, not this week's
        target = _addressee(t[m.end() :], names, finder)
        # who demands is the sentence's subject ("Trump has promised to be effective on
        # North Korea, and called on China…" is Trump's demand, not North Korea's)
        asker = c.doer or c.subject or _who(t[: m.start()], names, finder)
        if not asker or not target or asker == target:
            continue
        if _SAME_LINE_ANSWER_RE.search(t[m.end() :]):
            continue
        when = c.article.published or date.min
        answered = False
        for o in usable_cands:
            if o is c or (o.article.published or date.min) < when:
                continue
            # An answer names the asker ("North Korea told China…") and the same matter.
            if not o.countries.get(target) or not o.countries.get(asker):
                continue
            if cosine(o.vec, c.vec) < 0.15:
                continue
            r = _RESPONSE_RE.search(o.text)
            if r and (o.subject == target or countries_mentioned(o.text[: r.start()]).get(target)):
                answered = True
                break
        if not answered:
            out.append((c.score, c, asker, target))
    out.sort(key=lambda x: (-x[0], x[1].key()))
    picks = (
        (c, f"Watch for an answer from {as_subject(target)} to {as_subject(asker)}: {c.text}")
        for _, c, asker, target in out
    )
    return distinct_lines(picks, "no-response", MAX_NO_RESPONSE, cite, [])


def open_questions(
    pool: SentencePool,
    positions: Sequence[Position],
    actors: Sequence[Actor],
    cite: Callable[[str], int | None],
    period: Period | None = None,
    quotes: Sequence[Quote] = (),
    developments: Sequence[Development] = (),
    stale: frozenset[str] = frozenset(),
) -> list[Statement]:
    """Contradictions, unanswered matters, demands without responses, then what to watch:
    dated coming events, pending meetings and decisions, conditions and deadlines.
    `developments`: the period's, to tell a pending meeting that has since been held;
    `stale`: quotations the compared period already printed (no side of a contradiction)."""
    by_id = {a.actor_id: a for a in actors}
    watch = WatchList(pool, cite, period, developments)
    # sound and not overtaken by the same government's later line (contradictions.py)
    reliable = current_positions(
        reliable_positions(positions, quotes, stale), by_id, quotes, pool.articles
    )
    found = (
        contradictions(reliable, by_id, cite)[:MAX_CONTRADICTIONS]
        + unanswered(pool, cite, period)
        + no_response(pool, cite, period)
        + watch.scheduled()
        + watch.pending()
        + watch.conditions()
        + stated_conditions(pool, cite, period)
        + stated_intents(pool, cite, period)
    )
    # A real disagreement between named actors first; only questions a reader can
    # read and track (book/questioncheck.py), and few of them.
    return [q for q in found if sound(q, pool.official_countries)][:MAX_QUESTIONS]
