"""Regenerate the golden files the render tests compare against: `make golden`.

    .venv/bin/python -m tests.regen_golden            # seeds brief + hand-built fixture
    .venv/bin/python -m tests.regen_golden --fixture  # only the hand-built fixture
    .venv/bin/python -m tests.regen_golden --html-only  # re-render the stored seeds Brief

Writes, under tests/golden/:
  seeds-brief.json    the Brief built from seeds/ as of 2017-12-20 (whole pipeline, real models)
  seeds-brief.html    that Brief rendered with the default templates
  fixture-brief.html  tests/brief_fixture.rich_brief() rendered, with a handling marking

The tests render the *stored* JSON, so they stay stable while the analysis stages change;
rerun this after a deliberate change to the templates or to the analysis, and review the
diff (`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from briefgen.model import Brief

GOLDEN = Path(__file__).resolve().parent / "golden"
ROOT = GOLDEN.parent.parent
SEEDS_DATE = date(2017, 12, 20)
# Fixed values so the golden does not depend on the clock, the environment or the version.
STAMP = datetime(2017, 12, 20, tzinfo=UTC)
GENERATOR = "briefgen"
MARKING = "UNCLASSIFIED // FOR OFFICIAL USE"


def render_golden(brief: Brief, marking: str | None = None) -> str:
    """The exact render the golden tests compare (fixed stamp and generator)."""
    from briefgen.render import render_html

    return render_html(brief, None, paper="A4", marking=marking, stamp=STAMP, generator=GENERATOR)


def seeds_brief() -> Brief:
    """The seeds brief through the whole pipeline, as `briefgen build --date 2017-12-20`."""
    from briefgen.config import Settings
    from briefgen.periods import resolve_period
    from briefgen.pipeline import build
    from briefgen.progress import Reporter

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        settings.brief = replace(settings.brief, output_dir=tmp, formats=["html"])
        settings.corpus = replace(settings.corpus, paths=[str(ROOT / "seeds")])
        period = resolve_period(SEEDS_DATE)
        result = build(settings, SEEDS_DATE, period, reporter=Reporter(), paths=[ROOT / "seeds"])
    return result.brief


def brief_json(brief: Brief) -> str:
    """The stored form of a Brief: JSON without article bodies (templates never print them)."""
    from tests.briefjson import brief_to_json

    for a in [*brief.articles, *brief.low_relevance]:
        a.text = ""
    # Paths relative to the checkout (articles and sources alike), so regenerating in
    # another clone or worktree changes nothing.
    return brief_to_json(brief).replace(f'"{ROOT}/', '"')


def main(argv: list[str]) -> int:
    from tests.brief_fixture import rich_brief
    from tests.briefjson import brief_from_json

    GOLDEN.mkdir(exist_ok=True)
    out = GOLDEN / "fixture-brief.html"
    out.write_text(render_golden(rich_brief(), MARKING), encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    if "--fixture" in argv:
        return 0
    stored = GOLDEN / "seeds-brief.json"
    if "--html-only" in argv and stored.exists():
        # Templates changed, analysis did not: re-render the stored Brief only.
        html = render_golden(brief_from_json(stored.read_text(encoding="utf-8")))
        (GOLDEN / "seeds-brief.html").write_text(html, encoding="utf-8")
        print(f"wrote {(GOLDEN / 'seeds-brief.html').relative_to(ROOT)}")
        return 0
    text = brief_json(seeds_brief())
    old = stored.read_text(encoding="utf-8") if stored.exists() else None
    # Render what the test will render: the Brief as read back from the JSON.
    html = render_golden(brief_from_json(text))
    (GOLDEN / "seeds-brief.json").write_text(text, encoding="utf-8")
    (GOLDEN / "seeds-brief.html").write_text(html, encoding="utf-8")
    print(f"wrote {(GOLDEN / 'seeds-brief.json').relative_to(ROOT)}")
    print(f"wrote {(GOLDEN / 'seeds-brief.html').relative_to(ROOT)}")
    if old is not None:
        import json

        from tests.golden_view import report, section_diffs

        diffs = section_diffs(json.loads(old), json.loads(text))
        print(
            f"\nanalysis changes to review ({len(diffs)} sections):\n\n{report(diffs)}"
            if diffs
            else "analysis unchanged"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
