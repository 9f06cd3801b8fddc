"""Whether two ranked groups of reports tell two developments or one, from their leads
alone (book/developments.py's absorbing pass): two acts however close their words
(two_acts), or a preview of what the other reports done (previews).  Pure tests of two
groups, apart from the finder's similarity tables."""

from __future__ import annotations

from briefgen.book.reports import Group, actors_of, distinct


def two_acts(g: Group, h: Group) -> bool:
    """The two groups' leads tell two developments (reports.distinct: two kinds of event
    of two families or by two actors), however close their words: the week's news of the
    test site's closure is no part of a statement on sanctions that names the same
    summit (judges, 2018-W18: the closure, written from its own lead, was folded into
    KCNA's Sunday statement and missing from the bottom line).  Kinds of one family
    are two acts only when no country acts in both: "Kim is due to hold a summit with
    Moon on Friday" and "Moon and Kim met Friday and vowed..." (a summit, a statement)
    are one summit, which split in two lost dev 2018-W17 its joint declaration."""
    a, b = g.lead, h.lead
    if a is None or b is None or a.tag is None or b.tag is None or not distinct(a, b):
        return False
    return a.tag.family != b.tag.family or not actors_of(a) & actors_of(b)


def previews(g: Group, h: Group) -> bool:
    """g's lead looks ahead to the day of an event h reports as done, among the same
    actors (a preview of a summit the period then saw held)."""
    a, b = g.lead, h.lead
    if a is None or b is None or not a.future or b.future or a.when is None:
        return False
    # the day first: it rules out most pairs, with no set of actors made (one boolean
    # conjunction, in any order the same answer)
    day = a.when.when
    if not any(r.when and not r.future and r.when.when == day for r in h.members):
        return False
    # another kind of event that day previews nothing of h's (talks ahead beside a
    # power cut done that day: reports.distinct)
    return bool(actors_of(a) & actors_of(b)) and not distinct(a, b)
