"""Short texts written in the tests, attributed the way the pipeline does it.

Seven test files each built an Article around a text and ran `attribute` on its parse;
this is that step once, with the offsets contract checked on every quotation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from briefgen.model import Article, Quote, Stance
from briefgen.nlp.attribution import Attribution, attribute


def news_article(aid: str, title: str, text: str, outlet: str, published: date) -> Article:
    """An article from one outlet, dated by its metadata: how the book tests build a week."""
    return Article(
        article_id=aid,
        title=title,
        text=text,
        source_path=f"{aid}.txt",
        outlet=outlet,
        published=published,
        date_source="metadata",
        outlets=[outlet],
    )


def attribute_text(
    nlp: Any,
    text: str,
    *,
    outlet: str | None = None,
    published: date | None = None,
    extra: Sequence[Path] = (),
) -> Attribution:
    """Quotations and actors of one short text (no positions: the stance model is not
    what these tests are about)."""
    art = Article(
        article_id="t", title="", text=text, source_path="t.txt", outlet=outlet, published=published
    )
    att = attribute([art], {"t": nlp(text)}, extra_actor_files=extra, with_positions=False)
    for q in att.quotes:
        assert text[q.start : q.end] == q.text  # the offsets contract
    return att


def stance_quote(
    n: int, actor: str, country: str, issue: str, stance: int, conf: float = 0.95, **kw: Any
) -> Quote:
    """Quotation n of article "a" by `actor`, read as one stance: how the positions tests
    add stances up without a parse."""
    return Quote(
        quote_id=f"a-q{n}",
        article_id="a",
        text=f"statement {n} of {actor}",
        start=0,
        end=1,
        actor_id=actor,
        country=country,
        stances=[Stance(issue, stance, conf)],
        **kw,
    )
