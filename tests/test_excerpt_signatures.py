"""A quoted excerpt signed "Name, Outlet" on the next line (news roundups): the cleaning
keeps the line as the excerpt's signature (corpus/signatures.py), true bylines stay out,
and the quote extraction gives the excerpt to its writer (nlp/excerpts.py).  Short texts
written here, the real spaCy model."""

from __future__ import annotations

import json
from pathlib import Path

from briefgen.corpus import load_corpus
from briefgen.corpus.clean import clean_article
from tests.texts import attribute_text

INTRO = (
    "The left sees the new missile tests as proof that the administration's efforts at "
    "diplomacy with North Korea are not working at all."
)
EXCERPT_1 = (
    "“The summits between the North Korean leader and his counterparts were resting on an "
    "exceedingly fragile foundation, and that foundation is now starting to crumble.”"
)
EXCERPT_2A = (
    "“After last week’s test, Trump tweeted that Kim ‘does not want to break his promise "
    "to me.’ The secretary of state signaled that short-range tests are fine…"
)
EXCERPT_2B = (
    "“It is dangerous messaging, as it allows North Korea to keep improving its weapons "
    "while negotiations are supposed to be reducing them.”"
)
EXCERPT_3 = (
    "“Pyongyang may be playing a longer game, waiting out a difficult president for a "
    "change in leadership that gives it more time to build its missiles.”"
)


def roundup(*paras: str) -> str:
    return "\n\n".join(paras)


ROUNDUP = roundup(
    "Calum MacLeod, USA TODAY",  # a byline at the head: follows no quotation
    INTRO,
    EXCERPT_1,
    "Uri Friedman, The Atlantic",
    EXCERPT_2A,
    EXCERPT_2B,
    "— Alex Ward, The Guardian",
    EXCERPT_3,
    "Editorial Board, Chicago Tribune",
)


def test_a_signature_under_an_excerpt_stays_and_a_head_byline_does_not() -> None:
    c = clean_article(ROUNDUP, title="Tensions flare with North Korea")
    assert "— Uri Friedman, The Atlantic" in c.paragraphs
    assert "— Alex Ward, The Guardian" in c.paragraphs
    # an unknown outlet, standing last: kept because the article has other signatures
    assert c.paragraphs[-1] == "— Editorial Board, Chicago Tribune"
    assert not any("MacLeod" in p for p in c.paragraphs)
    assert c.paragraphs.index("— Uri Friedman, The Atlantic") == c.paragraphs.index(EXCERPT_1) + 1


def test_a_foot_byline_after_a_closing_quotation_stays_out() -> None:
    # one line "Name, Outlet" at the foot, even under a paragraph in marks, is the
    # article's byline: with no other signature nothing says it signs the quotation
    text = roundup(INTRO, EXCERPT_1, "Uri Friedman, The Atlantic")
    assert not any("Friedman" in p for p in clean_article(text, title="T t t t").paragraphs)


def test_the_articles_own_author_and_by_lines_are_bylines() -> None:
    text = roundup(INTRO, EXCERPT_1, "Uri Friedman, The Atlantic", EXCERPT_3)
    by_author = clean_article(text, title="T t t t", known_authors="Uri Friedman")
    assert not any("Friedman" in p for p in by_author.paragraphs)
    text = roundup(INTRO, EXCERPT_1, "By Jonathan Marcus, BBC News", EXCERPT_3)
    assert not any("Marcus" in p for p in clean_article(text, title="T t t t").paragraphs)


def test_a_line_shaped_so_after_narration_or_a_title_is_no_signature() -> None:
    text = roundup(INTRO, "Kerry Warns North Korea, But Holds Out Hope", EXCERPT_3)
    assert not any("Kerry" in p for p in clean_article(text, title="T t t t").paragraphs)
    # an unknown outlet alone: a heading as likely as a signature
    text = roundup(INTRO, EXCERPT_1, "Missile Tests, Summit Hopes", EXCERPT_3)
    assert not any("Summit Hopes" in p for p in clean_article(text, title="T t t t").paragraphs)


def _quotes(nlp, text: str):  # type: ignore[no-untyped-def]
    text = "\n\n".join(clean_article(text, title="Tensions flare with North Korea").paragraphs)
    att = attribute_text(nlp, text)
    return att.quotes, {a.actor_id: a for a in att.actors}


def test_the_excerpt_goes_to_its_writer_with_the_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes, actors = _quotes(nlp, ROUNDUP)
    first = next(q for q in quotes if q.text.startswith("The summits between"))
    assert (first.speaker, first.speaker_role, first.country) == (
        "Uri Friedman",
        "The Atlantic",
        "USA",
    )
    assert actors[first.actor_id or ""].kind == "media"
    assert first.kind == "direct" and first.text.endswith("starting to crumble.")


def test_every_paragraph_of_an_excerpt_is_the_writers(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes, _ = _quotes(nlp, ROUNDUP)
    ward = [q for q in quotes if q.speaker == "Alex Ward"]
    assert [q.text[:20] for q in ward] == ["After last week’s te", "It is dangerous mess"]
    assert {q.country for q in ward} == {"GBR"}  # The Guardian's country, from outlets.yaml
    # the words of Trump's tweet inside the column are the columnist's quotation, not a
    # quotation of Trump, and the excerpt is not the previous writer's
    assert not any(q.speaker in ("Trump", "Uri Friedman") for q in quotes if "promise" in q.text)


def test_an_editorial_board_is_the_papers_voice(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes, actors = _quotes(nlp, ROUNDUP)
    q = next(q for q in quotes if q.text.startswith("Pyongyang may be"))
    assert q.speaker == "Chicago Tribune" and q.country is None  # not in outlets.yaml
    assert actors[q.actor_id or ""].kind == "media"


def test_several_writers_sign_together(nlp) -> None:  # type: ignore[no-untyped-def]
    text = roundup(
        INTRO, EXCERPT_1, "Nahal Toosi, Anita Kumar and Wesley Morgan, Politico", EXCERPT_3,
        "Peter Bergen, CNN",
    )  # fmt: skip
    quotes, _ = _quotes(nlp, text)
    q = next(q for q in quotes if q.text.startswith("The summits"))
    assert (q.speaker, q.speaker_role) == ("Nahal Toosi, Anita Kumar and Wesley Morgan", "Politico")
    assert next(q for q in quotes if q.text.startswith("Pyongyang")).speaker == "Peter Bergen"


TOPICS = (
    ("sanctions on Pyongyang", "oil shipments at sea", "the banks in Dandong"),
    ("the summit in Hanoi", "a walk in the garden", "the lunch that was cancelled"),
    ("the missile launch", "the engine test at Sohae", "a rocket over Hokkaido"),
    ("the joint drills", "the carrier group", "the bombers over the sea"),
    ("the defector at Panmunjom", "the soldiers who fired", "the hospital in Suwon"),
    ("the hotline to Seoul", "the liaison office", "the families kept apart"),
)


def test_a_columnist_quoted_in_many_roundups_is_no_site_furniture(tmp_path: Path) -> None:
    # short lines repeated across articles are dropped as furniture; a signature is not
    rows = []
    for i, (a, b, c) in enumerate(TOPICS):
        text = roundup(
            f"Both sides argued this week over {a}, and over what {b} meant for the talks.",
            f"“Nobody in Washington has a plan for {a}. The story of {b} and {c} shows it.”",
            "Max Boot, Washington Post",
            f"“What {c} tells us is that {a} will not end soon, whatever {b} suggests.”",
        )
        rows.append({"ID": str(i), "title": f"Roundup: {a}", "date": f"2019-05-0{i + 1}"})
        rows[-1]["content_original"] = text
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    arts = load_corpus([tmp_path / "r.jsonl"]).articles
    assert len(arts) == 6
    assert all("\n\n— Max Boot, Washington Post\n\n" in a.text for a in arts)
