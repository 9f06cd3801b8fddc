"""Actors: who speaks, in what role, for which country or body.

Two sources, text first: titles and appositions in the article ("Japanese Foreign
Minister Taro Kono", "Cheong Wa Dae spokesman Park Soo-hyun") and the editable
gazetteer (briefgen/data/actors.yaml, the publications of outlets.yaml, plus the user's
files) for what the text leaves out.  The work is split by concern:

- gazetteer.py     known actors and the Lexicon (actors, roles, reporting verbs, outlets)
- names.py         names whole (East Asian forms included) and the speaker record
- titles.py        titles, roles, kinds and whom a title says one speaks for
- mentions.py      the actors an article names and where
- descriptions.py  unnamed speakers ("a senior official") and what they point to
- speakers.py      a speaker phrase ("he", "the official", "the article") to its actor

This module is the stage's public face: the names other modules import.
"""

from __future__ import annotations

from briefgen.nlp.gazetteer import (
    KINDS,
    GazEntry,
    Gazetteer,
    KnowledgeFiles,
    Lexicon,
    load_gazetteer,
    load_lexicon,
)
from briefgen.nlp.names import (
    Speaker,
    clean_name,
    country_voice,
    is_country_voice,
    slugify,
    speaker_dict,
)
from briefgen.nlp.speakers import ArticleActors
from briefgen.nlp.titles import infer_kind, role_and_country

__all__ = [
    "KINDS",
    "ArticleActors",
    "GazEntry",
    "Gazetteer",
    "KnowledgeFiles",
    "Lexicon",
    "Speaker",
    "clean_name",
    "country_voice",
    "infer_kind",
    "is_country_voice",
    "load_gazetteer",
    "load_lexicon",
    "slugify",
    "speaker_dict",
    "role_and_country",
]
