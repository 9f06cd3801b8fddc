"""A PDF process started before the brief is assembled, so WeasyPrint's start-up overlaps
the reading and the analysis.

Importing WeasyPrint (its C declarations, fontTools) costs about 0.45 s CPU, a tenth of
a weekly brief; the layout itself can only start once the HTML exists.  A forked child
imports it while this process reads the store and assembles, then turns the HTML it is
sent into the same bytes `render_pdf` gives here.  Where fork is not safe (no fork on the
platform, or other threads alive that a child could find holding a lock) or the child
dies, the PDF is rendered in this process as before: the worker only moves work, it never
changes the output.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from pathlib import Path
from typing import Any, Protocol

from briefgen.errors import RenderError
from briefgen.model import Brief


def _serve(conn: Any, template_dir: str | Path | None, pdf_variant: str | None) -> None:
    """The child: import WeasyPrint now, then render the one HTML it is sent."""
    # Ctrl-C reaches the child too: the parent reports it, the child just stops
    with contextlib.suppress(KeyboardInterrupt):
        _render_one(conn, template_dir, pdf_variant)


def _render_one(conn: Any, template_dir: str | Path | None, pdf_variant: str | None) -> None:
    try:
        import weasyprint  # noqa: F401  (the point: load it before the HTML arrives)

        from briefgen.render.pdf import render_pdf

        html = conn.recv()
    except (EOFError, OSError):  # the parent gave up or went away
        return
    try:
        pdf = render_pdf(html, None, template_dir, pdf_variant=pdf_variant)
        reply: tuple[str, Any] = ("pdf", pdf)
    except RenderError as e:
        reply = ("error", str(e))
    except Exception as e:  # noqa: BLE001 - anything else: the parent renders itself
        reply = ("failed", f"{type(e).__name__}: {e}")
    try:
        conn.send(reply)
    except (OSError, ValueError):
        pass
    finally:
        conn.close()


class PdfRenderer(Protocol):
    """What write_outputs asks for a PDF: a PdfWorker, or one that keeps PDFs."""

    def render(self, html: str, brief: Brief) -> bytes: ...


class PdfWorker:
    """Renders one brief's PDF in a child process started now (see the module doc).

    Use as a context manager; `render(html, brief)` gives the PDF bytes."""

    def __init__(self, template_dir: str | Path | None = None, pdf_variant: str | None = None):
        self.template_dir = template_dir
        self.pdf_variant = pdf_variant
        self._conn: Any = None
        self._proc: Any = None
        if not self.can_fork():
            return
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=_serve, args=(child, template_dir, pdf_variant), name="briefgen-pdf", daemon=True
        )
        try:
            proc.start()
        except OSError:  # no room for another process: render here
            parent.close()
            child.close()
            return
        child.close()
        self._conn, self._proc = parent, proc

    @staticmethod
    def can_fork() -> bool:
        """Fork only on Linux and from a single-threaded process (a forked child gets
        only this thread, and a lock another thread held would never be released)."""
        import multiprocessing

        return (
            sys.platform.startswith("linux")
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1
        )

    @property
    def started(self) -> bool:
        return self._proc is not None

    def render(self, html: str, brief: Brief) -> bytes:
        """The PDF of `html`: from the child if it is running, else rendered here."""
        from briefgen.render.pdf import render_pdf

        reply = self._ask(html)
        if reply is not None and reply[0] == "pdf":
            return bytes(reply[1])
        if reply is not None and reply[0] == "error":
            raise RenderError(reply[1])
        return render_pdf(html, brief, self.template_dir, pdf_variant=self.pdf_variant)

    def _ask(self, html: str) -> tuple[str, Any] | None:
        conn, self._conn = self._conn, None
        if conn is None:
            return None
        try:
            conn.send(html)
            reply: tuple[str, Any] = conn.recv()
            return reply
        except (EOFError, OSError):  # the child died (killed, out of memory): render here
            return None
        finally:
            conn.close()
            self.close()

    def close(self) -> None:
        """End the child: wait for it once it has answered, stop it if it was never asked
        (the build failed before its PDF)."""
        unasked = self._conn is not None
        if unasked:
            self._conn.close()
            self._conn = None
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if unasked:
            proc.terminate()
        proc.join(timeout=10)
        if proc.is_alive():
            proc.kill()
            proc.join()

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
