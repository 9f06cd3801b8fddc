"""How train_stance.py scores a set of read stances: gold actor positions of official
speakers per week (per article when undated), against the positions the brief's own
aggregation (nlp.positions.actor_positions) makes of them.  Split from train_stance.py
(which re-exports these names) to keep it under 500 lines; the same code."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from train_stance import Example

OFFICIAL = {"government", "international", "state-media"}


def _speaker(e: Example) -> str:
    return " ".join((e.speaker or "?").lower().split())


Key = tuple[str, str, str]  # (week or article, speaker, issue)


def _gold_and_made(
    ex: list[Example], stances: list[list[Any]]
) -> tuple[dict[Key, int], dict[Key, tuple[int, float]], set[Key]]:
    """Gold positions of official speakers per week (per article when undated), the
    positions nlp.positions.actor_positions makes of the given stances ({key: (side,
    confidence)}), and the keys with any stance read at all."""
    from briefgen.model import Actor, Quote
    from briefgen.nlp.positions import actor_positions

    gold: dict[Key, Counter[int]] = defaultdict(Counter)
    quotes: list[Quote] = []
    actors: dict[str, Actor] = {}
    read: set[Key] = set()
    for n, (e, st) in enumerate(zip(ex, stances, strict=True)):
        if e.earlier or e.group not in OFFICIAL or not e.source.startswith("quotes-"):
            continue
        scope = e.week or e.key
        aid = f"{scope}|{_speaker(e)}"
        actors.setdefault(aid, Actor(aid, _speaker(e), "government"))
        for issue, sign in e.labels.items():
            gold[(scope, _speaker(e), issue)][sign] += 1
        read |= {(scope, _speaker(e), s.issue) for s in st}
        quotes.append(Quote(f"q{n}", e.key, e.text, 0, 0, actor_id=aid, stances=list(st)))
    gm = {
        k: c.most_common(1)[0][0]
        for k, c in gold.items()
        if len(c) == 1 or c.most_common(2)[0][1] > c.most_common(2)[1][1]
    }
    made: dict[Key, tuple[int, float]] = {}
    for p in actor_positions(quotes, list(actors.values())):
        scope, who = p.holder.split("|", 1)
        made[(scope, who, p.issue)] = (p.stance, p.confidence)
    return gm, made, read


def actor_scores(
    ex: list[Example], stances: list[list[Any]], show: float
) -> tuple[int, int, int, int]:
    """(gold positions, printed positions, printed and right, gold found) for official
    speakers per week (per article when undated), through nlp.positions.actor_positions."""
    gm, all_made, _ = _gold_and_made(ex, stances)
    made = {k: side for k, (side, conf) in all_made.items() if conf >= show}
    right = sum(1 for k, v in made.items() if gm.get(k) == v)
    found = sum(1 for k, v in gm.items() if made.get(k) == v)
    return len(gm), len(made), right, found


def miss_causes(ex: list[Example], stances: list[list[Any]], show: float) -> Counter[str]:
    """Each gold actor position (gold speakers, so extraction and speakers play no part)
    as found or by why the model missed it: no stance on the issue read from any of the
    speaker's statements (abstained), the right side below the display threshold, the
    other side, or statements that split below the agreement aggregation needs."""
    gm, made, read = _gold_and_made(ex, stances)
    out: Counter[str] = Counter()
    for k, side in gm.items():
        if k in made:
            got, conf = made[k]
            if got != side:
                out["other side"] += 1
            else:
                out["found" if conf >= show else f"right side, below display threshold {show}"] += 1
        else:
            out["statements split" if k in read else "model abstained"] += 1
    return out
