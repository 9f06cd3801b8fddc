"""How far two independent annotators agree on the articles both labelled.

    .venv/bin/python benchmarks/labels/agreement.py [quotes-test quotes-test-B]

Quotations match when their spans overlap by at least half of the shorter one.
Prints quotations found by each and by both (F1 of one against the other), and over
matched pairs: kind, speaker (same name after dropping titles, or one inside the
other), country, and positions (same issue and sign) agreement.  This is the ceiling a
system can be expected to reach against one annotator.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gold import load_gold  # noqa: E402


def _name(s: str | None) -> str:
    s = (s or "").lower()
    s = re.sub(r"^(?:the|a|an)\s+", "", s)
    return " ".join(re.findall(r"[a-z0-9]+", s))


def same_speaker(a: str | None, b: str | None) -> bool:
    x, y = _name(a), _name(b)
    if not x or not y:
        return x == y
    return x == y or x in y or y in x or x.split()[-1] == y.split()[-1]


def main() -> int:
    a_name, b_name = sys.argv[1:3] if len(sys.argv) > 2 else ("quotes-test", "quotes-test-B")
    a_all, b = load_gold(a_name), load_gold(b_name)
    packets = {g.packet for g in b}
    a = [g for g in a_all if g.packet in packets]
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(b):
        by_key[g.key].append(i)
    used: set[int] = set()
    pairs = []
    for g in a:
        best, best_ov = None, 0.0
        for j in by_key[g.key]:
            if j in used:
                continue
            h = b[j]
            ov = min(g.end, h.end) - max(g.start, h.start)
            short = min(g.end - g.start, h.end - h.start) or 1
            if ov / short >= 0.5 and ov / short > best_ov:
                best, best_ov = j, ov / short
        if best is not None:
            used.add(best)
            pairs.append((g, b[best]))
    n = len(pairs)
    print(f"{len(packets)} articles: annotator A {len(a)} quotations, B {len(b)}, both {n}")
    print(
        f"  B's found by A (A as system, B as gold): recall {n / len(b):.3f}, precision {n / len(a):.3f}"
    )
    for kind in ("direct", "mixed", "indirect"):
        nb = sum(1 for g in b if g.kind == kind)
        found = sum(1 for _, h in pairs if h.kind == kind)
        print(f"  {kind:8} B {nb:4d}, also found by A {found:4d} ({found / max(1, nb):.3f})")
    print(f"  kind agrees     {sum(g.kind == h.kind for g, h in pairs) / n:.3f}")
    print(f"  speaker agrees  {sum(same_speaker(g.speaker, h.speaker) for g, h in pairs) / n:.3f}")
    print(
        f"  country agrees  {sum((g.country or None) == (h.country or None) for g, h in pairs) / n:.3f}"
    )
    pa = {(i, p["issue"], p["stance"]) for i, (g, _) in enumerate(pairs) for p in g.positions}
    pb = {(i, p["issue"], p["stance"]) for i, (_, h) in enumerate(pairs) for p in h.positions}
    both = len(pa & pb)
    print(
        f"  positions on matched quotations: A {len(pa)}, B {len(pb)}, same issue and sign {both}"
        f" (B's found by A {both / max(1, len(pb)):.3f}, A's confirmed by B {both / max(1, len(pa)):.3f})"
    )
    ia = {(i, p["issue"]): p["stance"] for i, (g, _) in enumerate(pairs) for p in g.positions}
    ib = {(i, p["issue"]): p["stance"] for i, (_, h) in enumerate(pairs) for p in h.positions}
    common = set(ia) & set(ib)
    print(
        f"  where both gave a stance on the same issue: sign agrees {sum(ia[k] == ib[k] for k in common)}/{len(common)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
