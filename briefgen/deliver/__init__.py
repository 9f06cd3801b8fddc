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

from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from briefgen.config import EmailSettings
from briefgen.deliver.message import (
    BriefInfo,
    build_message,
    info_from_brief,
    info_from_files,
    read_pdf,
    wire_bytes,
    write_eml,
)
from briefgen.deliver.recipients import Recipient, resolve_recipients
from briefgen.deliver.smtp import DeliveryReport, credentials, deliver, server_label
from briefgen.deliver.text import count_noun, size_text
from briefgen.errors import DeliveryError
from briefgen.model import Brief
from briefgen.progress import Reporter

__all__ = ["DeliveryReport", "EmailOutcome", "email_command", "send_brief"]


@dataclass
class EmailOutcome:
    """What `email_command` did: lines for the user, and the exit code (3: refused)."""

    lines: list[str] = field(default_factory=list)
    exit_code: int = 0


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
        f"Attachment: {pdf.name} ({size_text(size)}, application/pdf)",
        f"Message:    {size_text(len(wire_bytes(msg)))} as sent",
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
                f"Sending {pdf.name} to {count_noun(len(recipients), 'recipient')} via {server_label(settings)}"
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
) -> EmailOutcome:
    """Send, or write an .eml file, or describe what would be sent; the lines to show."""
    info = info_from_files(pdf)
    sending = eml is None and not dry_run
    msg, recipients, size = _prepare(pdf, info, settings, to, check_limit=sending or dry_run)
    out = EmailOutcome()
    if eml is not None:
        write_eml(msg, eml)
        out.lines.append(f"Wrote {eml} ({size_text(eml.stat().st_size)}); nothing was sent")
    if dry_run:
        out.lines.append(preview(msg, recipients, settings, pdf, size))
        out.lines.append("(dry run: nothing was sent)")
    if not sending:
        return out
    report = deliver(msg, recipients, settings)
    report.pdf = str(pdf)
    out.lines.append(report.summary())
    out.exit_code = 0 if report.ok else 3
    return out
