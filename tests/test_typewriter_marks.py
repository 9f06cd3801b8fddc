"""Typewriter quotation marks: some newspapers' archives (the New York Times' among them)
print a double quotation mark as two apostrophes, or open it with two backticks
(''We will,'' he said; ``We will,'' he said).  They are double marks: the words inside
are quoted, with their speaker, and a reported clause holding them is a mixed quotation."""

from __future__ import annotations

import pytest

from briefgen.nlp.marks import closing_width, find_quote_spans, has_mark, opening_width
from tests.texts import attribute_text


def _quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("''We will not back down,'' he said.", ["We will not back down"]),
        ("``We will not back down,'' he said.", ["We will not back down"]),
        ("He called it ''a disgrace'' and left.", ["a disgrace"]),
        # a single quotation closing with the double one: three apostrophes
        ("''He told me 'never,''' she said.", ["He told me 'never,'"]),
        # unclosed at the paragraph's end: the quote runs on in the next paragraph
        (
            "''The first part.\n\n''The second part,'' he said.",
            ["The first part.", "The second part"],
        ),
    ],
)
def test_two_apostrophes_and_two_backticks_are_double_marks(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted
    for s in find_quote_spans(text):
        assert text[s.mark_start : s.mark_start + 2] in ("''", "``")


def test_an_apostrophe_alone_is_no_mark() -> None:
    assert _quoted("The workers' union said it's the voters' choice.") == []


def test_mark_widths() -> None:
    assert opening_width("''We will.''") == 2 and closing_width("''We will.''") == 2
    assert opening_width("``We will.''") == 2
    assert opening_width("“We will.”") == 1 and closing_width("“We will.”") == 1
    assert opening_width("We will.") == 0 and closing_width("We will.") == 0
    assert has_mark("said ''no'' twice") and not has_mark("the voters' choice")


def test_a_typewriter_quotation_has_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "''Good economic news for the country is bad political news for the Republicans,'' "
        "said Geoff Garin, a Democratic pollster.\n\n"
        "Senator Mark Warner said the deal was ``a step in the right direction'' for Virginia."
    )
    qs = attribute_text(nlp, text).quotes
    got = [(q.kind, q.speaker, q.text) for q in qs]
    assert (
        "direct",
        "Geoff Garin",
        "Good economic news for the country is bad political news for the Republicans",
    ) in got
    assert (
        "mixed",
        "Mark Warner",
        "the deal was ``a step in the right direction'' for Virginia",
    ) in got


@pytest.mark.parametrize("mark", ["''", '"'])
def test_a_quotation_after_a_sentence_opens_its_own_frame(nlp, mark: str) -> None:  # type: ignore[no-untyped-def]
    # the parser ends the sentence before on the opening mark (it reads '' and " as
    # closing marks there); the quotation is still a whole statement, not mixed
    text = (
        "Mr. Stevens said he was worried about the race. "
        f"{mark}I don't think there is anything good about it,{mark} he said."
    )
    qs = attribute_text(nlp, text).quotes
    got = [(q.kind, q.speaker, q.text) for q in qs]
    assert ("direct", "Stevens", "I don't think there is anything good about it") in got
