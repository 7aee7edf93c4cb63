"""What a bib entry means to the CV: its fields read as exporters write them.

The bib check (:mod:`.bibcheck`) parses the files; this module then makes each
entry mean one thing, whichever tool wrote it, or says why it cannot:

- entry types: BibTeX's and biblatex's; anything else (``@artcle``) is a
  mistake, with the nearest known type suggested;
- ``crossref`` and ``xdata`` inherit fields as BibTeX and biblatex do (a
  proceedings' ``title`` becomes its papers' ``booktitle``); a missing target
  is a mistake, and a proceedings or book that only serves as a target is not
  listed as a publication of its own;
- names: ``author`` and ``editor`` are split on ``and``; ``and others`` means
  "et al."; an ``and`` with no name on one side, or a name with too many
  commas, is a mistake;
- identifiers: a DOI in any common form (``https://doi.org/10…``,
  ``doi:10…``) is reduced to ``10…``; a ``url`` must be an absolute http(s)
  address; an arXiv ``eprint`` must be an arXiv identifier; biblatex's
  ``eprinttype`` and ``journaltitle`` are read as ``archiveprefix`` and
  ``journal``;
- dates: a ``date`` (ISO 8601 / EDTF, ranges included) or ``year`` and
  ``month`` (names, numbers or the BibTeX macros); both given must agree;
- ``keywords`` separated by commas or semicolons;
- every field the CV shows decodes from LaTeX (:mod:`.bibmarkup`), and every
  link inside it is http(s).

An empty field (``volume = {}``, as IEEE Xplore exports) is no field.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pybtex.errors
from pybtex.database import InvalidNameString, Person
from pybtex.database.input.bibtex import split_name_list

from .bibmarkup import MarkupError, decode, links, plain, url_text
from .dates import DateError, EdtfDate, month_number
from .language import N_
from .links import scheme_of, web_address_problem

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pybtex.database import Entry

BIBTEX_TYPES = (
    "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings",
    "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
)  # fmt: skip
BIBLATEX_TYPES = (
    "bookinbook", "collection", "dataset", "inreference", "mvbook", "mvcollection",
    "mvproceedings", "mvreference", "online", "patent", "periodical", "reference", "report",
    "set", "software", "suppbook", "suppcollection", "suppperiodical", "thesis", "xdata",
    "electronic", "www", "artwork", "audio", "bibnote", "commentary", "image", "jurisdiction",
    "legislation", "legal", "letter", "movie", "music", "performance", "review", "standard",
    "video", "customa", "customb", "customc", "customd", "custome", "customf",
)  # fmt: skip
KNOWN_TYPES = frozenset(BIBTEX_TYPES + BIBLATEX_TYPES)
#: Entries that hold other entries; as crossref targets they are not listed.
CONTAINER_TYPES = frozenset(
    {"proceedings", "mvproceedings", "book", "mvbook", "collection", "mvcollection",
     "reference", "mvreference", "periodical"}
)  # fmt: skip
#: biblatex's default inheritance: a container's title is its parts' booktitle...
RENAMED_ON_INHERITANCE = {
    "periodical": {"title": "journal", "subtitle": "journalsubtitle"},
    "*": {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon"},
}
#: Fields that never pass from a crossref or xdata target to its children.
NOT_INHERITED = frozenset(
    {"crossref", "xref", "xdata", "ids", "entryset", "entrysubtype", "execute", "label",
     "options", "presort", "related", "relatedoptions", "relatedtype", "relatedstring",
     "shorthand", "shorthandintro", "sortkey", "keywords"}
)  # fmt: skip
PERSON_FIELDS = ("author", "editor", "bookauthor", "translator", "holder")
#: Two names for one field (biblatex's aliases, and the BibTeX name the style reads):
#: the alias is read as the name.
ALIASES = {
    "journaltitle": "journal", "eprinttype": "archiveprefix", "primaryclass": "eprintclass",
    "address": "location", "school": "institution",
}  # fmt: skip
#: Links to a paper's material, beyond its DOI, e-print and ``url`` (the fields
#: al-folio and academicpages bib files carry), each with its short label.
LINK_FIELDS = {
    "pdf": N_("PDF"), "code": N_("Code"), "repository": N_("Code"), "data": N_("Data"),
    "slides": N_("Slides"), "poster": N_("Poster"), "video": N_("Video"),
    "supp": N_("Supplement"), "project": N_("Project"), "website": N_("Project"),
    "html": N_("Project"), "blog": N_("Blog"),
}  # fmt: skip
#: biblatex's publication states (and two more a CV needs), as ``pubstate`` keys.
PUBSTATE_KEYS = frozenset(
    {"inpress", "submitted", "forthcoming", "inpreparation", "prepublished", "accepted",
     "underreview"}
)  # fmt: skip
#: The field al-folio marks a paper as selected with; read as the keyword.
SELECTED_FIELD = "selected"
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})
OTHERS = "others"

_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.|www\.)?doi\.org/|doi\s*:\s*|doi\s+)", re.IGNORECASE)
#: arXiv identifiers: YYMM.NNNN until 2014, YYMM.NNNNN since 2015; before 2007,
#: archive/YYMMNNN.
_ARXIV = re.compile(
    r"(?:(?:0[7-9]|1[0-4])\d{2}\.\d{4}|(?:1[5-9]|[2-9]\d)\d{2}\.\d{5}"
    r"|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
)
_ARXIV_PREFIX = re.compile(r"^arxiv\s*:\s*", re.IGNORECASE)
_AND_AT_EDGE = re.compile(r"(^|\s)and(\s|$)", re.IGNORECASE)
_KEYWORD_SEPARATOR = re.compile(r"[,;]")


@dataclass(frozen=True)
class Mistake:
    """Why an entry cannot be shown, and the field to point at (None: its first line)."""

    message: str
    field: str | None = None


def _q(value: str) -> str:
    """A value in a message, quoted as written (no escaped backslashes)."""
    return f"'{value}'"


#: Where an entry keeps its fields as the bib file writes them (names, aliases, people
#: and all), with what it inherits: the BibTeX the website offers is this.
WRITTEN = "cv_written_fields"


def remember_as_written(entry: Entry) -> None:
    """Keep the entry's fields as written, before :func:`normalise` reads them."""
    setattr(entry, WRITTEN, dict(entry.fields))


def as_written(entry: Entry) -> dict[str, str]:
    """The entry's fields as the bib file writes them (see :func:`remember_as_written`)."""
    return getattr(entry, WRITTEN, None) or {
        **{role: " and ".join(str(person) for person in people)
           for role, people in entry.persons.items()},
        **entry.fields,
    }  # fmt: skip


def keywords(entry: Entry) -> list[str]:
    """The entry's keywords, split on commas or semicolons, as written."""
    raw = entry.fields.get("keywords", "")
    return [word.strip() for word in _KEYWORD_SEPARATOR.split(raw) if word.strip()]


def is_others(person: Person) -> bool:
    """``and others`` at the end of a BibTeX name list: "et al."."""
    return str(person).strip().lower() == OTHERS


# -- types and inheritance ------------------------------------------------------------------


def type_mistake(entry: Entry) -> Mistake | None:
    kind = entry.type.lower()
    if kind in KNOWN_TYPES:
        return None
    nearest = difflib.get_close_matches(kind, sorted(KNOWN_TYPES), n=1, cutoff=0.6)
    hint = f"; did you mean @{nearest[0]}?" if nearest else ""
    return Mistake(f"entry {_q(entry.key)} has the unknown type @{entry.type}{hint}")


def inherit(entries: Mapping[str, Entry]) -> tuple[dict[str, list[Mistake]], set[str]]:
    """Resolve ``crossref`` and ``xdata`` in place.

    Returns the mistakes by entry key (lower case), and the keys (lower case)
    of container entries that only serve as crossref targets.
    """
    by_key = {key.lower(): entry for key, entry in entries.items()}
    mistakes: dict[str, list[Mistake]] = {}
    targets: set[str] = set()
    for key, entry in by_key.items():
        found = _inherit_one(entry, by_key, targets, seen=(key,))
        if found:
            mistakes[key] = found
    return mistakes, targets


def _inherit_one(
    entry: Entry, by_key: Mapping[str, Entry], targets: set[str], seen: tuple[str, ...]
) -> list[Mistake]:
    mistakes = []
    for name in ("xdata", "crossref"):
        if name not in entry.fields:
            continue
        raw = entry.fields[name]
        parents = [part.strip() for part in raw.split(",")] if name == "xdata" else [raw.strip()]
        for parent_key in parents:
            parent = by_key.get(parent_key.lower())
            if parent is None:
                mistakes.append(
                    Mistake(
                        f"entry {_q(entry.key)} has {name} = {{{parent_key}}}, but there is no "
                        f"entry {_q(parent_key)} in the bib files",
                        name,
                    )
                )
                continue
            if parent_key.lower() in seen:
                mistakes.append(Mistake(f"entry {_q(entry.key)}: its {name} forms a loop", name))
                continue
            # A target may itself inherit: resolve it first.
            mistakes += _inherit_one(parent, by_key, targets, (*seen, parent_key.lower()))
            _copy_fields(parent, entry, renamed=name == "crossref")
            if name == "crossref" and parent.type.lower() in CONTAINER_TYPES:
                targets.add(parent_key.lower())
        del entry.fields[name]
    return mistakes


def _copy_fields(parent: Entry, child: Entry, *, renamed: bool) -> None:
    mapping = {}
    if renamed and parent.type.lower() in CONTAINER_TYPES and child.type.lower() != parent.type:
        mapping = RENAMED_ON_INHERITANCE.get(parent.type.lower(), RENAMED_ON_INHERITANCE["*"])
    for name, value in parent.fields.items():
        lower = name.lower()
        if lower in NOT_INHERITED:
            continue
        target = mapping.get(lower, lower)
        if target not in child.fields and target not in child.persons:
            child.fields[target] = value
    for role, people in parent.persons.items():
        if role not in child.persons and role not in child.fields:
            child.persons[role] = list(people)


# -- one entry ---------------------------------------------------------------------------


def normalise(entry: Entry, shown_fields: Iterable[str]) -> list[Mistake]:
    """Make the entry's fields mean one thing; return what is wrong with them."""
    for name in [name for name, value in entry.fields.items() if not value.strip()]:
        del entry.fields[name]
    for alias, name in ALIASES.items():
        if alias in entry.fields:
            value = entry.fields.pop(alias)
            entry.fields.setdefault(name, value)
    mistakes = []
    for role in PERSON_FIELDS:
        if role in entry.fields:
            mistakes += _people(entry, role)
    _arxiv_journal(entry)
    mistakes += _identifiers(entry)
    mistakes += _material_links(entry)
    mistakes += _dates(entry)
    mistakes += _selected_flag(entry)
    _pubstate(entry)
    if "keywords" in entry.fields:
        entry.fields["keywords"] = ", ".join(keywords(entry))
    for name in shown_fields:
        if name in entry.fields:
            mistakes += _decoded(entry, name)
    return mistakes


def _people(entry: Entry, role: str) -> list[Mistake]:  # noqa: PLR0911 - one return a mistake
    raw = entry.fields.pop(role)
    names = [name.strip() for name in split_name_list(raw)]
    where = f"entry {_q(entry.key)}: the {role} list {_q(raw)}"
    if any(not name or _AND_AT_EDGE.search(name) for name in names):
        return [
            Mistake(
                f"{where} has an 'and' with no name on one side (at its start or end, or "
                "'and and'); separate names with a single ' and '",
                role,
            )
        ]
    if any(name.lower() == OTHERS for name in names[:-1]):
        return [Mistake(f"{where} has 'others' before its end; put 'and others' last", role)]
    people = []
    for name in names:
        person = read_person(name)
        if person is None:
            return [
                Mistake(
                    f"entry {_q(entry.key)} has too many commas in the name {_q(name)}; "
                    "separate people with ' and '",
                    role,
                )
            ]
        try:
            shown = " ".join(plain(word) for word in name_parts(person)).strip()
        except MarkupError as error:
            return [Mistake(f"entry {_q(entry.key)}: the {role} {_q(name)}: {error}", role)]
        if not shown:
            return [Mistake(f"{where} has an empty name", role)]
        people.append(person)
    if not [person for person in people if not is_others(person)]:
        return [Mistake(f"entry {_q(entry.key)} names no {role}, only 'others'", role)]
    entry.persons[role] = people
    return []


def read_person(name: str) -> Person | None:
    """The person a BibTeX name names; None when it has too many commas to be one."""
    with pybtex.errors.capture() as errors:
        person = Person(name)
    if any(isinstance(error, InvalidNameString) for error in errors):
        return None
    return person


def name_parts(person: Person) -> list[str]:
    """A person's name parts in reading order, as the CV shows the name."""
    return (
        person.first_names
        + person.middle_names
        + person.prelast_names
        + person.last_names
        + person.lineage_names
    )


#: Google Scholar's and Semantic Scholar's way of citing an arXiv preprint:
#: ``journal = {arXiv preprint arXiv:2407.04567}``, ``{ArXiv abs/2104.00001}``.
_ARXIV_JOURNAL = re.compile(
    r"arxiv(?:\s+preprint)?(?:\s+arxiv)?\s*(?::|\s)\s*(?:abs/)?(?P<id>\S+)", re.IGNORECASE
)
#: Journal names that are preprint servers, as exporters write them.
PREPRINT_JOURNALS = frozenset(
    {"arxiv", "arxiv e-prints", "biorxiv", "medrxiv", "ssrn", "ssrn electronic journal",
     "chemrxiv", "techrxiv", "psyarxiv", "socarxiv", "osf preprints", "research square",
     "preprints", "authorea preprints", "engrxiv", "eartharxiv", "edarxiv"}
)  # fmt: skip


def is_preprint_journal(entry: Entry) -> bool:
    """A ``journal`` that names a preprint server (medRxiv's own export says
    ``journal = {medRxiv}``): the work is a preprint, not a journal article."""
    try:
        journal = plain(entry.fields.get("journal", "")).strip().casefold()
    except MarkupError:
        return False
    return journal in PREPRINT_JOURNALS or bool(_ARXIV_JOURNAL.fullmatch(journal))


def _arxiv_journal(entry: Entry) -> None:
    """``journal = {arXiv preprint arXiv:2407.04567}`` is the e-print 2407.04567 (the
    journal stays, as written; it makes the work a preprint)."""
    fields = entry.fields
    if "journal" not in fields or "eprint" in fields:
        return
    try:
        journal = plain(fields["journal"]).strip()
    except MarkupError:
        return  # the field's own check reports it
    match = _ARXIV_JOURNAL.fullmatch(journal)
    if match and _ARXIV.fullmatch(match["id"]):
        fields["eprint"] = match["id"]
        fields["archiveprefix"] = "arXiv"


def _identifiers(entry: Entry) -> list[Mistake]:
    fields = entry.fields
    mistakes = []
    if "doi" in fields:
        raw = fields["doi"]
        doi = url_text(raw)
        if _DOI_PREFIX.match(doi):
            doi = unquote(_DOI_PREFIX.sub("", doi))
        if _DOI.fullmatch(doi):
            fields["doi"] = doi
        else:
            mistakes.append(
                Mistake(
                    f"entry {_q(entry.key)} has the doi {_q(raw)}, which is not a DOI; "
                    "write it as 10.NNNN/..., as doi.org shows it",
                    "doi",
                )
            )
    if "url" in fields:
        url = url_text(fields["url"])
        if problem := web_address_problem(url):
            mistakes.append(
                Mistake(f"entry {_q(entry.key)} has the url {_q(url)}: {problem}", "url")
            )
        else:
            fields["url"] = url
    if "eprint" in fields:
        mistakes += _eprint(entry)
    return mistakes


def _material_links(entry: Entry) -> list[Mistake]:
    """Each link to a paper's material must be an absolute http(s) address: a
    file name (al-folio's ``pdf = {paper.pdf}``) means nothing off its site."""
    mistakes = []
    for name in LINK_FIELDS:
        if name not in entry.fields:
            continue
        address = url_text(entry.fields[name])
        if scheme_of(address) is None and not address.startswith("www."):
            mistakes.append(
                Mistake(
                    f"entry {_q(entry.key)} has the {name} {_q(address)}, a file name, not a "
                    "web address: give the full address (https://...) where readers find the "
                    "file (al-folio's files live on the al-folio site)",
                    name,
                )
            )
        elif problem := web_address_problem(address):
            mistakes.append(
                Mistake(
                    f"entry {_q(entry.key)} has the {name} {_q(address)}: {problem}; give the "
                    "full web address (https://...) where readers find it",
                    name,
                )
            )
        else:
            entry.fields[name] = address
    return mistakes


def _pubstate(entry: Entry) -> None:
    """``in press``, ``In-Press`` and ``inpress`` are biblatex's key ``inpress``."""
    if "pubstate" in entry.fields:
        squashed = re.sub(r"[\s_-]+", "", entry.fields["pubstate"]).casefold()
        if squashed in PUBSTATE_KEYS:
            entry.fields["pubstate"] = squashed


def _selected_flag(entry: Entry) -> list[Mistake]:
    """al-folio's ``selected = {true}`` is the keyword ``selected``."""
    if SELECTED_FIELD not in entry.fields:
        return []
    value = entry.fields[SELECTED_FIELD].strip().lower()
    if value in _TRUE:
        entry.fields["keywords"] = ", ".join([*keywords(entry), SELECTED_FIELD])
        return []
    if value in _FALSE:
        return []
    return [
        Mistake(
            f"entry {_q(entry.key)} has selected = {_q(entry.fields[SELECTED_FIELD])}; write "
            "true or false, or add the keyword 'selected' to keywords",
            SELECTED_FIELD,
        )
    ]


def is_arxiv(entry: Entry) -> bool:
    """An arXiv preprint: ``eprint`` with ``archiveprefix`` (or ``eprinttype``) arXiv."""
    return "eprint" in entry.fields and entry.fields.get("archiveprefix", "").lower() == "arxiv"


def _eprint(entry: Entry) -> list[Mistake]:
    """An arXiv identifier, an e-print's web address (bioRxiv exports its PDF's),
    or another archive's identifier (``eprinttype = {hdl}``)."""
    fields = entry.fields
    eprint = url_text(fields["eprint"])
    prefix = fields.get("archiveprefix", "").strip()
    bare = _ARXIV_PREFIX.sub("", eprint)
    if prefix.lower() == "arxiv" or (not prefix and _ARXIV.fullmatch(bare)):
        if not _ARXIV.fullmatch(bare):
            return [
                Mistake(
                    f"entry {_q(entry.key)} has the eprint {_q(fields['eprint'])}, which is not "
                    "an arXiv identifier (such as 2206.07741 or hep-th/9901001)",
                    "eprint",
                )
            ]
        fields["archiveprefix"] = "arXiv"
        fields["eprint"] = bare
        return []
    looks_like_an_address = scheme_of(eprint) is not None or eprint.startswith("www.")
    if looks_like_an_address and (problem := web_address_problem(eprint)):
        return [Mistake(f"entry {_q(entry.key)} has the eprint {_q(eprint)}: {problem}", "eprint")]
    fields["eprint"] = eprint
    return []


def _dates(entry: Entry) -> list[Mistake]:
    """``date``, ``year`` and ``month`` must each be valid, and agree."""
    fields = entry.fields
    what = f"entry {_q(entry.key)}"
    mistakes = []
    date = None
    if "date" in fields:
        try:
            date = EdtfDate.parse(fields["date"])
        except DateError as error:
            mistakes.append(Mistake(f"{what} has a bad date: {error}", "date"))
    if "urldate" in fields:
        try:
            EdtfDate.parse(fields["urldate"])
        except DateError as error:
            mistakes.append(Mistake(f"{what} has a bad urldate: {error}", "urldate"))
    year = fields.get("year", "").strip()
    if year and not re.fullmatch(r"\d{4}", year):
        mistakes.append(
            Mistake(f"{what} has the year {_q(year)}, which is not a four-digit year", "year")
        )
        year = ""
    month = None
    if "month" in fields:
        month = month_number(fields["month"])
        if month is None:
            mistakes.append(
                Mistake(
                    f"{what} has the month {_q(fields['month'])}, which is not a month; "
                    "write a number from 1 to 12 or a name such as aug",
                    "month",
                )
            )
    if date is not None:
        start = date.start
        if year and int(year) != start.year:
            mistakes.append(
                Mistake(
                    f"{what} has the date {_q(fields['date'])} and the year {_q(year)}, which "
                    "disagree; give one of them",
                    "year",
                )
            )
        elif month is not None and start.month is not None and month != start.month:
            mistakes.append(
                Mistake(
                    f"{what} has the date {_q(fields['date'])} and the month "
                    f"{_q(fields['month'])}, which disagree; give one of them",
                    "month",
                )
            )
    return mistakes


def _decoded(entry: Entry, name: str) -> list[Mistake]:
    value = entry.fields[name]
    try:
        text = decode(value)
    except MarkupError as error:
        return [Mistake(f"entry {_q(entry.key)}: the {name} {_q(value)}: {error}", name)]
    mistakes = []
    for url in links(text):
        if problem := web_address_problem(url):
            mistakes.append(
                Mistake(f"entry {_q(entry.key)}: the {name} links to {_q(url)}: {problem}", name)
            )
    return mistakes
