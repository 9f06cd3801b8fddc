"""The records of briefgen.model to and from JSON-ready values, driven by their type hints.

One codec for everything that stores or exchanges records: the article store, the
brief's history, the golden files.  Fields added later with defaults read old data
unchanged; fields a reader does not know are ignored.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from briefgen import model

T = TypeVar("T")


def to_jsonable(obj: Any) -> Any:
    """Dataclasses to dicts, dates to ISO strings, tuples to lists, recursively."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj


def from_jsonable(tp: Any, value: Any) -> Any:
    """The inverse of to_jsonable for a value of type `tp` (a model type or a container)."""
    return _decoder(tp)(value)


def _same(value: Any) -> Any:
    return value


@functools.cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A function decoding values of type `tp`: the type hints are looked at once per
    type, not once per value (a whole-corpus build decodes a million values)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _same
    if origin is list:
        (inner,) = typing.get_args(tp) or (Any,)
        item = _decoder(inner)
        if item is _same:
            return lambda v: None if v is None else list(v)
        return lambda v: None if v is None else [item(x) for x in v]
    if origin is tuple:
        parts = [_decoder(a) for a in typing.get_args(tp)]
        return lambda v: None if v is None else tuple(d(x) for d, x in zip(parts, v, strict=False))
    if origin is dict:
        kv = typing.get_args(tp)
        val = _decoder(kv[1] if len(kv) == 2 else Any)
        return lambda v: None if v is None else {k: val(x) for k, x in v.items()}
    if tp is date:
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        fields: dict[str, Callable[[Any], Any]] = {}

        def record(v: Any) -> Any:
            if v is None:
                return None
            if not fields:  # on first use: a record type may hold itself
                hints, known = _fields(tp)
                fields.update({k: _decoder(hints[k]) for k in known})
            return tp(**{k: fields[k](x) for k, x in v.items() if k in fields})

        return record
    return _same


@functools.cache
def _fields(tp: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A dataclass's resolved field types and init fields (resolving them is slow, and
    the store reads thousands of records per build)."""
    hints = typing.get_type_hints(tp, vars(model))
    return hints, frozenset(f.name for f in dataclasses.fields(tp) if f.init)


def dumps(obj: Any, indent: int | None = None) -> str:
    return json.dumps(
        to_jsonable(obj), ensure_ascii=False, indent=indent, sort_keys=indent is not None
    )


def loads(tp: type[T], text: str) -> T:
    result = from_jsonable(tp, json.loads(text))
    assert isinstance(result, tp)
    return result
