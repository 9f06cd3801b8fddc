"""Periods: the window a brief covers, and the option errors a user can make."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.errors import ConfigError
from briefgen.knowledge.dates import resolve_dates
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


# --- stated dates resolved against the story (knowledge/dates.py), issue 11 ---------------


def test_a_past_verb_dates_the_weekday_before_the_story_whatever_follows() -> None:
    """2014-W52 dated Obama's remark of Friday 19 December to the 26th: 'expected to
    respond' later in the sentence made the whole sentence look ahead."""
    tuesday = date(2014, 12, 23)
    hit = resolve_dates(
        "President Obama said Friday that the government expected to respond proportionately.",
        tuesday,
    )[0]
    assert hit.when == date(2014, 12, 19) and not hit.estimate
    # what is coming is still dated ahead
    ahead = resolve_dates("The government is expected to respond on Friday.", tuesday)[0]
    assert ahead.when == date(2014, 12, 26) and ahead.estimate


def test_last_friday_is_never_yesterday() -> None:
    """A Saturday story's 'launched by North Korea last Friday' is the week before's
    launch (15 September 2017), not the day before's (W38 dated it the 22nd)."""
    saturday = date(2017, 9, 23)
    hit = resolve_dates(
        "The missile launched by North Korea last Friday flew over Japan.", saturday
    )
    assert hit[0].when == date(2017, 9, 15)
    monday = date(2017, 9, 25)
    assert resolve_dates("The missile was launched last Friday.", monday)[0].when == date(
        2017, 9, 22
    )


def test_a_date_of_the_event_a_statement_answers_is_not_the_statements() -> None:
    """W38's bottom line dated Kim's statement of 21 September to the 19th, the day of
    the speech it answered."""
    friday = date(2017, 9, 22)
    text = (
        "Kim's statement was published in response to Trump's fiery speech at the U.N. "
        "General Assembly on Tuesday."
    )
    assert resolve_dates(text, friday) == []
    both = resolve_dates(
        "Kim said on Thursday, after Trump's speech on Tuesday, that he would respond.", friday
    )
    assert [h.when for h in both] == [date(2017, 9, 21)]
    # a date in the sentence's own clause stays
    own = resolve_dates("After a pause, North Korea fired a missile on Tuesday.", friday)
    assert [h.when for h in own] == [date(2017, 9, 19)]


def test_last_friday_opening_a_sentence_is_read_too() -> None:
    saturday = date(2017, 9, 23)
    assert resolve_dates("Last Friday, they were not.", saturday)[0].when == date(2017, 9, 15)
