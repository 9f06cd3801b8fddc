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
    """Block-level text of a fragment.  Linear in the markup however it nests: how many
    open tags skip their content, and how many of each tag are open, are counted as the
    stack changes (40,000 unclosed <div> took 30 s when each tag rescanned the stack)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.open: dict[str, int] = {}  # tag -> how many are on the stack
        self.skips = 0  # open tags on the stack that skip their content

    @property
    def skipping(self) -> bool:
        return self.skips > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skipping:
                self.out.append("\n" if tag == "br" else "\n\n")
            return
        marker = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skip = tag in _SKIP or bool(marker and _SKIP_ATTR_RE.search(marker[:2000]))
        self.stack.append((tag, skip))
        self.open[tag] = self.open.get(tag, 0) + 1
        self.skips += skip
        if tag in _BLOCK and not self.skipping:
            self.out.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and not self.skipping:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.open.get(tag):  # close it and every tag left open inside it
            while self.stack:
                t, skip = self.stack.pop()
                self.open[t] -= 1
                self.skips -= skip
                if t == tag:
                    break
        if tag in _BLOCK and not self.skipping:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(data)


# A "<" that reaches another "<" (or the end) before any ">" opens no tag: it is text.
_STRAY_LT_RE = re.compile(r"<(?=[^<>]*(?:<|\Z))")


def defuse(markup: str) -> str:
    """Markup that html.parser reads in linear time: complete comments dropped (they hold
    no text), an unterminated comment and every "<" that opens no tag escaped as text.
    html.parser rescans the rest of the input at each of those, so 20,000 "<a " took
    minutes."""
    out: list[str] = []
    i = 0
    while True:
        j = markup.find("<!--", i)
        if j < 0:
            out.append(markup[i:])
            break
        k = markup.find("-->", j + 4)
        out.append(markup[i:j])
        if k < 0:  # unterminated: it and any later opener are text
            out.append(markup[j:].replace("<!--", "&lt;!--"))
            break
        i = k + 3
    return _STRAY_LT_RE.sub("&lt;", "".join(out))


def html_to_text(fragment: str) -> str:
    """Block-level text of an HTML fragment: one paragraph per block, blank line between."""
    fragment = defuse(fragment)
    p = _BlockText()
    try:
        p.feed(fragment)
        p.close()
    except Exception:  # malformed markup: fall back to stripping tags
        return html.unescape(re.sub(r"<[^<>]*>", " ", fragment))
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
