"""Every week's corpus and country keyphrase lists, for reading by hand.

    .venv/bin/python benchmarks/keyphrase_lists.py --cache DIR [--split tune] [--week allsides:2017-W17]

Prints, per week, the brief's corpus list and each country section's list, one line
each, so that two checkouts' outputs can be diffed and read as a specialist would
(issue 11, point 7: no two phrases that say the same thing, nothing a specialist
strikes).  The week's analysis is kept in `--cache` (benchmarks/bottom_line.py's cache,
the lists included).  Never run with `--split test`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from weekcache import week_analyses, week_parser  # noqa: E402


def main(argv: list[str]) -> int:
    args = week_parser().parse_args(argv)
    for w, an, _settings in week_analyses(args):
        print(f"== {w.name} ({w.split}) {len(an.articles)} articles", flush=True)
        lists = an.keyphrases
        for gid in ["corpus", *sorted(g for g in lists if g != "corpus")]:
            print(f"  [{gid}] " + " | ".join(k.phrase for k in lists.get(gid, [])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
