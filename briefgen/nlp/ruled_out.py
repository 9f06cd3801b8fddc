"""Sides a statement's own words rule out, whatever the stance model reads.

A refusal to trade ("won't trade its arsenal for economic benefits") is not asking for
what the trade would bring; patience ("I'm in no rush") is no demand to denuclearize
now (data/stance_cues.yaml refused_trade, no_rush); relief offered once North Korea
denuclearizes, by a speaker not North Korean, keeps sanctions until then and is not
seeking relief (conditional_relief).  nlp/stance.py read_statements and
benchmarks/train_stance.py's scoring apply it alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.knowledge.stance_cues import conditional_relief, no_rush, refused_trade
from briefgen.model import Stance


def not_ruled_out(
    text: str, stances: Sequence[Stance], north_speaker: bool = False
) -> list[Stance]:
    """The stances a statement's own words do not rule out: a refused trade is not
    seeking what it would bring, patience ("no rush") is no demand, relief offered on
    North Korea's denuclearization by someone else is no seeking of relief
    (data/stance_cues.yaml refused_trade, no_rush, conditional_relief)."""
    low = text.lower().replace("\u2019", "'")
    out = list(stances)
    rules = [refused_trade(), no_rush()] + ([] if north_speaker else [conditional_relief()])
    for words, drops in rules:
        if words.search(low):
            out = [s for s in out if (s.issue, s.stance) not in drops]
    return out
