"""Bib entries as reference managers read them.

Each publication becomes an OpenURL ContextObject in a COinS span (what Zotero
detects on a page, and imports, one paper or a whole list) in the Z39.88 KEV
format that fits it: journal, book, dissertation, patent, or Dublin Core for
the rest. (Until engine 2.3 each was also a schema.org record in the page's
JSON-LD; no reference manager reads those, no search engine shows them for a
list of papers, and on a 300-paper page they weighed 0.9 KB a paper.)

It is made from the entry as :mod:`.bibentries` normalised it, so that it
says what the formatted publication says. Names come from the parsed persons,
never from a field's text: the marks of ``author+an`` and "and others" never
reach a record. Every value goes through :func:`.bibmarkup.plain`, and a
property with nothing to say is left out rather than written empty.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from .bibentries import is_others
from .bibmarkup import MarkupError, plain
from .bibstyle import BIBLATEX_STRINGS, EPRINT_SERVERS, FAMILY_OF
from .dates import EdtfDate, month_number

if TYPE_CHECKING:
    from pybtex.database import Entry, Person

#: For Dublin Core records: the DCMI type, then Zotero's item type (Zotero takes a
#: ``type`` it knows as the item's type and passes over the other).
DUBLIN_CORE_TYPES = {
    "software": ("Software", "computerProgram"),
    "dataset": ("Dataset", "dataset"),
    "online": ("InteractiveResource", "webpage"),
    "unpublished": ("Text", "manuscript"),
    "artwork": ("Image", "artwork"),
    "image": ("StillImage", "artwork"),
    "audio": ("Sound", "audioRecording"),
    "music": ("Sound", "audioRecording"),
    "movie": ("MovingImage", "film"),
    "video": ("MovingImage", "videoRecording"),
    "letter": ("Text", "letter"),
    "legislation": ("Text", "statute"),
    "jurisdiction": ("Text", "case"),
    "standard": ("Text", "standard"),
}
DOCUMENT = ("Text", "document")
#: The degree a thesis type is written for (COinS ``rft.degree``, JSON-LD ``inSupportOf``).
DEGREES = {
    "phdthesis": "PhD", "mathesis": "Master's", "mastersthesis": "Master's",
    "bathesis": "Bachelor's", "candthesis": "Candidate",
}  # fmt: skip
#: The patent office a biblatex patent type names (``patentus``, ``patrequs``...),
#: as its WIPO ST.3 code (the European Patent Office is EP).
PATENT_OFFICES = {
    "de": "DE",
    "eu": "EP",
    "fr": "FR",
    "uk": "GB",
    "us": "US",
    "au": "AU",
    "ch": "CH",
}
#: Types whose e-print without a journal or book makes them a preprint.
PREPRINT_TYPES = frozenset({"article", "misc", "unpublished", "online", "electronic", "www"})
_PAGE_RANGE = re.compile(r"\s*(\S+?)\s*[-\u2010-\u2015]+\s*(\S+)\s*")


# -- what the entry says ------------------------------------------------------------------


def text(entry: Entry, *names: str) -> str:
    """The first of the fields that the entry gives, as plain text ("" for none)."""
    for name in names:
        try:
            value = plain(entry.fields.get(name, ""))
        except MarkupError:
            # Only a field the CV does not show (``pagetotal``...) gets here: the bib
            # check reports markup it cannot read in every shown one.
            continue
        if value:
            return value
    return ""


def full_title(entry: Entry, name: str = "title") -> str:
    """A title with its subtitle (``Title: Subtitle``), as the CV shows it."""
    title = text(entry, name)
    subtitle = text(entry, name.removesuffix("title") + "subtitle")
    if title and subtitle:
        return f"{title}{'' if title[-1] in '?!:' else ':'} {subtitle}"
    return title


def family(entry: Entry) -> str:
    """The entry's family of types; ``misc`` for a type of no family of its own."""
    return FAMILY_OF.get(entry.type.lower(), "misc")


def is_preprint(entry: Entry) -> bool:
    """An e-print that appeared in no journal or book (yet)."""
    fields = entry.fields
    return (
        entry.type.lower() in PREPRINT_TYPES
        and "eprint" in fields
        and "journal" not in fields
        and "booktitle" not in fields
    )


def people(entry: Entry, role: str) -> list[Person]:
    """The named people of a role; ``and others`` ("et al.") is no person."""
    return [person for person in entry.persons.get(role, []) if not is_others(person)]


def authors(entry: Entry) -> list[Person]:
    return people(entry, "author")


def person_name(person: Person) -> str:
    """The name in reading order: ``Ada van der Berg``."""
    return " ".join(part for part in (given_name(person), family_name(person)) if part)


def given_name(person: Person) -> str:
    return plain(" ".join(person.first_names + person.middle_names))


def family_name(person: Person) -> str:
    return plain(" ".join(person.prelast_names + person.last_names + person.lineage_names))


def inverted_name(person: Person) -> str:
    """``van der Berg, Ada``: what OpenURL's ``au`` takes, and what Zotero splits on
    its comma into family and given name (so a particle stays with the family name)."""
    given = given_name(person)
    return f"{family_name(person)}, {given}" if given else family_name(person)


def publication_date(entry: Entry) -> str:
    """The ISO date of publication, as precise as the entry gives it ("" for none)."""
    fields = entry.fields
    if "date" in fields:
        return EdtfDate.parse(fields["date"]).start.iso()
    year = fields.get("year", "").strip()
    if not year:
        return ""
    month = month_number(fields.get("month", ""))
    return f"{year}-{month:02d}" if month else year


def degree(entry: Entry) -> str:
    """The degree a thesis is for: ``PhD`` for ``@phdthesis`` or ``type = {phdthesis}``,
    else the ``type`` as written (``Habilitation``)."""
    written = entry.fields.get("type", "").strip()
    return DEGREES.get((written or entry.type).lower()) or (plain(written) if written else "")


def status(entry: Entry) -> str:
    """``pubstate`` in words, capitalised as a status: ``In press``."""
    written = entry.fields.get("pubstate", "").strip()
    words = BIBLATEX_STRINGS.get(written.lower(), plain(written))
    return words[:1].upper() + words[1:]


def patent_office(entry: Entry) -> str:
    written = entry.fields.get("type", "").strip().lower()
    for prefix in ("patreq", "patent"):
        if written.startswith(prefix):
            return PATENT_OFFICES.get(written.removeprefix(prefix), "")
    return ""


def eprint_url(entry: Entry) -> str:
    """The e-print's address: its own, or its server's for its identifier ("" for none)."""
    eprint = entry.fields.get("eprint", "")
    if eprint.startswith(("http://", "https://")):
        return eprint
    if re.fullmatch(r"10\.\d{4,9}/\S+", eprint):  # bioRxiv and others export their DOI
        return f"https://doi.org/{eprint}"
    server = EPRINT_SERVERS.get(entry.fields.get("archiveprefix", "").strip().lower())
    return server[1].format(eprint) if server and eprint else ""


def server_name(entry: Entry) -> str:
    prefix = entry.fields.get("archiveprefix", "").strip()
    return EPRINT_SERVERS.get(prefix.lower(), (plain(prefix), ""))[0]


def page_range(entry: Entry) -> tuple[str, str]:
    """The first and last page of a ``pages`` range; ("", "") for anything else."""
    if match := _PAGE_RANGE.fullmatch(text(entry, "pages")):
        return match[1], match[2]
    return "", ""


# -- people -------------------------------------------------------------------------------


def is_body(person: Person) -> bool:
    """A name in double braces (``{{ACME Corp.}}``): an organisation, as biblatex reads it."""
    whole = person.last_names
    return (
        not (person.first_names or person.middle_names or person.prelast_names)
        and len(whole) == 1
        and whole[0].startswith("{")
        and whole[0].endswith("}")
    )


def in_volume(entry: Entry) -> bool:
    """A chapter or paper whose entry names the book (or proceedings) it is in."""
    return family(entry) in {"incollection", "inproceedings"} and "booktitle" in entry.fields


# -- OpenURL ------------------------------------------------------------------------------


def coins(entry: Entry) -> str:
    """The entry as an OpenURL ContextObject (COinS ``title`` attribute), in the
    Z39.88 KEV format and genre its type calls for."""
    fmt, pairs = _kev(entry)
    fields = entry.fields
    ids = []
    if "doi" in fields:
        ids.append(f"info:doi/{fields['doi']}")
    if address := eprint_url(entry):
        ids.append(address)
    if "url" in fields and fields["url"] not in ids:
        ids.append(fields["url"])
    head = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{fmt}")]
    return urlencode(
        [*head, *[(key, value) for key, value in pairs if value], *(("rft_id", i) for i in ids)]
    )


def _kev(entry: Entry) -> tuple[str, list[tuple[str, str]]]:
    """The KEV format and its keys for the entry."""
    kind = family(entry)
    date = [("rft.date", publication_date(entry))]
    # A body's name is not split into family and given name (Zotero would).
    au = [
        ("rft.aucorp", family_name(person))
        if is_body(person)
        else ("rft.au", inverted_name(person))
        for person in authors(entry)
    ]
    if is_preprint(entry):
        return "journal", [
            ("rft.genre", "preprint"),
            ("rft.atitle", full_title(entry)),
            ("rft.jtitle", server_name(entry)),
            *au,
            *date,
        ]
    if kind in {"article", "periodical"} or (kind == "incollection" and "journal" in entry.fields):
        return "journal", _journal(entry, kind) + au + date
    if kind in {"book", "incollection", "inproceedings", "report"}:
        return "book", _book(entry, kind) + au + date
    if kind == "thesis":
        return "dissertation", [
            ("rft.title", full_title(entry)),
            ("rft.inst", text(entry, "institution", "school")),
            ("rft.degree", degree(entry)),
            ("rft.tpages", text(entry, "pagetotal")),
            ("rft.isbn", text(entry, "isbn")),
            *(("rft.au", inverted_name(person)) for person in authors(entry)),
            *date,
        ]
    if kind == "patent":
        return "patent", [
            ("rft.title", full_title(entry)),
            ("rft.number", text(entry, "number")),
            ("rft.cc", patent_office(entry)),
            *(("rft.inventor", inverted_name(person)) for person in authors(entry)),
            *(("rft.assignee", person_name(person)) for person in people(entry, "holder")),
            *date,
        ]
    return "dc", _dublin_core(entry, kind)


def _pages(entry: Entry) -> list[tuple[str, str]]:
    first, last = page_range(entry)
    return [("rft.pages", text(entry, "pages")), ("rft.spage", first), ("rft.epage", last)]


def _journal(entry: Entry, kind: str) -> list[tuple[str, str]]:
    if kind == "periodical":  # a whole issue: the entry's title is the journal's
        return [
            ("rft.genre", "issue"),
            ("rft.jtitle", full_title(entry)),
            ("rft.volume", text(entry, "volume")),
            ("rft.issue", text(entry, "number", "issue")),
            ("rft.issn", text(entry, "issn")),
        ]
    return [
        ("rft.genre", "article"),
        ("rft.atitle", full_title(entry)),
        ("rft.jtitle", full_title(entry, "journal")),
        ("rft.stitle", text(entry, "shortjournal")),
        ("rft.volume", text(entry, "volume")),
        ("rft.issue", text(entry, "number", "issue")),
        *_pages(entry),
        ("rft.artnum", text(entry, "eid", "articleno")),
        ("rft.issn", text(entry, "issn")),
    ]


def _book(entry: Entry, kind: str) -> list[tuple[str, str]]:
    """The book matrix: a book or report whole, or a chapter or paper inside one."""
    part = kind == "inproceedings" or in_volume(entry)
    if part:
        genre = "proceeding" if kind == "inproceedings" else "bookitem"
        titles = [("rft.atitle", full_title(entry)), ("rft.btitle", full_title(entry, "booktitle"))]
    else:
        genre = "report" if kind == "report" else "book"
        titles = [("rft.btitle", full_title(entry))]
    publisher = text(entry, "institution", "school", "publisher") if kind == "report" else ""
    return [
        ("rft.genre", genre),
        *titles,
        ("rft.place", text(entry, "location", "address")),
        ("rft.pub", publisher or text(entry, "publisher", "organization")),
        ("rft.edition", text(entry, "edition")),
        ("rft.series", text(entry, "series")),
        ("rft.isbn", text(entry, "isbn")),
        ("rft.issn", text(entry, "issn")),
        ("rft.tpages", "" if part else text(entry, "pagetotal")),
        *(_pages(entry) if part else []),
    ]


def _dublin_core(entry: Entry, kind: str) -> list[tuple[str, str]]:
    types = DUBLIN_CORE_TYPES.get(kind) or DUBLIN_CORE_TYPES.get(entry.type.lower(), DOCUMENT)
    return [
        ("rft.title", full_title(entry)),
        *(("rft.creator", inverted_name(person)) for person in authors(entry)),
        ("rft.publisher", text(entry, "publisher", "organization", "institution", "school")),
        ("rft.date", publication_date(entry)),
        *(("rft.type", name) for name in types),
    ]
