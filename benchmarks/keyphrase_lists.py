"""Every week's corpus and country keyphrase lists, for reading by hand.

    .venv/bin/python benchmarks/keyphrase_lists.py --cache DIR [--split tune] [--week allsides:2017-W17]

Prints, per week, the brief's corpus list and each country section's list, one line
each, so that two checkouts' outputs can be diffed and read as a specialist would
(issue 11, point 7: no two phrases that say the same thing, nothing a specialist
strikes).  The week's analysis is kept in `--cache` (benchmarks/bottom_line.py's cache,
the lists included).  Never run with `--split test`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bottom_line import Week, _analysis, weeks  # noqa: E402

from briefgen.config import Settings  # noqa: E402


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="tune", choices=("dev", "train", "tune"))
    ap.add_argument("--week", action="append", default=[], help="corpus:YYYY-Www, extra")
    ap.add_argument("--only", action="store_true", help="only the --week weeks")
    ap.add_argument("--cache", type=Path, required=True)
    args = ap.parse_args(argv)
    todo = [] if args.only else weeks(args.split)
    todo += [Week(*w.split(":", 1), "debug") for w in args.week]
    settings = replace(Settings(), cache_dir=args.cache / "briefgen-cache")
    for w in todo:
        an = _analysis(w, settings, args.cache)
        print(f"== {w.name} ({w.split}) {len(an.articles)} articles", flush=True)
        lists = an.keyphrases
        for gid in ["corpus", *sorted(g for g in lists if g != "corpus")]:
            print(f"  [{gid}] " + " | ".join(k.phrase for k in lists.get(gid, [])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
