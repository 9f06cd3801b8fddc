"""Readings the statement's own words back, from an official voice, count for more.

The stance model's confidence is calibrated over every statement, most of which say
nothing of the issue in its own terms; a reading whose words hold a phrase of the issue
on the side read, and none on the other ("urged maximum pressure", "committed to
complete denuclearization", "talks are a waste of time"), from a government, an
international body or state media, is right more often than its confidence says.  Such a
reading at data/stance_cues.yaml phrase_backed `floor` or above counts at its
`confidence` at least (nlp/stance.py read_statements), so one clear statement can carry
an official's position.  Only on the issues listed there: on exercises and inter-Korean
engagement the phrases are too general ("exchanges", "alliance").  Only an official's
own line (nlp/stance.py own_official_word): a question states none, and "Kim wants to
meet Trump" from Seoul holds a phrase of talks but reports Pyongyang's wish
(nlp/wishes.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefgen.knowledge.stance_cues import phrase_backed
from briefgen.model import Stance


def lifted(
    stances: Sequence[Stance], official: bool, words_back: Callable[[str, int], bool]
) -> list[Stance]:
    """The statement's stances, each one its words back (`words_back(issue, side)`: the
    issue's own phrases point that way only) raised to the backed confidence when
    `official`: an official voice states its own line."""
    rule = phrase_backed()
    if not official:
        return list(stances)
    return [
        Stance(s.issue, s.stance, max(s.confidence, rule.confidence))
        if s.confidence >= rule.floor and s.issue in rule.issues and words_back(s.issue, s.stance)
        else s
        for s in stances
    ]
