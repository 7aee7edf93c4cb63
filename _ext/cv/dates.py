"""Dates as a CV writes them, parsed once so both outputs print them alike.

- :class:`PartialDate`: ``2019``, ``2019-06``, ``2019-06-01``, or an academic
  term such as ``Fall 2021`` (a CV entry's ``:start:`` and ``:end:``);
- :class:`Period`: a CV entry's span, ``Jun 2019 – Present``;
- :class:`YearList` and :class:`DateList`: separate years (``2019, 2021–2023``)
  or terms (``Fall 2021, Fall 2022``), never shown as one span;
- :class:`EdtfDate`: a bib ``date`` as biblatex reads it (ISO 8601 / EDTF
  level 1): a date or a range ``START/END``, open ranges (``2020/..``),
  seasons (``2020-21`` is spring), unspecified digits (``199X``), and the
  qualifiers ``?`` (uncertain), ``~`` (approximate) and ``%`` (both);
- :func:`month_number`: a bib ``month``, by name, number or BibTeX macro.

Every ``display`` takes one of :data:`DATE_STYLES`, so that the whole CV
writes its dates one way (the ``cv_date_style`` config value); seasons and
terms keep their words, and ``Present`` stays a word, in every style but
``year``. The words and the order of day, month and year are those of the
CV's ``language`` (:mod:`.language`: ``Juni 2019 – heute`` in German); an
academic term is the owner's word and shows as written.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .language import N_, _, month_name

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: EDTF seasons (21-24), with the month they sort as.
SEASONS = {
    21: (N_("Spring"), 3), 22: (N_("Summer"), 6), 23: (N_("Autumn"), 9), 24: (N_("Winter"), 12),
}  # fmt: skip
#: Academic terms, with the month each starts in: a term is named by the calendar
#: year it starts in, so Winter 2023 is January 2023 and comes before Spring 2023.
TERMS = {"Winter": 1, "Spring": 3, "Summer": 6, "Fall": 9, "Autumn": 9}
#: How dates are written, for the whole CV: ``Jun 2019`` and ``14 Jun 2019``,
#: ``June 2019``, ``06/2019``, ``2019-06``, or the year alone.
DATE_STYLES = ("short", "long", "numeric", "iso", "year")
DEFAULT_STYLE = "short"
EN_DASH = "\u2013"
PRESENT = "present"
#: How an ongoing period ends, as shown.
PRESENT_TEXT = N_("Present")

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_TERM = re.compile(r"(?P<word>[A-Za-z]+)\.?\s+(?P<year>\d{4})")
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
_YEARS_ITEM = re.compile(r"(\d{4})(?:\s*[-\u2013]\s*(\d{4}))?")
#: A run of at least this many consecutive years is shown as one span.
YEAR_RUN = 3
_HOW_TO_WRITE = "write YYYY, YYYY-MM or YYYY-MM-DD, or a term such as Fall 2021"
_HOW_TO_LIST = (
    "list years as YYYY and runs of years as YYYY-YYYY, separated by commas: 2019, 2021-2023"
)
#: A run of years that goes on (``2014-present``, ``2014-``): a period, not a list.
_OPEN_RUN = re.compile(r"(\d{4})\s*[-\u2013]\s*(?:present|now|ongoing|today)?", re.IGNORECASE)
#: What people separate list items by instead of a comma.
_OTHER_SEPARATOR = re.compile(r"\s*(?:;|&|\band\b)\s*", re.IGNORECASE)


class DateError(ValueError):
    """A date that cannot be read; the message says how to write it."""


def check_style(style: str) -> str:
    """``style`` if it is one of :data:`DATE_STYLES`; otherwise a ValueError naming them."""
    if style not in DATE_STYLES:
        known = ", ".join(repr(name) for name in DATE_STYLES)
        raise ValueError(f"{style!r} is not a date style; choose one of {known}")
    return style


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

    ``season`` (21-24) stands in for the month of a season's date; ``term``
    is an academic term's word (``Fall``) as the CV shows it; ``unspecified``
    counts the year's trailing digits left open (``199X``).
    """

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None
    unspecified: int = 0
    term: str = ""

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """``2019``, ``2019-06``, ``2019-06-14``, or a term: ``Fall 2021`` (any case)."""
        value = text.strip()
        if match := _ISO_DATE.fullmatch(value):
            year, month, day = (int(part) if part else None for part in match.groups())
            return cls._checked(text, year, month, day)
        if (match := _TERM.fullmatch(value)) and (word := _term_word(match["word"])):
            return cls(int(match["year"]), term=word)
        raise DateError(_not_a_partial_date(text))

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
        if self.term:
            return (self.year, TERMS[self.term], 0)
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
        # Translators: a decade, "1990s" (a year with its last digit unknown, 199X).
        return _("{year}s").format(year=self.year) if self.unspecified else str(self.year)

    def display(self, style: str = DEFAULT_STYLE, *, day: bool = True) -> str:
        """The date in ``style`` (see :data:`DATE_STYLES`), to its day unless ``day``
        is false: ``Jun 2019``, ``14 Jun 2019``, ``Fall 2021``, or ``2019`` when the
        month is unknown."""
        check_style(style)
        if style == "year" or self.unspecified or not (self.term or self.season or self.month):
            return self.shown_year()
        if self.term:  # the owner's word, as written
            return f"{self.term} {self.year}"
        if self.season:
            # Translators: an EDTF season's date, "Spring 2020".
            return _("{season} {year}").format(season=_(SEASONS[self.season][0]), year=self.year)
        return _calendar_date(self.year, self.month, self.day if day else None, style)


def _calendar_date(year: int, month: int, day: int | None, style: str) -> str:
    """A month (or a day) of a year in ``style``, in the CV's language."""
    if style == "iso":
        return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    if style == "numeric":
        if day:
            # Translators: the numeric date style, "14/06/2019"; keep the fields.
            return _("{day}/{month}/{year}").format(
                day=f"{day:02d}", month=f"{month:02d}", year=f"{year:04d}"
            )
        # Translators: the numeric date style's month, "06/2019".
        return _("{month}/{year}").format(month=f"{month:02d}", year=f"{year:04d}")
    word = _month_word(month, style)
    if day:
        # Translators: a date in words, "14 Jun 2019" or "14 June 2019".
        return _("{day} {month} {year}").format(day=day, month=word, year=year)
    # Translators: a month in words, "Jun 2019" or "June 2019".
    return _("{month} {year}").format(month=word, year=year)


def _month_word(month: int, style: str) -> str:
    """The month's name in the CV's language: abbreviated but in the ``long`` style."""
    return month_name(month, abbreviated=style != "long")


def _term_word(word: str) -> str | None:
    """The term a word names, as the CV shows it (``fall`` is ``Fall``), or None."""
    return next((term for term in TERMS if term.lower() == word.lower()), None)


def _days_in_month(year: int, month: int | None) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _not_a_partial_date(text: str) -> str:
    """Why ``text`` is no date, with the form it may have meant."""
    message = f"{text!r} is not a date; {_HOW_TO_WRITE}"
    value = text.strip()
    if (match := _WORDY.fullmatch(value)) and (suggestion := _iso_form(match)):
        return f"{message} (here: {suggestion})"
    if match := _TERM.fullmatch(value):
        close = difflib.get_close_matches(match["word"].capitalize(), TERMS, n=1, cutoff=0.6)
        if close:
            return f"{message} (here: {close[0]} {match['year']})"
    return message


def _iso_form(match: re.Match[str]) -> str | None:
    """``2023-05-04`` for ``May 4, 2023``; None when the word is no month."""
    month = month_number(match["month"] or match["month2"] or "")
    if not month:
        return None
    year = match["year"] or match["year2"]
    day = match["d1"] or match["d2"]
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


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

    def display(self, style: str = DEFAULT_STYLE) -> str:
        """``Jun 2019 – Present``, ``Aug 2020 – Sep 2020`` or ``Jul 2020``; a
        period shows months, not days."""
        first = self.start.display(style, day=False)
        if self.ongoing:
            return f"{first} {EN_DASH} {_(PRESENT_TEXT)}"
        last = self.end.display(style, day=False) if self.end else first
        return first if last == first else f"{first} {EN_DASH} {last}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.start.sort_key


@dataclass(frozen=True)
class YearList:
    """Separate years (a reviewer for a journal in 2019 and 2021 to 2023): shown
    as a list, ``2019, 2021–2023``, a span only for a run of three years or more."""

    years: tuple[int, ...]

    @classmethod
    def parse(cls, text: str) -> YearList:
        years: set[int] = set()
        for item in (part.strip() for part in text.split(",")):
            match = _YEARS_ITEM.fullmatch(item)
            if not match:
                where = "" if item == text.strip() else f"in {text!r}, "
                what = f"{item!r} is not a year" if item else "an item is empty"
                how = _list_hint(text, item, "years") or _HOW_TO_LIST
                raise DateError(f"{where}{what}; {how}")
            first = int(match[1])
            last = int(match[2]) if match[2] else first
            if last < first:
                raise DateError(f"the run {item!r} ends before it starts; write {last}-{first}")
            for year in range(first, last + 1):
                if year in years:
                    raise DateError(f"{text!r} lists {year} twice")
                years.add(year)
        return cls(tuple(sorted(years)))

    def runs(self) -> list[tuple[int, int]]:
        """The years as runs of consecutive years, (first, last)."""
        runs: list[tuple[int, int]] = []
        for year in self.years:
            if runs and runs[-1][1] == year - 1:
                runs[-1] = (runs[-1][0], year)
            else:
                runs.append((year, year))
        return runs

    def display(self, style: str = DEFAULT_STYLE) -> str:
        """``2023, 2024``, ``2019, 2021–2023``: the same in every style."""
        check_style(style)
        shown: list[str] = []
        for first, last in self.runs():
            if last - first + 1 >= YEAR_RUN:
                shown.append(f"{first}{EN_DASH}{last}")
            else:
                shown.extend(str(year) for year in range(first, last + 1))
        return ", ".join(shown)

    @property
    def start(self) -> PartialDate:
        return PartialDate(self.years[0])

    @property
    def end(self) -> PartialDate:
        return PartialDate(self.years[-1])


def _list_hint(text: str, item: str, items: str) -> str:
    """How to write a list's wrong ``item``, when it looks like more than one
    (a run that goes on is a period, ``:start:`` and ``:end: present``; items
    are separated by commas, not semicolons); empty if it does not."""
    if match := _OPEN_RUN.fullmatch(item):
        return (
            f"for years that go on, write :start: {match[1]} and :end: present instead of :years:"
        )
    if _OTHER_SEPARATOR.search(item):
        return f"separate the {items} with commas: {_OTHER_SEPARATOR.sub(', ', text.strip())}"
    if len(re.findall(r"\d{4}", item)) > 1:
        return f"separate the {items} with commas"
    return ""


@dataclass(frozen=True)
class DateList:
    """Separate dates or terms, in order (``Fall 2021, Fall 2022``): a list, not a span."""

    dates: tuple[PartialDate, ...]

    @classmethod
    def parse(cls, text: str) -> DateList:
        dates: list[PartialDate] = []
        for item in (part.strip() for part in text.split(",")):
            if not item:
                raise DateError(f"in {text!r}, an item is empty; separate the dates by commas")
            try:
                date = PartialDate.parse(item)
            except DateError as error:
                hint = _list_hint(text, item, "terms")
                raise DateError(f"{error}; {hint}" if hint else str(error)) from None
            if dates and date.sort_key <= dates[-1].sort_key:
                raise DateError(f"in {text!r}, {item!r} does not come after the date before it")
            dates.append(date)
        return cls(tuple(dates))

    def display(self, style: str = DEFAULT_STYLE) -> str:
        """``Fall 2021, Fall 2022``; in the ``year`` style each year once."""
        shown = [date.display(style, day=False) for date in self.dates]
        return ", ".join(dict.fromkeys(shown))

    @property
    def start(self) -> PartialDate:
        return self.dates[0]

    @property
    def end(self) -> PartialDate:
        return self.dates[-1]


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

    def display(self, style: str = DEFAULT_STYLE) -> str:
        """In the default style: ``Apr 2021``, ``9 Apr 2021``, ``28–30 Jul 2020``,
        ``30 Oct – 2 Nov 2020``, ``c. 2019``, ``2020 –``."""
        first, last = self.start, self.end
        if self.open_end:
            shown = f"{first.display(style)} {EN_DASH}"
        elif last is None or last == first:
            shown = first.display(style)
        elif None in (first.day, last.day) or style == "year":
            shown = Period(first, last).display(style)
        else:
            shown = _day_range(first, last, style)
        if self.qualifier in {"~", "%"}:
            # Translators: an approximate date ("c." for circa, then a no-break space).
            shown = _("c.\u00a0{date}").format(date=shown)
        if self.qualifier in {"?", "%"}:
            shown += "?"
        return shown


def _day_range(first: PartialDate, last: PartialDate, style: str) -> str:
    """Two days: in words, what the end repeats of the start is said once
    (``28–30 Jul 2020``, ``30 Oct – 2 Nov 2020``); in figures, both dates whole."""
    if style in {"numeric", "iso"} or first.year != last.year:
        return f"{first.display(style)} {EN_DASH} {last.display(style)}"
    if first.month == last.month:
        # Translators: days of one month, "28–30 Jul 2020": the first day, a dash, the last date.
        return _("{day}\u2013{date}").format(day=first.day, date=last.display(style))
    # Translators: days across months, "30 Oct – 2 Nov 2020": the first day and month,
    # then the last date.
    return _("{day} {month} \u2013 {date}").format(
        day=first.day, month=_month_word(first.month, style), date=last.display(style)
    )


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
    if match and (suggestion := _iso_form(match)):
        message += f" (here: {suggestion})"
    return message


def event_date(text: str, style: str = DEFAULT_STYLE) -> tuple[str, tuple[int, int, int]]:
    """Display form and sort key of a talk's ``date`` field.

    In the default style, ``2021-04`` gives ``Apr 2021``; ``2020-07-28/2020-07-30``
    gives ``28–30 Jul 2020``; a range across months gives ``30 Oct – 2 Nov 2020``.
    """
    date = EdtfDate.parse(text)
    return date.display(style), date.sort_key
