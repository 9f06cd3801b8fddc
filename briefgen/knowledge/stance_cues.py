"""Cue words of stance (data/stance_cues.yaml): push, against, threat, restraint,
negator, modal, condition.  Features for nlp/stance.py, matched on lower-cased lemmas
and words."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from briefgen.knowledge.datafiles import packaged

CLASSES = ("push", "against", "threat", "restraint", "negator", "modal", "condition")


def glob(term: str) -> str:
    """A cue as a regex: lower case, `*` any word ending, spaces any run of spaces/hyphens."""
    body = re.escape(term.lower()).replace(r"\*", r"[\w-]*").replace(r"\ ", r"[\s-]+")
    return body


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = packaged("stance_cues.yaml") or {}
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=1)
def cue_regexes() -> dict[str, re.Pattern[str]]:
    """{class: regex over lower-cased text} for each cue class."""
    raw = _data()
    out: dict[str, re.Pattern[str]] = {}
    for cls in CLASSES:
        alts = []
        for t in sorted(map(str, raw.get(cls) or []), key=len, reverse=True):
            alts.append(glob(t))
        out[cls] = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")
    return out


@lru_cache(maxsize=1)
def issue_phrase_regexes() -> dict[str, dict[str, re.Pattern[str]]]:
    """{issue: {"pro": regex, "con": regex}} over lower-cased text."""
    raw = _data().get("issues") or {}
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for issue, sides in raw.items():
        out[str(issue)] = {}
        for side in ("pro", "con"):
            alts = []
            for t in sorted(map(str, sides.get(side) or []), key=len, reverse=True):
                if ".*" in t:  # a pattern: "until .* denucleari"
                    alts.append(t.replace(".*", ".{0,60}?"))
                    continue
                alts.append(glob(t))
            out[str(issue)][side] = re.compile(
                r"(?<![\w-])(?:" + ("|".join(alts) or "(?!x)x") + r")(?![\w-])"
            )
    return out
