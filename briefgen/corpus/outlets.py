"""Outlet names: from metadata values, mastheads, wire datelines and URLs.

One spelling per outlet, so that "Fox Online News", "foxnews.com" and "FOX NEWS" count as
one source in the brief.  The names live in briefgen/data/outlets.yaml (knowledge/outlets.py);
unknown names pass through untouched.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlparse

from briefgen.knowledge.outlets import load_outlets, outlet_key


def _by_key() -> dict[str, str]:
    """{compared form: canonical name}: every spelling of every outlet in
    briefgen/data/outlets.yaml (the one list of publications)."""
    return load_outlets().names()


def canonical_outlet(name: str | None) -> str | None:
    """One spelling per outlet; unknown names come back stripped, empty ones as None."""
    if not name:
        return None
    name = " ".join(str(name).split())
    if not name:
        return None
    return _by_key().get(outlet_key(name), name)


def known_outlet(line: str) -> str | None:
    """The outlet when `line` is nothing but an outlet name (a masthead), else None."""
    if len(line) > 60:
        return None
    k = outlet_key(line)
    if not k:
        return None
    return _by_key().get(k)


def wire_outlet(agency: str) -> str | None:
    """The outlet of a wire dateline's agency ("(Reuters)", "(AP)")."""
    return known_outlet(agency)


def outlet_from_url(url: str | None) -> str | None:
    """Outlet of a link; news.google.com redirect links are followed to their url= target."""
    if not url:
        return None
    try:
        u = urlparse(html.unescape(url.strip()))
    except ValueError:
        return None
    host = (u.hostname or "").lower()
    if host.endswith("news.google.com"):
        target = parse_qs(u.query).get("url")
        return outlet_from_url(target[0]) if target else None
    host = re.sub(r"^(www\d?|feeds|rss|m|mobile|amp|edition|english|en)\.", "", host)
    by_key = _by_key()
    while host:
        if host in by_key or outlet_key(host) in by_key:
            return by_key.get(host) or by_key[outlet_key(host)]
        if "." not in host:
            break
        host = host.split(".", 1)[1]
        if host.count(".") == 0:
            break
    # feeds.reuters.com / feeds.wired.com style feed hosts name the outlet in the domain
    base = (u.hostname or "").lower().split(".")
    for part in base:
        hit = by_key.get(part)
        if hit:
            return hit
    return None
