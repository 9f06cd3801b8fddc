"""Only sound open questions are printed (book/questioncheck.py, issue 11 part 6)."""

from __future__ import annotations

import pytest

from briefgen.book.questioncheck import sound, well_formed
from briefgen.model import Statement


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Will North Korea carry out a sixth nuclear test?", True),
        ("How far is Beijing willing to go?", True),
        ("Has North Korea met the condition? (the condition Trump set)", True),
        ("Will the talks between Seoul and the?", False),  # cut off
        ("Will Kim Jong Un meet on Friday with South Korean President Moon Jae-in?", True),
        ("Will it resume the talks with Seoul?", False),  # nobody named
        ("Watch for: whether they will meet before the deadline.", False),
        ("Will Kim Jong Un attend the the summit?", False),  # doubled word
        ("Will “Kim Jong Un attend the summit?", False),  # a quote left open
        ("Will Kim attend. The ministry said he would?", False),  # two sentences run together
        ("Will Kim?", False),  # too short to say anything
        ("Will Mr. Trump meet Kim Jong Un in the next three weeks?", True),  # a title
        ("Will the U.S. President meet Kim Jong Un?", True),
    ],
)
def test_a_question_reads_as_one_whole_question(text: str, ok: bool) -> None:
    assert well_formed(text) is ok


def test_a_question_names_an_actor_and_concerns_the_peninsula() -> None:
    officials = {"Wang Yi": "CHN", "Trump": "USA"}
    about = "China said it would enforce the sanctions on North Korea."
    assert sound(Statement("How far is Beijing willing to go?", basis=about), officials)
    # nobody named in it
    assert not sound(Statement("How far will the talks go?", basis=about), officials)
    # neither the question nor its sentence names the Koreas or a kind of development
    elsewhere = "Japan said it would raise its consumption tax next year."
    assert not sound(Statement("Will Japan raise its consumption tax?", basis=elsewhere), officials)
    assert sound(Statement("Will Wang Yi visit Pyongyang next month?"), officials)
    assert sound(Statement("Watch for: whether Trump supported unconditional talks."), officials)


def test_a_garbled_question_is_not_printed() -> None:
    """A clause cut off in the article ("…resume talks with the.") turned into a
    question a reader cannot parse: it is left out of the open questions."""
    from datetime import date

    from briefgen.book.questions import open_questions, unanswered
    from briefgen.book.summarize import SentencePool
    from briefgen.model import Actor, Article

    text = "North Korea declined to say whether it would resume talks with the."
    a = Article("a1", "Talks", text, "a1.txt", published=date(2017, 9, 12))
    actors = [Actor("trump", "Donald Trump", kind="government", country="USA")]
    pool = SentencePool([a], [], actors)
    assert [q.text for q in unanswered(pool, lambda _: 1)] == [
        "Would North Korea resume talks with the?"
    ]
    assert open_questions(pool, [], actors, lambda _: 1) == []
