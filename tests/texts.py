"""Short texts written in the tests, attributed the way the pipeline does it.

Seven test files each built an Article around a text and ran `attribute` on its parse;
this is that step once, with the offsets contract checked on every quotation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from briefgen.model import Article
from briefgen.nlp.attribution import Attribution, attribute


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
