"""A build's keyphrase lists per scope (the corpus and each country group) kept in the
article store, so a rerun over the same articles reads them instead of scoring every
article's candidates and ranking each group again (after the warm rerun's kept brief,
the biggest step left: it must run before the brief's input can be compared).

A kept set is used only when it was made from the same groups of the same articles
(each group's article ids with their title and text, through worker.terms_key), the
same list length, ranking parameters and scope, by the same code, data and models
(`brief_version`, which holds the sentence embedder) and the same user knowledge
files (`analysis_version`, as the stored terms).  Anything else is a miss: the lists
are made and kept in place of the old ones (one row per scope kind).  A row that
cannot be read counts as missing; a store in trouble only costs the work (store.kept).
The desk's corrections are applied after, to what is read or made alike.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from briefgen import records
from briefgen.model import Article, Keyphrase
from briefgen.store import Store
from briefgen.store.kept import Kept
from briefgen.store.versions import brief_version

KIND = "keyphrases"

Scopes = dict[str, list[Keyphrase]]


def groups_key(
    groups: Mapping[str, Sequence[Article]],
    scope: str,
    top_n: int,
    params: Any,
    max_words: int,
) -> str:
    """A hash of what the lists of `groups` are made from (see the module docstring)."""
    from briefgen.nlp.worker import terms_key

    h = hashlib.sha1(f"{scope}\0{top_n}\0{max_words}\0".encode())
    h.update(json.dumps(dataclasses.asdict(params), sort_keys=True).encode())
    for gid, arts in groups.items():
        h.update(f"\1{gid}\0".encode())
        for a in arts:
            h.update(f"{a.article_id}\0{terms_key(a, max_words)}\0".encode())
    return h.hexdigest()


class KeptKeyphrases:
    """(groups, how to make their lists) -> {scope id: keyphrases}, read or made."""

    def __init__(self, store: Store, version: str) -> None:
        """`version`: the per-article analysis version the terms are stored under."""
        self.store = store
        self.version = f"{brief_version()}-{version}"

    def __call__(self, slot: str, check: str, make: Callable[[], Scopes]) -> Scopes:
        return Kept(self.store, KIND, self.version).one(slot, check, make, _encode, _decode)


def _encode(scopes: Scopes) -> bytes:
    return records.dumps(scopes).encode()


def _decode(data: bytes) -> Scopes:
    raw = json.loads(data)
    if not isinstance(raw, dict):
        raise ValueError("kept keyphrases are no mapping")
    return {str(sid): [records.from_jsonable(Keyphrase, k) for k in ks] for sid, ks in raw.items()}
