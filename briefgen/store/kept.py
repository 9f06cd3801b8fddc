"""Results kept in the article store by key, so a rerun computes only what is new: each
article's sentence facts (briefgen.keptfacts), the assembled brief and its PDF
(briefgen.keptbrief), keyphrases per scope.

One `Kept` is one kind of result made by one version of the code (store.versions).  A
row is stored under a key (an article's content hash, a period's label) as `check +
data`: `check` is a hash of the inputs when one row per slot is replaced by the next
build (a brief per period), empty when the key is the inputs' hash already.  A row of
another version, another check, or one that cannot be decoded counts as missing and is
made again; a store in trouble only costs the work again.  The cache never changes a
result, only what it costs.
"""

from __future__ import annotations

import contextlib
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from typing import TypeVar

from briefgen.store import Store, StoreError
from briefgen.store import articles as st

A = TypeVar("A")
T = TypeVar("T")

# What decoding a damaged or foreign row may raise: such a row counts as missing.
BAD_ROW = (zlib.error, ValueError, TypeError, IndexError, KeyError, AttributeError)


class Kept:
    """One kind of result in the store: read by key, made and put back when missing."""

    def __init__(self, store: Store, kind: str, version: str, compress: bool = True) -> None:
        self.store, self.kind, self.version, self.compress = store, kind, version, compress
        self.hit = False  # the last `one` was read back
        self.made = 0  # results made (not read) by this Kept

    def get(self, keys: Sequence[str]) -> dict[str, bytes]:
        """{key: stored row} of this kind and version ({} for a store in trouble)."""
        try:
            return st.get_derived(self.store, self.kind, keys, self.version)
        except (StoreError, sqlite3.Error):
            return {}

    def put(self, rows: Sequence[tuple[str, bytes]]) -> None:
        """Keep `rows` (not kept for a store in trouble: next time, perhaps)."""
        with contextlib.suppress(StoreError, sqlite3.Error):
            st.put_derived(self.store, self.kind, rows, self.version)

    def pack(self, data: bytes, check: str = "") -> bytes:
        return check.encode() + (zlib.compress(data, 1) if self.compress else data)

    def unpack(self, row: bytes | None, check: str = "") -> bytes | None:
        """The data of a row made for `check`, else None (the check first, so a miss is
        told without unpacking)."""
        head = check.encode()
        if row is None or not row.startswith(head):
            return None
        try:
            return zlib.decompress(row[len(head) :]) if self.compress else row[len(head) :]
        except zlib.error:
            return None

    def each(
        self,
        items: Sequence[A],
        key: Callable[[A], str],
        make: Callable[[A], T],
        encode: Callable[[T], bytes],
        decode: Callable[[bytes, A], T],
    ) -> list[T]:
        """make(item) for each item, read back where a row of its key is kept."""
        keys = [key(x) for x in items]
        found = self.get(keys)
        out: list[T] = []
        new: dict[str, bytes] = {}
        for x, k in zip(items, keys, strict=True):
            got = _decoded(self.unpack(found.get(k)), x, decode)
            if got is None:
                got = make(x)
                self.made += 1
                new[k] = self.pack(encode(got))
            out.append(got)
        self.put(list(new.items()))
        return out

    def one(
        self,
        slot: str,
        check: str,
        make: Callable[[], T],
        encode: Callable[[T], bytes],
        decode: Callable[[bytes], T],
    ) -> T:
        """The result kept in `slot` when it was made for `check`, else make() (kept in
        the slot in place of the old one)."""
        data = self.unpack(self.get([slot]).get(slot), check)
        got = _decoded(data, None, lambda b, _: decode(b))
        self.hit = got is not None
        if got is not None:
            return got
        made = make()
        self.made += 1
        self.put([(slot, self.pack(encode(made), check))])
        return made


def _decoded(data: bytes | None, item: A, decode: Callable[[bytes, A], T]) -> T | None:
    if data is None:
        return None
    try:
        return decode(data, item)
    except BAD_ROW:
        return None
