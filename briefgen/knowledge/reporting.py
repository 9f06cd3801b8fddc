"""Reporting verbs, one home: which words say that someone said or wrote something.

Read from briefgen/data/reporting_verbs.yaml plus the user's `reporting_verbs_files`
(whose words are added).  quotes.py finds quotations with them, reported.py and
noun_cues.py reported speech, positions.py the statements whose subject takes a position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefgen.errors import ConfigError
from briefgen.knowledge.datafiles import load_all, str_list

SETTING = "[corpus] reporting_verbs_files"

_LISTS = (
    "cues",
    "complement_only",
    "inverting",
    "indirect",
    "object_content",
    "short_objects",
    "bare_objects",
    "requests",
    "questions",
    "statement",
    "join_words",
    "clause_words",
    "hypothetical_marks",
    "hypothetical_verbs",
    "hypothetical_aux",
    "unsaid_heads",
    "negating_words",
    "source_phrases",
    "nouns",
    "noun_cue_verbs",
    "noun_infinitive",
    "noun_for",
    "frame_that",
    "object_to",
    "make_clear",
    "as_cues",
    "aftermath",
    "not_yet",
    "object_for",
    "done_frames",
)


@dataclass(frozen=True, eq=False)
class ReportingVerbs:
    """The lists of reporting_verbs.yaml as sets (lemmas unless the name says words)."""

    cues: frozenset[str] = frozenset()
    complement_only: frozenset[str] = frozenset()
    inverting: frozenset[str] = frozenset()
    indirect: frozenset[str] = frozenset()
    object_content: frozenset[str] = frozenset()
    short_objects: frozenset[str] = frozenset()
    bare_objects: frozenset[str] = frozenset()
    requests: frozenset[str] = frozenset()
    questions: frozenset[str] = frozenset()
    statement: frozenset[str] = frozenset()
    join_words: frozenset[str] = frozenset()
    clause_words: frozenset[str] = frozenset()
    hypothetical_marks: frozenset[str] = frozenset()
    hypothetical_verbs: frozenset[str] = frozenset()
    hypothetical_aux: frozenset[str] = frozenset()
    unsaid_heads: frozenset[str] = frozenset()
    negating_words: frozenset[str] = frozenset()
    source_phrases: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    noun_cue_verbs: frozenset[str] = frozenset()
    noun_infinitive: frozenset[str] = frozenset()
    noun_for: frozenset[str] = frozenset()
    frame_that: frozenset[str] = frozenset()
    object_to: frozenset[str] = frozenset()
    make_clear: frozenset[str] = frozenset()
    as_cues: frozenset[str] = frozenset()
    aftermath: frozenset[str] = frozenset()
    not_yet: frozenset[str] = frozenset()
    object_for: frozenset[str] = frozenset()
    done_frames: frozenset[str] = frozenset()
    # {verb: particles after which its reported clause comes}: "call on", "point out".
    particles: dict[str, frozenset[str]] = field(default_factory=dict)


def _merge(
    target: dict[str, set[str]], parts: dict[str, set[str]], raw: object, where: str
) -> None:
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise ConfigError(
            f"reporting verbs file {where} must map list names ({', '.join(_LISTS)}) to words"
        )
    for key, value in raw.items():
        if key == "particles":
            if not isinstance(value, dict):
                raise ConfigError(
                    f"reporting verbs file {where}: particles must map verbs to lists"
                )
            for verb, ps in value.items():
                parts.setdefault(str(verb).lower(), set()).update(p.lower() for p in str_list(ps))
            continue
        if key not in _LISTS:
            raise ConfigError(
                f"reporting verbs file {where}: unknown list {key!r}; use one of {', '.join(_LISTS)}"
            )
        target.setdefault(key, set()).update(w.lower() for w in str_list(value))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> ReportingVerbs:
    lists: dict[str, set[str]] = {}
    parts: dict[str, set[str]] = {}
    for where, raw in load_all("reporting_verbs.yaml", extra, SETTING):
        _merge(lists, parts, raw, where)
    return ReportingVerbs(
        **{k: frozenset(v) for k, v in lists.items()},
        particles={k: frozenset(v) for k, v in parts.items()},
    )


def load_reporting_verbs(extra_files: Sequence[str | Path] = ()) -> ReportingVerbs:
    """The packaged reporting_verbs.yaml plus each user file (read once per set of files)."""
    return _load(tuple(str(f) for f in extra_files))
