"""A statement passed on by another's cue: the press that carries a speaker's words is
their source, not a second speaker (issue 10: "Kim Jong Un said ..., official media
reported" is Kim's statement, its words his clause, and no quotation of the paper's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.nlp.items import Item, Resolved

# Speaker kinds of the press (gazetteer.py, speakers.py).
_PRESS_KINDS = frozenset({"media", "state-media"})


def carried(items: list[Item]) -> list[Item]:
    """ "Kim Jong Un said the test was a warning, official media reported": the parser may
    hang the inverted cue inside Kim's clause, which then ran to its end (the paper's
    report of the same words was dropped as nested in it).  Kim's words end before the
    paper's cue, and the paper's report stays no second quotation (press_carries).  Kim's
    clause may start later than the paper's ("Kim said after the launch that the country
    ..., official media reported"): both then went, Kim's as nested in the paper's."""
    gone: set[int] = set()
    inverted = [x for x in items if x.via == "inverted" and x.cue is not None]
    for it in items if inverted else ():
        for x in inverted:
            c = x.cue
            if (
                x is not it
                and c is not None
                and it.cue is not None
                and x.start <= it.start < x.end
                and it.cue.i < c.i
                and x.end < c.idx < it.end
            ):
                it.end = x.end
                gone.add(id(x))
    return [it for it in items if id(it) not in gone]


def press_carries(res: list[Resolved]) -> list[Resolved]:
    """ "Kim Jong Un said the test was a warning, KCNA said": state media or another
    publication whose words are another speaker's report (their head is a cue with a
    subject of its own) carries that statement: Kim speaks, and the paper's report is no
    second quotation (it held Kim's, which quotations._not_nested then dropped; the speakers step may
    already have given it to Kim, cue and all).  A person who passes words on ("..., the
    White House said") still speaks: the labels keep them."""
    cues = {r.item.cue.i: r for r in res if r.item.kind != "direct" and r.item.cue is not None}
    return [r for r in res if not _carries(r, cues)]


def _carries(r: Resolved, cues: dict[int, Resolved]) -> bool:
    x, c, sp = r.item, r.item.cue, r.speaker
    if x.via != "inverted" or c is None or sp is None:
        return False
    words = c.doc.char_span(x.start, x.end, alignment_mode="expand")
    inner = cues.get(words.root.i) if words is not None else None
    if inner is None or inner is r or inner.item.cue is None:
        return False
    it, ic = inner.item, inner.item.cue
    press = sp.kind in _PRESS_KINDS or (inner.speaker is not None and inner.speaker.key == sp.key)
    return (
        press
        and it.via != "object"  # "officials identified a site": no statement
        and ic.idx < it.start
        and it.end <= x.end
        and any(t.dep_ in ("nsubj", "nsubjpass") for t in ic.children)
    )
