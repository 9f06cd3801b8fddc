"""What a reporting cue reports, on short texts written here: the addressee of "told"
that the parser read into the reported clause's subject is not part of what was said."""

from __future__ import annotations

from tests.texts import attribute_text


def _reported(nlp, text: str) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.text) for q in attribute_text(nlp, text).quotes if q.kind == "indirect"]


def test_the_addressee_of_told_is_not_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kang Kyung-wha sounded a more cautious note and told the 20 senior envoys "
        "sanctions pressure is already making progress."
    )
    assert _reported(nlp, text) == [
        ("Kang Kyung-wha", "sanctions pressure is already making progress")
    ]


def test_an_addressee_the_parser_found_stays_out_and_the_clause_stays_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    got = _reported(
        nlp, "Kang Kyung-wha told the senior envoys that the sanctions pressure is working."
    )
    assert got == [("Kang Kyung-wha", "the sanctions pressure is working")]
