"""The render stage: Brief -> HTML (Jinja2) -> PDF (WeasyPrint), files written then renamed.

templates.py  the Jinja environment (search path, filters, assets)
html.py       the HTML page
pdf.py        the PDF, with a URL fetcher confined to the template folders
svgchart.py   the inline chart
"""

from __future__ import annotations

from pathlib import Path

from briefgen.config import BriefSettings
from briefgen.files import atomic_write
from briefgen.model import Brief
from briefgen.render.html import build_stamp, render_html
from briefgen.render.pdf import PDF_VARIANTS, render_pdf, restricted_fetcher
from briefgen.render.templates import default_template_dir, init_templates, make_environment

__all__ = [
    "PDF_VARIANTS",
    "atomic_write",
    "build_stamp",
    "default_template_dir",
    "init_templates",
    "make_environment",
    "output_stem",
    "render_html",
    "render_pdf",
    "restricted_fetcher",
    "write_outputs",
]


def output_stem(brief: Brief) -> str:
    return f"korea-brief-{brief.as_of.isoformat()}"


def write_outputs(brief: Brief, settings: BriefSettings) -> list[Path]:
    """Render and write the formats `settings` asks for; returns the paths written.

    Everything is rendered before anything is written, so a failure leaves earlier files alone.
    """
    out = Path(settings.output_dir)
    template_dir = settings.template_dir
    marking = getattr(settings, "marking", None)
    html = render_html(brief, template_dir, paper=settings.paper, marking=marking)
    stem = output_stem(brief)
    fmts = list(settings.formats)
    rendered: list[tuple[Path, bytes]] = []
    if "pdf" in fmts:
        pdf = render_pdf(html, brief, template_dir, pdf_variant=settings.pdf_variant)
        rendered.append((out / f"{stem}.pdf", pdf))
    if "html" in fmts:
        rendered.append((out / f"{stem}.html", html.encode("utf-8")))
    for path, data in rendered:
        atomic_write(path, data)
    return [p for p, _ in rendered]
