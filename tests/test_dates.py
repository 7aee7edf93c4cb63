"""Date parsing and display, shared by CV entries and talks."""

from __future__ import annotations

import pytest
from cv.dates import DateError, PartialDate, Period, event_date


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2019-06", "present", "Jun 2019 \u2013 Present"),
        ("2019-06", "Present", "Jun 2019 \u2013 Present"),
        ("2016-09", "2017-08", "Sep 2016 \u2013 Aug 2017"),
        ("2020-07", None, "Jul 2020"),
        ("2020-07", "2020-07", "Jul 2020"),
        ("2015", "2016", "2015 \u2013 2016"),
        ("2018-03-01", "2018-07-31", "Mar 2018 \u2013 Jul 2018"),
    ],
)
def test_period_display(start: str, end: str | None, shown: str) -> None:
    assert Period.parse(start, end).display() == shown


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("June 2019", "is not a date"),
        ("2019-6", "is not a date"),
        ("2019-13", "no month 13"),
        ("2021-02-29", "no day 29"),
        ("", "is not a date"),
    ],
)
def test_bad_dates_say_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(DateError, match=fragment):
        PartialDate.parse(text)


def test_end_before_start_is_refused() -> None:
    with pytest.raises(DateError, match="comes before the start"):
        Period.parse("2020-05", "2019-01")


def test_leap_day_is_a_date() -> None:
    assert PartialDate.parse("2020-02-29").iso() == "2020-02-29"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2021-04", "Apr 2021"),
        ("2021-04-09", "Apr 9, 2021"),
        ("2020-07-28/2020-07-30", "Jul 28\u201330, 2020"),
        ("2020-10-30/2020-11-02", "Oct 30 \u2013 Nov 2, 2020"),
        ("2020-12-30/2021-01-02", "Dec 30, 2020 \u2013 Jan 2, 2021"),
    ],
)
def test_event_dates(text: str, shown: str) -> None:
    assert event_date(text)[0] == shown


def test_event_dates_sort_by_their_start() -> None:
    assert event_date("2020-10-10/2020-10-21")[1] > event_date("2020-08-09/2020-08-12")[1]
