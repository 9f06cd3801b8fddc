"""Sides a statement's own words rule out, whatever the stance model reads.

A refusal to trade ("won't trade its arsenal for economic benefits") is not asking for
what the trade would bring; patience ("I'm in no rush") is no demand to denuclearize
now (data/stance_cues.yaml refused_trade, no_rush); relief or talks offered once North
Korea denuclearizes, by a speaker not North Korean, keep pressure until then and are
neither seeking relief nor favouring talks now (conditional_relief, conditional_talks);
waiting to judge ("we will see if") is no offer of talks (sceptical_talks); a leader's
call with an ally ("a long and very good talk" with Moon) is no talks with North Korea
(conversation); disputing what sanctions achieved ("the result of sanctions") asks no
relief (sanctions_credit).  nlp/stance.py read_statements and benchmarks/train_stance.py's scoring
apply it alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.knowledge.stance_cues import (
    conditional_relief,
    conditional_talks,
    conversation,
    no_rush,
    refused_trade,
    sanctions_credit,
    sceptical_talks,
)
from briefgen.model import Stance


def not_ruled_out(
    text: str, stances: Sequence[Stance], north_speaker: bool = False
) -> list[Stance]:
    """The stances a statement's own words do not rule out (module docstring; the
    conditional offers only from a speaker not North Korean: a North Korean's own
    conditions are its demand)."""
    low = text.lower().replace("\u2019", "'")
    out = list(stances)
    rules = [refused_trade(), no_rush(), sceptical_talks(), sanctions_credit()]
    if not north_speaker:
        rules += [conditional_relief(), conditional_talks()]
    call, north, call_drops = conversation()
    if not north.search(low):
        rules.append((call, call_drops))
    for words, drops in rules:
        if words.search(low):
            out = [s for s in out if (s.issue, s.stance) not in drops]
    return out
