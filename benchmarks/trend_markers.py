"""Every country section's trend marker, basis and judgement, for reading by hand.

    .venv/bin/python benchmarks/trend_markers.py --cache DIR [--split tune] [--week allsides:2017-W17]

Prints, per week and country section, the marker, its basis in words and the judgement,
so that two checkouts' outputs can be diffed and read (issue 11, points 2 and 3).  The
week's analysis is kept in `--cache` (benchmarks/bottom_line.py's cache: only the book is
built again when only book code changed).  Never run with `--split test`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bottom_line import Week, _analysis, briefgen_brief, weeks  # noqa: E402

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
        brief = briefgen_brief(_analysis(w, settings, args.cache), settings)
        print(f"== {w.name} ({w.split})", flush=True)
        for s in brief.countries:
            j = s.judgement.text if s.judgement else "-"
            print(f"  [{s.code}] {s.trend or '-'} | {s.trend_basis}")
            print(f"      judgement: {j}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
