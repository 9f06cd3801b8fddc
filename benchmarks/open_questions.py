"""Every open question and watch item of a week, with its kind, basis and citation, for
reading by hand (issue 11, point 6).

    .venv/bin/python benchmarks/open_questions.py --cache DIR [--split tune] [--week allsides:2017-W17]

Prints, per week, each open question with its kind, the sentence it rests on and the
article it cites, and each country section's judgement (point 2), so that two checkouts'
outputs can be diffed and read.  The week's analysis is kept in `--cache`
(benchmarks/bottom_line.py's cache).  Never run with `--split test`.
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
    ap.add_argument("--no-judgements", action="store_true")
    ap.add_argument("--cache", type=Path, required=True)
    args = ap.parse_args(argv)
    todo = [] if args.only else weeks(args.split)
    todo += [Week(*w.split(":", 1), "debug") for w in args.week]
    settings = replace(Settings(), cache_dir=args.cache / "briefgen-cache")
    for w in todo:
        brief = briefgen_brief(_analysis(w, settings, args.cache), settings)
        print(f"== {w.name} ({w.split})", flush=True)
        for q in brief.open_questions:
            src = [brief.sources[n - 1].title[:60] for n in q.cites if 0 < n <= len(brief.sources)]
            print(f"  ? [{q.kind}] {q.text}")
            if q.basis and q.basis != q.text:
                print(f"      basis: {q.basis}")
            print(f"      cites: {q.cites} {src}")
        if not args.no_judgements:
            for s in brief.countries:
                j = s.judgement.text if s.judgement else "-"
                print(f"  [{s.code}] judgement: {j}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
