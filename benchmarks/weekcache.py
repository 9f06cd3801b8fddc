"""The tune weeks' analyses from bottom_line.py's week cache, for the scripts that print
one part of each week's brief to read by hand (trend_markers, open_questions,
keyphrase_lists): one home for their options and their loop over the weeks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bottom_line import Week, _analysis, weeks  # noqa: E402

from briefgen.config import Settings  # noqa: E402


def week_parser(description: str | None = None) -> argparse.ArgumentParser:
    """--split (never test), extra --week corpus:YYYY-Www, --only those, --cache DIR."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--split", default="tune", choices=("dev", "train", "tune"))
    ap.add_argument("--week", action="append", default=[], help="corpus:YYYY-Www, extra")
    ap.add_argument("--only", action="store_true", help="only the --week weeks")
    ap.add_argument("--cache", type=Path, required=True)
    return ap


def week_analyses(args: argparse.Namespace) -> Iterator[tuple[Week, Any, Settings]]:
    """Each chosen week with its (cached) analysis and the settings that built it."""
    todo = [] if args.only else weeks(args.split)
    todo += [Week(*w.split(":", 1), "debug") for w in args.week]
    settings = replace(Settings(), cache_dir=args.cache / "briefgen-cache")
    for w in todo:
        yield w, _analysis(w, settings, args.cache), settings
