"""What the CV's own sources say, read without the engine: the outputs must show it.

The checks on the real CV (``test_cv.py``) compare both outputs with this
reading of the sources, so they follow the content: a new paper, a removed
section or a different person changes what is expected, not the tests. The
sources are read with plain tools (the landing page's table of contents, the
``cv-entry`` blocks and the prose lines of each page, ``refs.bib`` through
pybtex and pylatexenc), never with the engine's own code, so an engine that
drops or garbles something cannot also hide it from the checks.

Text is compared as its letters and digits only (:func:`letters`): typography
(quote marks, dashes, line breaks, hyphenation in the PDF) differs between the
outputs by design, words do not.
"""

from __future__ import annotations

import re
import runpy
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace
from typing import TYPE_CHECKING

from pybtex.database import Entry, Person, parse_file
from pylatexenc.latex2text import LatexNodes2Text

if TYPE_CHECKING:
    from pathlib import Path

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: EDTF's seasons, written as months 21 to 24 (``2016-23``: autumn 2016).
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
#: What a ``cv_*`` value left out of ``conf.py`` is: empty (a list or a mapping for these).
EMPTY_LISTS = ("cv_alumni_of", "cv_keywords", "cv_highlight_names", "cv_links", "cv_address")
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
_TO_TEXT = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


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
    """One ``cv-entry`` block as written."""

    title: str
    options: dict[str, str]
    body: list[str]

    def date_texts(self, language: str) -> list[str]:
        """How its dates read: ``Jun 2019``/``Present`` in English, the years otherwise."""
        shown = []
        for name in ("start", "end"):
            value = self.options.get(name, "").strip()
            if value.lower() == "present":
                shown.append("Present" if language == "en" else "")
            elif match := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?", value):
                year, month = match.groups()
                word = None
                if month and language == "en":
                    number = int(month)
                    word = MONTHS[number - 1] if number <= 12 else SEASONS.get(number)
                shown.append(f"{word} {year}" if word else year)
            elif value:
                shown.append(re.sub(r"\D", "", value)[:4])
        return [text for text in shown if text]


@dataclass
class Page:
    """One MyST page: its title, its prose lines (by output) and its entries."""

    docname: str
    title: str
    prose: dict[str, list[str]] = field(default_factory=lambda: {"html": [], "latex": []})
    entries: list[CvEntry] = field(default_factory=list)
    directives: set[str] = field(default_factory=set)


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
            if stack.pop()[1] == "cv-entry":
                entry = None
            options_follow = False
            continue
        if stack and stack[-1][1] == "code":
            continue  # a code block's lines are code, whatever they look like
        if fence and (name or marker[0] != ":"):
            # A directive, or a plain code block (```python): code is shown as code.
            name = name or "code"
            only = (
                {"html": "html", "latex": "latex"}.get(argument.strip()) if name == "only" else None
            )
            stack.append((marker, name, only))
            page.directives.add(name)
            if name == "cv-entry":
                entry = CvEntry(argument.strip(), {}, [])
                page.entries.append(entry)
            options_follow = True
            continue
        if options_follow and (option := _OPTION.match(line)):
            if entry is not None and stack[-1][1] == "cv-entry":
                entry.options[option.group(1)] = option.group(2)
            continue
        options_follow = False
        if any(name in SILENT for _, name, _ in stack) or line.startswith("%"):
            continue  # not shown as text; a MyST comment
        text = prose(line, conf)
        if not text:
            continue
        if not page.title and line.startswith("# "):
            page.title = text
        outputs = {only for _, _, only in stack if only} or {"html", "latex"}
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


@dataclass
class BibRecord:
    """One bib entry as its fields read, decoded from LaTeX."""

    key: str
    entry: Entry

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
        """Each author as the CV writes them, first names first."""
        return [
            "et al." if str(person) == "others" else person_text(person)
            for person in self.entry.persons.get("author", [])
        ]

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
            records += [BibRecord(key, entry) for key, entry in data.entries.items()]
        cited_only = {r.entry.fields.get("crossref", "").lower() for r in records}
        return [r for r in records if r.key.lower() not in cited_only]

    @property
    def publications(self) -> list[BibRecord]:
        return [record for record in self.bib if not record.is_talk]

    @property
    def talks(self) -> list[BibRecord]:
        return [record for record in self.bib if record.is_talk]

    @cached_property
    def pdf_name(self) -> str:
        return self.conf.latex_documents[0][1].removesuffix(".tex") + ".pdf"

    def highlighted(self, record: BibRecord) -> list[str]:
        """The authors of ``record`` that are the owner (``cv_highlight_names``)."""
        forms = {letters(person_text(Person(name))) for name in self.conf.cv_highlight_names}
        return [name for name in record.authors() if letters(name) in forms]
