"""Outlet names: from metadata values, mastheads, wire datelines and URLs.

One spelling per outlet, so that "Fox Online News", "foxnews.com" and "FOX NEWS" count as
one source in the brief.  The tables are plain data; unknown names pass through untouched.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlparse

# Canonical name -> other spellings (compared case-insensitively, punctuation-insensitive).
OUTLETS: dict[str, list[str]] = {
    "Reuters": ["Reuters", "Thomson Reuters", "reuters.com"],
    "Associated Press": ["AP", "Associated Press", "The Associated Press", "apnews.com"],
    "AFP": ["AFP", "Agence France-Presse", "Agence France Presse", "afp.com"],
    "Yonhap": [
        "Yonhap",
        "Yonhap News",
        "Yonhap News Agency",
        "연합뉴스",
        "EPA연합뉴스",
        "yna.co.kr",
        "en.yna.co.kr",
    ],
    "The Korea Herald": ["The Korea Herald", "Korea Herald", "코리아헤럴드", "koreaherald.com"],
    "The Korea Times": ["The Korea Times", "Korea Times", "코리아타임스", "koreatimes.co.kr"],
    "KBS": ["KBS", "KBS News", "KBS World", "kbs.co.kr"],
    "KCNA": ["KCNA", "Korean Central News Agency", "kcna.kp", "kcnawatch.org"],
    "Rodong Sinmun": ["Rodong Sinmun", "rodong.rep.kp"],
    "NK News": ["NK News", "nknews.org"],
    "Xinhua": ["Xinhua", "Xinhua News Agency", "xinhuanet.com"],
    "Kyodo": ["Kyodo", "Kyodo News", "english.kyodonews.net"],
    "TASS": ["TASS", "tass.com"],
    "BBC News": ["BBC", "BBC News", "bbc.com", "bbc.co.uk"],
    "CNN": ["CNN", "CNN (Web News)", "cnn.com", "edition.cnn.com"],
    "Fox News": ["Fox News", "Fox Online News", "foxnews.com"],
    "USA Today": ["USA TODAY", "USA Today", "usatoday.com"],
    "The New York Times": [
        "The New York Times",
        "New York Times",
        "New York Times - News",
        "nytimes.com",
    ],
    "The Washington Post": ["The Washington Post", "Washington Post", "washingtonpost.com"],
    "The Washington Times": ["The Washington Times", "Washington Times", "washingtontimes.com"],
    "The Wall Street Journal": [
        "The Wall Street Journal",
        "Wall Street Journal",
        "Wall Street Journal - News",
        "wsj.com",
    ],
    "NPR": ["NPR", "NPR Online News", "npr.org"],
    "Politico": ["Politico", "politico.com"],
    "The Hill": ["The Hill", "thehill.com"],
    "Vox": ["Vox", "vox.com"],
    "The Guardian": ["The Guardian", "Guardian", "theguardian.com"],
    "Bloomberg": ["Bloomberg", "bloomberg.com"],
    "Al Jazeera": ["Al Jazeera", "aljazeera.com"],
    "ABC News": ["ABC News", "abcnews.go.com"],
    "CBS News": ["CBS News", "cbsnews.com"],
    "NBC News": ["NBC News", "nbcnews.com"],
    "Christian Science Monitor": [
        "Christian Science Monitor",
        "The Christian Science Monitor",
        "csmonitor.com",
    ],
    "Newsmax": ["Newsmax", "Newsmax - News", "newsmax.com"],
    "Time": ["Time", "Time Magazine", "time.com"],
    "Wired": ["Wired", "wired.com"],
    "Asharq Al-Awsat": ["Asharq Al-Awsat", "aawsat.com", "english.aawsat.com"],
    "The Diplomat": ["The Diplomat", "thediplomat.com"],
    "38 North": ["38 North", "38north.org"],
    "The Atlantic": ["The Atlantic", "theatlantic.com"],
    "Breitbart News": ["Breitbart", "Breitbart News", "breitbart.com"],
    "Townhall": ["Townhall", "townhall.com"],
    "National Review": ["National Review", "nationalreview.com"],
    "The American Spectator": ["The American Spectator", "American Spectator", "spectator.org"],
    "The Daily Caller": ["The Daily Caller", "Daily Caller", "dailycaller.com"],
    "Daily Kos": ["Daily Kos", "dailykos.com"],
    "Salon": ["Salon", "salon.com"],
    "Vanity Fair": ["Vanity Fair", "vanityfair.com"],
    "TheBlaze": ["TheBlaze", "TheBlaze.com", "theblaze.com"],
    "International Business Times": ["International Business Times", "ibtimes.com"],
    "CBN": ["CBN", "CBN News", "cbn.com", "www1.cbn.com"],
    "Voice of America": ["Voice of America", "VOA", "voanews.com"],
    "Mashable": ["Mashable", "mashable.com"],
}

# The agency named in a wire dateline, "(Reuters)", "(AP)", -> outlet.
WIRE_AGENCIES = {
    "reuters": "Reuters", "ap": "Associated Press", "afp": "AFP", "yonhap": "Yonhap",
    "kcna": "KCNA", "xinhua": "Xinhua", "kyodo": "Kyodo", "tass": "TASS", "upi": "UPI",
    "cnn": "CNN", "bloomberg": "Bloomberg", "efe": "EFE", "dpa": "dpa", "ani": "ANI",
}  # fmt: skip


def _key(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s.lower()).strip()


_BY_KEY: dict[str, str] = {}
for _name, _aliases in OUTLETS.items():
    for _a in [_name, *_aliases]:
        _BY_KEY[_key(_a)] = _name


def canonical_outlet(name: str | None) -> str | None:
    """One spelling per outlet; unknown names come back stripped, empty ones as None."""
    if not name:
        return None
    name = " ".join(str(name).split())
    if not name:
        return None
    return _BY_KEY.get(_key(name), name)


def known_outlet(line: str) -> str | None:
    """The outlet when `line` is nothing but an outlet name (a masthead), else None."""
    if len(line) > 60:
        return None
    k = _key(line)
    if not k:
        return None
    return _BY_KEY.get(k)


def wire_outlet(agency: str) -> str | None:
    return WIRE_AGENCIES.get(agency.strip().lower()) or known_outlet(agency)


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
    while host:
        if host in _BY_KEY or _key(host) in _BY_KEY:
            return _BY_KEY.get(host) or _BY_KEY[_key(host)]
        if "." not in host:
            break
        host = host.split(".", 1)[1]
        if host.count(".") == 0:
            break
    # feeds.reuters.com / feeds.wired.com style feed hosts name the outlet in the domain
    base = (u.hostname or "").lower().split(".")
    for part in base:
        if part in WIRE_AGENCIES:
            return WIRE_AGENCIES[part]
        hit = _BY_KEY.get(part)
        if hit:
            return hit
    return None
