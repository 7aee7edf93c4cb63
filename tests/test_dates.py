"""Date parsing and display, shared by CV entries and talks, in each date style."""

from __future__ import annotations

import pytest
from cv.dates import (
    DATE_STYLES,
    DateError,
    DateList,
    EdtfDate,
    PartialDate,
    Period,
    YearList,
    check_style,
    event_date,
)


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
        ("2018-03-01", "2018-03-31", "Mar 2018"),
        ("Fall 2021", "present", "Fall 2021 \u2013 Present"),
        ("autumn 2020", "WINTER 2021", "Autumn 2020 \u2013 Winter 2021"),
        ("Winter 2023", "Spring 2023", "Winter 2023 \u2013 Spring 2023"),
        ("Summer 2019", None, "Summer 2019"),
        ("2020-21", "2020-23", "Spring 2020 \u2013 Autumn 2020"),
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
        ("Fal 2021", "or a term such as Fall 2021 \\(here: Fall 2021\\)"),
        ("Sprin 2022", "\\(here: Spring 2022\\)"),
        ("June 2019", "\\(here: 2019-06\\)"),
        ("Semester 2021", "is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, or a term"),
        ("Fall", "is not a date"),
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
        ("2021-04-09", "9 Apr 2021"),
        ("2020-07-28/2020-07-30", "28\u201330 Jul 2020"),
        ("2020-10-30/2020-11-02", "30 Oct \u2013 2 Nov 2020"),
        ("2020-12-30/2021-01-02", "30 Dec 2020 \u2013 2 Jan 2021"),
    ],
)
def test_event_dates(text: str, shown: str) -> None:
    assert event_date(text)[0] == shown


def test_event_dates_sort_by_their_start() -> None:
    assert event_date("2020-10-10/2020-10-21")[1] > event_date("2020-08-09/2020-08-12")[1]


#: In each style: a month, a day, a period to the present, days in one month,
#: days across months, a season.
STYLED = {
    "short": ("Jun 2019", "14 Jun 2019", "Jun 2019 \u2013 Present",
              "28\u201330 Jul 2020", "30 Oct \u2013 2 Nov 2020", "Spring 2020"),
    "long": ("June 2019", "14 June 2019", "June 2019 \u2013 Present",
             "28\u201330 July 2020", "30 October \u2013 2 November 2020", "Spring 2020"),
    "numeric": ("06/2019", "14/06/2019", "06/2019 \u2013 Present",
                "28/07/2020 \u2013 30/07/2020", "30/10/2020 \u2013 02/11/2020", "Spring 2020"),
    "iso": ("2019-06", "2019-06-14", "2019-06 \u2013 Present",
            "2020-07-28 \u2013 2020-07-30", "2020-10-30 \u2013 2020-11-02", "Spring 2020"),
    "year": ("2019", "2019", "2019 \u2013 Present", "2020", "2020", "2020"),
}  # fmt: skip


def test_every_style_is_tested() -> None:
    assert tuple(STYLED) == DATE_STYLES


@pytest.mark.parametrize("style", DATE_STYLES)
def test_date_styles(style: str) -> None:
    month, day, ongoing, days, across, season = STYLED[style]
    assert EdtfDate.parse("2019-06").display(style) == month
    assert EdtfDate.parse("2019-06-14").display(style) == day
    assert event_date("2019-06-14", style)[0] == day
    assert Period.parse("2019-06", "present").display(style) == ongoing
    assert EdtfDate.parse("2020-07-28/2020-07-30").display(style) == days
    assert EdtfDate.parse("2020-10-30/2020-11-02").display(style) == across
    assert EdtfDate.parse("2020-21").display(style) == season
    # A period shows months, never days.
    assert Period.parse("2019-06-14").display(style) == month


@pytest.mark.parametrize("style", DATE_STYLES)
def test_terms_keep_their_words_except_in_the_year_style(style: str) -> None:
    shown = Period.parse("Fall 2021", "Spring 2022").display(style)
    expected = "2021 \u2013 2022" if style == "year" else "Fall 2021 \u2013 Spring 2022"
    assert shown == expected


def test_default_style_is_short() -> None:
    assert Period.parse("2019-06", "present").display() == "Jun 2019 \u2013 Present"
    assert EdtfDate.parse("2021-04-09").display() == "9 Apr 2021"


def test_unknown_style_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="'us' is not a date style; choose one of 'short'"):
        check_style("us")
    with pytest.raises(ValueError, match="not a date style"):
        Period.parse("2019").display("us")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2023, 2024", "2023, 2024"),
        ("2023-2024", "2023, 2024"),
        ("2019, 2021-2023", "2019, 2021\u20132023"),
        ("2021, 2022, 2023", "2021\u20132023"),
        ("2024, 2019", "2019, 2024"),
        ("2019 \u2013 2021", "2019\u20132021"),
        ("2020", "2020"),
    ],
)
def test_year_lists_are_lists_not_ranges(text: str, shown: str) -> None:
    assert YearList.parse(text).display() == shown


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2019, 20x1", "'20x1' is not a year; list years as YYYY"),
        ("2019,", "an item is empty"),
        ("Fall 2021", "'Fall 2021' is not a year"),
        ("2023-2021", "the run '2023-2021' ends before it starts; write 2021-2023"),
        ("2020, 2019-2021", "lists 2020 twice"),
        ("2014-present", "write :start: 2014 and :end: present instead of :years:"),
        ("2019, 2014 \u2013 Present", "write :start: 2014 and :end: present"),
        ("2019-", "write :start: 2019 and :end: present"),
        ("2019; 2021", "separate the years with commas: 2019, 2021"),
    ],
)
def test_bad_year_lists_say_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(DateError, match=fragment):
        YearList.parse(text)


def test_date_lists_show_each_term() -> None:
    terms = DateList.parse("Fall 2021, spring 2022, 2022-09")
    assert terms.display() == "Fall 2021, Spring 2022, Sep 2022"
    assert (terms.start.iso(), terms.end.iso()) == ("2021", "2022-09")
    assert DateList.parse("Spring 2021, Fall 2021").display("year") == "2021"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Fall 2022, Fall 2021", "'Fall 2021' does not come after the date before it"),
        ("Fall 2021, Fall 2021", "does not come after"),
        ("Fall 2021, Fal 2022", "'Fal 2022' is not a date"),
        ("Fall 2021,", "an item is empty"),
        ("Spring 2016; Spring 2018", "separate the terms with commas: Spring 2016, Spring 2018"),
        ("Fall 2016 and Fall 2017", "separate the terms with commas: Fall 2016, Fall 2017"),
        ("Fall 2016 Fall 2017", "'Fall 2016 Fall 2017' is not a date; .*separate the terms"),
    ],
)
def test_bad_date_lists_say_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(DateError, match=fragment):
        DateList.parse(text)
