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

from briefgen.model import Actor, Evidence, Position, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
        r"\b(dialogue|talks?|talking|negotiat\w+|engagement|engage\w*|diploma\w+|"
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
        r"\b(responsibility|holds? the key|shift \w+ to others|urge (?:russia|china)|"
        r"urged (?:china|russia)|(?:china|russia) (?:must|should)|do more|"
        r"caused by any one party)\b",
        re.I,
    ),
}

_PRO = re.compile(
    r"\b(must|should|need\w*|urg\w+|call\w* (?:for|on)|increas\w+|step\w* up|maximi[sz]\w+|"
    r"strengthen\w*|continu\w+|encourag\w+|welcom\w+|support\w*|back\w*|insist\w*|"
    r"enforc\w+|ready|prefer\w*|implement\w*|improve|keep (?:up|in mind)|push\w*|"
    r"committed|bear fruit|take effect|worked|working|progress|vow\w*|demand\w*|"
    r"earn|put an end|new consequences|pursu\w+|probing|open|hope\w*|applaud|"
    r"significant first step|lines of communication|more room|will continue|"
    r"consider\w*|threat\w*|destroy)\b",
    re.I,
)
_CON = re.compile(
    r"\b(oppos\w+|against|abandon\w*|undermin\w+|unacceptable|destructive|naive|"
    r"wast\w+ (?:his |their |of )?time|pointless|reject\w*|instead of|rather than|"
    r"lift\w* (?:up )?sanctions|wary|misleading|shift \w+ to others|before taking|"
    r"not a war|rhetoric|desperate measure|hostile policy|cannot help|"
    r"doesn.t include|"
    r"not possible to impose|not caused by any one party|end rhetoric|backtrack)\b",
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

# Verbs whose subject states a position even without a quotation.
STATEMENT_VERBS = frozenset(
    [
        "say",
        "urge",
        "call",
        "insist",
        "warn",
        "demand",
        "back",
        "oppose",
        "support",
        "welcome",
        "reject",
        "criticize",
        "criticise",
        "push",
        "vow",
        "threaten",
        "propose",
        "announce",
        "reiterate",
        "stress",
        "signal",
        "accuse",
        "dismiss",
        "agree",
        "echo",
        "order",
        "condemn",
        "pledge",
        "suggest",
        "tell",
        "add",
        "note",
    ]
)


@dataclass
class _Unit:
    holder: str
    article_id: str
    text: str
    quote_id: str | None


def score_text(text: str, issue: str) -> float | None:
    """The stance of one piece of text on one issue, -1..1, or None when it is silent."""
    pat = ISSUES[issue]
    hits = list(pat.finditer(text))
    if not hits:
        return None
    total = 0.0
    n = 0
    for m in hits:
        lo = max(0, m.start() - 90)
        hi = min(len(text), m.end() + 60)
        window = text[lo:hi]
        rel = m.start() - lo
        s = 0.0
        for p in _PRO.finditer(window):
            if pat.fullmatch(p.group(0)):
                continue
            if p.group(0).lower() in _MODALS and _NEG.match(window[p.end() : p.end() + 8].strip()):
                continue  # "should not increase": the negated verb carries the stance
            before = window[max(0, p.start() - 18) : p.start()]
            w = 1.0 if abs(p.start() - rel) < 50 else 0.5
            s += -w if _NEG.search(before) else w
        for c in _CON.finditer(window):
            w = 1.0 if abs(c.start() - rel) < 60 else 0.5
            before = window[max(0, c.start() - 10) : c.start()]
            s += w if re.search(r"\bnot (?:to )?$", before) else -w  # "not to backtrack"
        total += s
        n += 1
    if total == 0:
        return None
    v = total / max(1, n)
    return max(-1.0, min(1.0, v / 2))


def reported_statements(
    doc: Doc, ctx: ArticleActors, raws: Sequence[RawQuote]
) -> list[tuple[Speaker, str]]:
    """Sentences outside quotations whose subject is an actor stating a position."""
    from briefgen.nlp.quotes import noun_phrase

    quoted = [(s.mark_start, s.mark_end) for r in raws for s in r.spans]
    out: list[tuple[Speaker, str]] = []
    for sent in doc.sents:
        if any(a < sent.end_char and sent.start_char < b for a, b in quoted):
            continue
        text = " ".join(sent.text.split())
        if not any(p.search(text) for p in ISSUES.values()):
            continue
        for t in sent:
            if t.lemma_.lower() not in STATEMENT_VERBS or t.pos_ != "VERB":
                continue
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            sp = ctx.resolve(noun_phrase(subj), subj, subj.idx)
            if sp is not None and sp.named:
                out.append((sp, text))
                break
    return out


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
        if q.actor_id is None or _off_topic(q.sentence or q.text):
            continue
        # the sentence gives context words ("called it unacceptable"); partial quotes need it
        text = q.text if q.kind == "direct" and len(q.text.split()) >= 8 else q.sentence or q.text
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
        from briefgen.nlp.actors import country_name

        return f"says {', '.join(country_name(t) for t in targets)} must do more"
    return pro if stance > 0 else con


def derive_positions(
    quotes: Sequence[Quote],
    statements: Iterable[tuple[str, str, str]],
    actors: Sequence[Actor],
    max_evidence: int = 5,
) -> list[Position]:
    """Actor positions per issue from quotes and reported statements, then country positions."""
    from briefgen.nlp.actors import countries_mentioned

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
        if abs(stance) < 0.1:
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
                stance=round(stance, 2),
                label=_label(issue, stance, targets),
                country=country,
                evidence=[Evidence(u.article_id, u.text, u.quote_id) for _, u in strongest],
            )
        )
    positions += country_positions(positions, by_id, max_evidence)
    return positions


def country_positions(
    actor_positions: Sequence[Position], actors: dict[str, Actor], max_evidence: int = 5
) -> list[Position]:
    """A country's stance per issue: the mean of its government and body actors' stances."""
    groups: dict[tuple[str, str], list[Position]] = {}
    for p in actor_positions:
        a = actors.get(p.holder)
        if a is None or a.country is None or a.kind not in ("government", "body", "state-media"):
            continue
        groups.setdefault((a.country, p.issue), []).append(p)
    out: list[Position] = []
    for (code, issue), ps in sorted(groups.items()):
        weights = [len(p.evidence) for p in ps]
        stance = sum(p.stance * w for p, w in zip(ps, weights, strict=True)) / sum(weights)
        if abs(stance) < 0.1:
            continue
        ev = [e for p in sorted(ps, key=lambda p: -abs(p.stance)) for e in p.evidence][
            :max_evidence
        ]
        label = ps[0].label if len(ps) == 1 else _label(issue, stance)
        out.append(
            Position(
                holder=code,
                holder_kind="country",
                issue=issue,
                stance=round(stance, 2),
                label=label,
                country=code,
                evidence=ev,
            )
        )
    return out


def disagreements(
    positions: Sequence[Position], min_stance: float = 0.2
) -> list[tuple[Position, Position]]:
    """Pairs that take opposite sides of one issue: two actors of one country, or two countries.

    Strongest split first.  The assemble stage turns these into sentences such as
    "Trump and Tillerson differ on dialogue".
    """
    out: list[tuple[float, Position, Position]] = []
    ps = [p for p in positions if abs(p.stance) >= min_stance]
    for i, a in enumerate(ps):
        for b in ps[i + 1 :]:
            if a.issue != b.issue or a.holder == b.holder or a.holder_kind != b.holder_kind:
                continue
            if a.stance * b.stance >= 0:
                continue
            if a.holder_kind == "actor" and (a.country is None or a.country != b.country):
                continue
            out.append((abs(a.stance - b.stance), a, b))
    out.sort(key=lambda x: -x[0])
    return [(a, b) for _, a, b in out]
