"""Dates as a CV writes them, parsed once so both outputs print them alike.

- :class:`PartialDate`: ``2019``, ``2019-06`` or ``2019-06-01`` (a CV entry's
  ``:start:`` and ``:end:``);
- :class:`Period`: a CV entry's span, ``Jun 2019 – Present``;
- :class:`EdtfDate`: a bib ``date`` as biblatex reads it (ISO 8601 / EDTF
  level 1): a date or a range ``START/END``, open ranges (``2020/..``),
  seasons (``2020-21`` is spring), unspecified digits (``199X``), and the
  qualifiers ``?`` (uncertain), ``~`` (approximate) and ``%`` (both);
- :func:`month_number`: a bib ``month``, by name, number or BibTeX macro.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: EDTF seasons (21-24), with the month they sort as.
SEASONS = {21: ("Spring", 3), 22: ("Summer", 6), 23: ("Autumn", 9), 24: ("Winter", 12)}
EN_DASH = "\u2013"
PRESENT = "present"

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_EDTF_DATE = re.compile(
    r"(?P<year>\d{4}|\d{3}X|\d{2}XX)"
    r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
    r"(?P<qualifier>[?~%])?"
)
_OPEN = {"", ".."}
# "May 2023", "May 4, 2023", "4 May 2023", "2023 May": what people type instead.
_WORDY = re.compile(
    r"(?:(?P<d1>\d{1,2})\.?\s+)?(?P<month>[A-Za-z]+)\.?\s*(?:(?P<d2>\d{1,2}),?\s+)?(?P<year>\d{4})"
    r"|(?P<year2>\d{4})\s+(?P<month2>[A-Za-z]+)"
)


class DateError(ValueError):
    """A date that cannot be read; the message says how to write it."""


def month_number(text: str) -> int | None:
    """``aug``, ``Aug.``, ``August``, ``8`` and ``08`` are 8; anything else is None."""
    word = text.strip().rstrip(".").lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    for number, name in enumerate(MONTH_NAMES, start=1):
        if len(word) >= 3 and name.startswith(word):
            return number
    if word == "sept":
        return 9
    return None


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date of which the month and day may be unknown.

    ``season`` (21-24) stands in for the month of a season's date;
    ``unspecified`` counts the year's trailing digits left open (``199X``).
    """

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None
    unspecified: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _ISO_DATE.fullmatch(text.strip())
        if not match:
            raise DateError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        return cls._checked(text, year, month, day)

    @classmethod
    def _checked(
        cls, text: str, year: int, month: int | None, day: int | None, unspecified: int = 0
    ) -> PartialDate:
        if month in SEASONS and day is None:
            return cls(year, season=month, unspecified=unspecified)
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"{text!r} has no month {month}; months run 01 to 12")
        if day is not None and not 1 <= day <= _days_in_month(year, month):
            raise DateError(f"{text!r} has no day {day}")
        return cls(year, month, day, unspecified=unspecified)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Unknown parts sort first, so ``2020`` comes before ``2020-07``."""
        if self.season:
            return (self.year, SEASONS[self.season][1], 0)
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        """The date as written in ISO 8601, for ``<time datetime=...>``."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def shown_year(self) -> str:
        """``2019``, or ``1990s`` for ``199X``."""
        return f"{self.year}s" if self.unspecified else str(self.year)

    def month_year(self) -> str:
        """``Jun 2019``, ``Spring 2020``, or ``2019`` when the month is unknown."""
        if self.season:
            return f"{SEASONS[self.season][0]} {self.year}"
        if self.month is None:
            return self.shown_year()
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


@dataclass(frozen=True)
class EdtfDate:
    """A bib ``date``: one date, or a range whose end may be open."""

    start: PartialDate
    end: PartialDate | None = None
    open_end: bool = False
    qualifier: str = ""

    @classmethod
    def parse(cls, text: str) -> EdtfDate:
        value = text.strip()
        if value.count("/") > 1:
            raise DateError(_not_a_date(text))
        first, slash, last = value.partition("/")
        if first in _OPEN:
            raise DateError(f"{text!r} has no start date; a CV dates things by their start")
        start, qualifier = _edtf_part(first, text)
        if not slash:
            return cls(start, qualifier=qualifier)
        if last in _OPEN:
            return cls(start, open_end=True, qualifier=qualifier)
        end, end_qualifier = _edtf_part(last, text)
        if end.sort_key < start.sort_key:
            raise DateError(f"the range {text!r} ends before it starts")
        return cls(start, end, qualifier=qualifier or end_qualifier)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.start.sort_key

    def display(self) -> str:
        """``Apr 2021``, ``Apr 9, 2021``, ``Jul 28–30, 2020``, ``c. 2019``, ``2020 – ``."""
        first, last = self.start, self.end
        if self.open_end:
            shown = f"{_day_date(first)} {EN_DASH}"
        elif last is None or last == first:
            shown = _day_date(first)
        elif None in (first.day, last.day):
            shown = Period(first, last).display()
        elif (first.year, first.month) == (last.year, last.month):
            shown = f"{_month_day(first)}{EN_DASH}{last.day}, {first.year}"
        elif first.year == last.year:
            shown = f"{_month_day(first)} {EN_DASH} {_month_day(last)}, {first.year}"
        else:
            shown = f"{_month_day(first)}, {first.year} {EN_DASH} {_month_day(last)}, {last.year}"
        if self.qualifier in {"~", "%"}:
            shown = f"c.\u00a0{shown}"
        if self.qualifier in {"?", "%"}:
            shown += "?"
        return shown


def _edtf_part(part: str, text: str) -> tuple[PartialDate, str]:
    match = _EDTF_DATE.fullmatch(part)
    if not match:
        raise DateError(_not_a_date(text))
    year_text, month_text, day_text = match["year"], match["month"], match["day"]
    unspecified = year_text.count("X")
    year = int(year_text.replace("X", "0"))
    month = None if month_text in (None, "XX") else int(month_text)
    day = None if day_text in (None, "XX") or month is None else int(day_text)
    if month in SEASONS and day_text is not None:
        raise DateError(f"{text!r} gives a day in a season")
    return PartialDate._checked(text, year, month, day, unspecified), match["qualifier"] or ""


def _not_a_date(text: str) -> str:
    message = (
        f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, or a range "
        "START/END, as biblatex reads dates"
    )
    match = _WORDY.fullmatch(text.strip())
    if match:
        month = month_number(match["month"] or match["month2"] or "")
        year = match["year"] or match["year2"]
        day = match["d1"] or match["d2"]
        if month:
            suggestion = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            message += f" (here: {suggestion})"
    return message


def _month_day(date: PartialDate) -> str:
    return f"{MONTH_ABBREVIATIONS[date.month - 1]} {date.day}"


def _day_date(date: PartialDate) -> str:
    if date.day is None:
        return date.month_year()
    return f"{_month_day(date)}, {date.year}"


def event_date(text: str) -> tuple[str, tuple[int, int, int]]:
    """Display form and sort key of a talk's ``date`` field.

    ``2021-04`` gives ``Apr 2021``; ``2020-07-28/2020-07-30`` gives
    ``Jul 28–30, 2020``; a range across months gives ``Oct 30 – Nov 2, 2020``.
    """
    date = EdtfDate.parse(text)
    return date.display(), date.sort_key
