"""A stance is a want, demand, commitment, refusal or threat; a report of what happened
is none (issue 10: "talks ended on Monday" read as a talks stance).  The shipped model on
short texts through the real parser and embedder."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "country", "issue", "sign"),
    [
        # a report of what happened: the "narrated" veto (nlp/narration.py); before it,
        # read as talks +1 at the statement floor (a strict xfail here)
        ("The talks ended on Monday.", "USA", "talks", 0),
        ("We are ready to sit down and talk.", "PRK", "talks", 1),
        ("North Korea will never give up its nuclear weapons.", "PRK", "denuclearization", -1),
        (
            "China urged restraint on all sides on the Korean peninsula.",
            "CHN",
            "military_force",
            -1,
        ),
    ],
)
def test_the_model_tells_a_stance_from_a_fact(
    text: str, country: str, issue: str, sign: int
) -> None:
    """0: no stance on the issue."""
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy
    from briefgen.nlp.stance import StanceInput, read_stances

    inp = StanceInput(
        span=load_spacy()(text)[:],
        country=country,
        kind="government",
        quote_kind="direct",
        cue="said",
    )
    (stances,) = read_stances([inp], Embedder(None).embed)
    assert {s.issue: s.stance for s in stances}.get(issue, 0) == sign
