"""Every country section's trend marker, basis and judgement, for reading by hand.

    .venv/bin/python benchmarks/trend_markers.py --cache DIR [--split tune] [--week allsides:2017-W17]

Prints, per week and country section, the marker, its basis in words and the judgement,
so that two checkouts' outputs can be diffed and read (issue 11, points 2 and 3).  The
week's analysis is kept in `--cache` (benchmarks/bottom_line.py's cache: only the book is
built again when only book code changed).  Never run with `--split test`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bottom_line import briefgen_brief  # noqa: E402
from weekcache import week_analyses, week_parser  # noqa: E402


def main(argv: list[str]) -> int:
    args = week_parser().parse_args(argv)
    for w, an, settings in week_analyses(args):
        brief = briefgen_brief(an, settings)
        print(f"== {w.name} ({w.split})", flush=True)
        for s in brief.countries:
            j = s.judgement.text if s.judgement else "-"
            print(f"  [{s.code}] {s.trend or '-'} | {s.trend_basis}")
            print(f"      judgement: {j}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
