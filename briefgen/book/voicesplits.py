"""Where a country's own official voices split on an issue, shown instead of a country-wide
stance (issue 10 part 3).

nlp/positions.py states no position "as a whole" when an official voice says the other
side in a statement of its own, even when that voice's statements are too split to make
a position of their own (Trump calling talks "pointless" one day and read the other way
another).  Contradictions (book/contradictions.py) pair two printed positions, so that
split would go unsaid; here an official's printed position is set beside the strongest
statement of another official voice of the same country on the other side, both cited.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from briefgen.book.contradictions import presentable_holder
from briefgen.knowledge.issues import issue_name
from briefgen.model import OFFICIAL_KINDS, Actor, Position, Quote, Stance, Statement
from briefgen.nlp.positions import official_statements
from briefgen.periods import Period

# The other side's words are printed as saying it: a firmer reading than CARRIES, which
# only keeps a country-wide stance back.  At CARRIES, Hong Yong-pyo's "the government and
# companies had invested about 1 trillion won in Kaesong" (0.63) was printed as favouring
# inter-Korean engagement against his own government (reuters 2016-W06).
SHOWN = 0.75


def voice_splits(
    code: str,
    positions: Sequence[Position],
    quotes: Sequence[Quote],
    actors: Mapping[str, Actor],
    cite: Callable[[str], int | None],
    period: Period | None = None,
) -> list[Statement]:
    """One line per issue where an official of `code` holds a printed position and another
    official voice of `code` says the other side this period; strongest dissent first."""
    since, until = (period.start, period.end) if period else (None, None)
    said = official_statements(quotes, list(actors.values()), since, until)
    out: list[tuple[float, Statement]] = []
    done: set[str] = set()
    for p in positions:
        a = actors.get(p.holder)
        if p.holder_kind != "actor" or a is None or a.country != code or p.issue in done:
            continue
        if a.kind not in OFFICIAL_KINDS or not presentable_holder(p, actors):
            continue
        other = _strongest_other(p, code, said, actors)
        if other is None:
            continue
        done.add(p.issue)
        out.append((other[1].confidence, _line(p, a, other[0], actors, cite)))
    out.sort(key=lambda x: -x[0])
    return [s for _, s in out]


def _strongest_other(
    p: Position, code: str, said: Sequence[tuple[Quote, Stance]], actors: Mapping[str, Actor]
) -> tuple[Quote, Stance] | None:
    """Another official voice's statement of `code` on the other side of `p`, if any."""
    own = {e.text for e in p.evidence}
    names = _words(actors[p.holder])
    best: tuple[Quote, Stance] | None = None
    for q, s in said:
        if q.country != code or s.issue != p.issue or s.stance != -p.stance:
            continue
        if s.confidence < SHOWN:
            continue
        b = actors.get(q.actor_id or "")
        if b is None or q.actor_id == p.holder or " ".join(q.text.split()) in own:
            continue
        if names & _words(b) == _words(b) or names & _words(b) == names:
            continue  # "Trump" and "Donald Trump": one voice
        if best is None or s.confidence > best[1].confidence:
            best = (q, s)
    return best


def _words(a: Actor) -> set[str]:
    return {w.lower() for w in a.name.split()}


def _named(name: str, sentence: str) -> str:
    """ "the White House" as the article names it; a person's name as it is."""
    return f"the {name}" if f"the {name}".lower() in sentence.lower() else name


def _line(
    p: Position, a: Actor, q: Quote, actors: Mapping[str, Actor], cite: Callable[[str], int | None]
) -> Statement:
    b = actors[q.actor_id or ""]
    said = f"“{q.text.strip()}”" if q.kind == "direct" else q.text.strip()
    text = (
        f"Its officials differ on {issue_name(p.issue)}: {a.name} {p.label}, while "
        f"{_named(b.name, q.sentence)} said {said}."
    )
    ids = [e.article_id for e in p.evidence[:1]] + [q.article_id]
    nums = sorted({n for i in ids if (n := cite(i)) is not None})
    basis = " / ".join([*(e.text for e in p.evidence[:1]), q.text])
    return Statement(text=text, cites=nums, kind="contradiction", basis=basis)
