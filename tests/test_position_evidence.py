"""What a printed position rests on (issue 10 part 3): the words cited say it, a country's
position is its official voices' when none of them says the other side, a non-state voice
carries no country, and a statement from an earlier time is no position of this period.

The adding-up tests build quotes with stances by hand; the end-to-end ones read short
texts written here with the shipped spaCy model and embedder.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefgen.model import Actor, Article, Evidence, Position, Quote
from briefgen.nlp.positions import (
    CARRIES,
    actor_positions,
    derive_positions,
    official_dissent,
    show_confidence,
)
from tests.texts import stance_quote

ACTORS = [
    Actor("mike-pompeo", "Mike Pompeo", "government", country="USA"),
    Actor("john-bolton", "John Bolton", "government", country="USA"),
    Actor("donald-trump", "Donald Trump", "government", country="USA"),
    Actor("victor-cha", "Victor Cha", "expert", country="USA"),
    Actor("press-head", "the head of the press association", "media", country="USA"),
]


def _q(n: int, actor: str, stance: int, conf: float = 0.95, **kw) -> Quote:  # type: ignore[no-untyped-def]
    return stance_quote(n, actor, "USA", "talks", stance, conf, **kw)


def _country(ps: list[Position]) -> list[tuple[str, int]]:
    return [(p.holder, p.stance) for p in ps if p.holder_kind == "country"]


def test_only_statements_that_say_it_on_their_own_are_cited() -> None:
    """Tillerson's 'ready to talk any time' carries 'favours talks now'; a line the model
    reads the issue into weakly ('would not accept preconditions … on its nuclear
    programs' as demanding denuclearization) adds to the sum but is never the cited words."""
    ps = actor_positions(
        [_q(1, "mike-pompeo", 1, 0.4), _q(2, "mike-pompeo", 1, 0.9), _q(3, "mike-pompeo", 1, 0.5)],
        ACTORS,
    )
    assert [e.quote_id for e in ps[0].evidence] == ["a-q2"]


def test_a_position_no_single_statement_says_is_not_printed() -> None:
    """Three statements each read at 0.55 add up (noisy-or) above the display threshold,
    but none says it: the brief would cite words that do not carry the label."""
    weak = [_q(n, "mike-pompeo", 1, 0.55) for n in range(3)]
    p = actor_positions(weak, ACTORS)[0]
    assert p.confidence < show_confidence() and p.confidence <= 0.55
    strong = [*weak, _q(9, "mike-pompeo", 1, CARRIES)]
    assert actor_positions(strong, ACTORS)[0].confidence >= show_confidence()


def test_an_official_voice_saying_the_other_side_keeps_the_country_from_a_position() -> None:
    """Pompeo and Bolton favour talks; Trump calls talks a waste of time in one statement
    and is read the other way in another, so he has no position of his own: the United
    States is still not "as a whole" for talks."""
    agree = [_q(1, "mike-pompeo", 1), _q(2, "john-bolton", 1)]
    assert _country(derive_positions(agree, ACTORS)) == [("USA", 1)]
    trump = [_q(3, "donald-trump", -1, 0.7), _q(4, "donald-trump", 1, 0.6)]
    ps = derive_positions(agree + trump, ACTORS)
    assert not [p for p in ps if p.holder == "donald-trump"]  # split: no position
    assert _country(ps) == []
    # a dissent the model barely reads is no dissent
    faint = [_q(3, "donald-trump", -1, CARRIES - 0.1)]
    assert _country(derive_positions(agree + faint, ACTORS)) == [("USA", 1)]


def test_a_non_state_voice_neither_makes_nor_blocks_a_country_position() -> None:
    one_official = [_q(1, "mike-pompeo", 1), _q(2, "victor-cha", 1), _q(3, "press-head", 1)]
    ps = derive_positions(one_official, ACTORS)
    assert _country(ps) == []  # an analyst and a press head are not the second voice
    assert not [p for p in ps if p.holder == "press-head"]  # media hold no position
    against = [_q(1, "mike-pompeo", 1), _q(2, "john-bolton", 1), _q(3, "victor-cha", -1)]
    assert _country(derive_positions(against, ACTORS)) == [("USA", 1)]
    assert official_dissent(against, ACTORS) == {("USA", "talks", 1)}


def test_a_statement_from_an_earlier_time_is_no_position_and_no_dissent() -> None:
    """'Trump tweeted in October that talks were a waste of time', in a May report: not a
    position of May, and it does not unsay the officials who favour talks now."""
    agree = [_q(1, "mike-pompeo", 1), _q(2, "john-bolton", 1)]
    old = [
        _q(3, "donald-trump", -1, earlier=True),
        _q(4, "donald-trump", -1, said_on=date(2017, 10, 1)),
    ]
    ps = derive_positions(agree + old, ACTORS, since=date(2018, 5, 21), until=date(2018, 5, 27))
    assert not [p for p in ps if p.holder == "donald-trump"]
    assert _country(ps) == [("USA", 1)]


def test_printed_positions_cite_words_the_model_reads_the_position_in() -> None:
    """End to end on a short text: every position the brief prints cites first a statement
    whose own reading takes that issue and side at CARRIES or above."""
    from briefgen.nlp.attribution import attribute
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy

    text = (
        "“We will never give up our nuclear weapons,” North Korean Foreign Minister Ri Yong Ho "
        "said.\n\nRi said the meeting in Hanoi had been held in a good atmosphere and that the "
        "delegation would return home on Friday.\n\n“Our nuclear force is not a bargaining chip "
        "and will never be on the negotiating table,” Ri added."
    )
    art = Article(article_id="p", title="", text=text, source_path="p.txt")
    att = attribute([art], {"p": load_spacy()(text)}, embed=Embedder(None).embed)
    by_id = {q.quote_id: q for q in att.quotes}
    printed = [p for p in att.positions if p.confidence >= show_confidence()]
    assert printed
    for p in printed:
        for e in p.evidence:
            q = by_id[e.quote_id or ""]
            assert any(
                s.issue == p.issue and s.stance == p.stance and s.confidence >= CARRIES
                for s in q.stances
            ), (p.label, e.text)


def test_the_brief_prints_the_words_a_position_rests_on_with_their_source() -> None:
    from briefgen.render import render_html
    from tests.brief_fixture import rich_brief

    b = rich_brief()
    sec = b.countries[0]
    a = sec.actors[0]
    words = "We are ready to talk any time North Korea would like to talk"
    held = Position(
        holder=a.actor_id,
        holder_kind="actor",
        issue="talks",
        stance=1,
        label="favours talks now",
        evidence=[Evidence(b.sources[1].article_id, words), Evidence(b.sources[0].article_id, "x")],
    )
    sec = replace(sec, positions=[held])
    html = render_html(replace(b, countries=[sec, *b.countries[1:]]))
    row = html[html.index("favours talks now") :]
    row = row[: row.index("</td>")]
    assert f"“{words}”" in row
    first = b.source_number(b.sources[1].article_id)
    assert row.index(f'href="#src-{first}"') < row.index("also")


def test_officials_who_split_are_shown_where_no_country_position_is_stated() -> None:
    """Pompeo's printed 'favours talks now' beside the White House's 'now is not the time
    for negotiations': the line the brief shows instead of 'United States as a whole'.
    An analyst, an earlier statement, a faint reading or the same man under a shorter
    name is no split of the country's officials."""
    from briefgen.book.voicesplits import SHOWN, voice_splits
    from briefgen.periods import Period

    actors = {a.actor_id: a for a in ACTORS}
    actors["white-house"] = Actor("white-house", "White House", "government", country="USA")
    actors["trump"] = Actor("trump", "Trump", "government", country="USA")
    pompeo = Position(
        "mike-pompeo", "actor", "talks", 1, "favours talks now", "USA", [Evidence("a", "t")], 0.95
    )
    wh = _q(5, "white-house", -1, 0.8, sentence="But the White House said it was not time.")
    wh.text, wh.kind, wh.article_id = "now is not the time for negotiations", "indirect", "b"
    period = Period(date(2018, 1, 15), date(2018, 1, 21))
    nums = {"a": 1, "b": 2}
    lines = voice_splits("USA", [pompeo], [wh], actors, nums.get, period)
    assert [s.text for s in lines] == [
        "Its officials differ on talks: Mike Pompeo favours talks now, while the White House "
        "said now is not the time for negotiations."
    ]
    assert lines[0].cites == [1, 2]
    trump_pos = replace(pompeo, holder="donald-trump")
    not_splits = [
        _q(6, "victor-cha", -1),
        _q(7, "john-bolton", -1, earlier=True),
        _q(8, "john-bolton", -1, said_on=date(2017, 10, 1)),
        _q(9, "john-bolton", -1, SHOWN - 0.01),
    ]
    assert voice_splits("USA", [pompeo], not_splits, actors, nums.get, period) == []
    assert voice_splits("USA", [trump_pos], [_q(10, "trump", -1)], actors, nums.get) == []


def test_a_press_body_and_an_analyst_speak_for_no_country() -> None:
    """End to end: a journalists' association asking to cover the talks, a press body
    urging it, an analyst backing talks: no country position, and no position at all
    for the press (a press body objecting to reporters shut out does not 'favour talks')."""
    from briefgen.nlp.attribution import attribute
    from briefgen.nlp.embeddings import Embedder
    from briefgen.nlp.parse import load_spacy

    text = (
        "“Reporters must be allowed into the talks with the North so the public can see what "
        "is agreed,” said Kim Dong-hoon, head of the Journalists Association of Korea.\n\n"
        "“We urge the government to let reporters cover the inter-Korean talks,” the Korea "
        "Press Association said in a statement.\n\n"
        "“Talks with the North are the only way forward,” said Lee Jong-seok, an analyst at "
        "the Sejong Institute in Seoul."
    )
    art = Article(article_id="p", title="", text=text, source_path="p.txt")
    att = attribute([art], {"p": load_spacy()(text)}, embed=Embedder(None).embed)
    kinds = {a.actor_id: a.kind for a in att.actors}
    assert {kinds.get(p.holder) for p in att.positions} <= {"expert"}
    assert not [p for p in att.positions if p.holder_kind == "country"]


def test_after_a_desk_edit_an_official_saying_the_other_side_still_stops_the_country() -> None:
    """Country positions derived again after the desk's edits keep the dissent rule; an
    official whose own position the desk set is read as the desk set it."""
    from briefgen.corrections.seam import country_positions_again

    agree = [_q(1, "mike-pompeo", 1), _q(2, "john-bolton", 1)]
    trump = [_q(3, "donald-trump", -1, 0.7), _q(4, "donald-trump", 1, 0.6)]
    acts = actor_positions(agree + trump, ACTORS)
    assert _country(country_positions_again(acts, ACTORS, agree + trump)) == []
    desk = replace(acts[0], holder="donald-trump", edited="set: favours talks")
    assert _country(country_positions_again([*acts, desk], ACTORS, agree + trump)) == [("USA", 1)]
