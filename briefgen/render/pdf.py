"""HTML to PDF with WeasyPrint, fetching nothing but files inside the template folders.

The PDF's creation and modification dates come from the HTML's dcterms.created (the
brief's fixed stamp), so the same brief gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from briefgen.config import PDF_VARIANTS
from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.render.templates import _inside, _template_roots


def restricted_fetcher(allowed_root: Iterable[Path]) -> Any:
    """A WeasyPrint URL fetcher that serves only files under the template folders.

    Article text is untrusted: nothing it names (file://, http://, ...) is ever read;
    such a resource simply does not load.  data: URIs (inline assets) are decoded in
    memory.  Every URL asked for is kept in `.requested` and every refusal in
    `.blocked`, so tests can prove nothing else was read.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed_root]

    class RestrictedFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.requested: list[str] = []
            self.blocked: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            from urllib.parse import unquote

            self.requested.append(url)
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlparse(url).path))
                if _inside(path, roots) and path.resolve().is_file():
                    return URLFetcherResponse(path.resolve().as_uri(), path.resolve().read_bytes())
            self.blocked.append(url)
            raise ValueError(f"blocked resource: {url[:80]}")

    return RestrictedFetcher()


def render_pdf(
    html: str,
    brief: Brief | None,
    template_dir: str | Path | None = None,
    *,
    pdf_variant: str | None = None,
    fetcher: Any = None,
) -> bytes:
    """HTML to PDF bytes with only template assets reachable; same input, same bytes.

    The dates in the PDF come from the HTML's dcterms.created/modified (set from the
    brief's fixed stamp), so nothing depends on the clock or the environment.
    """
    import logging

    from weasyprint import HTML

    if pdf_variant and pdf_variant not in PDF_VARIANTS:
        raise RenderError(
            f"PDF variant {pdf_variant!r} is not supported; use one of {', '.join(PDF_VARIANTS)}"
        )
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    roots = _template_roots(template_dir)
    base = roots[0].resolve().as_uri() + "/"
    fetch = fetcher if fetcher is not None else restricted_fetcher(roots)
    try:
        doc = HTML(string=html, base_url=base, url_fetcher=fetch, media_type="print")
        pdf = doc.write_pdf(
            pdf_variant=pdf_variant,
            # A stable file identifier (hash of the content), not a random one.
            pdf_identifier=None,
            uncompressed_pdf=False,
        )
    except RenderError:
        raise
    except Exception as e:  # WeasyPrint layout/font failure: one line, not a traceback
        raise RenderError(f"PDF rendering failed: {type(e).__name__}: {e}") from None
    return pdf or b""
