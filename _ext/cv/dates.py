"""Partial ISO 8601 dates (``2019``, ``2019-06``, ``2019-06-01``) and their display.

CV entries give a start and an end (or ``present``); talks give a date or a
range (``2020-07-28/2020-07-30``). Both are parsed here so that the website and
the PDF print every date the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
EN_DASH = "\u2013"
PRESENT = "present"

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class DateError(ValueError):
    """A date that is not of the form ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date of which the month and day may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _ISO_DATE.fullmatch(text.strip())
        if not match:
            raise DateError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"{text!r} has no month {month}; months run 01 to 12")
        if day is not None and not 1 <= day <= _days_in_month(year, month):
            raise DateError(f"{text!r} has no day {day}")
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Unknown parts sort first, so ``2020`` comes before ``2020-07``."""
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        """The date as written in ISO 8601, for ``<time datetime=...>``."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def month_year(self) -> str:
        """``Jun 2019``, or ``2019`` when the month is unknown."""
        if self.month is None:
            return str(self.year)
        return f"{MONTH_ABBREVIATIONS[self.month - 1]} {self.year}"


def _days_in_month(year: int, month: int | None) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True)
class Period:
    """A CV entry's time span; ``end`` is ``None`` for a single date."""

    start: PartialDate
    end: PartialDate | None = None
    ongoing: bool = False

    @classmethod
    def parse(cls, start: str, end: str | None = None) -> Period:
        begin = PartialDate.parse(start)
        if end is None or not end.strip():
            return cls(begin)
        if end.strip().lower() == PRESENT:
            return cls(begin, ongoing=True)
        finish = PartialDate.parse(end)
        if finish.sort_key < begin.sort_key:
            raise DateError(f"the end {end!r} comes before the start {start!r}")
        return cls(begin, finish)

    def display(self) -> str:
        """``Jun 2019 – Present``, ``Aug 2020 – Sep 2020`` or ``Jul 2020``."""
        first = self.start.month_year()
        if self.ongoing:
            return f"{first} {EN_DASH} Present"
        if self.end is None or self.end == self.start:
            return first
        return f"{first} {EN_DASH} {self.end.month_year()}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.start.sort_key


def event_date(text: str) -> tuple[str, tuple[int, int, int]]:
    """Display form and sort key of a talk's ``date`` field.

    ``2021-04`` gives ``Apr 2021``; ``2020-07-28/2020-07-30`` gives
    ``Jul 28–30, 2020``; a range across months gives ``Oct 30 – Nov 2, 2020``.
    """
    first_text, _, last_text = text.partition("/")
    first = PartialDate.parse(first_text)
    if not last_text:
        if first.day is None:
            return first.month_year(), first.sort_key
        return f"{_month_day(first)}, {first.year}", first.sort_key
    last = PartialDate.parse(last_text)
    if last.sort_key < first.sort_key:
        raise DateError(f"the range {text!r} ends before it starts")
    if first.day is None or last.day is None:
        shown = Period(first, last).display()
    elif (first.year, first.month) == (last.year, last.month):
        shown = f"{_month_day(first)}{EN_DASH}{last.day}, {first.year}"
    elif first.year == last.year:
        shown = f"{_month_day(first)} {EN_DASH} {_month_day(last)}, {first.year}"
    else:
        shown = f"{_month_day(first)}, {first.year} {EN_DASH} {_month_day(last)}, {last.year}"
    return shown, first.sort_key


def _month_day(date: PartialDate) -> str:
    return f"{MONTH_ABBREVIATIONS[date.month - 1]} {date.day}"
