"""Quoted excerpts signed by their writer: a roundup quotes a column in quotation marks,
one paragraph or several, and signs it on the next line "— Uri Friedman, The Atlantic"
(kept in that form by the cleaning: corpus/signatures.py).  The excerpt has no reporting
verb; the signature names who wrote it.  Each of its paragraphs is that writer's direct
quotation, and what else was found inside it (a quote within the column, a report) is
part of the writer's words.

The writer speaks for themself, from the outlet: kind media (expert when the gazetteer
knows the person as one), the outlet as the role, and the outlet's country when
outlets.yaml has it (a person the gazetteer places keeps their own).  "Editorial Board, Chicago Tribune" is the paper's own voice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.corpus.signatures import OPENING, read_signature
from briefgen.nlp.names import Speaker
from briefgen.nlp.speeches import paragraphs

if TYPE_CHECKING:
    from briefgen.nlp.gazetteer import Lexicon
    from briefgen.nlp.quotations import Item

_MARKS = "“”\"'‘’ "
# How many paragraphs above its signature one excerpt may run.
_MAX_PARAGRAPHS = 8
# Writers that are the publication itself.
_COLLECTIVE = re.compile(r"^(?:The )?(?:Editorial Board|Editors|Editorial Staff)$", re.I)
# Kinds a known person keeps when writing for an outlet; any other writes as media.
_OWN_KINDS = frozenset({"expert", "defector", "media"})


def excerpt_items(text: str, lex: Lexicon) -> list[tuple[Item, Speaker]]:
    """A direct quotation (via "excerpt") for each paragraph of each signed excerpt,
    with the signature's writer."""
    from briefgen.nlp.quotations import Item

    out: list[tuple[Item, Speaker]] = []
    if "\n— " not in text:
        return out  # no paragraph opens with a signature's dash (nor can the first)
    paras = paragraphs(text)
    for k, (a, b) in enumerate(paras):
        sig = read_signature(text[a:b])
        if sig is None:
            continue
        speaker = excerpt_speaker(*sig, lex)
        above: list[tuple[int, int]] = []
        for pa, pb in reversed(paras[max(0, k - _MAX_PARAGRAPHS) : k]):
            if text[pa] not in OPENING or read_signature(text[pa:pb]) is not None:
                break
            above.append((pa, pb))
        for pa, pb in reversed(above):
            start, end = pa, pb
            while start < end and text[start] in _MARKS:
                start += 1
            while end > start and text[end - 1] in _MARKS:
                end -= 1
            if start < end:
                item = Item("direct", start, end, pa, pb, None, None, None, via="excerpt")
                out.append((item, speaker))
    return out


def excerpt_speaker(names: str, outlet: str, lex: Lexicon) -> Speaker:
    """The writer (or writers, or the paper) of an excerpt signed `names, outlet`."""
    o = lex.outlets.lookup(outlet)
    body = o.name if o is not None else outlet
    country = o.country if o is not None else None
    if _COLLECTIVE.match(names):
        paper = lex.gaz.lookup(body)
        if paper is not None and not paper.person:
            return Speaker(paper.name, paper.role, paper.country, paper.kind, person=False)
        return Speaker(body, "newspaper", country, "media", person=False)
    several = len(re.split(r",\s+|\s+(?:and|&)\s+", names)) > 1
    known = None if several else lex.gaz.lookup(names)
    if known is not None and known.person:
        kind = known.kind if known.kind in _OWN_KINDS else "media"
        return Speaker(known.name, body, known.country or country, kind, gender=known.gender)
    return Speaker(names, body, country, "media", joint=several, plural=several)
