"""Checks of the hand-edited bib files, with messages that name the file and line.

sphinxcontrib-bibtex parses ``bibtex_bibfiles`` with pybtex in strict mode:
a BibTeX syntax error (an unbalanced brace, a missing comma) stops the build
with a traceback, a repeated key or field ends the parse with a warning that
names no line and silently drops every entry after it, and a paper without a
year crashes the sorting with another traceback. This module parses the files
instead, once, just before sphinxcontrib-bibtex would (``builder-inited`` at a
higher priority), with pybtex's errors collected rather than raised, and hands
it the parsed data, which it then finds up to date and does not parse again.

Every mistake becomes one Sphinx error, ``refs.bib:42: entry 'x' has no
year``, of type ``cv.bibfile``, so that the build fails. The checks:

- BibTeX syntax: what pybtex reports (with its line), and text left between
  entries, which is how a ``}`` too many shows (pybtex ignores it silently);
- a key used twice, a field given twice in one entry;
- what :mod:`.bibentries` finds in the fields: an unknown entry type, a
  crossref to nothing, a malformed author list, a DOI, URL, date or month
  that is not one, LaTeX that cannot be shown, an unsafe link;
- every entry has a title and authors; a publication has a year (or
  ``date``) and a venue (``journal``, ``booktitle`` or ``eprint``); a talk
  (keyword ``talk``) has a ``date`` and an ``eventtitle``.

An entry that names none of the owner's name forms (``cv_highlight_names``)
is a warning: it is shown, but the owner's name is not in bold.

An entry with a mistake is left out of the parsed data, so that nothing
downstream (sorting, formatting) fails again on it with a vaguer message: the
CV is never built with a wrong entry, and the error says which one is missing.
The messages are kept in the environment with the parsed data, so a rebuild in
which the bib files did not change repeats them without parsing again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pybtex.errors
from pybtex.database import BibliographyDataError
from pybtex.database.input.bibtex import DuplicateField, Parser, UndefinedMacro, split_name_list
from pybtex.scanner import PrematureEOF, PybtexSyntaxError
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime, is_bibdata_outdated

from . import bibentries
from .bibauthors import (
    DEFAULT_MARKS,
    annotation_mistakes,
    configured_marks,
    highlighted_keys,
    name_key,
    names_owner,
)
from .bibmarkup import plain
from .bibstyle import TEXT_FIELDS, UNDATED_STATES, is_talk

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping, Sequence

    from pybtex.database import Entry
    from pybtex.exceptions import PybtexError
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Where the messages of the last check are kept, with the parsed data.
ENV_ATTRIBUTE = "cv_bibcheck_results"
#: Where each entry starts, ``{key: (path, line)}``, for messages about it later.
PLACES_ATTRIBUTE = "cv_bib_places"
#: Runs before sphinxcontrib-bibtex's own ``builder-inited`` handler (500).
PRIORITY = 450

#: Entry types that name where they appeared, and the fields that can say it.
VENUE_NEEDED = {
    ("article",): (("journal", "eprint"), "a journal (or, for a preprint, an eprint)"),
    ("inproceedings", "conference", "incollection", "inbook"): (
        ("booktitle", "journal", "eprint"),
        "a booktitle",
    ),
    ("phdthesis", "mastersthesis", "thesis"): (("institution",), "a school or institution"),
    ("techreport", "report"): (("institution",), "an institution"),
    ("patent",): (("number",), "the patent's number"),
}
NOT_ENTRIES = frozenset({"comment", "string", "preamble"})

# ``@type{key,``: the start of a command, as pybtex's scanner reads it.
_HEAD = re.compile(r"@\s*(\w+)\s*([{(])\s*([^\s,}]*)")
_BRACKETS = re.compile(r"[{}()]")
_STRAY = re.compile(r"[={}]")
_DUPLICATE_FIELD = re.compile(r"entry with key (.+) has a duplicate (\S+) field")
_REPEATED_ENTRY = re.compile(r"repeated bibliography entry: (.+)")


@dataclass(frozen=True)
class Problem:
    """One mistake in a bib file: where it is, what it is, which entry it spoils."""

    path: Path
    line: int | None
    message: str
    key: str | None = None
    #: "error": the entry is left out; "warning": it is shown, but check it.
    level: str = "error"

    def log_arguments(self) -> tuple[str, str, str | None]:
        """The level, the message and the location Sphinx prints before it, ``path:line``.

        Sphinx reads a location without a line as a document name, so a
        problem without a line names its file in the message instead.
        """
        if self.line is None:
            return self.level, f"{self.path}: {self.message}", None
        return self.level, self.message, f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Head:
    """A command (entry, ``@string``, ``@comment``...) found in the raw text."""

    start: int
    line: int
    kind: str
    key: str
    end: int | None  # the offset of its closing delimiter; None if it never closes

    @property
    def is_entry(self) -> bool:
        return self.kind.lower() not in NOT_ENTRIES


class BibText:
    """A bib file's raw text, scanned for its commands and their lines."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.heads = _scan_heads(text)

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def entries_named(self, key: str) -> list[Head]:
        return [h for h in self.heads if h.is_entry and h.key.lower() == key.lower()]

    def head_at(self, offset: int) -> Head | None:
        return next((head for head in self.heads if head.start == offset), None)

    def head_around(self, offset: int) -> Head | None:
        """The entry whose text holds ``offset``."""
        before = [head for head in self.heads if head.start <= offset]
        return before[-1] if before else None

    def span(self, head: Head) -> str:
        later = [h.start for h in self.heads if h.start > head.start]
        end = head.end + 1 if head.end is not None else (later[0] if later else len(self.text))
        return self.text[head.start : end]

    def field_lines(self, head: Head, name: str) -> list[int]:
        """Lines on which ``head``'s entry sets the field ``name``."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}\s*=", re.IGNORECASE)
        return [
            self.line_of(head.start + match.start()) for match in pattern.finditer(self.span(head))
        ]


def _scan_heads(text: str) -> list[Head]:
    """Every top-level ``@command{`` with the offset where it closes.

    Braces are counted as BibTeX counts them; an ``@`` inside a command's
    braces is not a command. If a command never closes, the scan goes on
    after its head, as pybtex recovers at the next ``@``.
    """
    heads: list[Head] = []
    position = 0
    while match := _HEAD.search(text, position):
        kind, opener, key = match.groups()
        end = _closing(text, match.start(2), opener)
        line = text.count("\n", 0, match.start()) + 1
        heads.append(Head(match.start(), line, kind, key, end))
        position = end + 1 if end is not None else match.end()
    return heads


def _closing(text: str, start: int, opener: str) -> int | None:
    depth = 0
    for match in _BRACKETS.finditer(text, start):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and opener == "{":
                return match.start()
        elif char == ")" and opener == "(" and depth == 0:
            return match.start()
    return None


# -- parsing ------------------------------------------------------------------


def check_bib_files(
    bibfiles: Sequence[Path],
    encoding: str,
    owner_names: Sequence[str] = (),
    marks: Collection[str] = tuple(DEFAULT_MARKS),
) -> tuple[BibData, list[Problem], dict[str, tuple[str, int]]]:
    """Parse ``bibfiles`` as sphinxcontrib-bibtex does, and check them.

    Returns sphinxcontrib-bibtex's parsed data without the entries that have a
    mistake (nor the proceedings and books that only serve as crossref
    targets), the mistakes, in file and line order, and where each entry
    starts, ``{key: (path, line)}``. ``owner_names`` are the owner's name
    forms: an entry that names none of them is a warning. ``marks`` are the
    names an ``author+an`` annotation may give (``cv_author_marks``).
    """
    # Names stay raw text: bibentries splits them, and says what is wrong.
    parser = Parser(encoding, person_fields=())
    keys: dict[str, None] = {}
    files: dict[Path, BibFile] = {}
    texts: list[BibText] = []
    problems: list[Problem] = []
    for path in bibfiles:
        mtime = get_mtime(path)
        try:
            raw = path.read_bytes()
        except OSError:
            # sphinxcontrib-bibtex warns "could not open bibtex file" itself.
            files[path] = BibFile(mtime=mtime, keys={})
            continue
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            message = f"the file is not {encoding} text ({error.reason}); save it as UTF-8"
            problems.append(Problem(path, line, message))
            files[path] = BibFile(mtime=mtime, keys={})
            continue
        bib = BibText(path, text)
        parser.filename = str(path)
        with pybtex.errors.capture() as errors:
            parser.parse_string(text)
        keys, old_keys = dict.fromkeys(parser.data.entries.keys()), keys
        new_keys = {key: None for key in keys if key not in old_keys}
        files[path] = BibFile(mtime=mtime, keys=new_keys)
        problems += _parse_problems(bib, errors, texts)
        problems += _stray_text(bib)
        texts.append(bib)
    problems += _content_problems(parser.data.entries, texts, problems, owner_names, marks)
    problems.sort(key=lambda p: (bibfiles.index(p.path), p.line or 0))
    places: dict[str, tuple[str, int]] = {}
    for bib in texts:
        for head in bib.heads:
            if head.is_entry:
                places.setdefault(head.key, (str(bib.path), head.line))
    return _without(BibData(encoding, files, parser.data), problems), problems, places


def _without(bibdata: BibData, problems: Iterable[Problem]) -> BibData:
    """The parsed data without the entries an error names, or that are not listed."""
    bad = {problem.key.lower() for problem in problems if problem.key and problem.level == "error"}
    bad |= {
        key.lower()
        for key, entry in bibdata.data.entries.items()
        if entry.fields.get(UNLISTED) or entry.type.lower() in UNLISTED_TYPES
    }
    for key in [key for key in bibdata.data.entries if key.lower() in bad]:
        del bibdata.data.entries[key]
    files = {
        path: BibFile(bibfile.mtime, {k: None for k in bibfile.keys if k.lower() not in bad})
        for path, bibfile in bibdata.bibfiles.items()
    }
    return BibData(bibdata.encoding, files, bibdata.data)


def _parse_problems(
    bib: BibText, errors: Iterable[PybtexError], earlier: Sequence[BibText]
) -> list[Problem]:
    """pybtex's errors, located and said plainly.

    Only the first syntax error of a command is reported: the parser's next
    complaints about it (a ``}`` expected after an unbraced value...) follow
    from the first.
    """
    found = []
    commands_in_error = set()
    for error in errors:
        if isinstance(error, PybtexSyntaxError):
            command = error.error_context_info[0] if error.error_context_info else None
            if command is None or command not in commands_in_error:
                found.append(_syntax_problem(bib, error))
            commands_in_error.add(command)
        elif isinstance(error, DuplicateField):
            found.append(_duplicate_field(bib, error))
        elif isinstance(error, BibliographyDataError) and (
            repeated := _REPEATED_ENTRY.fullmatch(str(error))
        ):
            found.append(_duplicate_key(bib, repeated.group(1), earlier))
        else:
            found.append(Problem(bib.path, None, str(error)))
    return found


def _syntax_problem(bib: BibText, error: PybtexSyntaxError) -> Problem:
    """A syntax error at pybtex's line, naming the entry it is in and where that starts."""
    context = error.error_context_info
    head = bib.head_at(context[0]) if context and len(context) == 3 else None
    if head is None:
        where, key = "", None
    else:
        where = f" in entry {head.key!r}" if head.is_entry else f" in @{head.kind}"
        if head.line != error.lineno:
            where += f" (which starts on line {head.line})"
        key = head.key if head.is_entry else None
    if isinstance(error, UndefinedMacro):
        detail = f"{error.args[0]!r} is not a defined @string; put text in braces: {{...}}"
    elif isinstance(error, PrematureEOF):
        detail = "the file ends inside it; is a '{' or '\"' left open?"
    else:
        detail = error.args[0]
        if detail == "'}' expected":
            detail += "; is a comma missing, or a brace unbalanced?"
    return Problem(bib.path, error.lineno, f"BibTeX syntax error{where}: {detail}", key)


def _duplicate_field(bib: BibText, error: DuplicateField) -> Problem:
    match = _DUPLICATE_FIELD.fullmatch(str(error))
    if not match:
        return Problem(bib.path, None, str(error))
    key, field = match.groups()
    heads = bib.entries_named(key)
    if not heads:
        return Problem(bib.path, None, f"entry {key!r} gives {field} twice", key)
    lines = bib.field_lines(heads[-1], field)
    if len(lines) >= 2:
        where = (
            f"on line {lines[1]}" if lines[0] == lines[1] else f"on lines {lines[0]} and {lines[1]}"
        )
        return Problem(bib.path, lines[1], f"entry {key!r} gives {field} twice, {where}", key)
    return Problem(bib.path, heads[-1].line, f"entry {key!r} gives {field} twice", key)


def _duplicate_key(bib: BibText, key: str, earlier: Sequence[BibText]) -> Problem:
    here = bib.entries_named(key)
    previous = [(other, head) for other in earlier for head in other.entries_named(key)]
    previous += [(bib, head) for head in here[:-1]]
    if not here or not previous:
        return Problem(bib.path, None, f"the key {key!r} is used by two entries", key)
    other, first = previous[0]
    where = f"line {first.line}" if other is bib else f"{other.path}:{first.line}"
    message = f"entry {key!r} has the same key as the entry on {where}; keys must be unique"
    return Problem(bib.path, here[-1].line, message, key)


def _stray_text(bib: BibText) -> list[Problem]:
    """Fields after an entry's end: it was closed early, by a ``}`` too many.

    pybtex, like BibTeX, skips any text between entries without a word; a
    line there that looks like a field (``=`` or braces) is a mistake. Lines
    starting with ``%`` are comments and are left alone.
    """
    found = []
    for head, after in zip(bib.heads, [*bib.heads[1:], None], strict=False):
        if head.end is None or not head.is_entry:
            continue
        stop = after.start if after else len(bib.text)
        offset = head.end + 1
        for text in bib.text[offset:stop].splitlines(keepends=True):
            stripped = text.strip()
            if stripped and not stripped.startswith("%") and _STRAY.search(stripped):
                message = (
                    f"entry {head.key!r} (line {head.line}) ends before this text, which "
                    f"BibTeX ignores: {stripped!r}; is there a '}}' too many?"
                )
                found.append(Problem(bib.path, bib.line_of(offset), message, head.key))
                break
            offset += len(text)
    return found


# -- contents -------------------------------------------------------------------------

#: Marks an entry that only serves as a crossref target: it is not listed.
UNLISTED = "cv-unlisted"
#: Entries that hold data for others, never works of their own: biblatex's
#: ``@xdata`` (shared fields) and ``@set`` (its members are listed, each alone).
UNLISTED_TYPES = frozenset({"xdata", "set"})


def _content_problems(
    entries: Mapping[str, Entry],
    texts: Sequence[BibText],
    found: Sequence[Problem],
    owner_names: Sequence[str],
    marks: Collection[str],
) -> list[Problem]:
    """What the entries say, checked once every file is read (crossrefs may
    point from one file to another)."""
    where = {head.key.lower(): (bib, head) for bib in texts for head in bib.heads if head.is_entry}
    spoilt = {problem.key.lower() for problem in found if problem.key}
    sound = {key: entry for key, entry in entries.items() if key.lower() not in spoilt}
    mistakes: dict[str, list[bibentries.Mistake]] = {}
    for key, entry in sound.items():
        if mistake := bibentries.type_mistake(entry):
            mistakes[key.lower()] = [mistake]
    inherited, targets = bibentries.inherit(
        {key: entry for key, entry in sound.items() if key.lower() not in mistakes}
    )
    for key, found_mistakes in inherited.items():
        mistakes.setdefault(key, []).extend(found_mistakes)
    owner = highlighted_keys(owner_names)
    warnings: dict[str, list[bibentries.Mistake]] = {}
    for key, entry in sound.items():
        lower = key.lower()
        if lower in mistakes:
            continue
        # A proceedings you edited stays yours, even when papers cite it.
        only_a_target = lower in targets and not (owner and _names_owner_raw(entry, owner))
        if only_a_target or entry.type.lower() in UNLISTED_TYPES:
            entry.fields[UNLISTED] = "yes"
            continue
        bibentries.remember_as_written(entry)
        found_here = bibentries.normalise(entry, TEXT_FIELDS)
        found_here += annotation_mistakes(entry, marks)
        named = {mistake.field for mistake in found_here}
        found_here += [
            bibentries.Mistake(message, field)
            for message, field in _field_mistakes(entry)
            # A name list that could not be read is not also "missing".
            if not (field is None and "author" in named and "has no author" in message)
        ]
        if found_here:
            mistakes[lower] = found_here
        elif owner and not names_owner(entry, owner) and not _collaboration_paper(entry):
            warnings[lower] = [_not_the_owner(entry, owner_names)]
    written_keys = {key.lower(): key for key in entries}
    problems = []
    for level, by_key in (("error", mistakes), ("warning", warnings)):
        for lower, listed in by_key.items():
            bib, head = where.get(lower, (texts[-1] if texts else None, None))
            key = written_keys[lower]
            for mistake in listed:
                lines = bib.field_lines(head, mistake.field) if head and mistake.field else []
                line = lines[0] if lines else head.line if head else None
                path = bib.path if bib else Path("refs.bib")
                problems.append(Problem(path, line, mistake.message, key, level))
    return problems


def _names_owner_raw(entry: Entry, owner: Collection[tuple[str, str]]) -> bool:
    """Whether an entry not yet normalised names the owner as author or editor."""
    people = [
        person
        for role in ("author", "editor")
        for name in split_name_list(entry.fields.get(role, ""))
        if (person := bibentries.read_person(name.strip())) is not None
    ]
    return any(name_key(person) in owner for person in people)


def _collaboration_paper(entry: Entry) -> bool:
    """A collaboration's paper whose exported list stops before the owner's name
    (INSPIRE's ``and others``): the owner is among the others, not missing."""
    people = entry.persons.get("author", [])
    return "collaboration" in entry.fields and any(bibentries.is_others(p) for p in people)


def _not_the_owner(entry: Entry, owner_names: Sequence[str]) -> bibentries.Mistake:
    what = "talk" if is_talk(entry) else "entry"
    people = entry.persons.get("author", [])
    shown = "; ".join(plain(str(person)) for person in people)
    hint = (
        " (if you are among its 'others', write the authors out up to your name, or, for a "
        "collaboration's paper, name it: collaboration = {...})"
        if any(bibentries.is_others(person) for person in people)
        else ""
    )
    return bibentries.Mistake(
        f"{what} {entry.key!r} names you in none of the forms of cv_highlight_names "
        f"({'; '.join(owner_names)}), so your name is not set in bold; its authors are "
        f"{shown}: add the form used here to cv_highlight_names in conf.py{hint}",
        "author",
    )


def _no_people(talk: bool) -> str:
    if talk:
        return "no author: name the speakers"
    return (
        "no author or editor: name the people (a body in double braces, "
        "author = {{Example Consortium}})"
    )


def _field_mistakes(entry: Entry) -> list[tuple[str, str | None]]:
    """Each missing field's message, and the field to point at (None: the entry's head)."""
    talk = is_talk(entry)
    what = f"talk {entry.key!r}" if talk else f"entry {entry.key!r}"
    fields = {name.lower(): value.strip() for name, value in entry.fields.items()}
    found: list[tuple[str, str | None]] = []
    if not fields.get("title") and not talk:
        found.append((f"{what} has no title", None))
    if not entry.persons.get("author") and (talk or not entry.persons.get("editor")):
        found.append((f"{what} has {_no_people(talk)}", None))
    if talk:
        if not fields.get("date"):
            found.append((f"{what} has no date: give an ISO date or range", None))
        if not fields.get("eventtitle"):
            found.append((f"{what} has no eventtitle: name the event or its host", None))
    else:
        undated_state = fields.get("pubstate", "").lower() in UNDATED_STATES
        if not fields.get("year") and not fields.get("date") and not undated_state:
            found.append((f"{what} has no year (or a pubstate such as submitted)", None))
        for kinds, (names, described) in VENUE_NEEDED.items():
            if entry.type.lower() in kinds and not any(fields.get(name) for name in names):
                found.append((f"{what} has no venue: give {described}", None))
    return found


# -- Sphinx -------------------------------------------------------------------------


def citation_locations(env: BuildEnvironment) -> dict[str, str]:
    """``refs.bib:LINE (entry KEY)`` for each citation's node id: where a message
    about a publication's text should send the owner."""
    places = getattr(env, PLACES_ATTRIBUTE, {})
    if not places or "cite" not in env.domains:
        return {}
    return {
        citation.citation_id: f"{places[citation.key][0]}:{places[citation.key][1]} "
        f"(entry {citation.key})"
        for citation in env.get_domain("cite").citations
        if citation.key in places
    }


def check_before_bibtex(app: Sphinx) -> None:
    """Parse and check the bib files where sphinxcontrib-bibtex would parse them."""
    if "sphinxcontrib.bibtex" not in app.extensions or app.config.bibtex_bibfiles is None:
        return  # nothing to check; sphinxcontrib-bibtex reports a missing setting
    domain = app.env.get_domain("cite")
    encoding = app.config.bibtex_encoding
    bibfiles = [(Path(app.confdir) / name).resolve() for name in app.config.bibtex_bibfiles]
    owner = tuple(app.config.cv_highlight_names)
    marks = tuple(configured_marks(app.config))
    checked_for, stored = getattr(app.env, ENV_ATTRIBUTE, (None, None))
    # The owner's name forms and the marks are part of the check: a change re-checks.
    if (
        stored is None
        or checked_for != (owner, marks)
        or is_bibdata_outdated(domain.bibdata, bibfiles, encoding)
    ):
        bibdata, problems, places = check_bib_files(bibfiles, encoding, owner, marks)
        domain.data["bibdata"] = bibdata
        stored = [problem.log_arguments() for problem in problems]
        setattr(app.env, ENV_ATTRIBUTE, ((owner, marks), stored))
        setattr(app.env, PLACES_ATTRIBUTE, places)
    for level, message, location in stored:
        log = logger.error if level == "error" else logger.warning
        log(message, location=location, type="cv", subtype="bibfile")


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", check_before_bibtex, priority=PRIORITY)
