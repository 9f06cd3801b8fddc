"""Voices whose analysis is no demand.

An expert weighing whether North Korea will disarm ("not necessarily a sign of
irreversible disarmament") was read as demanding denuclearization, and blind judges
struck it; an expert demands only with a word of duty or a cue of urging
(data/stance_cues.yaml demand_only).  nlp/stance.py's veto "analysis" calls this.
"""

from __future__ import annotations

from briefgen.knowledge.stance_cues import demand_only


def analysis(issue: str, sign: int, kind: str | None, demands: bool) -> bool:
    """A voice of a kind whose words are analysis (an expert) read on a side it could only
    take as a demand, with no word of duty or urging (`demands`)."""
    kinds, sides = demand_only()
    return kind in kinds and (issue, sign) in sides and not demands
