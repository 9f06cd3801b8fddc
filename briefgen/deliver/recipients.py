"""Who gets the brief: addresses and named lists from the config, validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import getaddresses, parseaddr

from briefgen.config import EmailSettings
from briefgen.deliver.text import clean_text
from briefgen.errors import ConfigError, DeliveryError

# RFC 5321 dot-atom local part and a dotted domain of LDH labels: strict enough to catch
# typos ("a@b", "a@@b.org", "a b@c.org"), loose enough for real staff addresses.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDR_RE = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+$")


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
                bad.append(repr(clean_text(value, 80)) + (f" (list {via})" if via else ""))
                continue
            key = addr.lower()
            if key not in seen:
                seen.add(key)
                out.append(Recipient(addr, clean_text(display, 100), via))

    for v in given:
        add(v, None, ())
    if bad:
        raise DeliveryError(
            f"not valid email address{'es' if len(bad) > 1 else ''}: {', '.join(bad)}; "
            "fix them in --to or [email.lists]"
        )
    return out


def sender_address(settings: EmailSettings) -> Address:
    raw = (settings.sender or "").strip()
    if not raw:
        raise DeliveryError(
            'no sender address; set sender = "Desk <desk@example.org>" under [email] '
            "in briefgen.toml or give --from"
        )
    display, addr = parseaddr(raw)
    if not valid_address(addr) or "\n" in raw or "\r" in raw:
        raise DeliveryError(
            f"sender {clean_text(raw, 80)!r} is not a valid email address; fix [email] sender or --from"
        )
    return Address(display_name=clean_text(display, 100), addr_spec=addr)
