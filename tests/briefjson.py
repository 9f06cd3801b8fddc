"""Brief <-> JSON, so a golden test can render a stored, fixed Brief.

Generic over the dataclasses in briefgen.model (driven by their type hints), so fields
other stages add with defaults round-trip without changes here; fields missing from an
older JSON file take their defaults.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from typing import Any

from briefgen import model
from briefgen.model import Brief


def _encode(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): _encode(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_encode(v) for v in obj]
    return obj


def brief_to_json(brief: Brief) -> str:
    return json.dumps(_encode(brief), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(args[0], value) if len(args) == 1 else value
    if origin is list:
        (inner,) = typing.get_args(tp) or (Any,)
        return [_decode(inner, v) for v in value]
    if origin is dict:
        args = typing.get_args(tp)
        inner = args[1] if len(args) == 2 else Any
        return {k: _decode(inner, v) for k, v in value.items()}
    if tp is date:
        return date.fromisoformat(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, vars(model))
        known = {f.name for f in dataclasses.fields(tp) if f.init}
        return tp(**{k: _decode(hints[k], v) for k, v in value.items() if k in known})
    return value


def brief_from_json(text: str) -> Brief:
    result = _decode(Brief, json.loads(text))
    assert isinstance(result, Brief)
    return result
