"""The assembled brief of the last build of each period kept in the article store, so a
rerun with nothing new reads it instead of assembling it again (the book's sentence pool,
developments and sections: about 9 s of a whole-corpus rerun).

A kept brief is used only when everything the book is assembled from is the same: the
articles (their whole records), the attribution, keyphrases, period, as-of day, title,
the compared period's articles, attribution and stored brief, the country groups and the
events lists (`inputs_key` hashes them all), and the code (`brief_version`: every module
and data file the book can reach, and the installed models).  Anything else is a miss:
the brief is assembled and kept in place of the old one (one row per period label).
A row that cannot be read counts as missing; a store in trouble only costs time
(store.kept).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen import records
from briefgen.book.assemble import BookInput
from briefgen.book.record import period_label
from briefgen.model import Brief, PeriodRecord
from briefgen.store import Store
from briefgen.store.kept import Kept
from briefgen.store.versions import brief_version, pdf_version

if TYPE_CHECKING:
    from briefgen.render import PdfWorker

KIND = "brief"


def inputs_key(inp: BookInput) -> str:
    """A hash of everything `inp` gives the book (the `facts` are a function of the
    articles; `embed` of the texts and the code, both hashed), by value: the records'
    JSON (`dumps`), so records read from the store and records just computed agree."""
    groups = None
    if inp.groups is not None:
        groups = {c: [a.article_id for a in arts] for c, arts in inp.groups.items()}
    parts = (
        list(inp.articles),
        inp.attribution,
        dict(inp.keyphrases),
        inp.period,
        inp.as_of,
        inp.title,
        list(inp.low_relevance),
        list(inp.previous),
        inp.previous_attribution,
        inp.before,
        inp.last,
        inp.embed is not None,
        groups,
        list(inp.events),
    )
    h = hashlib.sha1(brief_version().encode())
    h.update(dumps(parts).encode("utf-8"))
    return h.hexdigest()


class KeptBrief:
    """(book input, how to assemble it) -> (Brief, PeriodRecord), read or assembled."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.hit = False  # the last call read the kept brief

    def __call__(
        self, inp: BookInput, make: Callable[[], tuple[Brief, PeriodRecord]]
    ) -> tuple[Brief, PeriodRecord]:
        try:
            key = inputs_key(inp)
        except TypeError:  # a value that is no record: nothing to compare, assemble
            return make()
        kept = Kept(self.store, KIND, brief_version())
        made = kept.one(period_label(inp.period), key, make, _encode, _decode)
        self.hit = kept.hit
        return made


def dumps(obj: Any) -> str:
    """JSON of records as records.to_jsonable gives it (records.from_jsonable reads it
    back), with the JSON encoder walking the lists and dicts: a whole-corpus brief in
    half the time."""
    return json.dumps(obj, default=_plain)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> Any:
    """What to_jsonable makes of a record or date (the encoder does the rest)."""
    if isinstance(obj, date):
        return obj.isoformat()
    tp = type(obj)
    names = _FIELDS.get(tp)
    if names is None:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            raise TypeError(f"{tp.__name__} is not a record")
        names = _FIELDS[tp] = tuple(f.name for f in dataclasses.fields(obj))
    return {n: getattr(obj, n) for n in names}


def _encode(made: tuple[Brief, PeriodRecord]) -> bytes:
    return dumps(list(made)).encode()


def _decode(data: bytes) -> tuple[Brief, PeriodRecord]:
    brief, record = json.loads(data)
    return records.from_jsonable(Brief, brief), records.from_jsonable(PeriodRecord, record)


PDF_KIND = "pdf"
# What lays out the PDF besides the HTML and the template folders' files.
_PDF_DISTS = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pillow")


class KeptPdf:
    """Renders the brief's PDF, or gives the one kept from the last build of the same
    brief: the same HTML, template folders (their files' content), PDF variant, PDF code
    and WeasyPrint give the same bytes (render/pdf.py makes them so), without the layout
    (about 11 s of a whole-corpus brief).  One row per brief title and period."""

    def __init__(
        self,
        store: Store,
        worker: PdfWorker | None,
        template_dir: str | Path | None,
        pdf_variant: str | None,
    ) -> None:
        self.store, self.worker = store, worker
        self.template_dir, self.pdf_variant = template_dir, pdf_variant
        self.hit = False

    def render(self, html: str, brief: Brief) -> bytes:
        from briefgen.render.pdf import render_pdf
        from briefgen.render.templates import _template_roots

        version = pdf_version([str(r) for r in _template_roots(self.template_dir)], _PDF_DISTS)
        h = hashlib.sha1(f"{version}\0{self.pdf_variant}\0".encode())
        h.update(html.encode("utf-8"))
        label = f"{brief.title}\0{brief.period_start}\0{brief.period_end}"

        def lay_out() -> bytes:
            if self.worker is not None:
                return self.worker.render(html, brief)
            return render_pdf(html, brief, self.template_dir, pdf_variant=self.pdf_variant)

        kept = Kept(self.store, PDF_KIND, version, compress=False)
        pdf = kept.one(label, h.hexdigest(), lay_out, bytes, bytes)
        self.hit = kept.hit
        return pdf
