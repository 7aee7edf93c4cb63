"""The pybtex style that formats every publication and talk of the CV.

sphinxcontrib-bibtex renders pybtex rich text to docutils nodes, so this one
style is the only formatter: the HTML and LaTeX writers both draw the same
``strong``/``emphasis``/``reference`` nodes it produces. It is registered as
the formatting style ``cv`` by :func:`setup`; the owner's name forms to set in
bold come from the ``cv_highlight_names`` config value.

sphinxcontrib-bibtex formats every entry of every list on every build, even
one where nothing changed. Each entry's text is therefore kept in the build
environment (:class:`FormattedTexts`), under everything the text is made from
(the entry's fields and names, the style's settings, the language, the engine's
own files), and made again only when one of those changes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, cast

import pybtex.plugin
from pybtex.richtext import HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels.number import LabelStyle as NumberLabels
from pybtex.style.names.plain import NameStyle as PlainNames
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import FieldIsMissing

from . import bibauthors
from .bibauthors import highlighted_keys
from .bibentries import LINK_FIELDS, PUBSTATE_KEYS, keywords
from .bibmarkup import decode, map_strings, plain
from .dates import DATE_STYLES, EdtfDate, month_number
from .freshness import engine_fingerprint
from .language import N_, _, ordinal

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from pybtex.database import Entry, Person
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

STYLE_NAME = "cv"
TALK_KEYWORD = "talk"
INVITED_KEYWORD = "invited"
KEYNOTE_KEYWORD = "keynote"
SELECTED_KEYWORD = "selected"
#: The fields the style shows as text: the bib check decodes each one first.
TEXT_FIELDS = (
    "title", "subtitle", "titleaddon", "maintitle", "mainsubtitle", "journal",
    "journalsubtitle", "issuetitle", "booktitle", "booksubtitle", "booktitleaddon",
    "eventtitle", "venue", "series", "volume", "volumes", "number", "eid", "pages", "chapter",
    "edition", "version", "type", "archiveprefix", "eprintclass", "eprintversion",
    "institution", "publisher", "organization", "howpublished", "location", "isbn",
    "pubstate", "note", "addendum", "collaboration",
)  # fmt: skip
#: Where a publication appeared, in the order the style looks for it when its
#: type names none of its own (``@misc``, ``@online``...).
VENUE_FIELDS = ("journal", "booktitle", "howpublished", "organization", "institution", "publisher")
ET_AL = bibauthors.ET_AL
#: Where an undated work (submitted, in press) sorts: before everything dated.
UNDATED_SORT_KEY = (9999, 0, 0)

#: Entry types by the shape of their reference: each family has one format.
TYPE_FAMILIES = {
    "article": ("article",),
    "inproceedings": ("inproceedings", "conference"),
    "incollection": (
        "incollection", "inbook", "bookinbook", "inreference", "suppbook", "suppcollection",
        "suppperiodical",
    ),
    "book": (
        "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings",
        "reference", "mvreference", "manual", "booklet",
    ),
    "periodical": ("periodical",),
    "thesis": ("thesis", "phdthesis", "mastersthesis"),
    "report": ("report", "techreport"),
    "patent": ("patent",),
    "software": ("software",),
    "dataset": ("dataset",),
    "online": ("online", "electronic", "www"),
    "unpublished": ("unpublished",),
}  # fmt: skip
FAMILY_OF = {kind: family for family, kinds in TYPE_FAMILIES.items() for kind in kinds}
#: Families whose title is a whole volume, set in italics; other titles are quoted.
ITALIC_TITLES = frozenset({"book", "periodical"})
#: What a type says when its entry gives no ``type`` field.
DEFAULT_TYPE_TEXT = {
    "phdthesis": N_("PhD thesis"), "mastersthesis": N_("Master's thesis"), "thesis": N_("Thesis"),
    "techreport": N_("Technical report"), "report": N_("Report"), "patent": N_("Patent"),
}  # fmt: skip
#: biblatex's localisation keys, which bib files write as values of ``type``,
#: ``pubstate``, ``series`` and ``location``, in the words they stand for.
BIBLATEX_STRINGS = {
    "phdthesis": N_("PhD thesis"), "mathesis": N_("Master's thesis"),
    "mastersthesis": N_("Master's thesis"), "candthesis": N_("Candidate thesis"),
    "bathesis": N_("Bachelor's thesis"), "techreport": N_("Technical report"),
    "resreport": N_("Research report"), "software": N_("Computer software"),
    "datacd": N_("CD-ROM"), "audiocd": N_("Audio CD"), "patent": N_("Patent"),
    "patentde": N_("German patent"), "patenteu": N_("European patent"),
    "patentfr": N_("French patent"), "patentuk": N_("British patent"),
    "patentus": N_("U.S. patent"), "patreq": N_("Patent request"),
    "patreqde": N_("German patent request"), "patreqeu": N_("European patent request"),
    "patreqfr": N_("French patent request"), "patrequk": N_("British patent request"),
    "patrequs": N_("U.S. patent request"), "countryde": N_("Germany"),
    "countryeu": N_("European Union"), "countryep": N_("European Union"),
    "countryfr": N_("France"), "countryuk": N_("United Kingdom"), "countryus": N_("United States"),
    "inpress": N_("in press"), "submitted": N_("submitted"), "forthcoming": N_("forthcoming"),
    "inpreparation": N_("in preparation"), "prepublished": N_("pre-published"),
    "accepted": N_("accepted"), "underreview": N_("under review"), "newseries": N_("new series"),
    "oldseries": N_("old series"),
}  # fmt: skip
#: ``pubstate`` values that stand in for a year: the work has none yet.
UNDATED_STATES = PUBSTATE_KEYS - {"prepublished"}
#: e-print servers by ``eprinttype`` (or ``archiveprefix``): the name shown and the
#: address of an identifier (bioRxiv and medRxiv identifiers are DOI suffixes).
EPRINT_SERVERS = {
    "arxiv": ("arXiv", "https://arxiv.org/abs/{}"),
    "biorxiv": ("bioRxiv", "https://doi.org/10.1101/{}"),
    "medrxiv": ("medRxiv", "https://doi.org/10.1101/{}"),
    "ssrn": ("SSRN", "https://papers.ssrn.com/abstract={}"),
    "hal": ("HAL", "https://hal.science/{}"),
    "pubmed": ("PubMed", "https://pubmed.ncbi.nlm.nih.gov/{}/"),
    "pmcid": ("PMC", "https://www.ncbi.nlm.nih.gov/pmc/articles/{}/"),
    "hdl": ("hdl", "https://hdl.handle.net/{}"),
    "jstor": ("JSTOR", "https://www.jstor.org/stable/{}"),
    "googlebooks": ("Google Books", "https://books.google.com/books?id={}"),
    "osf": ("OSF", "https://osf.io/{}"),
    "psyarxiv": ("PsyArXiv", "https://osf.io/{}"),
    "socarxiv": ("SocArXiv", "https://osf.io/{}"),
    "chemrxiv": ("ChemRxiv", "https://doi.org/10.26434/{}"),
    "zenodo": ("Zenodo", "https://zenodo.org/records/{}"),
    "repec": ("RePEc", "https://ideas.repec.org/{}"),
}


#: Keywords people write for the ones the style knows.
KEYWORD_SYNONYMS = {
    "invited talk": INVITED_KEYWORD, "invited presentation": INVITED_KEYWORD,
    "keynote talk": KEYNOTE_KEYWORD, "keynote speech": KEYNOTE_KEYWORD,
    "keynote address": KEYNOTE_KEYWORD,
}  # fmt: skip


def keyword_set(entry: Entry) -> set[str]:
    """The entry's keywords as a set of lower-case words (``invited talk`` is
    ``invited``)."""
    words = {" ".join(word.lower().split()) for word in keywords(entry)}
    return words | {KEYWORD_SYNONYMS[word] for word in words if word in KEYWORD_SYNONYMS}


def is_talk(entry: Entry) -> bool:
    return TALK_KEYWORD in keyword_set(entry)


def entry_date(entry: Entry) -> tuple[int, int, int]:
    """Sort key of an entry: its ``date``, or its ``year`` and ``month``."""
    if "date" in entry.fields:
        return EdtfDate.parse(entry.fields["date"]).sort_key
    if "year" not in entry.fields and is_undated(entry):
        return UNDATED_SORT_KEY
    year = entry.fields.get("year", "")
    if not (len(year) == 4 and year.isdigit()):
        raise FieldIsMissing(f"a four-digit year (got {year!r})", entry)
    return (int(year), month_number(entry.fields.get("month", "")) or 0, 0)


def is_undated(entry: Entry) -> bool:
    """A work with no date yet, and a state that says why (submitted, in press)."""
    fields = entry.fields
    return (
        "date" not in fields
        and "year" not in fields
        and fields.get("pubstate", "").strip().lower() in UNDATED_STATES
    )


def entry_year(entry: Entry) -> str:
    """The year shown for a publication: from its ``date`` when it has one; none
    for an undated work (see :func:`is_undated`)."""
    if is_undated(entry):
        return ""
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


class CvStyle(BaseStyle):
    """One sentence per work, in the manner of IEEE references: authors, the title
    (quoted, or in italics for a whole volume), where it appeared and the details
    its type calls for, the year; then its state, note and links. The owner's name
    is in bold.

    Talks read “title,” speakers, *event*, place, date, and are marked when
    their keywords say ``invited`` or ``keynote``. ``and others`` reads "et al.".
    """

    # Classes, not plugin names: a name is looked up among the installed
    # packages' entry points each time a style is made.
    default_sorting_style = NewestFirst
    default_name_style = PlainNames
    default_label_style = NumberLabels
    highlight_names: ClassVar[Sequence[str]] = ()
    date_style: ClassVar[str] = DATE_STYLES[0]
    author_marks: ClassVar[Mapping[str, bibauthors.Mark]] = bibauthors.DEFAULT_MARKS
    max_authors: ClassVar[int] = 0
    #: The texts formatted so far, set for a build by :func:`keep_formatted_texts`.
    formatted_texts: ClassVar[FormattedTexts | None] = None

    def __init__(self, highlight_names: Sequence[str] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        names = self.highlight_names if highlight_names is None else highlight_names
        self._highlighted = highlighted_keys(names)

    def format_entry(self, label: str, entry: Entry, bib_data: object = None) -> FormattedEntry:
        texts = self.formatted_texts
        if texts is None or highlight_names_differ(self, texts):
            return FormattedEntry(entry.key, self.format_text(entry), label)
        return FormattedEntry(entry.key, texts.text(entry, self.format_text), label)

    def format_text(self, entry: Entry) -> Text:
        return self.format_talk(entry) if is_talk(entry) else self.format_publication(entry)

    # -- people -----------------------------------------------------------------

    def format_person(self, person: Person) -> Text:
        return bibauthors.format_person(person, self._highlighted)

    def format_names(self, entry: Entry, role: str) -> Text:
        """The ``role`` list with its marks, shortened past ``cv_max_authors``."""
        lists = bibauthors.NameListStyle(self._highlighted, self.author_marks, self.max_authors)
        return bibauthors.format_names(entry, role, lists)

    def format_authors(self, entry: Entry) -> Text:
        return self.format_names(entry, "author")

    def translators(self, entry: Entry) -> list[Text]:
        if not entry.persons.get("translator"):
            return []
        return [Text(_("trans."), " ", self.format_names(entry, "translator"))]

    def collaboration(self, entry: Entry) -> list[Text]:
        """`` (DUNE Collaboration)`` after the authors, as INSPIRE exports name it."""
        if "collaboration" not in entry.fields:
            return []
        name = self.field(entry, "collaboration")
        if "collaboration" not in str(name).casefold():
            name = Text(name, " Collaboration")
        return [Text(" (", name, ")")]

    def editors(self, entry: Entry) -> Text:
        """``A. Editor, Ed.`` or ``A. Editor, B. Editor, Eds.``."""
        label = _("Eds.") if len(entry.persons["editor"]) > 1 else _("Ed.")
        return Text(self.format_names(entry, "editor"), ", ", label)

    def creators(self, entry: Entry) -> Text:
        """Who made the work: its authors, or for an edited volume its editors."""
        if entry.persons.get("author"):
            return self.format_authors(entry)
        if entry.persons.get("editor"):
            return self.editors(entry)
        raise FieldIsMissing("author", entry)

    # -- pieces -----------------------------------------------------------------

    def field(self, entry: Entry, name: str) -> Text:
        if name not in entry.fields:
            raise FieldIsMissing(name, entry)
        return decode(entry.fields[name])

    def words(self, entry: Entry, name: str) -> Text:
        """A field that may be one of biblatex's localisation keys (``phdthesis``,
        ``inpress``, ``countryde``...): the words it stands for; a list field
        (``location = {countryfr and countryuk}``) as a list."""
        items = re.split(r"\s+and\s+", entry.fields[name].strip())
        shown = [
            Text(_(BIBLATEX_STRINGS[item.lower()]))
            if item.lower() in BIBLATEX_STRINGS
            else decode(item)
            for item in items
        ]
        return Text(", ").join(shown)

    def full_title(self, entry: Entry, name: str = "title") -> Text:
        """A title with its subtitle: ``Title: Subtitle``."""
        stem = name.removesuffix("title")
        title = self.field(entry, name)
        subtitle = f"{stem}subtitle"
        if subtitle in entry.fields:
            separator = "" if plain(entry.fields[name])[-1:] in {"?", "!", ":"} else ":"
            title = Text(title, separator, " ", self.field(entry, subtitle))
        return title

    def quoted_title(self, entry: Entry, *, last: bool = False) -> Text:
        """The title in quotes, with the comma that follows it inside them (a title
        that ends in ? or ! keeps its own mark, and a sentence's full stop gives way).
        Quotes inside the title become single quotes, as quotes within quotes. The
        last piece of a sentence closes with a full stop instead of the comma."""
        title = map_strings(self.full_title(entry), _inner_quotes)
        shown = plain(entry.fields.get("subtitle") or entry.fields["title"])
        if shown[-1:] in {"?", "!"}:
            return Text("\u201c", title, "\u201d")
        if _ends_a_sentence(shown):
            title = title[:-1]
        return Text("\u201c", title, ".\u201d" if last else ",\u201d")

    def italic_title(self, entry: Entry) -> Text:
        return Text(Tag("em", self.full_title(entry)))

    def in_volume(self, entry: Entry) -> list[Text]:
        """``in *Book: Subtitle*, Addon``: the volume a part appeared in."""
        if "booktitle" not in entry.fields:
            return []
        # Translators: before the title of the volume a part appeared in, "in Proceedings".
        parts = [Text(_("in"), " ", Tag("em", self.full_title(entry, "booktitle")))]
        if "booktitleaddon" in entry.fields:
            parts.append(self.field(entry, "booktitleaddon"))
        return parts

    def journal(self, entry: Entry) -> list[Text]:
        if "journal" not in entry.fields:
            return []
        name = self.field(entry, "journal")
        if "journalsubtitle" in entry.fields:
            name = Text(name, ": ", self.field(entry, "journalsubtitle"))
        return [Text(Tag("em", name))]

    def eprint_label(self, entry: Entry) -> str:
        """``arXiv:2206.07741v1 [cs.LG]``, ``hdl:1234/5``; nothing for a web address."""
        eprint = entry.fields["eprint"]
        if eprint.startswith(("http://", "https://")):
            return ""
        prefix = plain(entry.fields.get("archiveprefix", ""))
        prefix = EPRINT_SERVERS.get(prefix.lower(), (prefix, ""))[0]
        version = plain(entry.fields.get("eprintversion", ""))
        if version and not eprint.endswith(f"v{version}"):
            eprint += f"v{version}"
        label = f"{prefix}:{eprint}" if prefix else eprint
        if "eprintclass" in entry.fields:
            label += f" [{plain(entry.fields['eprintclass'])}]"
        return label

    def eprint(self, entry: Entry) -> list[Text]:
        if "eprint" in entry.fields and (label := self.eprint_label(entry)):
            return [Text(label)]
        return []

    def optional(self, entry: Entry, *names: str, prefix: str = "") -> list[Text]:
        """Each of the fields the entry gives, in this order, each after ``prefix``."""
        return [Text(prefix, self.field(entry, name)) for name in names if name in entry.fields]

    def first_of(self, entry: Entry, *names: str) -> list[Text]:
        """The first of these fields the entry gives."""
        return next(([self.field(entry, name)] for name in names if name in entry.fields), [])

    def type_text(self, entry: Entry) -> Text:
        """``PhD thesis``, ``Technical report``, ``U.S. patent``: the ``type`` field,
        or what the entry type says."""
        if "type" in entry.fields:
            return self.words(entry, "type")
        shown = DEFAULT_TYPE_TEXT.get(entry.type.lower(), "")
        return Text(_(shown) if shown else "")

    def numbered_type(self, entry: Entry) -> list[Text]:
        """``Technical report TR-17``, ``U.S. patent 9,876,543``."""
        text = self.type_text(entry)
        if "number" in entry.fields:
            number = self.field(entry, "number")
            text = Text(text, "\u00a0", number) if str(text) else Text(_("no."), "\u00a0", number)
        return [text] if str(text) else []

    def edition(self, entry: Entry) -> list[Text]:
        """``2nd ed.`` for a number; a written edition as written."""
        if "edition" not in entry.fields:
            return []
        value = plain(entry.fields["edition"])
        if value.isdigit():
            # Translators: an edition, "2nd ed."; {ordinal} is the number as an ordinal.
            return [Text(_("{ordinal} ed.").format(ordinal=ordinal(int(value))))]
        return [self.field(entry, "edition")]

    def series(self, entry: Entry) -> list[Text]:
        """The series a volume belongs to, with the volume's number in it."""
        if "series" not in entry.fields:
            return []
        value = plain(entry.fields["series"])
        if value.isdigit():
            # Translators: a journal's numbered series, "2nd ser.".
            series = Text(_("{ordinal} ser.").format(ordinal=ordinal(int(value))))
        else:
            series = self.words(entry, "series")
        if "number" in entry.fields and FAMILY_OF.get(entry.type.lower()) != "article":
            series = Text(series, ", ", _("no."), "\u00a0", self.field(entry, "number"))
        return [series]

    def volume(self, entry: Entry) -> list[Text]:
        """``vol. 5``, or ``vol. 5 of *Collected Works*`` for a part of a multi-volume
        work; ``15 vols.`` for the number of volumes."""
        parts = self.optional(entry, "volume", prefix=_("vol.") + "\u00a0")
        if "maintitle" in entry.fields:
            whole = Text(Tag("em", self.full_title(entry, "maintitle")))
            # Translators: "vol. 5 of Collected Works".
            parts = [Text(parts[0], " ", _("of"), " ", whole)] if parts else [whole]
        if "volumes" in entry.fields:
            parts.append(Text(self.field(entry, "volumes"), "\u00a0", _("vols.")))
        return parts

    def pages(self, entry: Entry) -> list[Text]:
        """``pp. 3–9``, ``p. 7``, or the article number (``eid``)."""
        fields = entry.fields
        if "pages" in fields:
            pages = plain(fields["pages"])
            if page_range := _PAGE_RANGE.fullmatch(pages):
                first, _dash, last = page_range.groups()
                return [Text(_("pp."), "\u00a0", first, "\u2013", last)]
            if re.search(r"[,\u2013-]", pages):  # several pages or ranges: "1-3, 7"
                return [Text(_("pp."), "\u00a0", _DASHES.sub("\u2013", pages))]
            return [Text(_("p."), "\u00a0", self.field(entry, "pages"))]
        if "eid" in fields:
            # Translators: an article number, "art. no. 42" (no-break spaces).
            return [Text(_("art.\u00a0no."), "\u00a0", self.field(entry, "eid"))]
        return []

    def published_by(self, entry: Entry) -> list[Text]:
        return [
            *self.optional(entry, "organization", "publisher"),
            *([self.words(entry, "location")] if "location" in entry.fields else []),
        ]

    def year(self, entry: Entry) -> list[Text]:
        """The year; an undated work in press or submitted shows none."""
        year = entry_year(entry)
        return [Text(year)] if year else []

    def details(self, entry: Entry) -> list[Text]:
        """What the entry's type calls for after its title, in reading order."""
        family = FAMILY_OF.get(entry.type.lower(), "misc")
        return getattr(self, f"details_{family}")(entry)

    def details_article(self, entry: Entry) -> list[Text]:
        venue = self.journal(entry) or self.eprint(entry)
        series = self.series(entry) if "journal" in entry.fields else []
        issue = self.optional(entry, "issuetitle")
        numbers = [*self.volume(entry), *self.optional(entry, "number", prefix=_("no.") + "\u00a0")]
        return [*venue, *series, *issue, *numbers, *self.pages(entry), *self.year(entry)]

    def details_inproceedings(self, entry: Entry) -> list[Text]:
        # INSPIRE gives a paper in proceedings published as a journal (PoS) both.
        venue = [*self.in_volume(entry), *self.journal(entry)]
        # biblatex names the event after its proceedings, where it differs.
        event = [
            text
            for text in self.optional(entry, "eventtitle", "venue")
            if not venue or letters_of(text) not in letters_of(venue[0])
        ]
        editors = [self.editors(entry)] if entry.persons.get("editor") else []
        return [
            *venue, *event, *editors, *self.volume(entry), *self.series(entry),
            *self.published_by(entry), *self.pages(entry), *self.year(entry),
        ]  # fmt: skip

    def details_incollection(self, entry: Entry) -> list[Text]:
        by = (
            # Translators: before the authors of the book a chapter is in, "by A. Author".
            [Text(_("by"), " ", self.format_names(entry, "bookauthor"))]
            if entry.persons.get("bookauthor")
            else []
        )
        editors = [self.editors(entry)] if entry.persons.get("editor") else []
        return [
            *self.in_volume(entry), *by, *editors, *self.translators(entry),
            *self.edition(entry), *self.volume(entry), *self.series(entry),
            *self.published_by(entry), *self.optional(entry, "chapter", prefix=_("ch.") + "\u00a0"),
            *self.pages(entry), *self.year(entry),
        ]  # fmt: skip

    def details_book(self, entry: Entry) -> list[Text]:
        # A book by its authors that names editors too (an edition) credits them.
        editors = (
            [self.editors(entry)]
            if entry.persons.get("editor") and entry.persons.get("author")
            else []
        )
        return [
            *editors, *self.translators(entry), *self.edition(entry), *self.volume(entry),
            *self.series(entry), *self.optional(entry, "howpublished"), *self.published_by(entry),
            *self.year(entry), *self.optional(entry, "isbn", prefix="ISBN\u00a0"),
        ]  # fmt: skip

    def details_periodical(self, entry: Entry) -> list[Text]:
        numbers = [*self.volume(entry), *self.optional(entry, "number", prefix=_("no.") + "\u00a0")]
        return [*self.optional(entry, "issuetitle"), *numbers, *self.year(entry)]

    def details_thesis(self, entry: Entry) -> list[Text]:
        return [
            *[text for text in [self.type_text(entry)] if str(text)],
            *self.optional(entry, "institution"),
            *([self.words(entry, "location")] if "location" in entry.fields else []),
            *self.year(entry),
        ]

    def details_report(self, entry: Entry) -> list[Text]:
        return [
            *self.numbered_type(entry), *self.optional(entry, "institution"),
            *([self.words(entry, "location")] if "location" in entry.fields else []),
            *self.year(entry),
        ]  # fmt: skip

    def details_patent(self, entry: Entry) -> list[Text]:
        holders = (
            # Translators: before a patent's holders, "assigned to Example Corp".
            [Text(_("assigned to"), " ", self.format_names(entry, "holder"))]
            if entry.persons.get("holder")
            else []
        )
        where = [self.words(entry, "location")] if "location" in entry.fields else []
        return [*self.numbered_type(entry), *holders, *where, *self.date_or_year(entry)]

    def details_software(self, entry: Entry) -> list[Text]:
        return [
            *self.optional(entry, "version", prefix=_("version") + "\u00a0"),
            *self.optional(entry, "howpublished"),
            *self.first_of(entry, "organization", "institution", "publisher"),
            *self.eprint(entry), *self.year(entry),
        ]  # fmt: skip

    details_dataset = details_software

    def details_online(self, entry: Entry) -> list[Text]:
        accessed = []
        if "urldate" in entry.fields:
            shown = EdtfDate.parse(entry.fields["urldate"]).display(self.date_style)
            # Translators: when a web page was read, "accessed 3 Mar 2024".
            accessed.append(Text(_("accessed {date}").format(date=shown)))
        return [
            *self.optional(entry, "howpublished"),
            *self.first_of(entry, "organization", "institution", "publisher"),
            *self.optional(entry, "version", prefix=_("version") + "\u00a0"),
            *self.eprint(entry), *self.year(entry), *accessed,
        ]  # fmt: skip

    def details_unpublished(self, entry: Entry) -> list[Text]:
        return [
            *self.optional(entry, "howpublished", "eventtitle"),
            *self.first_of(entry, "institution", "organization"),
            *self.eprint(entry), *self.year(entry),
        ]  # fmt: skip

    def details_misc(self, entry: Entry) -> list[Text]:
        venue = self.journal(entry) or self.in_volume(entry)
        if not venue:
            venue = self.first_of(entry, *VENUE_FIELDS)
        return [
            *venue, *self.eprint(entry),
            *self.optional(entry, "version", prefix=_("version") + "\u00a0"), *self.volume(entry),
            *self.optional(entry, "number", prefix=_("no.") + "\u00a0"),
            *self.pages(entry), *self.year(entry),
        ]  # fmt: skip

    def date_or_year(self, entry: Entry) -> list[Text]:
        """A patent's full date (it is granted on a day); else its year."""
        if "date" in entry.fields:
            return [Text(EdtfDate.parse(entry.fields["date"]).display(self.date_style))]
        return self.year(entry)

    def afterword(self, entry: Entry) -> list[Text]:
        """Sentences after the reference: its state (``In press.``), note, addendum."""
        sentences = []
        if "pubstate" in entry.fields:
            sentences.append(_sentence(self.words(entry, "pubstate")))
        for name in ("note", "addendum"):
            if name in entry.fields:
                sentences.append(_sentence(self.field(entry, name)))
        return sentences

    def links(self, entry: Entry) -> list[Text]:
        """Short, clickable labels for the entry's identifiers and material, each
        address once: a ``url`` that is also the ``repository`` reads "Code", an
        e-print whose address is the DOI's is not repeated."""
        fields = entry.fields
        material = {fields[name]: label for name, label in LINK_FIELDS.items() if name in fields}
        found: dict[str, str] = {}
        if "doi" in fields:
            found[f"https://doi.org/{fields['doi']}"] = _("DOI")
        if "eprint" in fields and (server := _eprint_server(entry)):
            name, address = server
            found.setdefault(address.format(fields["eprint"]), name)
        if "pmid" in fields:
            found.setdefault(f"https://pubmed.ncbi.nlm.nih.gov/{fields['pmid']}/", "PubMed")
        url = fields.get("url")
        if url and url not in material and not _same_link(url, entry):
            found.setdefault(url, _("URL"))
        eprint = fields.get("eprint", "")
        if eprint.startswith(("http://", "https://")) and eprint not in material:
            found.setdefault(eprint, _("PDF") if eprint.lower().endswith(".pdf") else _("e-print"))
        for address, label in material.items():
            found.setdefault(address, _(label))
        return [Text(HRef(address, label)) for address, label in found.items()]

    # -- kinds ------------------------------------------------------------------

    def format_publication(self, entry: Entry) -> Text:
        entry_date(entry)  # a year that is not a year fails here, naming the entry
        details = self.details(entry)
        if "titleaddon" in entry.fields:
            details.insert(0, self.field(entry, "titleaddon"))
        italic = FAMILY_OF.get(entry.type.lower()) in ITALIC_TITLES
        if italic:
            title = self.italic_title(entry)
            body = Text(Text(", ").join([title, *details]), ".")
        elif details:
            body = Text(self.quoted_title(entry), " ", Text(", ").join(details), ".")
        else:
            body = self.quoted_title(entry, last=True)
        text = Text(self.creators(entry), *self.collaboration(entry), ", ", body)
        for sentence in self.afterword(entry):
            text = Text(text, " ", sentence)
        links = self.links(entry)
        if links:
            text = Text(text, " ", Text(" \u00b7 ").join(links))
        return text

    def format_talk(self, entry: Entry) -> Text:
        if "date" not in entry.fields:
            raise FieldIsMissing("date", entry)
        shown_date = EdtfDate.parse(entry.fields["date"]).display(self.date_style)
        where = [Text(Tag("em", self.field(entry, "eventtitle")))]
        if "venue" in entry.fields:
            where.append(self.field(entry, "venue"))
        where.append(Text(shown_date))
        speakers = self.format_authors(entry)
        if "title" in entry.fields:
            text = Text(self.quoted_title(entry), " ", speakers, ", ", Text(", ").join(where), ".")
        else:  # a seminar or a panel: no title of its own
            text = Text(speakers, ", ", Text(", ").join(where), ".")
        words = keyword_set(entry)
        if KEYNOTE_KEYWORD in words:
            text = Text(text, " ", Tag("b", _("Keynote") + "."))
        elif INVITED_KEYWORD in words:
            text = Text(text, " ", Tag("b", _("Invited talk") + "."))
        for sentence in self.afterword(entry):
            text = Text(text, " ", sentence)
        links = self.links(entry)
        if links:
            text = Text(text, " ", Text(" \u00b7 ").join(links))
        return text


def letters_of(text: Text) -> str:
    """The letters and digits of rich text: whether one field repeats another."""
    return "".join(char for char in str(text).casefold() if char.isalnum())


def _sentence(text: Text) -> Text:
    """A field as a sentence of its own: capitalised, ending in a full stop."""
    shown = str(text)
    if shown[:1].islower():
        text = Text(shown[:1].upper(), text[1:])
    if shown[-1:] not in {".", "?", "!"}:
        text = Text(text, ".")
    return text


def _eprint_server(entry: Entry) -> tuple[str, str] | None:
    """The e-print's server and address pattern, when its identifier is not an address."""
    eprint = entry.fields["eprint"]
    if eprint.startswith(("http://", "https://")):
        return None
    return EPRINT_SERVERS.get(plain(entry.fields.get("archiveprefix", "")).strip().lower())


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


_DASHES = re.compile(r"\s*[-\u2010-\u2015]+\s*")
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


# -- formatted texts, kept from build to build ------------------------------------

#: Everything an entry's text is made from besides the entry: a change re-formats all.
Settings = tuple[object, ...]
Fingerprint = bytes
TEXTS_ATTRIBUTE = "cv_formatted_texts"


def fingerprint(entry: Entry) -> Fingerprint:
    """A digest of everything of an entry that its text is made from (a digest, so
    that the environment does not keep a second copy of every field)."""
    made_from = (
        entry.key,
        entry.type,
        tuple(entry.fields.items()),
        tuple((role, tuple(map(str, people))) for role, people in entry.persons.items()),
    )
    return hashlib.blake2b(repr(made_from).encode("utf-8"), digest_size=16).digest()


@dataclass
class FormattedTexts:
    """What is made of each entry (its text; its COinS record), by the entry's
    :func:`fingerprint` and what is made, for one set of settings.

    ``earlier`` holds what the last build made; ``used`` what this build asked
    for, which the environment keeps for the next one (so an entry that was
    removed or edited is not kept for ever).
    """

    settings: Settings
    highlighted: frozenset[tuple[str, str]] = frozenset()
    earlier: dict[tuple[str, Fingerprint], object] = field(default_factory=dict)
    used: dict[tuple[str, Fingerprint], object] = field(default_factory=dict)
    #: Each entry object's fingerprint, made once a build (the lists ask for each
    #: entry several times; the entries are not changed once the bib check is done).
    fingerprints: dict[int, tuple[Entry, Fingerprint]] = field(default_factory=dict)

    def text(self, entry: Entry, make: Callable[[Entry], Text]) -> Text:
        return cast("Text", self.made("text", entry, make))

    def made(self, what: str, entry: Entry, make: Callable[[Entry], object]) -> object:
        known = self.fingerprints.get(id(entry))
        if known is None or known[0] is not entry:
            known = self.fingerprints[id(entry)] = (entry, fingerprint(entry))
        key = (what, known[1])
        found = self.used.get(key)
        if found is None:
            found = self.earlier.get(key)
            if found is None:
                found = make(entry)
            self.used[key] = found
        return found


def configured_style() -> type[CvStyle] | None:
    """The style registered as ``cv`` (:func:`register_style`), unless another took its name."""
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", STYLE_NAME)
    return style if isinstance(style, type) and issubclass(style, CvStyle) else None


def kept_texts() -> FormattedTexts | None:
    """This build's store (None outside a build, or with another style registered)."""
    style = configured_style()
    return style.formatted_texts if style is not None else None


def style_settings(style: type[CvStyle], language: str | None) -> Settings:
    """Everything the texts are made from besides the entries: the style's settings,
    the language, and the engine's code and catalogs (an engine update re-formats)."""
    marks = sorted((name, mark.symbol, mark.meaning) for name, mark in style.author_marks.items())
    names = tuple(style.highlight_names)
    return (
        names, style.date_style, tuple(marks), style.max_authors, language or "",
        engine_fingerprint(),
    )  # fmt: skip


def highlight_names_differ(style: CvStyle, texts: FormattedTexts) -> bool:
    """A style made with other name forms than the configured ones (a test's, or
    another extension's) formats without the kept texts."""
    return style._highlighted != texts.highlighted


def keep_formatted_texts(app: Sphinx) -> None:
    """Before sphinxcontrib-bibtex formats the lists: hand the style last build's texts."""
    style = configured_style()
    if style is None:
        return
    settings = style_settings(style, app.config.language)
    settings_then, earlier = getattr(app.env, TEXTS_ATTRIBUTE, ((), {}))
    style.formatted_texts = FormattedTexts(
        settings,
        highlighted_keys(style.highlight_names),
        earlier if settings_then == settings else {},
    )


def store_formatted_texts(app: Sphinx, env: BuildEnvironment) -> None:
    """After the lists are formatted: what this build used, the next one finds."""
    texts = kept_texts()
    if isinstance(texts, FormattedTexts):
        setattr(env, TEXTS_ATTRIBUTE, (texts.settings, texts.used))


def register_style(app: Sphinx, config: Config) -> None:
    """Bind the configured name forms to the style sphinxcontrib-bibtex will load."""
    settings = {
        "highlight_names": tuple(config.cv_highlight_names),
        "date_style": getattr(config, "cv_date_style", DATE_STYLES[0]),
        "author_marks": bibauthors.configured_marks(config),
        "max_authors": config.cv_max_authors,
    }
    bound = type("ConfiguredCvStyle", (CvStyle,), settings)
    pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, bound, force=True)


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_highlight_names", [], "env", list)
    # Registered once, configured (each registration scans the installed packages'
    # entry points, even when forced).
    app.connect("config-inited", register_style)
    app.connect("builder-inited", keep_formatted_texts)
    # After sphinxcontrib-bibtex's own env-updated handler (priority 500) formats them.
    app.connect("env-updated", store_formatted_texts, priority=900)
