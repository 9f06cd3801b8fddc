"""Quotations the cue words alone missed, on short texts written here: embedded posts
signed with an account (nlp/tweets.py), "pointed out" after a quotation, and a quotation
opened after the writer's colon ("…: “…,” says X")."""

from __future__ import annotations

from briefgen.model import Article
from briefgen.nlp.attribution import attribute
from tests.texts import attribute_text


def quotes(nlp, text: str):  # type: ignore[no-untyped-def]
    art = Article(article_id="t", title="", text=text, source_path="t.txt")
    return attribute([art], {"t": nlp(text)}, with_positions=False).quotes


EMBED = (
    "The president seemed to change his mind, judging by his post on July 5.\n\n"
    "Trade between China and North Korea grew almost 40% in the first quarter. So much "
    "for China working with us! — Donald J. Trump (@realDonaldTrump) July 5, 2017\n\n"
    "The White House posted a picture.\n\n"
    "Trump at the summit: pic.twitter.com/NsP9dteZEF — The White House (@WhiteHouse) "
    "June 28, 2019\n\n"
    "— Reuters Top News (@Reuters) June 28, 2019"
)


def test_an_embedded_post_is_its_account_holders_direct_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(nlp, EMBED)
    post = [q for q in qs if q.text.startswith("Trade between")]
    assert len(post) == 1
    assert post[0].kind == "direct" and post[0].cue == "tweeted"
    assert post[0].text.endswith("working with us!")  # the signature is no part of it
    assert post[0].speaker is not None and "Trump" in post[0].speaker


def test_a_post_of_a_picture_or_a_bare_signature_quotes_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    qs = quotes(nlp, EMBED)
    assert not any("summit" in q.text or "Reuters" in q.text for q in qs)


def test_pointed_out_after_a_quotation_attributes_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“They intend to stay close to the South for now, but they are not committed,” "
        "Youngshik Bong, a professor at Yonsei University, pointed out. “It is a clear "
        "strategy to raise the stakes.”"
    )
    qs = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert [q.text[:12] for q in qs] == ["They intend ", "It is a clea"]
    assert {q.speaker for q in qs} == {"Youngshik Bong"}


def test_a_quotation_after_the_writers_colon_starts_at_its_marks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "But the plan suffered from other problems: “It is tantamount to neocolonialism "
        "and that angers the North Koreans,” says Christopher Green, an expert at Leiden "
        "University."
    )
    qs = quotes(nlp, text)
    assert [(q.kind, q.text[:14]) for q in qs] == [("direct", "It is tantamou")]
    assert qs[0].speaker == "Christopher Green"


def test_signalling_offering_pressing_for_and_advocating_report_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump signaled he would be open to direct talks. Moon offered to hold military "
        "talks with the North. Pompeo pressed for tangible steps toward the abandonment of "
        "the arsenal. Former officials have advocated for the use of such tools as a means "
        "to rein in Pyongyang."
    )
    got = {(q.cue, q.text) for q in quotes(nlp, text) if q.kind == "indirect"}
    assert got >= {
        ("signaled", "he would be open to direct talks"),
        ("offered", "to hold military talks with the North"),
        ("pressed for", "tangible steps toward the abandonment of the arsenal"),
    }
    assert not any(words.startswith("for ") for _, words in got)  # the particle is the cue's


def test_offering_or_claiming_a_thing_reports_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    """An object of "offer" or "claim" is no statement of its own ("offered no sign")."""
    text = "Xi offered no sign that Beijing was prepared to go beyond the measures."
    assert [q.text for q in quotes(nlp, text)] == []


def test_a_denial_or_rejection_of_one_thing_is_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Pyongyang denied involvement. Seoul rejected the plan."
    got = [(q.cue, q.text) for q in quotes(nlp, text)]
    assert got == [("denied", "involvement"), ("rejected", "the plan")]


def test_a_short_object_of_other_cues_or_no_object_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Negotiators may demand conditions. Trump and Kim threatened each other. North "
        "Korea wants moves that the United States has rejected as insufficient."
    )
    assert [q.text for q in quotes(nlp, text)] == []


def test_a_claim_of_a_thing_is_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The North first claimed a successful submarine-launched missile test in May."
    assert [(q.cue, q.text) for q in quotes(nlp, text)] == [
        ("claimed", "a successful submarine-launched missile test")
    ]


def test_thanks_for_something_is_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "thanked X for Y" says what the speaker thanked X for; "thanked X" alone says
    nothing of its own, and "thanks to" is no cue."""
    said = "Shinzo Abe thanked the president for raising the issue with Kim at the summit."
    got = [(q.speaker, q.text) for q in attribute_text(nlp, said).quotes]
    assert got == [("Shinzo Abe", "the president for raising the issue with Kim at the summit")]
    for text in (
        "Donald Trump thanked China's president Xi Jinping at the dinner.",
        "Thanks to the sanctions, the North Korean economy shrank last year.",
    ):
        assert attribute_text(nlp, text).quotes == []
