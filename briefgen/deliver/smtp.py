"""Sending through a real SMTP server: TLS, login, per-recipient refusals, timeouts."""

from __future__ import annotations

import contextlib
import ipaddress
import netrc
import os
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage

from briefgen.config import EmailSettings
from briefgen.deliver.message import wire_bytes
from briefgen.deliver.recipients import Recipient, sender_address
from briefgen.deliver.text import clean_text, count_noun, size_text
from briefgen.errors import ConfigError, DeliveryError

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


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
            return f"Sent '{self.subject}' to {count_noun(len(self.accepted), 'recipient')}{via}"
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
    return clean_text(f"{code or ''} {text}".strip(), 200)


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


@dataclass(frozen=True)
class _Server:
    """Where a delivery goes, as its error messages name it."""

    host: str
    port: int
    security: str  # starttls | ssl | none
    timeout: float

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def _timeout(server: _Server) -> DeliveryError:
    hint = (
        ' (port 465 needs security = "ssl")'
        if server.port == 465 and server.security != "ssl"
        else ""
    )
    return DeliveryError(
        f"no answer from {server.where} within {server.timeout:g} s{hint}; check host, port "
        "and firewall, or raise [email] timeout"
    )


def _refuse_unsafe_login(server: _Server, creds: Credentials, settings: EmailSettings) -> None:
    """A login without a password, or a password sent in clear, stops before connecting."""
    if creds.username and not creds.password:
        raise DeliveryError(
            f"no SMTP password for {creds.username} at {server.host}: {creds.source}; "
            f"export {settings.password_env} or add `machine {server.host} login {creds.username} "
            "password ...` to ~/.netrc (chmod 600)"
        )
    if creds.username and server.security == "none" and not _is_loopback(server.host):
        raise DeliveryError(
            f"refusing to send the SMTP password unencrypted to {server.where}; "
            'set security = "starttls" (port 587) or "ssl" (port 465)'
        )


def _connect(server: _Server, ctx: ssl.SSLContext | None) -> smtplib.SMTP:
    """Connected, greeted and (STARTTLS) secured; the caller closes it."""
    if server.security == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            server.host, server.port, timeout=server.timeout, context=ctx
        )
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    try:
        smtp.ehlo()
        if server.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise DeliveryError(
                    f"{server.where} does not offer STARTTLS; use its submission port 587, "
                    'or security = "ssl" on port 465'
                )
            smtp.starttls(context=ctx)
            smtp.ehlo()
    except BaseException:
        with contextlib.suppress(OSError):
            smtp.close()
        raise
    return smtp


def _check_size(smtp: smtplib.SMTP, data: bytes, server: _Server) -> None:
    limit = smtp.esmtp_features.get("size", "").strip()
    if limit.isdigit() and int(limit) and len(data) > int(limit):
        raise DeliveryError(
            f"the message is {size_text(len(data))} but {server.where} accepts at most "
            f"{size_text(int(limit))}; share the brief another way or ask for a larger limit"
        )


def _login(smtp: smtplib.SMTP, creds: Credentials, server: _Server) -> None:
    if not creds.username:
        return
    try:
        smtp.login(creds.username, creds.password or "")
    except smtplib.SMTPAuthenticationError as e:
        raise DeliveryError(
            f"login refused for {creds.username} at {server.where} ({_reply(e.smtp_code, e.smtp_error)}); "
            f"check username and the password in {creds.source}"
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise DeliveryError(
            f"{server.where} offers no login (AUTH) on this connection; "
            'use security = "starttls" or "ssl", or drop username for an open relay'
        ) from None


def _deliver(
    msg: EmailMessage, recipients: list[Recipient], settings: EmailSettings, creds: Credentials
) -> DeliveryReport:
    server = _Server(settings.smtp_host, _port(settings), _security(settings), settings.timeout)
    _refuse_unsafe_login(server, creds, settings)
    data = wire_bytes(msg)
    sender = sender_address(settings).addr_spec
    report = DeliveryReport(
        subject=str(msg["Subject"]),
        server=server_label(settings),
        message_id=str(msg["Message-ID"]),
    )
    ctx = tls_context(settings) if server.security != "none" else None
    smtp: smtplib.SMTP | None = None
    try:
        smtp = _connect(server, ctx)
        _check_size(smtp, data, server)
        _login(smtp, creds, server)
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
    except OSError as e:  # smtplib's, ssl's and socket's errors are all OSErrors
        raise _explain(e, server, sender, settings) from None
    finally:
        if smtp is not None:
            with contextlib.suppress(OSError):
                smtp.close()


def _explain(e: OSError, server: _Server, sender: str, settings: EmailSettings) -> DeliveryError:
    """What went wrong talking to the server, and what to do, in one line."""
    where = server.where
    if isinstance(e, smtplib.SMTPSenderRefused):
        reply = _reply(e.smtp_code, e.smtp_error)
        if e.smtp_code == 530:
            return DeliveryError(
                f"{where} requires a login ({reply}); set username "
                f"under [email] and the password in ${settings.password_env} or ~/.netrc"
            )
        if e.smtp_code == 552:
            return DeliveryError(
                f"{where} refused the message as too large ({reply}); share the brief another way"
            )
        return DeliveryError(
            f"{where} refused the sender {sender} ({reply}); "
            "set [email] sender to an address your login may send as"
        )
    if isinstance(e, smtplib.SMTPDataError):
        return DeliveryError(
            f"{where} rejected the message ({_reply(e.smtp_code, e.smtp_error)}); nothing was delivered"
        )
    if isinstance(e, smtplib.SMTPConnectError):
        return DeliveryError(
            f"{where} turned the connection away ({_reply(e.smtp_code, e.smtp_error)}); try again later"
        )
    if isinstance(e, smtplib.SMTPServerDisconnected):
        if "timed out" in str(e):  # smtplib turns a read timeout into a disconnect
            return _timeout(server)
        return DeliveryError(
            f"{where} closed the connection ({clean_text(str(e), 120)}); check the port and "
            'security ("ssl" on 465, "starttls" on 587)'
        )
    if isinstance(e, smtplib.SMTPResponseException):
        return DeliveryError(
            f"{where} answered with an error ({_reply(e.smtp_code, e.smtp_error)}); nothing was sent"
        )
    if isinstance(e, smtplib.SMTPException):
        return DeliveryError(f"SMTP error with {where}: {clean_text(str(e), 160)}")
    return _explain_network(e, server)


def _explain_network(e: OSError, server: _Server) -> DeliveryError:
    """TLS, name lookup, refused connections, timeouts and other socket errors."""
    where = server.where
    if isinstance(e, ssl.SSLCertVerificationError):
        return DeliveryError(
            f"the TLS certificate of {server.host} could not be verified ({e.verify_message}); "
            "set ca_file under [email] to your server's CA, or use the name on its certificate"
        )
    if isinstance(e, ssl.SSLError):
        return DeliveryError(
            f'TLS with {where} failed ({e.reason or e}); check security: "ssl" on port 465, '
            '"starttls" on 587'
        )
    if isinstance(e, socket.gaierror):
        return DeliveryError(
            f"cannot find the SMTP host '{server.host}'; check smtp_host (--smtp-host) and the network"
        )
    if isinstance(e, ConnectionRefusedError):
        return DeliveryError(
            f"cannot connect to {where}: connection refused; check smtp_host and smtp_port "
            "(--smtp-host/--smtp-port) and that the mail server is running"
        )
    if isinstance(e, TimeoutError):
        return _timeout(server)
    return DeliveryError(
        f"cannot talk to {where} ({e.strerror or e}); check smtp_host/smtp_port and the network"
    )
