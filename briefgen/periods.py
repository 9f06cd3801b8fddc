"""The window a brief covers: --since/--until, --week 2017-W50, --last 7d."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefgen.errors import ConfigError
from briefgen.knowledge.dates import EARLIEST, LATEST, in_range
from briefgen.model import date_span


@dataclass(frozen=True)
class Period:
    start: date | None  # inclusive; None = open
    end: date | None  # inclusive; None = open
    label: str = ""  # "2017-W50", "last 7 days", "" when open

    def contains(self, d: date | None) -> bool:
        if d is None:
            return self.start is None and self.end is None
        return (self.start is None or d >= self.start) and (self.end is None or d <= self.end)

    def holds(self, d: date | None, precision: str = "day") -> bool:
        """Is a date known to the day, month or year inside the period?  A month or a year
        counts only when all of it lies inside: an article dated "2017" belongs in a brief
        of 2017, not in the brief of one week of it."""
        span = date_span(d, precision)
        if span is None or precision == "day":
            return self.contains(d)
        return self.contains(span[0]) and self.contains(span[1])

    def previous(self) -> Period | None:
        """The window of the same length just before this one (for trend markers)."""
        if self.start is None or self.end is None:
            return None
        length = self.end - self.start + timedelta(days=1)
        try:
            return Period(self.start - length, self.start - timedelta(days=1), "previous period")
        except OverflowError:  # a window reaching back before year 1
            return None


_LAST_RE = re.compile(r"^\s*(\d+)\s*([dwm])\s*$", re.I)
_RANGE = f"briefgen covers {EARLIEST.year} to {LATEST.year}"


def _v(value: str) -> str:
    """An option value for a message, cut short when someone pasted a novel."""
    value = value.strip()
    return repr(value if len(value) <= 24 else value[:20] + "…")


_WEEK_RE = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.I)


def parse_date(value: str, option: str) -> date:
    try:
        d = date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(
            f"{option} {_v(value)} is not a date; use YYYY-MM-DD, e.g. 2017-12-15"
        ) from None
    if not in_range(d):
        raise ConfigError(f"{option} {d} is out of range; {_RANGE}, e.g. 2017-12-15")
    return d


def resolve_period(
    as_of: date,
    since: str | None = None,
    until: str | None = None,
    week: str | None = None,
    last: str | None = None,
) -> Period:
    """Turn the period options into one Period; conflicting options are an error."""
    given = [n for n, v in (("--week", week), ("--last", last)) if v]
    if len(given) > 1 or (given and (since or until)):
        raise ConfigError("give one of --week, --last, or --since/--until, not several")
    if week:
        m = _WEEK_RE.match(week)
        if not m:
            raise ConfigError(f"--week {_v(week)} is not an ISO week; use e.g. 2017-W50")
        if not EARLIEST.year <= int(m.group(1)) <= LATEST.year:
            raise ConfigError(f"--week {_v(week)} is out of range; {_RANGE}, e.g. 2017-W50")
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            raise ConfigError(
                f"--week {_v(week)} does not exist; ISO weeks run 1 to 52 or 53"
            ) from None
        return Period(monday, monday + timedelta(days=6), f"{m.group(1)}-W{int(m.group(2)):02d}")
    if last:
        m = _LAST_RE.match(last)
        if not m:
            raise ConfigError(f"--last {_v(last)} is not a length; use e.g. 7d, 2w or 1m")
        digits, unit = m.group(1).lstrip("0") or "0", m.group(2).lower()
        most = (as_of - EARLIEST).days + 1
        days = int(digits) * {"d": 1, "w": 7, "m": 30}[unit] if len(digits) <= 7 else most + 1
        if days < 1:
            raise ConfigError("--last must be at least one day, e.g. 7d")
        if days > most:
            raise ConfigError(
                f"--last {_v(last)} reaches back before {EARLIEST}; {_RANGE}, so use at most {most}d"
            )
        return Period(as_of - timedelta(days=days - 1), as_of, f"last {days} days")
    start = parse_date(since, "--since") if since else None
    end = parse_date(until, "--until") if until else None
    if start and end and start > end:
        raise ConfigError(f"--since {start} is after --until {end}; swap them")
    label = f"{start or '…'} to {end or '…'}" if (start or end) else ""
    return Period(start, end, label)


def brief_date(period: Period, given: date | None, today: date) -> date:
    """The brief's "as of" date: the one given, else the end of a past period, else today."""
    if given is not None:
        return given
    if period.end is not None and period.end < today:
        return period.end
    return today
