"""A quoted excerpt signed "Name, Outlet" on the next line (news roundups): the cleaning
keeps the line as the excerpt's signature (corpus/signatures.py), true bylines stay out,
and the quote extraction gives the excerpt to its writer (nlp/excerpts.py).  Short texts
written here, the real spaCy model."""

from __future__ import annotations

import json
from pathlib import Path

from briefgen.corpus import load_corpus
from briefgen.corpus.clean import clean_article

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
