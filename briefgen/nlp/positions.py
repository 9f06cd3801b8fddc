"""Where each actor and each country stands on the peninsula's issues, with the evidence.

The method is a transparent lexicon, not a model: a reader can see why a stance was
given.  Each piece of evidence (a quote with its sentence, or a reported statement whose
subject is a known actor) is scanned for issue terms; words near a term that push for
the issue (must, urge, step up, welcome...) or against it (oppose, abandon, naive,
waste of time...) give a signed score, a negation in front of a push word flips it.
Actor stances are averaged per issue; country stances average their government and body
actors (experts, defectors and media speak for themselves and are left out).
`benchmarks/positions.py` measures agreement with hand labels on the seeds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.knowledge.reporting import load_reporting_verbs
from briefgen.model import Actor, Evidence, Position, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from briefgen.nlp.actors import ArticleActors, Speaker
    from briefgen.nlp.quotes import RawQuote

ISSUES: dict[str, re.Pattern[str]] = {
    "pressure": re.compile(
        r"\b(sanction\w*|pressure\w*|pressur\w+|interdict\w*|enforce\w*|embargo\w*|punitive|"
        r"consequences|isolat\w+|crack\w* down|turn the screw|assets? (?:to be )?frozen|"
        r"freez\w+ (?:the )?assets|costs? of the regime)\b",
        re.I,
    ),
    "dialogue": re.compile(
        r"\b(dialogue|talks?|talking|negotiat\w+|engagement|engage\w*|diplomac\w+|diplomatic\w*|"
        r"channels?|communication|to the table|back to the table|summit|soft power|"
        r"peaceful resolution|settlement)\b",
        re.I,
    ),
    "military": re.compile(
        r"\b(military (?:action|actions|option|options|conflict|force)|use of force|"
        r"first strike|strikes?|war|bomb\w*|totally destroy|attack\w*|"
        r"military exercises|drills)\b",
        re.I,
    ),
    "denuclearization": re.compile(
        r"\b(denucleari\w+|nuclear disarmament|abandon(?:s|ing)? (?:its )?nuclear|"
        r"give up (?:its )?nuclear|giving up (?:its )?nuclear|complete, verifiable|"
        r"verifiable and irreversible|cessation|stop testing|halt (?:to )?testing|"
        r"nuclear-armed)\b",
        re.I,
    ),
    "responsibility": re.compile(
        r"\b((?:shared|special|primary|main|bears?|share|shift\w*|take|takes) (?:the )?responsibility|"
        r"responsibility (?:lies|rests|for (?:the )?(?:crisis|situation|tension))|"
        r"holds? the key|shift \w+ to others|urge (?:russia|china)|"
        r"urged (?:china|russia)|(?:china|russia) (?:must|should)|do more|"
        r"caused by any one party)\b",
        re.I,
    ),
}

# Words that push for the issue named near them.  Strong ones state a stance by themselves
# (one of them is enough evidence); weak ones (modals, "continue", "open") need company.
_PRO_STRONG = re.compile(
    r"\b(urg\w+|call\w* (?:for|on)|step\w* up|maximi[sz]\w+|strengthen\w*|encourag\w+|"
    r"welcom\w+|support\w*|back(?:s|ed|ing)?|insist\w*|enforc\w+|implement\w*|demand\w*|"
    r"vow\w*|applaud\w*|push\w* for|increas\w+|tighten\w*|impos\w+)\b",
    re.I,
)
_PRO_WEAK = re.compile(
    r"\b(must|should|need\w*|continu\w+|ready|prefer\w*|improve|keep (?:up|in mind)|push\w*|"
    r"committed|bear fruit|take effect|worked|working|progress|earn|put an end|"
    r"new consequences|pursu\w+|probing|open|hope\w*|significant first step|"
    r"lines of communication|more room|consider\w*|threat\w*|destroy|accept\w*|"
    r"cut deep|bite|biting|hurt\w*|effective)\b",
    re.I,
)
_CON = re.compile(
    r"\b(oppos\w+|against|abandon\w*|undermin\w+|unacceptable|destructive|naive|criticiz\w+|"
    r"criticis\w+|condemn\w*|denounc\w+|(?:not |im)possible|"
    r"wast\w+ (?:his |their |of )?time|pointless|reject\w*|"
    r"lift\w* (?:up )?(?:the )?sanctions|eas\w+ (?:the )?sanctions|wary|misleading|"
    r"shift \w+ to others|before taking|rhetoric|desperate measure|hostile policy|"
    r"cannot help|doesn.t include|counterproductive|avoid\w*|prevent\w*|avert\w*|"
    r"not possible to impose|not caused by any one party|end rhetoric|backtrack)\b",
    re.I,
)
# Con words that judge the issue term they are said of ("sanctions are pointless"): they
# may follow the term.  Every other con word must come before the term it governs
# ("oppose sanctions", "against military action"), so "a package levelled against the
# regime" says nothing against sanctions.
_CON_PREDICATE = re.compile(
    r"^(?:unacceptable|destructive|naive|pointless|misleading|counterproductive|"
    r"undermin\w+|desperate measure|rhetoric|should be abandoned|abandon\w*|"
    r"(?:not |im)possible)$",
    re.I,
)
# Pro words that may follow the term they are said of ("sanctions will cut deep",
# "sanctions must be enforced", "talks are working").
_PRO_PREDICATE = re.compile(
    r"^(?:worked|working|bear fruit|take effect|cut deep|bite|biting|hurt\w*|effective|"
    r"enforc\w+|implement\w*|continu\w+|must|should|need\w*|increas\w+|"
    r"maximi[sz]\w+|strengthen\w*|tighten\w*|step\w* up|open|ready)$",
    re.I,
)
# Terms whose sense runs against their issue: refusing "a nuclear-armed North Korea" is
# for denuclearization.
_INVERTED_TERM = re.compile(r"^(?:nuclear-armed)$", re.I)
# A demand on North Korea ("North Korea must stop isolating itself") is no stance on
# pressure or military action by the speaker.
_PRK_SUBJECT = re.compile(
    r"\b(North Korea|Pyongyang|the North|Kim(?: Jong[- ]?[Uu]n)?|the regime|it|they)\s*$"
)
_PRO_AFTER_MODAL = re.compile(
    r"\s*(?:be\s+|also\s+|all\s+)*(?:enforc|implement|increas|maintain|continu|step|tighten|"
    r"strengthen|kept|keep|ramp|expand|intensif|resume|go on|start|begin|tak)",
    re.I,
)
_MODALS = frozenset({"must", "should", "need", "needs"})
_NEG = re.compile(r"\b(not|no|never|n't|n’t|without|nor)\b", re.I)
LABELS: dict[str, tuple[str, str]] = {
    "pressure": ("favours more pressure and sanctions", "resists more pressure or sanctions"),
    "dialogue": ("favours dialogue and engagement", "sceptical of talks now"),
    "military": ("keeps military options open", "warns against military action"),
    "denuclearization": (
        "insists on North Korea's denuclearization",
        "does not make denuclearization a condition",
    ),
    "responsibility": ("says others must do more", "rejects putting the onus on one party"),
}

# Verbs whose subject states a position even without a quotation (reporting_verbs.yaml).
STATEMENT_VERBS = load_reporting_verbs().statement


@dataclass
class _Unit:
    holder: str
    article_id: str
    text: str
    quote_id: str | None


def score_text(text: str, issue: str) -> float | None:
    """The stance of one piece of text on one issue, -1..1, or None when it is silent.

    A cue counts for a term it governs: a push word before the term ("urge talks",
    "increase pressure") or said of it after it ("sanctions will cut deep"); a negation
    just before a push word flips it ("will not accept").  Cues about a demand on North
    Korea itself ("North Korea must ...") are not the speaker's view of pressure or force.
    """
    pat = ISSUES[issue]
    hits = [m for m in pat.finditer(text) if not _self_reference(text, m)]
    if not hits:
        return None
    total = 0.0
    n = 0
    for m in hits:
        lo = max(0, m.start() - 90)
        hi = min(len(text), m.end() + 60)
        window = text[lo:hi]
        rel_start, rel_end = m.start() - lo, m.end() - lo
        s = 0.0
        cons = list(_CON.finditer(window))
        for strong, rx in ((True, _PRO_STRONG), (False, _PRO_WEAK)):
            for p in rx.finditer(window):
                word = p.group(0)
                if pat.fullmatch(word) or p.start() < rel_end and p.end() > rel_start:
                    continue
                after = p.start() >= rel_end
                if after and not _PRO_PREDICATE.match(word):
                    continue  # "sanctions ... hope": a pro word after the term is not about it
                if after and re.search(r"[.;:]", window[rel_end : p.start()]):
                    continue
                if not after and re.search(r"[.;:]", window[p.end() : rel_start]):
                    continue
                if (
                    after
                    and word.lower() in _MODALS
                    and not _PRO_AFTER_MODAL.match(window[p.end() : p.end() + 30])
                ):
                    continue  # "measures must be coupled with talks" is no call for more
                if word.lower() in _MODALS:
                    nxt = window[p.end() : p.end() + 14]
                    if _NEG.match(nxt.strip()) or any(0 <= c.start() - p.end() < 14 for c in cons):
                        continue  # "should not increase", "should be abandoned": the verb decides
                if issue in ("pressure", "military", "responsibility") and _PRK_SUBJECT.search(
                    window[max(0, p.start() - 30) : p.start()]
                ):
                    continue  # "North Korea must choose ...": a demand on the target
                before = window[max(0, p.start() - 18) : p.start()]
                if re.search(r"\b(?:for|over|of)\s+$", before):
                    continue  # "pay dearly for pushing sanctions": a grievance, not support
                w = (1.5 if strong else 1.0) * (1.0 if abs(p.start() - rel_start) < 50 else 0.75)
                s += -w if _NEG.search(before) else w
        for c in cons:
            word = c.group(0)
            if c.start() < rel_end and c.end() > rel_start:
                continue
            after = c.start() >= rel_end
            if after and not _CON_PREDICATE.match(word):
                continue  # "levelled against the regime": the con word governs something else
            gap = window[rel_end : c.start()] if after else window[c.end() : rel_start]
            if re.search(r"[.;:]", gap) or len(gap) > 60:
                continue
            w = 1.5 if abs(c.start() - rel_start) < 40 else 1.125
            before = window[max(0, c.start() - 10) : c.start()]
            s += w if re.search(r"\bnot (?:to )?$", before) else -w  # "not to backtrack"
        s += _contrast(text, m)
        if _INVERTED_TERM.match(m.group(0)):
            s = -s
        total += s
        n += 1
    if total == 0:
        return None
    v = total / max(1, n)
    return max(-1.0, min(1.0, v / 2))


_NOT_BUT = re.compile(r"\bnot (?:an? |the )?([^,.;]{1,40}?) but\b", re.I)
_RATHER = re.compile(r"\b(?:rather than|instead of)\b", re.I)


def _contrast(text: str, m: re.Match[str]) -> float:
    """ "not a war but a diplomatic settlement", "talks rather than pressure": the side named
    after "but" (before "rather than") is preferred, the other refused."""
    s = 0.0
    for c in _NOT_BUT.finditer(text):
        if c.start(1) <= m.start() < c.end(1):
            s -= 1.5
        elif c.end() <= m.start() < c.end() + 40:
            s += 1.5
    for c in _RATHER.finditer(text):
        if c.end() <= m.start() < c.end() + 30:
            s -= 1.5
        elif 0 < c.start() - m.end() < 40 and not re.search(r"[.;]", text[m.end() : c.start()]):
            s += 1.5
    return s


def _self_reference(text: str, m: re.Match[str]) -> bool:
    """ "isolating itself": the term is about what North Korea does to itself."""
    return bool(re.match(r"\s+(?:itself|themselves)\b", text[m.end() : m.end() + 12]))


def reported_statements(
    doc: Doc, ctx: ArticleActors, raws: Sequence[RawQuote]
) -> list[tuple[Speaker, str]]:
    """Sentences outside quotations whose subject is an actor stating a position."""
    from briefgen.nlp.quotes import doc_sents, noun_phrase

    quoted = [(s.mark_start, s.mark_end) for r in raws for s in r.spans]
    out: list[tuple[Speaker, str]] = []
    for sent in doc_sents(doc):
        if any(a < sent.end_char and sent.start_char < b for a, b in quoted):
            continue
        text = " ".join(sent.text.split())
        if not any(p.search(text) for p in ISSUES.values()):
            continue
        if re.search(r"\baccording to\b", text, re.I):
            continue  # somebody else's account of what was said
        for t in sent:
            if t.lemma_.lower() not in STATEMENT_VERBS or t.pos_ != "VERB":
                continue
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.pos_ == "PRON":
                continue  # a pronoun's referent is a guess; a stance needs the actor named
            sp = ctx.resolve(noun_phrase(subj), subj, subj.idx)
            if sp is not None and sp.named:
                out.append((sp, _clause_text(t)))
                break
    return out


def _clause_text(verb: Token) -> str:
    """The statement verb's own clause: "Trump urged China to act, but Beijing said ..." gives
    Trump only the part he said."""
    toks = [
        t
        for t in verb.subtree
        if not any(
            a.dep_ in ("conj", "advcl", "relcl") and a.head.i == verb.i for a in _path(t, verb)
        )
        or t.i == verb.i
    ]
    lo, hi = toks[0].i, toks[-1].i
    return " ".join(verb.doc[lo : hi + 1].text.split()).strip(" ,;")


def _path(tok: Token, top: Token) -> list[Token]:
    """Tokens from `tok` up to (not including) `top`."""
    out = []
    t = tok
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


# Where a sentence turns to someone else: the quote's own clause ends there.
_TURN = re.compile(
    r"(?:,\s*but\b|;|,\s*while\b|,\s*whereas\b|\beven as\b|,\s*although\b|\bdespite\b|"
    r"\baccording to\b|,\s*and\s+(?=[A-Z]))"
)


def own_clause(sentence: str, quote: str) -> str:
    """The part of `sentence` that holds `quote`, cut where the sentence turns to another
    speaker ("..., but China has said ...")."""
    i = sentence.find(quote)
    if i < 0:
        return sentence
    j = i + len(quote)
    lo, hi = 0, len(sentence)
    for m in _TURN.finditer(sentence):
        if m.end() <= i:
            lo = m.end()
        elif m.start() >= j and hi == len(sentence):
            hi = m.start()
    # "after X said ..., Trump said that ...": start at the comma before the quote's own cue
    start = lo
    for c in re.finditer(r",\s", sentence[start:i]):
        if _CUE_WORD.search(sentence[start + c.end() : i]):
            lo = start + c.end()
    # "While X said “...,” the official's comments were ...": the subordinate clause ends
    if _SUBORDINATE.match(sentence[lo:]):
        end = re.search(r"[”\"]?,\s", sentence[j:hi])
        if end is not None:
            hi = j + end.start() + 1
    return sentence[lo:hi].strip(" ,;")


_CUE_WORD = load_reporting_verbs().words_regex("clause_words")
_SUBORDINATE = re.compile(r"\s*(?:While|Although|Though|Whereas|As|After|Before)\b")


_KOREA = re.compile(r"\b(Korea\w*|Pyongyang|DPRK|Kim Jong|peninsula|Seoul)\b", re.I)
_ELSEWHERE = re.compile(
    r"\b(Gaza|Israel\w*|Hamas|Myanmar|junta|Ukrain\w*|South China Sea|Philippines|Taiwan\w*|"
    r"Syria\w*|Iran\w*)\b"
)


def _off_topic(text: str) -> bool:
    """Evidence about another conflict says nothing about the peninsula."""
    return bool(_ELSEWHERE.search(text)) and not _KOREA.search(text)


def _units(quotes: Sequence[Quote], statements: Iterable[tuple[str, str, str]]) -> list[_Unit]:
    units: list[_Unit] = []
    seen: set[tuple[str, str]] = set()
    for q in quotes:
        # reported speech reaches positions as `statements` (reported_statements) for now
        if q.kind == "indirect" or q.actor_id is None or _off_topic(q.sentence or q.text):
            continue
        # the sentence gives context words ("called it unacceptable"); partial quotes need it,
        # but only the clause the quote is in: the rest may be someone else's words
        text = (
            q.text
            if q.kind == "direct" and len(q.text.split()) >= 8
            else own_clause(q.sentence, q.text)
            if q.sentence
            else q.text
        )
        key = (q.actor_id, " ".join(text.split()))
        if key in seen:
            continue
        seen.add(key)
        units.append(_Unit(q.actor_id, q.article_id, " ".join(text.split()), q.quote_id))
    for actor_id, article_id, text in statements:
        key = (actor_id, text)
        if _off_topic(text):
            continue
        if key in seen:
            continue
        seen.add(key)
        units.append(_Unit(actor_id, article_id, text, None))
    return units


def _label(issue: str, stance: float, targets: Sequence[str] = ()) -> str:
    pro, con = LABELS[issue]
    if issue == "responsibility" and stance > 0 and targets:
        from briefgen.knowledge.countries import country_name

        return f"says {', '.join(country_name(t) for t in targets)} must do more"
    return pro if stance > 0 else con


def derive_positions(
    quotes: Sequence[Quote],
    statements: Iterable[tuple[str, str, str]],
    actors: Sequence[Actor],
    max_evidence: int = 5,
) -> list[Position]:
    """Actor positions per issue from quotes and reported statements, then country positions."""
    from briefgen.knowledge.countries import countries_mentioned
    from briefgen.nlp.actors import is_country_voice

    by_id = {a.actor_id: a for a in actors}
    acc: dict[tuple[str, str], list[tuple[float, _Unit]]] = {}
    for u in _units(quotes, statements):
        for issue in ISSUES:
            s = score_text(u.text, issue)
            if s is not None:
                acc.setdefault((u.holder, issue), []).append((s, u))
    positions: list[Position] = []
    for (holder, issue), items in sorted(acc.items()):
        stance = sum(s for s, _ in items) / len(items)
        if not _clear(stance, [s for s, _ in items]):
            continue
        actor = by_id.get(holder)
        country = actor.country if actor else None
        targets: list[str] = []
        if issue == "responsibility":
            c = countries_mentioned(" ".join(u.text for _, u in items))
            targets = [k for k, _ in c.most_common() if k not in (country, "PRK", "UN")][:2]
        strongest = sorted(items, key=lambda x: -abs(x[0]))[:max_evidence]
        positions.append(
            Position(
                holder=holder,
                holder_kind="actor",
                issue=issue,
                stance=1 if stance > 0 else -1,
                confidence=round(min(1.0, abs(stance)), 2),
                label=_label(issue, stance, targets),
                country=country,
                evidence=[Evidence(u.article_id, u.text, u.quote_id) for _, u in strongest],
            )
        )
    countries = country_positions(positions, by_id, max_evidence)
    # "China said ..." speaks as the country: its stance is the country's, never an actor's
    # that could be set against the country's own officials
    positions = [p for p in positions if not is_country_voice(p.holder, p.country)]
    return positions + countries


# A stance needs a strong cue in one piece of evidence or several that agree: a wrong stance
# misleads more than a missing one.
_MIN_SINGLE = 0.55
_MIN_AGREE = 2 / 3


def _clear(stance: float, scores: Sequence[float]) -> bool:
    """True when the evidence says one thing clearly enough to print it as a stance."""
    if abs(stance) < 0.2:
        return False
    if len(scores) == 1:
        return abs(scores[0]) >= _MIN_SINGLE
    agree = sum(1 for x in scores if x * stance > 0) / len(scores)
    return agree >= _MIN_AGREE and any(abs(x) >= _MIN_SINGLE for x in scores) or agree == 1.0


def country_positions(
    actor_positions: Sequence[Position], actors: dict[str, Actor], max_evidence: int = 5
) -> list[Position]:
    """A country's stance per issue: the mean of its government and body actors' stances."""
    groups: dict[tuple[str, str], list[Position]] = {}
    for p in actor_positions:
        a = actors.get(p.holder)
        if (
            a is None
            or a.country is None
            or a.kind not in ("government", "international", "state-media")
        ):
            continue
        groups.setdefault((a.country, p.issue), []).append(p)
    out: list[Position] = []
    for (code, issue), ps in sorted(groups.items()):
        weights = [len(p.evidence) for p in ps]
        stance = sum(signed(p) * w for p, w in zip(ps, weights, strict=True)) / sum(weights)
        if abs(stance) < 0.1:
            continue
        ev = [e for p in sorted(ps, key=lambda p: -p.confidence) for e in p.evidence][:max_evidence]
        label = ps[0].label if len(ps) == 1 else _label(issue, stance)
        out.append(
            Position(
                holder=code,
                holder_kind="country",
                issue=issue,
                stance=1 if stance > 0 else -1,
                confidence=round(min(1.0, abs(stance)), 2),
                label=label,
                country=code,
                evidence=ev,
            )
        )
    return out


def signed(p: Position) -> float:
    """The position as one number, -1..1: its side times how sure it is."""
    return p.stance * p.confidence


def disagreements(
    positions: Sequence[Position], min_stance: float = 0.3, min_gap: float = 0.8
) -> list[tuple[Position, Position]]:
    """Pairs that take opposite sides of one issue: two actors of one country, or two countries.

    Both sides need clear evidence (several items, or one strong stance) and the split a
    margin; a country-named speaker is the country itself, never set against its officials.
    Strongest split first.  The assemble stage turns these into sentences such as
    "Trump and Tillerson differ on dialogue".
    """
    from briefgen.nlp.actors import is_country_voice

    def clear(p: Position) -> bool:
        return p.confidence >= min_stance and (len(p.evidence) >= 2 or p.confidence >= 0.6)

    out: list[tuple[float, Position, Position]] = []
    ps = [
        p
        for p in positions
        if clear(p) and not (p.holder_kind == "actor" and is_country_voice(p.holder, p.country))
    ]
    for i, a in enumerate(ps):
        for b in ps[i + 1 :]:
            if a.issue != b.issue or a.holder == b.holder or a.holder_kind != b.holder_kind:
                continue
            if a.stance * b.stance >= 0 or abs(signed(a) - signed(b)) < min_gap:
                continue
            if a.holder_kind == "actor" and (a.country is None or a.country != b.country):
                continue
            out.append((abs(signed(a) - signed(b)), a, b))
    out.sort(key=lambda x: -x[0])
    return [(a, b) for _, a, b in out]
