"""What the CV's own sources say, read without the engine: the outputs must show it.

The checks on the real CV (``test_cv.py``) compare both outputs with this
reading of the sources, so they follow the content: a new paper, a removed
section or a different person changes what is expected, not the tests. The
sources are read with plain tools (the landing page's table of contents, the
entry blocks (``cv-entry``, ``cv-grant``, ``cv-award``, ``cv-teaching``,
``cv-supervision``, ``cv-service``) and the prose lines of each page, ``refs.bib`` through
pybtex and pylatexenc), never with the engine's own code, so an engine that
drops or garbles something cannot also hide it from the checks.

Text is compared as its letters and digits only (:func:`letters`): typography
(quote marks, dashes, line breaks, hyphenation in the PDF) differs between the
outputs by design, words do not.
"""

from __future__ import annotations

import gettext
import re
import runpy
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace
from typing import TYPE_CHECKING

from pybtex.database import Entry, Person, parse_file
from pylatexenc.latex2text import LatexNodes2Text
from sphinx.util.tags import Tags

if TYPE_CHECKING:
    from pathlib import Path

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: EDTF's seasons, written as months 21 to 24 (``2016-23``: autumn 2016).
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
#: What a ``cv_*`` value left out of ``conf.py`` is: empty (a list or a mapping for these).
EMPTY_LISTS = ("cv_alumni_of", "cv_keywords", "cv_highlight_names", "cv_links", "cv_address")
#: The directives that make an entry, each with the options it shows where ``cv-entry``
#: shows its organisation (and an award's one ``:date:``, which reads as a start).
ENTRY_DIRECTIVES = {
    "cv-entry": {},
    "cv-grant": {"funder": "organisation"},
    "cv-award": {"by": "organisation", "date": "start"},
    "cv-teaching": {"institution": "organisation"},
    "cv-supervision": {"institution": "organisation"},
    "cv-service": {"body": "organisation"},
}
#: How each ``cv_date_style`` writes a month: ``Jun 2019``, ``June 2019``...
MONTH_FORMS = {
    "short": lambda year, month: f"{MONTHS[month - 1]} {year}",
    "long": lambda year, month: f"{LONG_MONTHS[month - 1]} {year}",
    "numeric": lambda year, month: f"{month:02d}/{year}",
    "iso": lambda year, month: f"{year}-{month:02d}",
    "year": lambda year, month: year,
}
LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
#: An academic term as written: ``Fall 2021``.
_TERM = re.compile(r"(Winter|Spring|Summer|Fall|Autumn)\s+(\d{4})", re.IGNORECASE)
#: Options of a directive: ``:name: value`` lines right under its first line.
_OPTION = re.compile(r"^:([\w-]+):\s*(.*)$")
_FENCE = re.compile(r"^(:{3,}|`{3,}|~{3,})\s*(?:\{([\w:-]+)\})?\s*(.*)$")
_ROLE = re.compile(r"\{([\w:-]+)\}`([^`]*)`")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
#: Directives whose content is not shown as text (tables of contents, raw output...).
SILENT = {"toctree", "raw", "cv-sections", "cv-header", "cv-publications", "cv-talks",
          "bibliography", "image", "figure", "code-block", "include", "code", "math"}  # fmt: skip
#: What is left of a line that is still markup the simple reader does not follow.
_UNREAD = re.compile(r"[{}<>|$\\]|^\[\^|^\s*\d+\.\s*$")
# Math as the outputs show it: `$\\nu_e$` reads as the Greek letter and an e.
_TO_TEXT = LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


def letters(text: str) -> str:
    """Only the letters and digits of ``text``, case-folded (how outputs are compared)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if char.isalnum())


def in_order(fragments: list[str], text: str) -> list[str]:
    """The fragments not found in ``text`` one after another (empty: all in order)."""
    haystack, position, missing = letters(text), 0, []
    for fragment in fragments:
        found = haystack.find(letters(fragment), position)
        if found < 0:
            missing.append(fragment)
        else:
            position = found + len(letters(fragment))
    return missing


@dataclass
class CvEntry:
    """One entry block as written (a ``cv-entry``, or one of :data:`ENTRY_DIRECTIVES`):
    its options as written, plus ``organisation`` and ``start`` for the options that
    stand for them."""

    title: str
    options: dict[str, str]
    body: list[str]
    directive: str = "cv-entry"
    date_style: str = "short"

    def add_option(self, name: str, value: str) -> None:
        self.options[name] = value
        if standing_for := ENTRY_DIRECTIVES[self.directive].get(name):
            self.options[standing_for] = value

    def date_texts(self, language: str) -> list[str]:
        """How its dates read: ``Jun 2019``/``Present``/``Fall 2021`` in English (in the
        CV's date style), the years otherwise; of a list of years, the first and last."""
        if years := re.findall(r"\d{4}", self.options.get("years", "")):
            return list(dict.fromkeys((min(years), max(years))))
        values = [self.options.get(name, "").strip() for name in ("start", "end")]
        values += [term.strip() for term in self.options.get("terms", "").split(",")]
        shown = [self._date_text(value, language) for value in values if value]
        return [text for text in shown if text]

    def _date_text(self, value: str, language: str) -> str:
        english = language == "en" and self.date_style != "year"
        if value.lower() == "present":
            return "Present" if language == "en" else ""
        if match := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?", value):
            year, month = match.groups()
            number = int(month) if month else 0
            if english and number in SEASONS:
                return f"{SEASONS[number]} {year}"
            if english and 1 <= number <= 12:
                return MONTH_FORMS[self.date_style](year, number)
            return year
        if english and _TERM.fullmatch(value):
            return value
        return re.sub(r"\D", "", value)[:4]


@dataclass
class Page:
    """One MyST page: its title, its prose lines (by output) and its entries."""

    docname: str
    title: str
    prose: dict[str, list[str]] = field(default_factory=lambda: {"html": [], "latex": []})
    entries: list[CvEntry] = field(default_factory=list)
    directives: set[str] = field(default_factory=set)


#: The tags an ``{only}`` block is tested against: the website's build, and the full
#: CV's PDF (a variant's name is a tag in its own PDF alone).
OUTPUT_TAGS = {
    "html": {"html", "format_html", "builder_html"},
    "latex": {"latex", "format_latex", "latexpdf", "builder_latexpdf"},
}


def shown_in(conditions: list[str]) -> set[str]:
    """The outputs that show text inside ``{only}`` blocks of these conditions."""
    return {
        output
        for output, tags in OUTPUT_TAGS.items()
        if all(Tags(tags).eval_condition(condition) for condition in conditions)
    }


def read_page(path: Path, docname: str, conf: SimpleNamespace) -> Page:  # noqa: PLR0912 - one pass
    """The page as a reader of its Markdown sees it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].strip() == "---":  # front matter
        end = lines.index("---", 1)
        lines = lines[end + 1 :]
    page = Page(docname, "")
    # Each open fence: (marker, directive name, only-for output or None).
    stack: list[tuple[str, str, str | None]] = []
    entry: CvEntry | None = None
    options_follow = False
    in_comment = False
    for raw in lines:
        line = raw.strip()
        if in_comment or line.startswith("<!--"):
            in_comment = "-->" not in line
            continue
        fence = _FENCE.match(line)
        marker, name, argument = fence.groups() if fence else ("", None, "")
        if fence and stack and marker == stack[-1][0] and not name and not argument:
            if stack.pop()[1] in ENTRY_DIRECTIVES:
                entry = None
            options_follow = False
            continue
        if stack and stack[-1][1] == "code":
            continue  # a code block's lines are code, whatever they look like
        if fence and (name or marker[0] != ":"):
            # A directive, or a plain code block (```python): code is shown as code.
            name = name or "code"
            only = argument.strip() if name == "only" else None
            stack.append((marker, name, only))
            page.directives.add(name)
            if name in ENTRY_DIRECTIVES:
                style = getattr(conf, "cv_date_style", "short")
                entry = CvEntry(argument.strip(), {}, [], name, style)
                page.entries.append(entry)
            options_follow = True
            continue
        if options_follow and (option := _OPTION.match(line)):
            if entry is not None and stack[-1][1] in ENTRY_DIRECTIVES:
                entry.add_option(*option.groups())
            continue
        options_follow = False
        if any(name in SILENT for _, name, _ in stack) or line.startswith("%"):
            continue  # not shown as text; a MyST comment
        text = prose(line, conf)
        if not text:
            continue
        if not page.title and line.startswith("# "):
            page.title = text
        outputs = shown_in([only for _, _, only in stack if only])
        for output in outputs:
            page.prose[output].append(text)
        if entry is not None:
            entry.body.append(text)
    return page


def prose(line: str, conf: SimpleNamespace) -> str:
    """A line's text as the outputs show it ("" for one the simple reader cannot follow):
    a heading's or a list item's marker taken off, inline markup read."""
    line = line.lstrip("#").strip() if line.startswith("#") else line
    text = _text(re.sub(r"^([-*+]|\d+[.)])\s+", "", line), conf)
    return "" if _UNREAD.search(text) else text


def _text(markdown: str, conf: SimpleNamespace) -> str:
    def role(match: re.Match[str]) -> str:
        name, content = match.groups()
        return str(getattr(conf, f"cv_{content.strip()}", "")) if name == "cv" else content

    text = _ROLE.sub(role, markdown)
    text = _LINK.sub(r"\1", _IMAGE.sub("", text))
    return text.replace("**", "").replace("__", "").replace("`", "").strip()


#: A ``cv-publications`` directive's first line and the option lines under it.
_LIST_OPTIONS = re.compile(r"^[:`]{3,}\{cv-publications\}[^\n]*\n((?:[ \t]*:[\w-]+:.*\n)*)", re.M)


@dataclass
class BibRecord:
    """One bib entry as its fields read, decoded from LaTeX."""

    key: str
    entry: Entry
    #: ``cv_max_authors``: a longer author list shows its first names and the owner.
    max_authors: int = 0
    #: The owner's name forms, as :func:`letters` of the name read first names first.
    owner_forms: frozenset[str] = frozenset()

    def field(self, name: str) -> str:
        value = self.entry.fields.get(name, "")
        return _TO_TEXT.latex_to_text(value).strip() if value else ""

    @property
    def keywords(self) -> set[str]:
        words = re.split(r"[,;]", self.entry.fields.get("keywords", ""))
        return {word.strip().lower() for word in words if word.strip()}

    @property
    def is_talk(self) -> bool:
        return "talk" in self.keywords

    @property
    def title(self) -> str:
        return self.field("title")

    @property
    def year(self) -> str:
        return (self.field("year") or self.field("date"))[:4]

    def authors(self) -> list[str]:
        """Each author the CV shows, as it writes them, first names first: past
        ``cv_max_authors`` names, the first ones and the owner."""
        people = self.entry.persons.get("author", [])
        named = [person_text(person) for person in people if str(person) != "others"]
        if self.max_authors and len(named) > self.max_authors:
            kept = named[: self.max_authors]
            owner = [name for name in named if letters(name) in self.owner_forms]
            return kept + [name for name in owner[:1] if name not in kept]
        return ["et al." if str(person) == "others" else person_text(person) for person in people]

    def editors(self) -> list[str]:
        """Each editor, first names first."""
        return [person_text(person) for person in self.entry.persons.get("editor", [])]

    @property
    def doi(self) -> str:
        return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", self.field("doi"), flags=re.I)

    @property
    def arxiv(self) -> str:
        prefix = (self.field("archiveprefix") or self.field("eprinttype")).lower()
        return self.field("eprint") if prefix == "arxiv" else ""


def person_text(person: Person) -> str:
    parts = [*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names]
    return _TO_TEXT.latex_to_text(" ".join(parts))


class CvSources:
    """The project's sources: ``conf.py``, the pages in their order, the bib files."""

    def __init__(self, project: Path) -> None:
        self.project = project

    @cached_property
    def conf(self) -> SimpleNamespace:
        """``conf.py``'s values, with every ``cv_*`` value it leaves out empty."""
        values = runpy.run_path(str(self.project / "conf.py"))
        defaults = {name: [] for name in EMPTY_LISTS} | {"cv_profiles": {}}
        for name in ("name", "full_name", "honorific", "role", "email", "website", "phone"):
            defaults[f"cv_{name}"] = ""
        return SimpleNamespace(**(defaults | values))

    @cached_property
    def language(self) -> str:
        return getattr(self.conf, "language", None) or "en"

    @cached_property
    def root(self) -> Page:
        return read_page(self.project / "index.md", "index", self.conf)

    @cached_property
    def toc(self) -> list[str]:
        """The landing page's table of contents: the CV's sections, in order."""
        text = (self.project / "index.md").read_text(encoding="utf-8")
        block = re.search(r"^(`{3,}|:{3,})\{toctree\}.*?\n(.*?)^\1", text, re.M | re.S)
        assert block, "index.md has no toctree"
        return [
            line.strip().removesuffix(".md")
            for line in block.group(2).splitlines()
            if line.strip() and not line.strip().startswith(":")
        ]

    @cached_property
    def sections(self) -> list[Page]:
        return [read_page(self.project / f"{name}.md", name, self.conf) for name in self.toc]

    @cached_property
    def bib(self) -> list[BibRecord]:
        records = []
        for name in self.conf.bibtex_bibfiles:
            data = parse_file(str(self.project / name), bib_format="bibtex")
            records += [
                BibRecord(key, entry, self.max_authors, self.owner_forms)
                for key, entry in data.entries.items()
            ]
        # A crossref target is listed only when it is the owner's (a volume they edited);
        # biblatex's @xdata and @set hold data for other entries, never a work.
        cited = {r.entry.fields.get("crossref", "").lower() for r in records}
        return [
            r
            for r in records
            if (r.key.lower() not in cited or self.names_owner(r))
            and r.entry.type.lower() not in {"xdata", "set"}
        ]

    def names_owner(self, record: BibRecord) -> bool:
        people = [p for role in ("author", "editor") for p in record.entry.persons.get(role, [])]
        return any(letters(person_text(person)) in self.owner_forms for person in people)

    @property
    def publications(self) -> list[BibRecord]:
        return [record for record in self.bib if not record.is_talk]

    @property
    def selected(self) -> list[BibRecord]:
        """The publications with the keyword ``selected`` (or al-folio's field)."""
        return [
            record
            for record in self.publications
            if "selected" in record.keywords
            or record.field("selected").lower() in {"true", "yes", "1"}
        ]

    def listed_publications(self, docname: str) -> list[BibRecord]:
        """The papers a page's lists show, each once however many lists show it (a
        selected list above the full one): all, unless every list is ``:selected:``."""
        text = (self.project / f"{docname}.md").read_text(encoding="utf-8")
        lists = _LIST_OPTIONS.findall(text)
        if lists and all(re.search(r"^\s*:selected:", options, re.M) for options in lists):
            return self.selected
        return self.publications

    @property
    def talks(self) -> list[BibRecord]:
        return [record for record in self.bib if record.is_talk]

    @property
    def max_authors(self) -> int:
        return getattr(self.conf, "cv_max_authors", 0) or 0

    @cached_property
    def owner_forms(self) -> frozenset[str]:
        return frozenset(
            letters(person_text(Person(name))) for name in self.conf.cv_highlight_names
        )

    @cached_property
    def pdf_name(self) -> str:
        return self.conf.latex_documents[0][1].removesuffix(".tex") + ".pdf"

    def generated(self, message: str) -> str:
        """A text the engine writes (its English), as the CV's language has it in the
        engine's message catalog."""
        catalog = gettext.translation(
            "cv", self.project / "_ext" / "cv" / "locale", [self.language], fallback=True
        )
        return catalog.gettext(message)

    @cached_property
    def variants(self) -> dict[str, dict]:
        """``cv_variants`` as ``conf.py`` declares them (none if it declares none)."""
        return dict(getattr(self.conf, "cv_variants", None) or {})

    def variant_pdf_name(self, name: str) -> str:
        """A variant's PDF: its ``file``, or the full CV's name and the variant's."""
        stem = self.pdf_name.removesuffix(".pdf")
        file = self.variants[name].get("file", f"{stem}-{name.lower()}")
        return file.removesuffix(".tex") + ".pdf"

    @cached_property
    def downloads(self) -> list[tuple[str, str]]:
        """``(link text, PDF name)`` of each PDF the site offers, the full CV first: one
        "Download PDF" link, or the full CV's and each variant's label."""
        if not self.variants:
            return [(self.generated("Download PDF"), self.pdf_name)]
        labels = {name: v.get("label", v["title"]) for name, v in self.variants.items()}
        return [(self.generated("full CV"), self.pdf_name)] + [
            (" ".join(label.split()), self.variant_pdf_name(name)) for name, label in labels.items()
        ]

    def highlighted(self, record: BibRecord) -> list[str]:
        """The authors and editors of ``record`` that are the owner (``cv_highlight_names``)."""
        forms = {letters(person_text(Person(name))) for name in self.conf.cv_highlight_names}
        return [name for name in record.authors() + record.editors() if letters(name) in forms]
