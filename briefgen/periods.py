"""The window a brief covers: --since/--until, --week 2017-W50, --last 7d."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefgen.errors import ConfigError


@dataclass(frozen=True)
class Period:
    start: date | None  # inclusive; None = open
    end: date | None  # inclusive; None = open
    label: str = ""  # "2017-W50", "last 7 days", "" when open

    def contains(self, d: date | None) -> bool:
        if d is None:
            return self.start is None and self.end is None
        return (self.start is None or d >= self.start) and (self.end is None or d <= self.end)

    @property
    def is_open(self) -> bool:
        return self.start is None and self.end is None

    def previous(self) -> Period | None:
        """The window of the same length just before this one (for trend markers)."""
        if self.start is None or self.end is None:
            return None
        length = self.end - self.start + timedelta(days=1)
        return Period(self.start - length, self.start - timedelta(days=1), "previous period")


_LAST_RE = re.compile(r"^\s*(\d+)\s*([dwm])\s*$", re.I)
_WEEK_RE = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.I)


def parse_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(
            f"{option} {value!r} is not a date; use YYYY-MM-DD, e.g. 2017-12-15"
        ) from None


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
            raise ConfigError(f"--week {week!r} is not an ISO week; use e.g. 2017-W50")
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            raise ConfigError(
                f"--week {week!r} does not exist; ISO weeks run 1 to 52 or 53"
            ) from None
        return Period(monday, monday + timedelta(days=6), f"{m.group(1)}-W{int(m.group(2)):02d}")
    if last:
        m = _LAST_RE.match(last)
        if not m:
            raise ConfigError(f"--last {last!r} is not a length; use e.g. 7d, 2w or 1m")
        n, unit = int(m.group(1)), m.group(2).lower()
        days = n * {"d": 1, "w": 7, "m": 30}[unit]
        if days < 1:
            raise ConfigError("--last must be at least one day, e.g. 7d")
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
