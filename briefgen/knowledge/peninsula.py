"""The Korean peninsula's words (data/peninsula.yaml): the names that name neither Korean
state ("inter-Korean", "DMZ", "Kim Jong Un") and the looser words that keep a statement
on the Korean question.  One reader, so the two lists live side by side."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from briefgen.knowledge.datafiles import packaged, str_list


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = packaged("peninsula.yaml") or {}
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=1)
def peninsula_terms() -> frozenset[str]:
    """The names (peninsula.yaml `names`), as written: matched as whole words, case as
    written (corpus/relevance.py, book/bottomline.py)."""
    return frozenset(str_list(_data().get("names")))


@lru_cache(maxsize=1)
def statement_korea_words() -> frozenset[str]:
    """The words of Korea that keep a statement on the Korean question (peninsula.yaml
    `statement_words`), matched at a word's start, any case (nlp/elsewhere.py)."""
    return frozenset(str_list(_data().get("statement_words")))
