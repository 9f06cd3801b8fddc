"""Trend marker per country: deteriorated / improved / unchanged against the previous period.

The marker rests on a count a reader can check: in the sentences naming the country,
how many terms of escalation (tests, threats, sanctions, strikes...) against terms
of engagement (talks, dialogue, summit, agreement...).  The tension index
(esc - eng) / (esc + eng + 1) is compared with the same index over the previous
period's articles; a change beyond THRESHOLD moves the marker.  No previous material
for the country gives "new"; no previous period at all gives None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.book.sentences import split_sentences
from briefgen.knowledge.countries import countries_mentioned
from briefgen.model import Article

ESCALATION_RE = re.compile(
    r"\b(?:missiles?|launch(?:es|ed|ing)?|tests?|tested|testing|threat(?:s|en|ened|ening)?|"
    r"warn(?:s|ed|ing)?|sanctions?|provocat\w*|war|wars|strikes?|attacks?|hostile|"
    r"condemn\w*|tensions?|escalat\w*|bombs?|ICBMs?|retaliat\w*|destroy\w*|"
    r"fire and fury|deploy\w*|drills?|aggress\w*|punish\w*|detonat\w*)\b",
    re.I,
)
ENGAGEMENT_RE = re.compile(
    r"\b(?:talks|dialogue|negotiat\w*|diplomac\w*|diplomatic|summit|agreements?|agreed|"
    r"peace|peaceful|engage\w*|eas(?:e|ed|ing)|thaw|reconcil\w*|cooperat\w*|envoys?|"
    r"humanitarian|reunions?|freeze|restraint|de-escalat\w*|olive branch|goodwill)\b",
    re.I,
)
THRESHOLD = 0.15
# Fewer sentences than this naming the country in a period: too little to compare.
MIN_SENTENCES = 5


@dataclass(frozen=True)
class Tension:
    escalation: int
    engagement: int
    sentences: int

    @property
    def index(self) -> float:
        return (self.escalation - self.engagement) / (self.escalation + self.engagement + 1)


@lru_cache(maxsize=4096)
def _profile(article_id: str, text: str) -> tuple[tuple[frozenset[str], int, int], ...]:
    """Per sentence: (countries named, escalation terms, engagement terms), once per article."""
    art = Article(article_id=article_id, title="", text=text, source_path="")
    return tuple(
        (
            frozenset(countries_mentioned(s.text)),
            len(ESCALATION_RE.findall(s.text)),
            len(ENGAGEMENT_RE.findall(s.text)),
        )
        for s in split_sentences(art)
    )


def tension(articles: Iterable[Article], code: str) -> Tension:
    """Escalation and engagement terms in the sentences that name `code`."""
    esc = eng = n = 0
    for a in articles:
        for codes, e, g in _profile(a.article_id, a.text):
            if code in codes:
                n += 1
                esc += e
                eng += g
    return Tension(esc, eng, n)


def trend(
    current: Sequence[Article], previous: Sequence[Article], code: str
) -> tuple[str | None, str]:
    """(marker, one-line basis) for one country."""
    now = tension(current, code)
    basis_now = (
        f"{now.escalation} escalation vs {now.engagement} engagement terms "
        f"in {now.sentences} sentences (index {now.index:+.2f})"
    )
    if not previous:
        return None, basis_now + "; no previous period in the corpus"
    if now.sentences < MIN_SENTENCES:
        return None, basis_now + "; too little material this period to judge a trend"
    before = tension(previous, code)
    if before.sentences < MIN_SENTENCES:
        return "new", basis_now + (
            f"; named in only {before.sentences} sentences in the previous period"
            if before.sentences
            else "; not covered in the previous period"
        )
    diff = now.index - before.index
    marker = (
        "deteriorated" if diff > THRESHOLD else "improved" if diff < -THRESHOLD else "unchanged"
    )
    return marker, (
        basis_now + f"; previous period {before.escalation} vs {before.engagement} "
        f"in {before.sentences} sentences (index {before.index:+.2f})"
    )
