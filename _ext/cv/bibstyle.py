"""The pybtex style that formats every publication and talk of the CV.

sphinxcontrib-bibtex renders pybtex rich text to docutils nodes, so this one
style is the only formatter: the HTML and LaTeX writers both draw the same
``strong``/``emphasis``/``reference`` nodes it produces. It is registered as
the formatting style ``cv`` by :func:`setup`; the owner's name forms to set in
bold come from the ``cv_highlight_names`` config value.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, ClassVar

import pybtex.plugin
from pybtex.database import Person
from pybtex.richtext import HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels.number import LabelStyle as NumberLabels
from pybtex.style.names.plain import NameStyle as PlainNames
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import FieldIsMissing

from .dates import DateError, PartialDate, event_date

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from pybtex.backends import BaseBackend
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.config import Config

STYLE_NAME = "cv"
_BARE_PERCENT = re.compile(r"(?<!\\)%")
TALK_KEYWORD = "talk"
INVITED_KEYWORD = "invited"


def keywords(entry: Entry) -> set[str]:
    """The entry's ``keywords`` field as a set of lower-case words."""
    return {word.strip().lower() for word in entry.fields.get("keywords", "").split(",")} - {""}


def is_talk(entry: Entry) -> bool:
    return TALK_KEYWORD in keywords(entry)


def entry_date(entry: Entry) -> tuple[int, int, int]:
    """Sort key of an entry: a talk's ``date`` or a paper's ``year``/``month``."""
    if "date" in entry.fields:
        return event_date(entry.fields["date"])[1]
    year = entry.fields.get("year", "")
    try:
        date = PartialDate.parse(year)
    except DateError:
        raise FieldIsMissing(f"a four-digit year (got {year!r})", entry) from None
    return (date.year, _month_number(entry.fields.get("month", "")), 0)


@cache
def _text_backend() -> BaseBackend:
    # ``Text.render_as`` looks its backend up among the installed packages' entry
    # points on every call (milliseconds each); look it up once.
    return pybtex.plugin.find_plugin("pybtex.backends", "text")()


@lru_cache(maxsize=4096)
def rich(value: str) -> Text:
    """A bib field or name part as rich text; the same strings recur across entries
    and bibliographies, and decoding LaTeX is the costly part of formatting.
    (pybtex's rich text is immutable, so sharing the result is safe.)"""
    return Text.from_latex(literal_percent(value))


@lru_cache(maxsize=4096)
def latex_to_plain(value: str) -> str:
    """A bib field as a reader sees it: ``{\\L}ukasz`` is ``Łukasz``, braces gone."""
    return rich(value).render(_text_backend())


def literal_percent(value: str) -> str:
    """Escape a bare ``%``: in a bib field it means per cent, and read as LaTeX
    it would start a comment and silently drop the rest of the field."""
    return _BARE_PERCENT.sub(r"\\%", value)


def _month_number(month: str) -> int:
    names = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    text = month.strip().lower()
    if text.isdigit() and 1 <= int(text) <= 12:
        return int(text)
    return names.index(text[:3]) + 1 if text[:3] in names else 0


class NewestFirst(BaseSortingStyle):
    """Newest first; entries of equal date keep their order in the bib file."""

    def sorting_key(self, entry: Entry) -> tuple[int, int, int]:
        year, month, day = entry_date(entry)
        return (-year, -month, -day)

    def sort(self, entries: Iterable[Entry]) -> list[Entry]:
        return sorted(entries, key=self.sorting_key)


def name_parts(person: Person) -> list[str]:
    """A person's name parts in reading order, as the CV shows the name."""
    return (
        person.first_names
        + person.middle_names
        + person.prelast_names
        + person.last_names
        + person.lineage_names
    )


def _name_key(person: Person) -> tuple[str, str]:
    """Compare names as read (``{\\L}ukasz`` is ``Łukasz``), ignoring spacing and case."""

    def read(parts: list[str]) -> str:
        return " ".join(latex_to_plain(" ".join(parts)).split()).casefold()

    return (
        read(person.first_names + person.middle_names),
        read(person.prelast_names + person.last_names),
    )


class CvStyle(BaseStyle):
    """Authors, “title,” *venue*, details, year, links; the owner's name in bold.

    Talks read “title,” speakers, *event*, place, date, and are marked when
    their keywords say ``invited``.
    """

    # Classes, not plugin names: a name is looked up among the installed
    # packages' entry points each time a style is made.
    default_sorting_style = NewestFirst
    default_name_style = PlainNames
    default_label_style = NumberLabels
    highlight_names: ClassVar[Sequence[str]] = ()

    def __init__(self, highlight_names: Sequence[str] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        names = self.highlight_names if highlight_names is None else highlight_names
        self._highlighted = {_name_key(Person(name)) for name in names}

    def format_entry(self, label: str, entry: Entry, bib_data: object = None) -> FormattedEntry:
        text = self.format_talk(entry) if is_talk(entry) else self.format_publication(entry)
        return FormattedEntry(entry.key, text, label)

    # -- pieces ---------------------------------------------------------------

    def format_person(self, person: Person) -> Text:
        name = Text(" ").join([rich(part) for part in name_parts(person)])
        if _name_key(person) in self._highlighted:
            return Text(Tag("b", name))
        return name

    def format_authors(self, entry: Entry) -> Text:
        authors = entry.persons.get("author")
        if not authors:
            raise FieldIsMissing("author", entry)
        return Text(", ").join([self.format_person(person) for person in authors])

    def field(self, entry: Entry, name: str) -> Text:
        if name not in entry.fields:
            raise FieldIsMissing(name, entry)
        return rich(entry.fields[name])

    def quoted_title(self, entry: Entry) -> Text:
        """The title in quotes, with the comma that follows it inside them."""
        return Text("\u201c", self.field(entry, "title"), ",\u201d")

    def venue(self, entry: Entry) -> Text:
        for name in ("journal", "booktitle"):
            if name in entry.fields:
                return Text(Tag("em", self.field(entry, name)))
        if "eprint" in entry.fields:
            return Text(self.eprint_label(entry))
        raise FieldIsMissing("journal, booktitle or eprint", entry)

    def eprint_label(self, entry: Entry) -> str:
        prefix = entry.fields.get("archiveprefix", "arXiv")
        version = entry.fields.get("eprintversion", "")
        return f"{prefix}:{entry.fields['eprint']}" + (f"v{version}" if version else "")

    def details(self, entry: Entry) -> list[Text]:
        """Volume, issue and pages, as far as the entry gives them."""
        fields = entry.fields
        parts = []
        if "volume" in fields:
            parts.append(Text("vol.\u00a0", self.field(entry, "volume")))
        if "number" in fields:
            parts.append(Text("no.\u00a0", self.field(entry, "number")))
        if "pages" in fields:
            pages = self.field(entry, "pages")
            single = "-" not in fields["pages"] and "\u2013" not in fields["pages"]
            parts.append(Text("p.\u00a0" if single else "pp.\u00a0", pages))
        return parts

    def links(self, entry: Entry) -> list[Text]:
        """Short, clickable labels for the entry's identifiers."""
        fields = entry.fields
        found = []
        if "doi" in fields:
            found.append(Text(HRef(f"https://doi.org/{fields['doi']}", "DOI")))
        if "eprint" in fields and fields.get("archiveprefix", "arXiv").lower() == "arxiv":
            found.append(Text(HRef(f"https://arxiv.org/abs/{fields['eprint']}", "arXiv")))
        if "url" in fields:
            found.append(Text(HRef(fields["url"], "URL")))
        return found

    # -- kinds ----------------------------------------------------------------

    def format_publication(self, entry: Entry) -> Text:
        year = self.field(entry, "year")
        entry_date(entry)  # a year that is not a year fails here, naming the entry
        venue_parts = [self.venue(entry), *self.details(entry), year]
        text = Text(
            self.format_authors(entry),
            ", ",
            self.quoted_title(entry),
            " ",
            Text(", ").join(venue_parts),
            ".",
        )
        links = self.links(entry)
        if links:
            text = Text(text, " ", Text(" \u00b7 ").join(links))
        return text

    def format_talk(self, entry: Entry) -> Text:
        if "date" not in entry.fields:
            raise FieldIsMissing("date", entry)
        shown_date, _ = event_date(entry.fields["date"])
        where = [Text(Tag("em", self.field(entry, "eventtitle")))]
        if "venue" in entry.fields:
            where.append(self.field(entry, "venue"))
        where.append(Text(shown_date))
        text = Text(
            self.quoted_title(entry),
            " ",
            self.format_authors(entry),
            ", ",
            Text(", ").join(where),
            ".",
        )
        if INVITED_KEYWORD in keywords(entry):
            text = Text(text, " ", Tag("b", "Invited talk."))
        return text


def register_style(app: Sphinx, config: Config) -> None:
    """Bind the configured name forms to the style sphinxcontrib-bibtex will load."""
    bound = type(
        "ConfiguredCvStyle", (CvStyle,), {"highlight_names": tuple(config.cv_highlight_names)}
    )
    pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, bound, force=True)


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_highlight_names", [], "env", list)
    pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, CvStyle, force=True)
    app.connect("config-inited", register_style)
