"""HTML -> plain text that keeps paragraph structure.

Whole pages go through trafilatura (a maintained main-content extractor that also reads
title, date, site name and author).  Fragments, such as feed items whose Markdown body is
raw HTML, are too small for it; a plain block-level walk keeps their paragraphs and drops
scripts, figures, captions and share widgets.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

_BLOCK = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "header", "body",
}  # fmt: skip
_SKIP = {
    "script", "style", "noscript", "nav", "footer", "aside", "figure", "figcaption", "form",
    "button", "iframe", "svg", "select", "template", "object", "video", "audio", "head",
}  # fmt: skip
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col"}
_SKIP_ATTR_RE = re.compile(
    r"caption|share|social|related|newsletter|comment|advert|promo|visually-hidden|skip-to|"
    r"byline|breadcrumb|subscribe|sidebar|gallery|slideshow|el__storyelement__gray|"
    r"articlelocation|dateline",
    re.IGNORECASE,
)


class _BlockText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)

    @property
    def skipping(self) -> bool:
        return any(s for _, s in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skipping:
                self.out.append("\n" if tag == "br" else "\n\n")
            return
        marker = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skip = tag in _SKIP or bool(marker and _SKIP_ATTR_RE.search(marker))
        self.stack.append((tag, skip))
        if tag in _BLOCK and not self.skipping:
            self.out.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and not self.skipping:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCK and not self.skipping:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(data)


def html_to_text(fragment: str) -> str:
    """Block-level text of an HTML fragment: one paragraph per block, blank line between."""
    p = _BlockText()
    try:
        p.feed(fragment)
        p.close()
    except Exception:  # malformed markup: fall back to stripping tags
        return html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    text = "".join(p.out)
    paras = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    return "\n\n".join(x for x in paras if x)


def looks_like_html(text: str) -> bool:
    """True when a body is markup rather than prose (enough block tags to matter)."""
    head = text[:5000]
    return len(re.findall(r"</?(?:p|div|span|br|a|h[1-6]|li|html|body)\b", head, re.I)) >= 3


def extract_page(raw: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata of a whole HTML page (trafilatura, fallback: block walk)."""
    meta: dict[str, Any] = {}
    text = ""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            raw,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception:
        doc = None
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = d.get("text") or ""
        for key in ("title", "date", "sitename", "author", "url", "hostname", "description"):
            if d.get(key):
                meta[key] = d[key]
    if len(text.split()) < 30:  # trafilatura found no main text: take every block
        fallback = html_to_text(raw)
        if len(fallback.split()) > len(text.split()):
            text = fallback
    # trafilatura puts one paragraph per line
    if "\n\n" not in text:
        text = "\n\n".join(ln for ln in text.splitlines() if ln.strip())
    return text, meta
