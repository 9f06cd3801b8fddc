"""Every open question and watch item of a week, with its kind, basis and citation, for
reading by hand (issue 11, point 6).

    .venv/bin/python benchmarks/open_questions.py --cache DIR [--split tune] [--week allsides:2017-W17]

Prints, per week, each open question with its kind, the sentence it rests on and the
article it cites, and each country section's judgement (point 2), so that two checkouts'
outputs can be diffed and read.  The week's analysis is kept in `--cache`
(benchmarks/bottom_line.py's cache).  Never run with `--split test`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bottom_line import briefgen_brief  # noqa: E402
from weekcache import week_analyses, week_parser  # noqa: E402


def main(argv: list[str]) -> int:
    ap = week_parser()
    ap.add_argument("--no-judgements", action="store_true")
    args = ap.parse_args(argv)
    for w, an, settings in week_analyses(args):
        brief = briefgen_brief(an, settings)
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
