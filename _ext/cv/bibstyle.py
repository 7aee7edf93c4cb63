"""The pybtex style that formats every publication and talk of the CV.

sphinxcontrib-bibtex renders pybtex rich text to docutils nodes, so this one
style is the only formatter: the HTML and LaTeX writers both draw the same
``strong``/``emphasis``/``reference`` nodes it produces. It is registered as
the formatting style ``cv`` by :func:`setup`; the owner's name forms to set in
bold come from the ``cv_highlight_names`` config value.
"""

from __future__ import annotations

import re
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

from .bibentries import is_arxiv, is_others, keywords, name_parts
from .bibmarkup import decode, map_strings, plain
from .dates import EdtfDate, month_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.config import Config

STYLE_NAME = "cv"
TALK_KEYWORD = "talk"
INVITED_KEYWORD = "invited"
#: The fields the style shows as text: the bib check decodes each one first.
TEXT_FIELDS = (
    "title", "journal", "booktitle", "eventtitle", "venue", "volume", "number", "pages",
    "archiveprefix", "eprintversion", "school", "institution", "publisher", "howpublished",
    "organization",
)  # fmt: skip
#: Where a publication appeared, in the order the style looks for it; the
#: first is shown in italics.
VENUE_FIELDS = (
    "journal", "booktitle", "school", "institution", "publisher", "howpublished", "organization",
)  # fmt: skip
ET_AL = "et\u00a0al."


def keyword_set(entry: Entry) -> set[str]:
    """The entry's keywords as a set of lower-case words."""
    return {word.lower() for word in keywords(entry)}


def is_talk(entry: Entry) -> bool:
    return TALK_KEYWORD in keyword_set(entry)


def entry_date(entry: Entry) -> tuple[int, int, int]:
    """Sort key of an entry: its ``date``, or its ``year`` and ``month``."""
    if "date" in entry.fields:
        return EdtfDate.parse(entry.fields["date"]).sort_key
    year = entry.fields.get("year", "")
    if not (len(year) == 4 and year.isdigit()):
        raise FieldIsMissing(f"a four-digit year (got {year!r})", entry)
    return (int(year), month_number(entry.fields.get("month", "")) or 0, 0)


def entry_year(entry: Entry) -> str:
    """The year shown for a publication: from its ``date`` when it has one."""
    if "date" in entry.fields:
        return EdtfDate.parse(entry.fields["date"]).start.shown_year()
    if "year" not in entry.fields:
        raise FieldIsMissing("year", entry)
    return entry.fields["year"]


class NewestFirst(BaseSortingStyle):
    """Newest first; entries of equal date keep their order in the bib file."""

    def sorting_key(self, entry: Entry) -> tuple[int, int, int]:
        year, month, day = entry_date(entry)
        return (-year, -month, -day)

    def sort(self, entries: Iterable[Entry]) -> list[Entry]:
        return sorted(entries, key=self.sorting_key)


def _name_key(person: Person) -> tuple[str, str]:
    """Compare names as read (``{\\L}ukasz`` is ``Łukasz``), ignoring case, spacing
    and the full stops of initials (``J. S.`` is ``JS``)."""

    def read(parts: list[str]) -> str:
        words = plain(" ".join(parts)).replace(".", " ").casefold().split()
        merged: list[str] = []
        for word, previous in zip(words, [None, *words], strict=False):
            if len(word) == 1 and previous is not None and len(previous) == 1:
                merged[-1] += word  # a run of initials, "J. S.", reads as "JS"
            else:
                merged.append(word)
        return " ".join(merged)

    return (
        read(person.first_names + person.middle_names),
        read(person.prelast_names + person.last_names),
    )


def highlighted_keys(names: Iterable[str]) -> set[tuple[str, str]]:
    """The comparison keys of the owner's name forms (``cv_highlight_names``)."""
    return {_name_key(Person(name)) for name in names}


def names_owner(entry: Entry, owner: set[tuple[str, str]]) -> bool:
    """Whether one of the entry's authors is the owner, in one of their name forms."""
    return any(_name_key(person) in owner for person in entry.persons.get("author", []))


class CvStyle(BaseStyle):
    """Authors, “title,” *venue*, details, year, links; the owner's name in bold.

    Talks read “title,” speakers, *event*, place, date, and are marked when
    their keywords say ``invited``. ``and others`` reads "et al.".
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
        self._highlighted = highlighted_keys(names)

    def format_entry(self, label: str, entry: Entry, bib_data: object = None) -> FormattedEntry:
        text = self.format_talk(entry) if is_talk(entry) else self.format_publication(entry)
        return FormattedEntry(entry.key, text, label)

    # -- pieces ---------------------------------------------------------------

    def format_person(self, person: Person) -> Text:
        name = Text(" ").join([decode(part) for part in name_parts(person)])
        if _name_key(person) in self._highlighted:
            return Text(Tag("b", name))
        return name

    def format_authors(self, entry: Entry) -> Text:
        authors = entry.persons.get("author")
        if not authors:
            raise FieldIsMissing("author", entry)
        named = [self.format_person(person) for person in authors if not is_others(person)]
        if len(named) < len(authors):
            return Text(Text(", ").join(named), " ", ET_AL)
        return Text(", ").join(named)

    def field(self, entry: Entry, name: str) -> Text:
        if name not in entry.fields:
            raise FieldIsMissing(name, entry)
        return decode(entry.fields[name])

    def quoted_title(self, entry: Entry) -> Text:
        """The title in quotes, with the comma that follows it inside them (a title
        that ends in ? or ! keeps its own mark, and a sentence's full stop gives way).
        Quotes inside the title become single quotes, as quotes within quotes."""
        title = map_strings(self.field(entry, "title"), _inner_quotes)
        shown = plain(entry.fields["title"])
        if shown[-1:] in {"?", "!"}:
            return Text("\u201c", title, "\u201d")
        if _ends_a_sentence(shown):
            title = title[:-1]
        return Text("\u201c", title, ",\u201d")

    def venue(self, entry: Entry) -> list[Text]:
        """Where it appeared: a journal or proceedings in italics, else a school,
        publisher..., else an e-print's identifier; nothing for a bare ``@misc``."""
        for name in VENUE_FIELDS:
            if name in entry.fields:
                return [Text(Tag("em", self.field(entry, name)))]
        if "eprint" in entry.fields and (label := self.eprint_label(entry)):
            return [Text(label)]
        return []

    def eprint_label(self, entry: Entry) -> str:
        """``arXiv:2206.07741v1``, ``hdl:1234/5``; nothing for an e-print's web address."""
        eprint = entry.fields["eprint"]
        if eprint.startswith(("http://", "https://")):
            return ""
        prefix = plain(entry.fields.get("archiveprefix", ""))
        version = plain(entry.fields.get("eprintversion", ""))
        if version and not eprint.endswith(f"v{version}"):
            eprint += f"v{version}"
        return f"{prefix}:{eprint}" if prefix else eprint

    def details(self, entry: Entry) -> list[Text]:
        """Volume, issue and pages, as far as the entry gives them."""
        fields = entry.fields
        parts = []
        if "volume" in fields:
            parts.append(Text("vol.\u00a0", self.field(entry, "volume")))
        if "number" in fields:
            parts.append(Text("no.\u00a0", self.field(entry, "number")))
        if "pages" in fields:
            if page_range := _PAGE_RANGE.fullmatch(plain(fields["pages"])):
                first, _dash, last = page_range.groups()
                parts.append(Text("pp.\u00a0", first, "\u2013", last))
            else:
                parts.append(Text("p.\u00a0", self.field(entry, "pages")))
        return parts

    def links(self, entry: Entry) -> list[Text]:
        """Short, clickable labels for the entry's identifiers."""
        fields = entry.fields
        found = []
        if "doi" in fields:
            found.append(Text(HRef(f"https://doi.org/{fields['doi']}", "DOI")))
        if is_arxiv(entry):
            found.append(Text(HRef(f"https://arxiv.org/abs/{fields['eprint']}", "arXiv")))
        if "url" in fields and not _same_link(fields["url"], entry):
            found.append(Text(HRef(fields["url"], "URL")))
        eprint = fields.get("eprint", "")
        if eprint.startswith(("http://", "https://")) and eprint != fields.get("url"):
            found.append(
                Text(HRef(eprint, "PDF" if eprint.lower().endswith(".pdf") else "e-print"))
            )
        return found

    # -- kinds ----------------------------------------------------------------

    def format_publication(self, entry: Entry) -> Text:
        entry_date(entry)  # a year that is not a year fails here, naming the entry
        venue_parts = [*self.venue(entry), *self.details(entry), Text(entry_year(entry))]
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
        shown_date = EdtfDate.parse(entry.fields["date"]).display()
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
        if INVITED_KEYWORD in keyword_set(entry):
            text = Text(text, " ", Tag("b", "Invited talk."))
        return text


_INNER_QUOTES = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019"})
#: Words whose full stop is an abbreviation's, not a sentence's.
_ABBREVIATIONS = frozenset({"etc", "al", "vs", "inc", "ltd", "corp", "co", "jr", "sr", "no", "vol"})


def _inner_quotes(text: str) -> str:
    return text.translate(_INNER_QUOTES)


def _ends_a_sentence(title: str) -> bool:
    """A final "." that ends a sentence ("… subjects."), not an abbreviation ("p.m.")."""
    if not title.endswith(".") or title.endswith(".."):
        return False
    last = title[:-1].rsplit(maxsplit=1)[-1] if title[:-1].split() else ""
    return "." not in last and len(last) > 1 and last.lower().strip("()") not in _ABBREVIATIONS


_PAGE_RANGE = re.compile(r"\s*(\S+?)\s*([-\u2010-\u2015]+)\s*(\S+)\s*")


def _same_link(url: str, entry: Entry) -> bool:
    """A ``url`` that only repeats the DOI or arXiv link (DBLP, Crossref, arXiv
    exports add one) is not shown a second time."""
    address = url.lower().rstrip("/")
    doi = entry.fields.get("doi", "").lower()
    if doi and address.endswith("/" + doi):
        return True
    eprint = entry.fields.get("eprint", "").lower()
    return bool(eprint) and address.rsplit("/", 1)[-1].removesuffix(".pdf") == eprint


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
