"""Render-stage timings on the stored seeds Brief (tests/golden/seeds-brief.json).

    .venv/bin/python -m benchmarks.render_speed

Prints seconds for HTML, PDF layout and PDF writing (font subsetting), the page count,
and the PDF size; CJK subsetting is fast only with HarfBuzz-subset (libharfbuzz-subset0).
"""

from __future__ import annotations

import time
from pathlib import Path


def main() -> None:
    from weasyprint import HTML

    from briefgen.render import default_template_dir, render_html, restricted_fetcher
    from tests.briefjson import brief_from_json

    root = Path(__file__).resolve().parent.parent
    brief = brief_from_json((root / "tests/golden/seeds-brief.json").read_text("utf-8"))
    t0 = time.perf_counter()
    html = render_html(brief)
    t1 = time.perf_counter()
    doc = HTML(
        string=html,
        base_url=default_template_dir().as_uri() + "/",
        url_fetcher=restricted_fetcher([default_template_dir()]),
    ).render()
    t2 = time.perf_counter()
    pdf = doc.write_pdf()
    t3 = time.perf_counter()
    try:
        from weasyprint.text.ffi import harfbuzz_subset
    except ImportError:
        harfbuzz_subset = None
    print(f"html_s={t1 - t0:.3f}")
    print(f"pdf_layout_s={t2 - t1:.3f} pages={len(doc.pages)}")
    print(f"pdf_write_s={t3 - t2:.3f} bytes={len(pdf or b'')}")
    print(f"harfbuzz_subset={'yes' if harfbuzz_subset else 'no (fontTools, slow)'}")


if __name__ == "__main__":
    main()
