"""Agreement of briefgen's stance lexicon with hand labels on the seed quotes.

    .venv/bin/python benchmarks/positions.py

Labels were written by hand from the seed articles (issue and the side the speaker takes).
Prints per-quote agreement (coverage: the lexicon gives a stance at all; accuracy: the
sign agrees where it does) and actor/country-level agreement on the positions briefgen
derives from the seeds.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (actor_id, fragment of the quote, issue, hand-labelled side)
QUOTE_LABELS: list[tuple[str, str, str, int]] = [
    ("rex-tillerson", "We must increase the costs", "pressure", 1),
    ("rex-tillerson", "full enforcement of UN Security Council sanctions", "pressure", 1),
    ("rex-tillerson", "improve maritime interdiction", "pressure", 1),
    ("rex-tillerson", "earn its way back to the table", "pressure", 1),
    ("rex-tillerson", "earn its way back to the table", "denuclearization", 1),
    ("rex-tillerson", "ready to talk any time", "dialogue", 1),
    ("rex-tillerson", "until the first bomb", "dialogue", 1),
    ("rex-tillerson", "We are probing", "dialogue", 1),
    ("rex-tillerson", "lines of communication", "dialogue", 1),
    ("donald-trump", "wasting his time", "dialogue", -1),
    ("donald-trump", "totally destroy", "military", 1),
    ("hua-chunying", "engagement and dialogue", "dialogue", 1),
    ("thae-yong-ho", "soft power", "military", -1),
    ("a-senior-state-department-official", "preferred endpoint", "military", -1),
    ("a-senior-state-department-official", "preferred endpoint", "dialogue", 1),
    ("a-senior-state-department-official", "limited at all", "dialogue", 1),
    ("taro-kono", "too naive", "pressure", 1),
    ("taro-kono", "by all means available", "pressure", 1),
    ("kang-kyung-wha", "two tools", "pressure", 1),
    ("kang-kyung-wha", "significant first step", "dialogue", 1),
    ("wu-haitao", "should be abandoned", "pressure", -1),
    ("wu-haitao", "move towards each other", "responsibility", -1),
    ("wu-haitao", "any one party alone", "responsibility", -1),
    ("sergei-lavrov", "unacceptable", "pressure", -1),
    ("lu-kang", "important parties", "pressure", -1),
    ("park-soo-hyun", "channels of communication", "dialogue", 1),
    ("korean-central-news-agency", "hostile policy", "pressure", -1),
    ("ja-song-nam", "desperate measure", "pressure", -1),
]

# (holder, issue, side) for the positions briefgen derives from the seeds
POSITION_LABELS: list[tuple[str, str, int]] = [
    ("rex-tillerson", "pressure", 1),
    ("rex-tillerson", "dialogue", 1),
    ("donald-trump", "dialogue", -1),
    ("donald-trump", "military", 1),
    ("hua-chunying", "dialogue", 1),
    ("taro-kono", "pressure", 1),
    ("kang-kyung-wha", "pressure", 1),
    ("wu-haitao", "pressure", -1),
    ("thae-yong-ho", "military", -1),
    ("USA", "pressure", 1),
    ("JPN", "pressure", 1),
    ("CHN", "pressure", -1),
    ("CHN", "dialogue", 1),
    ("KOR", "dialogue", 1),
    ("PRK", "pressure", -1),
]


def main() -> int:
    from briefgen.config import Settings
    from briefgen.corpus import load_corpus
    from briefgen.nlp.attribution import attribute
    from briefgen.nlp.parse import parse_articles
    from briefgen.nlp.positions import _units, disagreements, score_text

    corpus = load_corpus([str(ROOT / "seeds")], Settings().corpus)
    att = attribute(corpus.articles, parse_articles(corpus.articles))
    units = _units(att.quotes, [])
    covered = agree = found = 0
    for holder, frag, issue, side in QUOTE_LABELS:
        cands = [u for u in units if u.holder == holder and frag in u.text]
        if not cands:
            print(f"  not extracted: {holder}: {frag!r}")
            continue
        found += 1
        s = score_text(cands[0].text, issue)
        if s is None or s == 0:
            print(f"  no stance:     {holder} {issue}: {frag!r}")
            continue
        covered += 1
        ok = (s > 0) == (side > 0)
        agree += ok
        if not ok:
            print(f"  wrong side:    {holder} {issue}: {frag!r} score {s:+.2f}, label {side:+d}")
    n = len(QUOTE_LABELS)
    print(
        f"quote stances: {n} labels, {found} quotes extracted, lexicon gives a stance on "
        f"{covered}, agrees on {agree} ({agree / max(covered, 1):.0%} of covered, {agree / n:.0%} of all)"
    )
    pos = {(p.holder, p.issue): p.stance for p in att.positions}
    hit = sum(
        1 for h, i, side in POSITION_LABELS if (h, i) in pos and (pos[(h, i)] > 0) == (side > 0)
    )
    have = sum(1 for h, i, _ in POSITION_LABELS if (h, i) in pos)
    for h, i, side in POSITION_LABELS:
        got = pos.get((h, i))
        if got is None or (got > 0) != (side > 0):
            print(f"  position {h} {i}: got {got}, label {side:+d}")
    print(
        f"positions: {len(POSITION_LABELS)} labels, {have} derived, {hit} on the right side "
        f"({hit / len(POSITION_LABELS):.0%})"
    )
    print(f"disagreements found on the seeds: {len(disagreements(att.positions))}")
    for a, b in disagreements(att.positions)[:6]:
        print(f"  {a.holder} ({a.stance:+.2f}) vs {b.holder} ({b.stance:+.2f}) on {a.issue}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
