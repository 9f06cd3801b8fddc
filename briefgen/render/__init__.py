"""The render stage: Brief -> HTML (Jinja2) -> PDF (WeasyPrint), and its data as XLSX;
files written then renamed.

templates.py  the Jinja environment (search path, filters, assets)
html.py       the HTML page
pdf.py        the PDF, with a URL fetcher confined to the template folders
svgchart.py   the inline chart
sheets.py     tables as an Excel workbook (exports, the brief's data appendix)
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from briefgen.config import BriefSettings
from briefgen.errors import RenderError
from briefgen.files import MB, atomic_write, check_output_folder, write_problem
from briefgen.model import Brief
from briefgen.render.html import UndefinedInTemplate, build_stamp, render_html
from briefgen.render.pdf import PDF_VARIANTS, render_pdf, restricted_fetcher
from briefgen.render.pdfworker import PdfRenderer, PdfWorker
from briefgen.render.templates import default_template_dir, init_templates, make_environment

__all__ = [
    "PDF_VARIANTS",
    "PdfRenderer",
    "PdfWorker",
    "atomic_write",
    "build_stamp",
    "default_template_dir",
    "init_templates",
    "make_environment",
    "output_stem",
    "preflight",
    "render_html",
    "render_pdf",
    "restricted_fetcher",
    "write_outputs",
]


def output_stem(brief: Brief) -> str:
    return f"korea-brief-{brief.as_of.isoformat()}"


def write_outputs(
    brief: Brief, settings: BriefSettings, pdf_worker: PdfRenderer | None = None
) -> list[Path]:
    """Render and write the formats `settings` asks for; returns the paths written.

    Everything is rendered before anything is written, so a failure leaves earlier files
    alone.  `pdf_worker` (started with the same settings before the brief was assembled)
    renders the PDF with WeasyPrint already loaded (any PdfRenderer: the pipeline's keeps
    the last PDF of each brief).
    """
    out = Path(settings.output_dir)
    template_dir = settings.template_dir
    marking = getattr(settings, "marking", None)
    stem = output_stem(brief)
    fmts = list(settings.formats)
    rendered: list[tuple[Path, bytes]] = []
    if "pdf" in fmts or "html" in fmts:
        html = render_html(brief, template_dir, paper=settings.paper, marking=marking)
        if "pdf" in fmts:
            if pdf_worker is not None:
                pdf = pdf_worker.render(html, brief)
            else:
                pdf = render_pdf(html, brief, template_dir, pdf_variant=settings.pdf_variant)
            rendered.append((out / f"{stem}.pdf", pdf))
        if "html" in fmts:
            rendered.append((out / f"{stem}.html", html.encode("utf-8")))
    if "xlsx" in fmts:
        from briefgen.render.sheets import brief_appendix, workbook_bytes

        rendered.append((out / f"{stem}.xlsx", workbook_bytes(brief_appendix(brief))))
    for path, data in rendered:
        try:
            atomic_write(path, data)
        except OSError as e:  # full disk, file-size limit, rights changed meanwhile
            raise write_problem(path, e) from None
    return [p for p, _ in rendered]


def preflight(settings: BriefSettings) -> None:
    """What can be checked before the heavy work, so a build does not analyse for minutes
    and then fail: the output folder (a folder, writable, with room for the brief), the
    paper and PDF variant, and the templates, rendered once on an empty brief (a missing
    or linked file, a syntax error, {{ 1/0 }}, a template that extends itself or tries
    something the sandbox refuses).  A variable the empty brief lacks is left for the
    real render to judge.  Raises RenderError (OutputError for the folder), one line."""
    from datetime import date

    out = Path(settings.output_dir)
    earlier = [f.stat().st_size for f in _earlier_briefs(out)]
    size = max([2 * MB, *(int(1.5 * n) for n in earlier)])
    check_output_folder(out, file_size=size, files=max(1, len(settings.formats)))
    if settings.pdf_variant and settings.pdf_variant not in PDF_VARIANTS:
        raise RenderError(
            f"PDF variant {settings.pdf_variant!r} is not supported; use one of {', '.join(PDF_VARIANTS)}"
        )
    empty = Brief(settings.title, date.today(), None, None, [], [])
    with contextlib.suppress(UndefinedInTemplate):  # it may well be defined in a real brief
        render_html(empty, settings.template_dir, paper=settings.paper, marking=settings.marking)


def _earlier_briefs(folder: Path) -> list[Path]:
    try:
        return [f for f in folder.glob("korea-brief-*") if f.is_file()]
    except OSError:
        return []
