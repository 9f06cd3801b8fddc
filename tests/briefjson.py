"""Brief <-> JSON for the golden files, through briefgen.records (the one codec)."""

from __future__ import annotations

from briefgen.model import Brief
from briefgen.records import dumps, loads


def brief_to_json(brief: Brief) -> str:
    return dumps(brief, indent=1) + "\n"


def brief_from_json(text: str) -> Brief:
    return loads(Brief, text)
