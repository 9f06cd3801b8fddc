"""Delivery against a real SMTP server (aiosmtpd) on localhost, with real TLS and login.

The server checks the certificate-verified STARTTLS/TLS handshake, AUTH PLAIN/LOGIN,
refuses one recipient with 550, and records what it received, so the tests read back
the exact bytes that crossed the wire.
"""

from __future__ import annotations

import email
import os
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.config import EmailSettings
from briefgen.deliver import (
    email_command,
    info_from_files,
    resolve_recipients,
    send_brief,
)
from briefgen.errors import DeliveryError
from briefgen.model import Brief, Statement

USER, PASSWORD = "desk", "s3cret-Passw0rd!"
REFUSED = "nobody@example.org"
SENDER = "Briefing Desk <desk@example.org>"
PDF_NAME = "korea-brief-2017-12-17.pdf"

BRIEF_HTML = """<!DOCTYPE html><html><head>
<meta charset="utf-8"><title>Korean Peninsula Briefing Book</title>
<meta name="briefgen:as-of" content="2017-12-17">
<META NAME="briefgen:period" content="11 December 2017 to 17 December 2017">
</head><body>
<section id="bluf"><h2>Bottom line</h2><ul>
<li>Pyongyang tested a missile &amp; Seoul <em>condemned</em> it.<sup>[1]</sup></li>
<li>Washington and Beijing <b>disagree</b> on sanctions
<li>Tokyo asks for <script>alert(1)</script>talks</li>
</ul></section>
<section id="countries"><ul><li>not in the bottom line</li></ul></section>
</body></html>"""


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for localhost/127.0.0.1, made with the openssl CLI."""
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="session")
def pdf_bytes() -> bytes:
    """A tiny real PDF from WeasyPrint."""
    from weasyprint import HTML

    data = HTML(string="<h1>Korea brief</h1><p>As of 17 December 2017.</p>").write_pdf()
    assert data is not None and data.startswith(b"%PDF-")
    return bytes(data)


@pytest.fixture
def pdf(tmp_path: Path, pdf_bytes: bytes) -> Path:
    p = tmp_path / PDF_NAME
    p.write_bytes(pdf_bytes)
    p.with_suffix(".html").write_text(BRIEF_HTML, encoding="utf-8")
    return p


@pytest.fixture(autouse=True)
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No real ~/.netrc or password leaks into a test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("BRIEFGEN_SMTP_PASSWORD", raising=False)


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    tls: bool
    login: bytes | None

    @property
    def message(self) -> EmailMessage:
        m = email.message_from_bytes(self.data, policy=policy.default)
        assert isinstance(m, EmailMessage)
        return m


@dataclass
class Recorder:
    """aiosmtpd handler: refuses REFUSED with 550, records every accepted message."""

    received: list[Received] = field(default_factory=list)
    mechanisms: list[str] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address == REFUSED:
            return "550 5.1.1 <nobody@example.org>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                bytes(envelope.original_content or envelope.content),
                session.ssl is not None,
                getattr(session.auth_data, "login", None),
            )
        )
        return "250 Message accepted"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        self.mechanisms.append(mechanism)
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == USER.encode()
            and auth_data.password == PASSWORD.encode()
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    port: int
    handler: Recorder
    settings: EmailSettings


@pytest.fixture
def smtp_server(tls_files: tuple[Path, Path]) -> Iterator[Callable[..., Server]]:
    """Start aiosmtpd on 127.0.0.1: STARTTLS required before AUTH (or implicit TLS)."""
    cert, key = tls_files
    started: list[Controller] = []

    def start(implicit_tls: bool = False, exclude: list[str] | None = None, **extra: Any) -> Server:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cert, key)
        handler = Recorder()
        port = free_port()
        kwargs: dict[str, Any] = dict(
            hostname="127.0.0.1",
            port=port,
            authenticator=handler.authenticate,
            auth_required=True,
            auth_exclude_mechanism=exclude or [],
        )
        if extra.pop("no_tls", False):
            kwargs.pop("auth_required")
        elif implicit_tls:
            # aiosmtpd only counts STARTTLS as TLS for AUTH; the socket here is TLS throughout.
            kwargs.update(ssl_context=ctx, auth_require_tls=False)
        else:
            kwargs.update(tls_context=ctx, require_starttls=True, auth_require_tls=True)
        c = Controller(handler, **kwargs, **extra)
        c.start()
        started.append(c)
        settings = EmailSettings(
            sender=SENDER,
            smtp_host="127.0.0.1",
            smtp_port=port,
            security="ssl" if implicit_tls else "starttls",
            username=USER,
            ca_file=str(cert),
            timeout=10,
            lists={"staff": ["Ann Lee <ann@example.org>", "bo@example.org", "CHIEF@example.org"]},
        )
        return Server(port, handler, settings)

    yield start
    for c in started:
        c.stop()


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BRIEFGEN_SMTP_PASSWORD", PASSWORD)
    return PASSWORD


def parts(msg: EmailMessage) -> tuple[str, str, EmailMessage]:
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    atts = list(msg.iter_attachments())
    assert text is not None and html is not None and len(atts) == 1
    att = atts[0]
    assert isinstance(att, EmailMessage)
    return str(text.get_content()), str(html.get_content()), att


# ------------------------------------------------------------------- delivered messages


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_starttls_login_delivers_the_brief(
    smtp_server: Callable[..., Server], pdf: Path, password: str, mechanism: str
) -> None:
    other = ["PLAIN"] if mechanism == "LOGIN" else ["LOGIN"]
    srv = smtp_server(exclude=other)
    code = email_command(pdf, srv.settings, ["chief@example.org", "b@example.net"]).exit_code
    assert code == 0
    assert srv.handler.mechanisms == [mechanism]
    (got,) = srv.handler.received
    assert got.tls and got.login == USER.encode()
    assert got.mail_from == "desk@example.org"
    assert got.rcpt_tos == ["chief@example.org", "b@example.net"]
    msg = got.message
    assert msg["From"] == SENDER
    assert msg["To"] == "chief@example.org, b@example.net"
    assert msg["Subject"] == "Korea brief, 2017-12-17"
    assert msg["Date"] and msg["Message-ID"].endswith("@example.org>")
    assert msg["Bcc"] is None
    assert msg.get_content_type() == "multipart/mixed"
    assert b"\r\n" in got.data and PASSWORD.encode() not in got.data
    text, html, att = parts(msg)
    assert att.get_content_type() == "application/pdf"
    assert att.get_filename() == PDF_NAME
    assert att.get_content() == pdf.read_bytes()
    # The bottom line and period come from the sibling HTML; citations and scripts do not.
    assert "Period covered: 11 December 2017 to 17 December 2017" in text
    assert "- Pyongyang tested a missile & Seoul condemned it." in text
    assert "- Washington and Beijing disagree on sanctions" in text
    assert "- Tokyo asks for talks" in text
    assert "[1]" not in text and "alert" not in text and "not in the bottom line" not in text
    assert "<li>Pyongyang tested a missile &amp; Seoul condemned it.</li>" in html
    assert "As of <strong>17 December 2017</strong>" in html


def test_list_members_go_in_bcc_and_duplicates_are_dropped(
    smtp_server: Callable[..., Server], pdf: Path, password: str
) -> None:
    srv = smtp_server()
    code = email_command(pdf, srv.settings, ["chief@example.org", "staff"]).exit_code
    assert code == 0
    (got,) = srv.handler.received
    # chief@ is named directly and is also on the list (as CHIEF@): sent once.
    assert got.rcpt_tos == ["chief@example.org", "ann@example.org", "bo@example.org"]
    msg = got.message
    assert msg["To"] == "chief@example.org"
    assert msg["Bcc"] is None and b"ann@example.org" not in got.data


def test_only_a_list_gives_undisclosed_recipients(
    smtp_server: Callable[..., Server], pdf: Path, password: str
) -> None:
    srv = smtp_server()
    assert email_command(pdf, replace(srv.settings, to=["staff"]), []).exit_code == 0
    (got,) = srv.handler.received
    assert got.message["To"] == "undisclosed-recipients:;"
    assert len(got.rcpt_tos) == 3


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_implicit_tls(smtp_server: Callable[..., Server], pdf: Path, password: str) -> None:
    srv = smtp_server(implicit_tls=True)
    assert email_command(pdf, srv.settings, ["a@example.org"]).exit_code == 0
    (got,) = srv.handler.received
    assert got.rcpt_tos == ["a@example.org"] and got.login == USER.encode()


def test_send_brief_uses_the_brief_object(
    smtp_server: Callable[..., Server], pdf: Path, password: str
) -> None:
    srv = smtp_server()
    brief = Brief(
        title="Weekly <Korea> Brief",
        as_of=date(2017, 12, 24),
        period_start=date(2017, 12, 18),
        period_end=date(2017, 12, 24),
        articles=[],
        sources=[],
        bluf=[Statement("Talks stalled <again> & sanctions tightened.", cites=[1])],
    )
    report = send_brief(pdf, brief, srv.settings, ["a@example.org"])
    assert report.ok and report.accepted == ["a@example.org"]
    assert "Sent 'Korea brief, 2017-12-24' to 1 recipient" in report.summary()
    text, html, att = parts(srv.handler.received[0].message)
    assert srv.handler.received[0].message["Subject"] == "Korea brief, 2017-12-24"
    assert "Period covered: 18 December 2017 to 24 December 2017" in text
    assert "- Talks stalled <again> & sanctions tightened." in text
    assert "<li>Talks stalled &lt;again&gt; &amp; sanctions tightened.</li>" in html
    assert "<h1" in html and "Weekly &lt;Korea&gt; Brief" in html
    assert att.get_content() == pdf.read_bytes()


# ----------------------------------------------------------------------------- failures


def test_refused_login_is_one_line_without_the_password(
    smtp_server: Callable[..., Server], pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    srv = smtp_server()
    wrong = "wrong-Passw0rd-xyz"
    monkeypatch.setenv("BRIEFGEN_SMTP_PASSWORD", wrong)
    with pytest.raises(DeliveryError) as e:
        email_command(pdf, srv.settings, ["a@example.org"])
    msg = e.value.message
    assert "login refused for desk" in msg and "535" in msg and "$BRIEFGEN_SMTP_PASSWORD" in msg
    assert "\n" not in msg and wrong not in msg
    assert srv.handler.received == []


def test_rejected_recipient_is_reported_per_recipient(
    smtp_server: Callable[..., Server], pdf: Path, password: str
) -> None:
    srv = smtp_server()
    report = send_brief(pdf, None, srv.settings, ["a@example.org", REFUSED, "b@example.org"])
    assert not report.ok
    assert report.accepted == ["a@example.org", "b@example.org"]
    assert set(report.refused) == {REFUSED} and report.refused[REFUSED].startswith("550 5.1.1")
    (got,) = srv.handler.received
    assert got.rcpt_tos == ["a@example.org", "b@example.org"]
    summary = report.summary()
    assert "to 2 of 3 recipients" in summary and f"{REFUSED}: 550" in summary
    assert f"`briefgen email {pdf} --to {REFUSED}`" in summary


def test_all_recipients_refused_is_a_failed_delivery(
    smtp_server: Callable[..., Server], pdf: Path, password: str
) -> None:
    srv = smtp_server()
    assert email_command(pdf, srv.settings, [REFUSED]).exit_code == 3
    assert srv.handler.received == []


def test_unreachable_server_is_one_line_and_keeps_the_brief(pdf: Path, password: str) -> None:
    port = free_port()  # nothing listens there any more
    settings = EmailSettings(sender=SENDER, smtp_host="127.0.0.1", smtp_port=port, username=USER)
    with pytest.raises(DeliveryError) as e:
        send_brief(pdf, None, settings, ["a@example.org"])
    msg = e.value.message
    assert f"cannot connect to 127.0.0.1:{port}: connection refused" in msg
    assert f"kept at {pdf}" in msg and f"briefgen email {pdf} --to a@example.org" in msg
    assert "\n" not in msg and pdf.is_file()


def test_server_that_wants_a_login_says_so(smtp_server: Callable[..., Server], pdf: Path) -> None:
    srv = smtp_server()
    with pytest.raises(DeliveryError, match=r"requires a login \(530.*set username"):
        email_command(pdf, replace(srv.settings, username=None), ["a@example.org"])


def test_server_size_limit_is_checked_before_data(
    smtp_server: Callable[..., Server], pdf: Path, password: str
) -> None:
    srv = smtp_server(data_size_limit=2000)
    with pytest.raises(DeliveryError, match=r"accepts at most 2 KB"):
        email_command(pdf, srv.settings, ["a@example.org"])
    assert srv.handler.received == []


def test_server_without_starttls_is_refused(
    smtp_server: Callable[..., Server], pdf: Path, password: str
) -> None:
    srv = smtp_server(no_tls=True)
    with pytest.raises(DeliveryError, match="does not offer STARTTLS"):
        email_command(pdf, srv.settings, ["a@example.org"])


def test_silent_server_times_out_in_one_line(pdf: Path, password: str) -> None:
    with socket.socket() as listener:  # accepts the TCP connection, never greets
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        settings = EmailSettings(
            sender=SENDER, smtp_host="127.0.0.1", smtp_port=port, username=USER, timeout=0.5
        )
        with pytest.raises(DeliveryError) as e:
            email_command(pdf, settings, ["a@example.org"])
    assert f"no answer from 127.0.0.1:{port} within 0.5 s" in e.value.message


def test_untrusted_certificate_is_refused(
    smtp_server: Callable[..., Server], pdf: Path, password: str
) -> None:
    srv = smtp_server()
    with pytest.raises(DeliveryError, match="could not be verified"):
        email_command(pdf, replace(srv.settings, ca_file=None), ["a@example.org"])
    assert srv.handler.received == []


def test_oversize_attachment_fails_before_connecting(pdf: Path, password: str) -> None:
    # A closed port: if it tried to connect, the error would be a connection error.
    settings = EmailSettings(
        sender=SENDER, smtp_port=free_port(), username=USER, max_attachment_mb=0.001
    )
    with pytest.raises(DeliveryError) as e:
        email_command(pdf, settings, ["a@example.org"])
    assert "over the 0.001 MB attachment limit" in e.value.message
    assert "max_attachment_mb" in e.value.message


def test_missing_password_names_where_to_put_it(pdf: Path) -> None:
    settings = EmailSettings(sender=SENDER, smtp_port=free_port(), username=USER)
    with pytest.raises(DeliveryError) as e:
        email_command(pdf, settings, ["a@example.org"])
    assert "no SMTP password for desk" in e.value.message
    assert "BRIEFGEN_SMTP_PASSWORD" in e.value.message and "~/.netrc" in e.value.message


def test_password_from_netrc(smtp_server: Callable[..., Server], pdf: Path) -> None:
    srv = smtp_server()
    rc = Path(os.environ["HOME"]) / ".netrc"
    rc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    rc.chmod(0o600)
    assert (
        email_command(pdf, replace(srv.settings, username=None), ["a@example.org"]).exit_code == 0
    )
    assert srv.handler.received[0].login == USER.encode()


def test_not_a_pdf_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "korea-brief-2017-12-17.pdf"
    fake.write_text("<html>not a pdf</html>")
    with pytest.raises(DeliveryError, match="is not a PDF"):
        email_command(fake, EmailSettings(sender=SENDER), ["a@example.org"], dry_run=True)


def test_bad_addresses_are_reported_together() -> None:
    settings = EmailSettings(lists={"staff": ["ok@example.org", "broken@", "x@y"]})
    with pytest.raises(DeliveryError) as e:
        resolve_recipients(["staff", "also bad@example.org", "fine@example.org"], settings)
    msg = e.value.message
    assert "'broken@' (list staff)" in msg and "'x@y' (list staff)" in msg
    assert "'also bad@example.org'" in msg and "fine@" not in msg
    with pytest.raises(DeliveryError, match=r"neither an email address nor a list.*lists: staff"):
        resolve_recipients(["stafff"], settings)
    # `to = "staff"` (a string, not a list) in the config still names the list.
    ok = EmailSettings(lists={"staff": ["a@example.org", "b@example.org"]})
    as_string: Any = "staff"
    assert [r.via_list for r in resolve_recipients(as_string, ok)] == ["staff", "staff"]


# ------------------------------------------------------------------------ eml, dry run


def test_eml_is_written_with_crlf_and_not_sent(pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.eml"
    settings = EmailSettings(
        sender=SENDER, smtp_port=free_port(), lists={"staff": ["s@example.org"]}
    )
    outcome = email_command(pdf, settings, ["a@example.org", "staff"], eml=out)
    assert outcome.exit_code == 0
    data = out.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    msg = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg["To"] == "a@example.org" and msg["Bcc"] == "s@example.org"
    assert parts(msg)[2].get_content() == pdf.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert "nothing was sent" in "\n".join(outcome.lines)


def test_dry_run_shows_the_message_and_never_the_password(pdf: Path, password: str) -> None:
    settings = EmailSettings(
        sender=SENDER, smtp_host="127.0.0.1", smtp_port=free_port(), username=USER
    )
    outcome = email_command(pdf, settings, ["a@example.org"], dry_run=True)
    assert outcome.exit_code == 0
    out = "\n".join(outcome.lines)
    assert "From:       Briefing Desk <desk@example.org>" in out
    assert "To:         a@example.org" in out
    assert "Subject:    Korea brief, 2017-12-17" in out
    assert f"Attachment: {PDF_NAME} (" in out and "application/pdf" in out
    assert "password from $BRIEFGEN_SMTP_PASSWORD" in out
    assert "- Pyongyang tested a missile & Seoul condemned it." in out
    assert PASSWORD not in out


def test_without_sibling_html_the_date_comes_from_the_file_name(
    tmp_path: Path, pdf_bytes: bytes
) -> None:
    p = tmp_path / "korea-brief-2018-01-07.pdf"
    p.write_bytes(pdf_bytes)
    info = info_from_files(p)
    assert info.as_of == date(2018, 1, 7) and info.bluf == [] and info.period is None
    out = tmp_path / "m.eml"
    email_command(p, EmailSettings(sender=SENDER), ["a@example.org"], eml=out)
    msg = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg["Subject"] == "Korea brief, 2018-01-07"
    text = parts(msg)[0]
    assert "The brief is attached: korea-brief-2018-01-07.pdf" in text


# -------------------------------------------------------------------------------- CLI


def test_cli_email_sends_and_reports_partial_delivery(
    smtp_server: Callable[..., Server], pdf: Path, tmp_path: Path, password: str
) -> None:
    srv = smtp_server()
    s = srv.settings
    cfg = tmp_path / "briefgen.toml"
    cfg.write_text(
        f"""[email]
sender = "{SENDER}"
smtp_host = "127.0.0.1"
smtp_port = {srv.port}
username = "{USER}"
ca_file = "{s.ca_file}"
subject = "Weekly brief {{date}}"

[email.lists]
staff = ["ann@example.org", "{REFUSED}"]
""",
        encoding="utf-8",
    )
    r = CliRunner().invoke(cli, ["--config", str(cfg), "email", str(pdf), "--to", "staff"])
    assert r.exit_code == 3, r.output
    assert "to 1 of 2 recipients" in r.output and f"{REFUSED}: 550" in r.output
    assert PASSWORD not in r.output
    (got,) = srv.handler.received
    assert got.rcpt_tos == ["ann@example.org"]
    assert got.message["Subject"] == "Weekly brief 2017-12-17"

    r = CliRunner().invoke(cli, ["--config", str(cfg), "email", str(pdf), "--to", "a@example.org"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Sent 'Weekly brief 2017-12-17' to 1 recipient via 127.0.0.1")


def test_cli_email_refuses_a_non_pdf_in_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "brief.pdf"
    fake.write_bytes(b"PK\x03\x04 a zip file")
    r = CliRunner().invoke(cli, ["email", str(fake), "--to", "a@example.org", "--dry-run"])
    assert r.exit_code == 1
    assert r.output.count("\n") == 1 and "is not a PDF" in r.output


def test_sibling_html_from_the_default_template_markup(tmp_path: Path, pdf_bytes: bytes) -> None:
    """Without briefgen:* metas: period from the description meta, title without its date."""
    p = tmp_path / "korea-brief-2017-12-17.pdf"
    p.write_bytes(pdf_bytes)
    p.with_suffix(".html").write_text(
        '<html><head><title>Korea Book — 17 December 2017</title><meta name="description" '
        'content="Korea Book, as of 17 December 2017, covering 11 December 2017 to '
        '17 December 2017"></head><body><section class="bluf" id="bluf"><ul class="bluf-list">'
        '<li>One.<sup class="cite"><a href="#src-1">1</a></sup></li><li>Two</li></ul>'
        "</section><ul><li>Three</li></ul></body></html>",
        encoding="utf-8",
    )
    info = info_from_files(p)
    assert info.title == "Korea Book"
    assert info.period == "11 December 2017 to 17 December 2017"
    assert info.bluf == ["One.", "Two"]
