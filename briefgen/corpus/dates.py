"""Publication dates and where they came from.

Order of trust: file metadata, a "Published:" line, a dateline ("SEOUL, Dec. 28 (Yonhap)")
with its year inferred, a date in the URL, and last an *estimate* from the dates the text
mentions.  Nothing here ever falls back to today: an unknown date stays unknown, because a
confident wrong date misleads a reader more than a missing one.  For the same reason a
metadata value that names only a year ("2017") or a month ("2017-10") is read with that
precision, never as its first day, and a date outside 1900-2100 (a placeholder such as
9999-12-31, a typo) is no date at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from briefgen.knowledge.dates import (
    MONTH_ABBR_RE,
    MONTH_RE,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    in_range,
)

# How much of a date a source gave: the day, only the month, or only the year.
Precision = Literal["day", "month", "year"]

_MONTH_RE = rf"(?P<mon>{MONTH_RE})\.?"
_MDY_RE = re.compile(
    rf"\b{_MONTH_RE}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
)
_DMY_RE = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?\s+(?P<year>(?:19|20)\d\d)\b"
)
_MD_RE = re.compile(rf"\b{_MONTH_RE}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)")
_ISO_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<mon>[01]?\d)[-/.](?P<day>[0-3]?\d)\b")
_YEAR_RE = re.compile(r"(?<![\d-])(?P<year>(?:19[5-9]|20[0-9])\d)(?![\d-])")
_WEEKDAY_RE = re.compile(rf"\b({WEEKDAY_RE})\b(?!,?\s+(?:{MONTH_ABBR_RE}))")

PUBLISHED_LINE_RE = re.compile(
    r"^\s*(?:Published|First published|Posted(?: on)?|Date(?:d)?|Updated|Last updated|"
    r"Created|Released)\s*(?:on|at)?\s*[:：]?\s*(?P<value>.{6,60}?)\s*$",
    re.IGNORECASE,
)

# "SEOUL, Dec. 28 (Yonhap) --", "Pyongyang, August 3 (KCNA) --",
# "WASHINGTON (Reuters) -", "PYONGYANG, North Korea (AP) —", "SEOUL/WASHINGTON".
DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'.\-]+(?:[ /][A-Z][A-Za-z'.\-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?)"
    rf"(?:,?\s+{_MONTH_RE}\s+(?P<day>[0-3]?\d)(?:,\s*(?P<year>(?:19|20)\d\d))?)?"
    r"\s*\((?P<agency>[A-Za-z][A-Za-z .&\-]{1,30})\)\s*(?:--|—|–|-|:)\s*"
)


def _mk(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class DateValue:
    """A metadata date: its first day and how much of it the source gave."""

    day: date
    precision: Precision = "day"


_YEAR_ONLY_RE = re.compile(r"\s*(\d{4})\s*")
_YEAR_MONTH_RE = re.compile(r"\s*(\d{4})[-/.](\d{1,2})\s*")
_MY_RE = re.compile(rf"\b{_MONTH_RE},?\s+(?P<year>(?:19|20)\d\d)\b")
_LEADING_YEAR_RE = re.compile(r"\s*[+-]?(\d{4,})(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?(?:[T ]|\s*$)")
# Longer values are not dates; they are not handed to dateutil's fuzzy parser.
_MAX_DATE_CHARS = 100


def _month(name: str) -> int:
    return (
        MONTHS[name[:4].lower().rstrip(".")]
        if name[:4].lower() == "sept"
        else MONTHS[name[:3].lower()]
    )


def parse_date_value(value: object) -> date | None:
    """A metadata value -> date: ISO strings, '2016-01-13 03:02:59', 'Oct. 1, 2017 - 14:47',
    RFC 2822, epoch seconds or milliseconds.  Anything without a year, or outside
    1900-2100, gives None.  A year or month alone gives its first day: use
    parse_date_precise to know that it was one."""
    found = parse_date_precise(value)
    return found.day if found else None


def parse_date_precise(value: object) -> DateValue | None:
    """A metadata value -> its date and precision ("2017" is a year, "2017-10" a month)."""
    found = _parse(value)
    if found is None or not in_range(found.day):
        return None
    return found


def out_of_range(value: object) -> bool:
    """Does a metadata value name a date, but one outside 1900-2100 (9999-12-31, 0001-01-01,
    an epoch far off)?  Such a value is reported, and the article left undated."""
    if value is None or isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return not (isinstance(value, float) and math.isnan(value)) and _from_epoch(value) is None
    if isinstance(value, date):
        return not in_range(value if not isinstance(value, datetime) else value.date())
    found = _parse(value)
    if found is not None:
        return not in_range(found.day)
    m = _LEADING_YEAR_RE.match(str(value)[:_MAX_DATE_CHARS])
    if m is None:
        return False
    return len(m[1]) > 4 or not 1900 <= int(m[1]) <= 2100


def _parse(value: object) -> DateValue | None:
    """The date a value names (any year), or None; never raises."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        d = _from_epoch(value)
        return DateValue(d) if d else None
    if isinstance(value, datetime):
        return DateValue(value.date())
    if isinstance(value, date):
        return DateValue(value)
    s = str(value).strip()
    if not s or len(s) > _MAX_DATE_CHARS:
        return None
    if re.fullmatch(r"\d{9,13}(\.\d+)?", s):
        d = _from_epoch(float(s))
        return DateValue(d) if d else None
    m = _YEAR_ONLY_RE.fullmatch(s)
    if m:
        d = _mk(int(m[1]), 1, 1)
        return DateValue(d, "year") if d else None
    m = _YEAR_MONTH_RE.fullmatch(s)
    if m:
        d = _mk(int(m[1]), int(m[2]), 1)
        return DateValue(d, "month") if d else None
    m = _ISO_RE.search(s)
    if m and m.start() < 3:
        d = _mk(int(m["year"]), int(m["mon"]), int(m["day"]))
        return DateValue(d) if d else None
    for rx in (_MDY_RE, _DMY_RE):
        m = rx.search(s)
        if m:
            d = _mk(int(m["year"]), _month(m["mon"]), int(m["day"]))
            return DateValue(d) if d else None
    m = _MY_RE.search(s)
    if m and not re.search(r"\d", s[: m.start()] + s[m.end() :]):
        d = _mk(int(m["year"]), _month(m["mon"]), 1)  # "October 2017"
        return DateValue(d, "month") if d else None
    if not re.search(r"(?:19|20)\d\d", s):
        return None
    try:
        from dateutil import parser

        # parsed against two different defaults: a part the value lacks differs
        one = parser.parse(s, fuzzy=True, default=datetime(1900, 1, 1)).date()
        two = parser.parse(s, fuzzy=True, default=datetime(1904, 12, 28)).date()
    except (ValueError, OverflowError, TypeError):
        return None
    if one.month != two.month:
        return DateValue(one.replace(month=1, day=1), "year")
    if one.day != two.day:
        return DateValue(one.replace(day=1), "month")
    return DateValue(one)


def _from_epoch(x: float) -> date | None:
    try:
        x = float(x)
    except (OverflowError, ValueError):
        return None
    if x > 1e11:  # milliseconds
        x /= 1000.0
    if not 315532800 <= x <= 4102444800:  # 1980 .. 2100
        return None
    return datetime.fromtimestamp(x, tz=UTC).date()


def published_line_date(line: str) -> date | None:
    """'Published : Oct. 1, 2017 - 14:47' -> 2017-10-01; None when the line is not one."""
    m = PUBLISHED_LINE_RE.match(line)
    if not m:
        return None
    return parse_date_value(m["value"])


def url_date(url: str | None) -> date | None:
    """Dates news sites put in paths: /2018/06/01/ or /2013-04-03/."""
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|$)", url)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    m = re.search(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)/", url)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    # /2020/03/slug-200329043852437.html: an id that starts with the path's yymm, then dd
    m = _YM_ID_RE.search(url)
    if m and m[1][2:] == m[3] and m[2] == m[4]:
        return _mk(int(m[1]), int(m[2]), int(m[5]))
    # Dow Jones (WSJ, Barron's) article ids end in the publication's epoch second
    m = _EPOCH_ID_RE.search(url)
    if m and 1104537600 <= int(m[1]) <= 1893456000:  # 2005 .. 2030
        return _from_epoch(float(m[1]))
    return None


_YM_ID_RE = re.compile(
    r"/((?:19|20)\d\d)/([01]\d)/[^?#]*?(?<!\d)(\d\d)([01]\d)([0-3]\d)\d{6,12}(?:\.html?)?(?:[?#]|$)"
)
_EPOCH_ID_RE = re.compile(r"^https?://(?:www\.)?(?:wsj|barrons)\.com/[^?#]*-1?(1\d{9})(?:[?#]|$)")
_YM_RE = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(?!\d)")


def url_month_estimate(url: str | None, text: str) -> date | None:
    """A URL that names only the year and month (/news/2018/04/slug): the latest day of that
    month the text mentions, else mid-month, so the error is at most about two weeks.
    Always reported as an estimate."""
    if not url:
        return None
    m = _YM_RE.search(url)
    if not m:
        return None
    year, month = int(m[1]), int(m[2])
    days = [d.day for d in full_dates(text) if (d.year, d.month) == (year, month)]
    days += [int(x["day"]) for x in _MD_RE.finditer(text) if _month(x["mon"]) == month]
    for day in sorted(days, reverse=True):
        d = _mk(year, month, day)
        if d:
            return d
    return date(year, month, 15)


def mentioned_years(text: str) -> list[int]:
    return [int(m["year"]) for m in _YEAR_RE.finditer(text)]


def full_dates(text: str) -> list[date]:
    """Every complete (day, month, year) date the text mentions."""
    out: list[date] = []
    for rx in (_MDY_RE, _DMY_RE):
        for m in rx.finditer(text):
            d = _mk(int(m["year"]), _month(m["mon"]), int(m["day"]))
            if d:
                out.append(d)
    for m in _ISO_RE.finditer(text):
        d = _mk(int(m["year"]), int(m["mon"]), int(m["day"]))
        if d:
            out.append(d)
    return out


def dateline_date(
    month: str | None, day: str | None, year: str | None, context: str, url: str | None = None
) -> date | None:
    """The date of a dateline; when it has no year, the latest year the text or URL names."""
    if not (month and day):
        return None
    if year:
        return _mk(int(year), _month(month), int(day))
    years = mentioned_years(context + " " + (url or ""))
    fulls = full_dates(context)
    if fulls:
        years.append(max(fulls).year)
    if not years:
        return None
    return _mk(max(years), _month(month), int(day))


def estimate_date(text: str) -> date | None:
    """A rough date from what the text mentions: the latest full date it names (month-day
    mentions take the latest year it names), moved forward to the weekday the text uses most
    ("on Tuesday").  Always reported as an estimate."""
    fulls = full_dates(text)
    years = mentioned_years(text)
    cands = list(fulls)
    if years:
        # A month-day mention without a year is taken as the last such day not after the
        # latest full date: articles mostly look back ("on Oct. 7") rather than forward.
        # without a full date, the year the text names most often (ties: the later one);
        # the latest year is often a future one ("by 2020")
        common = Counter(years).most_common()
        top = max(y for y, n in common if n == common[0][1])
        ref = max(fulls) if fulls else date(top, 12, 31)
        for m in _MD_RE.finditer(text):
            d = _mk(ref.year, _month(m["mon"]), int(m["day"]))
            if d and d > ref:
                d = _mk(ref.year - 1, _month(m["mon"]), int(m["day"]))
            if d:
                cands.append(d)
    cands = [d for d in cands if d.year >= 1950]
    if not cands:
        return None
    best = max(cands)
    weekdays = Counter(m[1] for m in _WEEKDAY_RE.finditer(text))
    if weekdays:
        # the nearest day (-3..+3) with the weekday the text uses most ("on Tuesday")
        target = WEEKDAYS.index(weekdays.most_common(1)[0][0])
        shift = (target - best.weekday()) % 7
        best = best + timedelta(days=shift if shift <= 3 else shift - 7)
    return best
