"""Delivery: the brief as an email, sent through a real SMTP server.

One message: multipart/mixed holding a multipart/alternative body (plain text and HTML,
both carrying the bottom line up front and the period) and the PDF as application/pdf.
Members of named recipient lists go in Bcc so a staff list is not shown to everyone
(and reply-all does not reach it); addresses named one by one go in To.

The SMTP password never comes from the command line: it is read from the environment
variable named by `password_env`, or from ~/.netrc for the host.  It is never printed,
and every error message is scrubbed of it.  TLS uses a verifying default context;
`ca_file` names a private CA, `tls_verify = false` turns checking off (tests only).

Failures are one line saying what to do.  Nothing here deletes the PDF: a brief that
was built stays on disk when sending fails, and `briefgen email PDF` resends it.
"""

from __future__ import annotations

import contextlib
import copy
import html
import ipaddress
import netrc
import os
import re
import smtplib
import socket
import ssl
import tempfile
from dataclasses import dataclass, field
from datetime import date
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, getaddresses, make_msgid, parseaddr
from html.parser import HTMLParser
from pathlib import Path

import click

from briefgen.config import EmailSettings
from briefgen.errors import ConfigError, DeliveryError
from briefgen.model import Brief
from briefgen.progress import Reporter

MB = 1024 * 1024
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
# A bottom line from the sibling HTML is untrusted text: keep the email body bounded.
MAX_BLUF_ITEMS = 12
MAX_ITEM_CHARS = 600

# RFC 5321 dot-atom local part and a dotted domain of LDH labels: strict enough to catch
# typos ("a@b", "a@@b.org", "a b@c.org"), loose enough for real staff addresses.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDR_RE = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+$")
_FILE_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_CTRL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# --------------------------------------------------------------------------- report


@dataclass
class DeliveryReport:
    """Who got the message and who did not (address -> server's reply), per recipient."""

    accepted: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    subject: str = ""
    server: str = ""
    message_id: str = ""
    pdf: str = ""  # the file sent, for the resend hint

    @property
    def ok(self) -> bool:
        return bool(self.accepted) and not self.refused

    def summary(self) -> str:
        total = len(self.accepted) + len(self.refused)
        via = f" via {self.server}" if self.server else ""
        if not self.refused:
            return f"Sent '{self.subject}' to {_count(len(self.accepted), 'recipient')}{via}"
        head = (
            f"Delivered '{self.subject}' to {len(self.accepted)} of {total} recipients{via};"
            " refused:"
            if self.accepted
            else f"Not delivered: the server{via} refused all {total} recipients:"
        )
        lines = [head]
        lines += [f"  {addr}: {reply}" for addr, reply in self.refused.items()]
        again = " ".join(f"--to {a}" for a in self.refused)
        lines.append(
            "Check those addresses, then resend to them alone: "
            f"`briefgen email {self.pdf or 'BRIEF.pdf'} {again}`"
        )
        return "\n".join(lines)


# ------------------------------------------------------------------ what the mail says


@dataclass
class BriefInfo:
    """What the email body needs from a brief: title, date, period, bottom line."""

    as_of: date | None = None
    period: str | None = None
    bluf: list[str] = field(default_factory=list)
    title: str | None = None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _clean(text: str, limit: int = MAX_ITEM_CHARS) -> str:
    s = " ".join(_CTRL_RE.sub(" ", text).split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


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
        bluf=[_clean(s.text) for s in brief.bluf if s.text.strip()][:MAX_BLUF_ITEMS],
        title=_clean(brief.title, 200) or None,
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
            text = _clean("".join(self._item))
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
    info.period = _clean(period, 200) or None
    info.bluf = parser.items[:MAX_BLUF_ITEMS]
    # The page title repeats the date after a dash ("Title — 17 December 2017"); the body says it.
    title = "".join(parser.title_parts).partition(" — ")[0]
    info.title = _clean(title, 200) or None
    return info


# --------------------------------------------------------------------------- recipients


@dataclass(frozen=True)
class Recipient:
    address: str  # addr-spec, as used in the SMTP envelope
    display: str = ""  # display name, when given ("Jane Doe <jane@x.org>")
    via_list: str | None = None  # the named list it came from

    def header(self) -> Address:
        return Address(display_name=self.display, addr_spec=self.address)


def valid_address(addr: str) -> bool:
    return len(addr) <= 254 and bool(_ADDR_RE.match(addr))


def _split_values(value: str) -> list[tuple[str, str]]:
    if "\n" in value or "\r" in value:
        return [("", value)]
    return [(n, a) for n, a in getaddresses([value]) if n or a] or [("", value)]


def resolve_recipients(given: list[str], settings: EmailSettings) -> list[Recipient]:
    """Expand list names from [email.lists], validate every address, drop duplicates.

    A value with no '@' names a list; lists may name other lists.  All bad entries are
    reported together in one line so a typo-ridden list is fixed in one go.
    """
    if not isinstance(settings.lists, dict):
        raise ConfigError('[email.lists] must be a table: staff = ["a@example.org", ...]')
    lists = {str(k).lower(): v for k, v in settings.lists.items()}
    if isinstance(given, str):  # `to = "staff"` in the config file
        given = [given]
    out: list[Recipient] = []
    seen: set[str] = set()
    bad: list[str] = []

    def add(value: str, via: str | None, trail: tuple[str, ...]) -> None:
        value = value.strip()
        if not value:
            return
        if "@" not in value and "<" not in value:
            name = value.lower()
            if name in trail:
                return  # a list that includes itself: already being expanded
            if name not in lists:
                known = ", ".join(sorted(settings.lists)) or "none defined"
                raise DeliveryError(
                    f"'{value}' is neither an email address nor a list in [email.lists] "
                    f"(lists: {known}); fix --to or add the list to briefgen.toml"
                )
            members = lists[name]
            if isinstance(members, str):
                members = [members]
            for m in members:
                add(str(m), via or value, (*trail, name))
            return
        for display, addr in _split_values(value):
            addr = addr.strip()
            if not valid_address(addr):
                bad.append(repr(_clean(value, 80)) + (f" (list {via})" if via else ""))
                continue
            key = addr.lower()
            if key not in seen:
                seen.add(key)
                out.append(Recipient(addr, _clean(display, 100), via))

    for v in given:
        add(v, None, ())
    if bad:
        raise DeliveryError(
            f"not valid email address{'es' if len(bad) > 1 else ''}: {', '.join(bad)}; "
            "fix them in --to or [email.lists]"
        )
    return out


def _sender(settings: EmailSettings) -> Address:
    raw = (settings.sender or "").strip()
    if not raw:
        raise DeliveryError(
            'no sender address; set sender = "Desk <desk@example.org>" under [email] '
            "in briefgen.toml or give --from"
        )
    display, addr = parseaddr(raw)
    if not valid_address(addr) or "\n" in raw or "\r" in raw:
        raise DeliveryError(
            f"sender {_clean(raw, 80)!r} is not a valid email address; fix [email] sender or --from"
        )
    return Address(display_name=_clean(display, 100), addr_spec=addr)


# ------------------------------------------------------------------------------ message


def subject_for(settings: EmailSettings, info: BriefInfo, pdf: Path) -> str:
    """The subject pattern with {date} (ISO, sorts well in a mailbox), {period}, {title}."""
    when = info.as_of.isoformat() if info.as_of else pdf.stem
    values = {"date": when, "period": info.period or "", "title": info.title or ""}
    s = re.sub(r"\{(date|period|title)\}", lambda m: values[m.group(1)], settings.subject)
    return _clean(s, 250) or f"Brief {when}"


def _size_text(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


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
        lines.append(f"The full brief, with sources, is attached: {pdf.name} ({_size_text(size)}).")
    else:
        lines.append(f"The brief is attached: {pdf.name} ({_size_text(size)}).")
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
    attached = f"<strong>{e(pdf.name)}</strong> ({e(_size_text(size))})"
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
    sender = _sender(settings)
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
            f"{pdf.name} is {_size_text(size)}, over the {settings.max_attachment_mb:g} MB "
            "attachment limit; raise max_attachment_mb under [email] if your mail server "
            "accepts more, or share the file another way"
        )


# ------------------------------------------------------------------------- credentials


@dataclass
class Credentials:
    username: str | None
    password: str | None
    source: str  # where the password came from, for --dry-run; never the password

    def describe(self) -> str:
        if not self.username:
            return "no login"
        if not self.password:
            return f"login {self.username}, NO PASSWORD FOUND ({self.source})"
        return f"login {self.username}, password from {self.source}"


def _netrc_entry(host: str) -> tuple[str, str] | None:
    try:
        rc = netrc.netrc()
    except FileNotFoundError:
        return None
    except netrc.NetrcParseError as e:
        # The parser's message can quote a token of the file, which may be a password.
        why = (
            "is readable by others; chmod 600 ~/.netrc"
            if "permissive" in (e.msg or "")
            else (f"has a syntax error near line {e.lineno}; fix it")
        )
        raise DeliveryError(f"~/.netrc {why}") from None
    except OSError:
        return None
    entry = rc.authenticators(host)
    if not entry:
        return None
    login, _account, password = entry
    return (login or "", password or "")


def credentials(settings: EmailSettings) -> Credentials:
    """Username from settings (or ~/.netrc); password from $password_env, else ~/.netrc."""
    env_name = settings.password_env or "BRIEFGEN_SMTP_PASSWORD"
    user = settings.username or None
    password = os.environ.get(env_name) or None
    if password:
        entry = None
        source = f"${env_name}"
    else:
        entry = _netrc_entry(settings.smtp_host) if settings.use_netrc else None
        source = "~/.netrc"
    if entry:
        login, pw = entry
        if user is None:
            user = login or None
        if pw and (not login or login == user):
            password = pw
    if not password:
        where = f"${env_name} is unset"
        if settings.use_netrc:
            where += f" and ~/.netrc has no password for {settings.smtp_host}"
        source = where
    if password and not user:
        raise DeliveryError(
            f"a password is set ({source}) but no username; set username under [email] "
            "or give --username"
        )
    return Credentials(user, password, source)


# ------------------------------------------------------------------------------ sending


def _security(settings: EmailSettings) -> str:
    sec = (settings.security or "").lower()
    if sec not in DEFAULT_PORTS:
        raise ConfigError(
            f"email security {settings.security!r} is not known; use starttls, ssl or none"
        )
    return sec


def _port(settings: EmailSettings) -> int:
    return settings.smtp_port or DEFAULT_PORTS[_security(settings)]


def server_label(settings: EmailSettings) -> str:
    sec = _security(settings)
    how = {"starttls": "STARTTLS", "ssl": "TLS", "none": "no encryption"}[sec]
    return f"{settings.smtp_host}:{_port(settings)} ({how})"


def tls_context(settings: EmailSettings) -> ssl.SSLContext:
    try:
        ctx = ssl.create_default_context(cafile=settings.ca_file or None)
    except (OSError, ssl.SSLError) as e:
        raise DeliveryError(
            f"cannot read ca_file {settings.ca_file} ({getattr(e, 'strerror', None) or e}); "
            "point [email] ca_file at a PEM file of your server's CA"
        ) from None
    if not settings.tls_verify:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _reply(code: int | None, resp: bytes | str | None) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else (resp or "")
    return _clean(f"{code or ''} {text}".strip(), 200)


def _scrub(message: str, secret: str | None) -> str:
    return message.replace(secret, "***") if secret else message


def deliver(
    msg: EmailMessage,
    recipients: list[Recipient],
    settings: EmailSettings,
    creds: Credentials | None = None,
) -> DeliveryReport:
    """Connect, secure, log in, send; per-recipient refusals go into the report."""
    if not recipients:
        raise DeliveryError(
            "no recipients; give --to ADDR|LIST or set to = [...] under [email] in briefgen.toml"
        )
    creds = creds or credentials(settings)
    try:
        return _deliver(msg, recipients, settings, creds)
    except DeliveryError as e:
        raise DeliveryError(_scrub(e.message, creds.password)) from None


def _timeout(settings: EmailSettings, sec: str, where: str, port: int) -> DeliveryError:
    hint = ' (port 465 needs security = "ssl")' if port == 465 and sec != "ssl" else ""
    return DeliveryError(
        f"no answer from {where} within {settings.timeout:g} s{hint}; check host, port "
        "and firewall, or raise [email] timeout"
    )


def _deliver(
    msg: EmailMessage, recipients: list[Recipient], settings: EmailSettings, creds: Credentials
) -> DeliveryReport:
    sec = _security(settings)
    host, port = settings.smtp_host, _port(settings)
    where = f"{host}:{port}"
    if creds.username and not creds.password:
        raise DeliveryError(
            f"no SMTP password for {creds.username} at {host}: {creds.source}; "
            f"export {settings.password_env} or add `machine {host} login {creds.username} "
            "password ...` to ~/.netrc (chmod 600)"
        )
    if creds.username and sec == "none" and not _is_loopback(host):
        raise DeliveryError(
            f"refusing to send the SMTP password unencrypted to {where}; "
            'set security = "starttls" (port 587) or "ssl" (port 465)'
        )
    data = wire_bytes(msg)
    sender = _sender(settings).addr_spec
    report = DeliveryReport(
        subject=str(msg["Subject"]),
        server=server_label(settings),
        message_id=str(msg["Message-ID"]),
    )
    ctx = tls_context(settings) if sec != "none" else None
    smtp: smtplib.SMTP | None = None
    try:
        if sec == "ssl":
            smtp = smtplib.SMTP_SSL(host, port, timeout=settings.timeout, context=ctx)
        else:
            smtp = smtplib.SMTP(host, port, timeout=settings.timeout)
        smtp.ehlo()
        if sec == "starttls":
            if not smtp.has_extn("starttls"):
                raise DeliveryError(
                    f"{where} does not offer STARTTLS; use its submission port 587, "
                    'or security = "ssl" on port 465'
                )
            smtp.starttls(context=ctx)
            smtp.ehlo()
        limit = smtp.esmtp_features.get("size", "").strip()
        if limit.isdigit() and int(limit) and len(data) > int(limit):
            raise DeliveryError(
                f"the message is {_size_text(len(data))} but {where} accepts at most "
                f"{_size_text(int(limit))}; share the brief another way or ask for a larger limit"
            )
        if creds.username:
            try:
                smtp.login(creds.username, creds.password or "")
            except smtplib.SMTPAuthenticationError as e:
                raise DeliveryError(
                    f"login refused for {creds.username} at {where} ({_reply(e.smtp_code, e.smtp_error)}); "
                    f"check username and the password in {creds.source}"
                ) from None
            except smtplib.SMTPNotSupportedError:
                raise DeliveryError(
                    f"{where} offers no login (AUTH) on this connection; "
                    'use security = "starttls" or "ssl", or drop username for an open relay'
                ) from None
        try:
            refused = smtp.sendmail(sender, [r.address for r in recipients], data)
        except smtplib.SMTPRecipientsRefused as e:
            refused = e.recipients
        report.refused = {str(addr): _reply(code, resp) for addr, (code, resp) in refused.items()}
        report.accepted = [r.address for r in recipients if r.address not in refused]
        # The message is already accepted; a rude hang-up changes nothing.
        with contextlib.suppress(smtplib.SMTPException, OSError):
            smtp.quit()
        smtp = None
        return report
    except DeliveryError:
        raise
    except smtplib.SMTPSenderRefused as e:
        if e.smtp_code == 530:
            raise DeliveryError(
                f"{where} requires a login ({_reply(e.smtp_code, e.smtp_error)}); set username "
                f"under [email] and the password in ${settings.password_env} or ~/.netrc"
            ) from None
        if e.smtp_code == 552:
            raise DeliveryError(
                f"{where} refused the message as too large ({_reply(e.smtp_code, e.smtp_error)}); "
                "share the brief another way"
            ) from None
        raise DeliveryError(
            f"{where} refused the sender {sender} ({_reply(e.smtp_code, e.smtp_error)}); "
            "set [email] sender to an address your login may send as"
        ) from None
    except smtplib.SMTPDataError as e:
        raise DeliveryError(
            f"{where} rejected the message ({_reply(e.smtp_code, e.smtp_error)}); nothing was delivered"
        ) from None
    except smtplib.SMTPConnectError as e:
        raise DeliveryError(
            f"{where} turned the connection away ({_reply(e.smtp_code, e.smtp_error)}); try again later"
        ) from None
    except smtplib.SMTPServerDisconnected as e:
        if "timed out" in str(e):  # smtplib turns a read timeout into a disconnect
            raise _timeout(settings, sec, where, port) from None
        raise DeliveryError(
            f"{where} closed the connection ({_clean(str(e), 120)}); check the port and "
            'security ("ssl" on 465, "starttls" on 587)'
        ) from None
    except smtplib.SMTPResponseException as e:
        raise DeliveryError(
            f"{where} answered with an error ({_reply(e.smtp_code, e.smtp_error)}); nothing was sent"
        ) from None
    except smtplib.SMTPException as e:
        raise DeliveryError(f"SMTP error with {where}: {_clean(str(e), 160)}") from None
    except ssl.SSLCertVerificationError as e:
        raise DeliveryError(
            f"the TLS certificate of {host} could not be verified ({e.verify_message}); "
            "set ca_file under [email] to your server's CA, or use the name on its certificate"
        ) from None
    except ssl.SSLError as e:
        raise DeliveryError(
            f'TLS with {where} failed ({e.reason or e}); check security: "ssl" on port 465, '
            '"starttls" on 587'
        ) from None
    except socket.gaierror:
        raise DeliveryError(
            f"cannot find the SMTP host '{host}'; check smtp_host (--smtp-host) and the network"
        ) from None
    except ConnectionRefusedError:
        raise DeliveryError(
            f"cannot connect to {where}: connection refused; check smtp_host and smtp_port "
            "(--smtp-host/--smtp-port) and that the mail server is running"
        ) from None
    except TimeoutError:
        raise _timeout(settings, sec, where, port) from None
    except OSError as e:
        raise DeliveryError(
            f"cannot talk to {where} ({e.strerror or e}); check smtp_host/smtp_port and the network"
        ) from None
    finally:
        if smtp is not None:
            with contextlib.suppress(OSError):
                smtp.close()


# --------------------------------------------------------------------------- commands


def write_eml(msg: EmailMessage, path: Path) -> None:
    """Write the message (CRLF, as it would go over SMTP, Bcc kept) atomically."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise DeliveryError(
            f"folder {parent} does not exist; create it or choose another --eml path"
        )
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(msg.as_bytes(policy=policy.SMTP))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise DeliveryError(
            f"cannot write {path} ({e.strerror}); choose another --eml path"
        ) from None


def preview(
    msg: EmailMessage,
    recipients: list[Recipient],
    settings: EmailSettings,
    pdf: Path,
    size: int,
) -> str:
    """What --dry-run prints: envelope, headers, attachment, route, and the text body."""
    bcc = [r for r in recipients if settings.lists_as_bcc and r.via_list]
    try:
        creds = credentials(settings).describe()
    except DeliveryError as e:
        creds = e.message
    body = msg.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    lines = [
        f"From:       {msg['From']}",
        f"To:         {msg['To']}",
    ]
    if bcc:
        lists = sorted({r.via_list for r in bcc if r.via_list})
        lines.append(f"Bcc:        {', '.join(r.address for r in bcc)}  (list {', '.join(lists)})")
    lines += [
        f"Subject:    {msg['Subject']}",
        f"Attachment: {pdf.name} ({_size_text(size)}, application/pdf)",
        f"Message:    {_size_text(len(wire_bytes(msg)))} as sent",
        f"Server:     {server_label(settings)}, {creds}",
        f"Recipients: {len(recipients)}",
        "",
        text.rstrip("\n"),
    ]
    return "\n".join(lines)


def _default_to(settings: EmailSettings) -> list[str]:
    return [settings.to] if isinstance(settings.to, str) else list(settings.to)


def _prepare(
    pdf: Path, info: BriefInfo, settings: EmailSettings, to: list[str], check_limit: bool
) -> tuple[EmailMessage, list[Recipient], int]:
    data = read_pdf(pdf, settings if check_limit else None)
    recipients = resolve_recipients(list(to) or _default_to(settings), settings)
    msg = build_message(data, pdf, info, settings, recipients)
    return msg, recipients, len(data)


def send_brief(
    pdf: Path,
    brief: Brief | None,
    settings: EmailSettings,
    to: list[str],
    reporter: Reporter | None = None,
) -> DeliveryReport:
    """Mail a just-built brief; on failure the error says where the PDF is kept and how to resend."""
    try:
        info = info_from_brief(brief) if brief is not None else info_from_files(pdf)
        msg, recipients, _ = _prepare(pdf, info, settings, to, check_limit=True)
        if reporter is not None:
            reporter.step(
                f"Sending {pdf.name} to {_count(len(recipients), 'recipient')} via {server_label(settings)}"
            )
        report = deliver(msg, recipients, settings)
        report.pdf = str(pdf)
        return report
    except DeliveryError as e:
        targets = " ".join(f"--to {t}" for t in (to or _default_to(settings))) or "--to ADDR"
        raise DeliveryError(
            f"{e.message} — the brief is kept at {pdf}; resend with `briefgen email {pdf} {targets}`"
        ) from None


def email_command(
    pdf: Path,
    settings: EmailSettings,
    to: list[str],
    eml: Path | None = None,
    dry_run: bool = False,
) -> int:
    """`briefgen email PDF`: send, or write --eml, or show --dry-run.  Returns the exit code."""
    info = info_from_files(pdf)
    sending = eml is None and not dry_run
    msg, recipients, size = _prepare(pdf, info, settings, to, check_limit=sending or dry_run)
    if eml is not None:
        write_eml(msg, eml)
        click.echo(f"Wrote {eml} ({_size_text(eml.stat().st_size)}); nothing was sent")
    if dry_run:
        click.echo(preview(msg, recipients, settings, pdf, size))
        click.echo("(dry run: nothing was sent)")
    if not sending:
        return 0
    report = deliver(msg, recipients, settings)
    report.pdf = str(pdf)
    click.echo(report.summary())
    return 0 if report.ok else 3
