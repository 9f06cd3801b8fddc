"""The message: a plain-text and an HTML body carrying the bottom line, and the PDF."""

from __future__ import annotations

import contextlib
import copy
import html
import re
from dataclasses import dataclass, field
from datetime import date
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html.parser import HTMLParser
from pathlib import Path

from briefgen.config import EmailSettings
from briefgen.deliver.recipients import Recipient, sender_address
from briefgen.deliver.text import MB, clean_text, size_text
from briefgen.errors import DeliveryError
from briefgen.files import atomic_write
from briefgen.knowledge.dates import long_date
from briefgen.model import Brief

# A bottom line from the sibling HTML is untrusted text: keep the email body bounded.
MAX_BLUF_ITEMS = 12
_FILE_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")


# ------------------------------------------------------------------ what the mail says


@dataclass
class BriefInfo:
    """What the email body needs from a brief: title, date, period, bottom line."""

    as_of: date | None = None
    period: str | None = None
    bluf: list[str] = field(default_factory=list)
    title: str | None = None


def period_text(start: date | None, end: date | None) -> str | None:
    """'11 to 17 December 2017'-style wording of a brief's period (None when open)."""
    if start and end:
        if start == end:
            return long_date(start)
        return f"{long_date(start)} to {long_date(end)}"
    if start:
        return f"from {long_date(start)}"
    if end:
        return f"up to {long_date(end)}"
    return None


def info_from_brief(brief: Brief) -> BriefInfo:
    return BriefInfo(
        as_of=brief.as_of,
        period=period_text(brief.period_start, brief.period_end),
        bluf=[clean_text(s.text) for s in brief.bluf if s.text.strip()][:MAX_BLUF_ITEMS],
        title=clean_text(brief.title, 200) or None,
    )


class _BriefHTMLParser(HTMLParser):
    """Reads the briefgen meta tags, <title> and the <li> items of #bluf; lenient."""

    _SKIP = {"script", "style", "sup", "template"}
    _META = {"briefgen:as-of", "briefgen:period", "description"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.items: list[str] = []
        self.bluf_done = False
        self._in_title = False
        self._bluf_tag: str | None = None
        self._bluf_depth = 0
        self._skip = 0
        self._item: list[str] | None = None
        self._nested = 0

    def _finish_item(self) -> None:
        if self._item is not None:
            text = clean_text("".join(self._item))
            if text:
                self.items.append(text)
        self._item = None
        self._nested = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta" and a.get("name", "").lower() in self._META:
            self.meta[a["name"].lower()] = a.get("content", "")
        elif tag == "title":
            self._in_title = True
        if self._bluf_tag is None:
            if not self.bluf_done and a.get("id", "").lower() == "bluf":
                self._bluf_tag, self._bluf_depth = tag, 1
            return
        if tag == self._bluf_tag:
            self._bluf_depth += 1
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "li":
            if self._item is not None and self._nested == 0:
                self._finish_item()  # <li> without </li>
            if self._item is None:
                self._item = []
            else:
                self._item.append(" ")
        elif tag in ("ul", "ol") and self._item is not None:
            self._nested += 1
        elif tag in ("br", "p", "div") and self._item is not None:
            self._item.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._bluf_tag is None:
            return
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "li" and self._nested == 0:
            self._finish_item()
        elif tag in ("ul", "ol") and self._nested:
            self._nested -= 1
        if tag == self._bluf_tag:
            self._bluf_depth -= 1
            if self._bluf_depth <= 0:
                self._finish_item()
                self._bluf_tag, self.bluf_done = None, True

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        if self._item is not None and not self._skip:
            self._item.append(data)


def _date_in_name(path: Path) -> date | None:
    for m in _FILE_DATE_RE.finditer(path.stem):
        try:
            return date.fromisoformat(m.group(1))
        except ValueError:
            continue
    return None


def info_from_files(pdf: Path) -> BriefInfo:
    """Body facts for `briefgen email PDF`: from the sibling .html the build wrote, else the name."""
    info = BriefInfo(as_of=_date_in_name(pdf))
    sibling = pdf.with_suffix(".html")
    if not sibling.is_file():
        return info
    parser = _BriefHTMLParser()
    try:
        with sibling.open("rb") as f:
            # Stop reading once the bottom line is in: the rest of a brief can be megabytes.
            while chunk := f.read(64 * 1024):
                parser.feed(chunk.decode("utf-8", errors="replace"))
                if parser.bluf_done and "briefgen:as-of" in parser.meta:
                    break
        parser.close()
    except (OSError, AssertionError):
        return info  # an unreadable sibling only costs the body its bottom line
    as_of = parser.meta.get("briefgen:as-of", "").strip()
    with contextlib.suppress(ValueError):
        info.as_of = date.fromisoformat(as_of) if as_of else info.as_of
    period = parser.meta.get("briefgen:period", "")
    if not period:  # older markup: "<title>, as of <date>, covering <start> to <end>"
        period = parser.meta.get("description", "").partition(", covering ")[2]
    info.period = clean_text(period, 200) or None
    info.bluf = parser.items[:MAX_BLUF_ITEMS]
    # The page title repeats the date after a dash ("Title — 17 December 2017"); the body says it.
    title = "".join(parser.title_parts).partition(" — ")[0]
    info.title = clean_text(title, 200) or None
    return info


# ------------------------------------------------------------------------------ message


def subject_for(settings: EmailSettings, info: BriefInfo, pdf: Path) -> str:
    """The subject pattern with {date} (ISO, sorts well in a mailbox), {period}, {title}."""
    when = info.as_of.isoformat() if info.as_of else pdf.stem
    values = {"date": when, "period": info.period or "", "title": info.title or ""}
    s = re.sub(r"\{(date|period|title)\}", lambda m: values[m.group(1)], settings.subject)
    return clean_text(s, 250) or f"Brief {when}"


def text_body(info: BriefInfo, pdf: Path, size: int) -> str:
    lines = [info.title or "Briefing book"]
    if info.as_of:
        lines.append(f"As of {long_date(info.as_of)}")
    if info.period:
        lines.append(f"Period covered: {info.period}")
    lines.append("")
    if info.bluf:
        lines.append("BOTTOM LINE UP FRONT")
        lines += [f"- {item}" for item in info.bluf]
        lines.append("")
        lines.append(f"The full brief, with sources, is attached: {pdf.name} ({size_text(size)}).")
    else:
        lines.append(f"The brief is attached: {pdf.name} ({size_text(size)}).")
    return "\n".join(lines) + "\n"


def html_body(info: BriefInfo, pdf: Path, size: int) -> str:
    e = html.escape
    title = e(info.title or "Briefing book")
    meta = []
    if info.as_of:
        meta.append(f"As of <strong>{e(long_date(info.as_of))}</strong>")
    if info.period:
        meta.append(f"Period covered: {e(info.period)}")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{title}</title></head>",
        '<body style="font-family: Georgia, serif; line-height: 1.4; max-width: 40em">',
        f'<h1 style="font-size: 1.3em">{title}</h1>',
    ]
    if meta:
        parts.append(f"<p>{'<br>'.join(meta)}</p>")
    attached = f"<strong>{e(pdf.name)}</strong> ({e(size_text(size))})"
    if info.bluf:
        parts.append('<h2 style="font-size: 1.1em">Bottom line up front</h2>')
        parts.append("<ul>" + "".join(f"<li>{e(item)}</li>" for item in info.bluf) + "</ul>")
        parts.append(f"<p>The full brief, with sources, is attached: {attached}.</p>")
    else:
        parts.append(f"<p>The brief is attached: {attached}.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def build_message(
    pdf_bytes: bytes,
    pdf: Path,
    info: BriefInfo,
    settings: EmailSettings,
    recipients: list[Recipient],
) -> EmailMessage:
    """The whole message; Bcc recipients appear in a Bcc header that is never transmitted."""
    sender = sender_address(settings)
    msg = EmailMessage(policy=policy.SMTP)
    to = [r for r in recipients if not (settings.lists_as_bcc and r.via_list)]
    bcc = [r for r in recipients if settings.lists_as_bcc and r.via_list]
    try:
        msg["From"] = sender
        msg["To"] = [r.header() for r in to] if to else "undisclosed-recipients:;"
        if bcc:
            msg["Bcc"] = [r.header() for r in bcc]
        msg["Subject"] = subject_for(settings, info, pdf)
    except (ValueError, TypeError) as e:
        raise DeliveryError(
            f"cannot build the email headers ({e}); check sender and --to"
        ) from None
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid("briefgen", domain=sender.domain)
    # A report sent by cron: tells vacation responders not to answer (RFC 3834).
    msg["Auto-Submitted"] = "auto-generated"
    size = len(pdf_bytes)
    # quoted-printable keeps the message 7-bit clean whatever the server's 8BITMIME says.
    msg.set_content(text_body(info, pdf, size), cte="quoted-printable")
    msg.add_alternative(html_body(info, pdf, size), subtype="html", cte="quoted-printable")
    msg.add_attachment(pdf_bytes, maintype="application", subtype="pdf", filename=pdf.name)
    return msg


def wire_bytes(msg: EmailMessage) -> bytes:
    """The bytes sent over SMTP: CRLF line ends, no Bcc header (as smtplib.send_message does)."""
    out = copy.copy(msg)  # __delitem__ rebuilds the header list, so msg keeps its Bcc
    del out["Bcc"]
    return out.as_bytes(policy=policy.SMTP)


# ---------------------------------------------------------------------------- the PDF


def read_pdf(pdf: Path, settings: EmailSettings | None = None) -> bytes:
    """The PDF's bytes; refuses a missing file, a non-PDF and one over the size limit."""
    if not pdf.is_file():
        raise DeliveryError(f"{pdf} not found; give the PDF written by `briefgen build`")
    try:
        with pdf.open("rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise DeliveryError(f"cannot read {pdf} ({e.strerror}); check its permissions") from None
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-"):
        raise DeliveryError(
            f"{pdf} is not a PDF (no %PDF- header); give the .pdf `briefgen build` wrote"
        )
    size = pdf.stat().st_size
    if settings is not None:
        check_size(pdf, size, settings)
    return pdf.read_bytes()


def check_size(pdf: Path, size: int, settings: EmailSettings) -> None:
    limit = settings.max_attachment_mb * MB
    if limit > 0 and size > limit:
        raise DeliveryError(
            f"{pdf.name} is {size_text(size)}, over the {settings.max_attachment_mb:g} MB "
            "attachment limit; raise max_attachment_mb under [email] if your mail server "
            "accepts more, or share the file another way"
        )


def write_eml(msg: EmailMessage, path: Path) -> None:
    """Write the message (CRLF, as it would go over SMTP, Bcc kept) atomically."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise DeliveryError(
            f"folder {parent} does not exist; create it or choose another --eml path"
        )
    try:
        atomic_write(path, msg.as_bytes(policy=policy.SMTP))
    except OSError as e:
        raise DeliveryError(
            f"cannot write {path} ({e.strerror}); choose another --eml path"
        ) from None
