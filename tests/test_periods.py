"""Periods: the window a brief covers, and the option errors a user can make."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.errors import ConfigError
from briefgen.periods import resolve_period

AS_OF = date(2017, 12, 20)


def test_iso_week_runs_monday_to_sunday() -> None:
    p = resolve_period(AS_OF, week="2017-W50")
    assert (p.start, p.end, p.label) == (date(2017, 12, 11), date(2017, 12, 17), "2017-W50")


def test_week_53_exists_only_in_long_years() -> None:
    assert resolve_period(AS_OF, week="2015-W53").end == date(2016, 1, 3)
    with pytest.raises(ConfigError):
        resolve_period(AS_OF, week="2017-W53")


def test_last_n_days_ends_on_as_of() -> None:
    p = resolve_period(AS_OF, last="7d")
    assert (p.start, p.end) == (date(2017, 12, 14), AS_OF)
    assert resolve_period(AS_OF, last="2w").start == date(2017, 12, 7)


def test_since_until_inclusive() -> None:
    p = resolve_period(AS_OF, since="2017-10-01", until="2017-10-31")
    assert p.contains(date(2017, 10, 1)) and p.contains(date(2017, 10, 31))
    assert not p.contains(date(2017, 11, 1)) and not p.contains(None)


def test_open_period_contains_undated() -> None:
    assert resolve_period(AS_OF).contains(None)


@pytest.mark.parametrize(
    "kwargs,fragment",
    [
        ({"since": "2017-13-01"}, "--since"),
        ({"since": "2017-12-01", "until": "2017-11-01"}, "swap"),
        ({"last": "seven days"}, "--last"),
        ({"last": "0d"}, "at least one day"),
        ({"week": "2017-W50", "since": "2017-01-01"}, "one of"),
    ],
)
def test_bad_periods_say_the_fix(kwargs: dict, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        resolve_period(AS_OF, **kwargs)


def test_previous_period_has_the_same_length() -> None:
    p = resolve_period(AS_OF, week="2017-W50").previous()
    assert p is not None and (p.start, p.end) == (date(2017, 12, 4), date(2017, 12, 10))
    assert resolve_period(AS_OF).previous() is None
