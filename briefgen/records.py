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
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return from_jsonable(options[0], value) if len(options) == 1 else value
    if origin is list:
        (inner,) = typing.get_args(tp) or (Any,)
        return [from_jsonable(inner, v) for v in value]
    if origin is tuple:
        parts = typing.get_args(tp)
        return tuple(from_jsonable(a, v) for a, v in zip(parts, value, strict=False))
    if origin is dict:
        kv = typing.get_args(tp)
        inner = kv[1] if len(kv) == 2 else Any
        return {k: from_jsonable(inner, v) for k, v in value.items()}
    if tp is date:
        return date.fromisoformat(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints, known = _fields(tp)
        return tp(**{k: from_jsonable(hints[k], v) for k, v in value.items() if k in known})
    return value


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
