"""Lists of names: the authors (or editors) of a publication as the CV shows them.

Everything here is a pure function on pybtex entries and persons that returns
pybtex rich text, so that the website and the PDF draw the same nodes:

- the owner's name, in any of the forms of ``cv_highlight_names``, in bold;
- ``and others`` as "et al.";
- marks after names, from biblatex's data annotations
  (``author+an = {1="equal"; 3="corresponding"}``): a superscript symbol per
  annotation, configured by ``cv_author_marks`` (equal contribution,
  corresponding author and student by default);
- long lists shortened (``cv_max_authors``): the first names, then the owner
  with their place in the list, "A, B, C, …, **O** (17th of 3,012 authors) et al.".

The annotations live in a field of their own, so the names themselves stay
clean for the BibTeX, COinS and JSON-LD the website offers. The bib check
calls :func:`annotation_mistakes`, so that a mark given to nobody, or one the
CV does not know, names the entry and the line of its field.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pybtex.database import Person
from pybtex.richtext import Tag, Text
from pybtex.style.template import FieldIsMissing
from sphinx.util import logging

from .bibentries import Mistake, is_others, name_parts
from .bibmarkup import decode, plain
from .identity import config_location
from .language import N_, _, format_number, ngettext, ordinal

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

ET_AL = N_("et\u00a0al.")
ELLIPSIS = "\u2026"
#: The field that annotates each list of names, as biblatex spells it.
ANNOTATION_FIELDS = {"author": "author+an", "editor": "editor+an"}
#: What a list of more than one of each role is called, in "17th of 40 authors".
ROLE_PLURALS = {"author": "authors", "editor": "editors"}
#: biblatex's name parts: ``2:family="student"`` annotates one part, read here
#: as the whole name.
NAME_PARTS = frozenset({"family", "given", "prefix", "suffix"})


@dataclass(frozen=True)
class Mark:
    """The symbol set after an annotated name, and what the legend says it means."""

    symbol: str
    meaning: str


DEFAULT_MARKS = {
    "equal": Mark("\u2020", N_("equal contribution")),
    "corresponding": Mark("*", N_("corresponding author")),
    "student": Mark("\u2021", N_("student or mentee")),
}


@dataclass(frozen=True)
class NameListStyle:
    """How lists of names are shown: whose name is bold, the marks, the longest list.

    ``max_names`` 0 never shortens a list.
    """

    highlighted: frozenset[tuple[str, str]] = frozenset()
    marks: Mapping[str, Mark] = field(default_factory=lambda: dict(DEFAULT_MARKS))
    max_names: int = 0


# -- comparing names ------------------------------------------------------------------------


def name_key(person: Person) -> tuple[str, str]:
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


def highlighted_keys(names: Iterable[str]) -> frozenset[tuple[str, str]]:
    """The comparison keys of the owner's name forms (``cv_highlight_names``)."""
    return frozenset(name_key(Person(name)) for name in names)


def names_owner(entry: Entry, owner: Collection[tuple[str, str]]) -> bool:
    """Whether one of the entry's authors or editors is the owner, in one of their
    name forms."""
    return any(
        name_key(person) in owner
        for role in ANNOTATION_FIELDS
        for person in entry.persons.get(role, [])
    )


# -- annotations ----------------------------------------------------------------------------


class AnnotationError(ValueError):
    """An annotation field that cannot be read; the message says what is wrong."""


_ITEM = re.compile(r'(?:(?P<position>\d+)(?::(?P<part>[A-Za-z]+))?)?\s*=\s*"(?P<names>[^"]*)"')


def parse_annotations(value: str) -> dict[int, list[str]]:
    """biblatex's ``N="a,b"; M:part="c"`` as {position (from 1): annotation names}.

    A field-level item (``="…"``, no position) annotates the list itself, which
    the CV does not show; it is read and left out.
    """
    found: dict[int, list[str]] = {}
    for raw in value.split(";"):
        item = raw.strip()
        if not item:
            continue
        match = _ITEM.fullmatch(item)
        if match is None:
            raise AnnotationError(
                f'the item \'{item}\' is not of the form N="name" (such as 1="equal"; '
                'several names as 2="equal,corresponding")'
            )
        if match["part"] and match["part"].lower() not in NAME_PARTS:
            raise AnnotationError(
                f"the item '{item}' annotates the name part '{match['part']}'; the parts are "
                f"{', '.join(sorted(NAME_PARTS))}"
            )
        names = [name.strip() for name in match["names"].split(",")]
        if not all(names):
            raise AnnotationError(f"the item '{item}' has an empty annotation name")
        if match["position"] is None:
            continue
        position = int(match["position"])
        if position < 1:
            raise AnnotationError(f"the item '{item}' names position 0; names count from 1")
        listed = found.setdefault(position, [])
        listed += [name for name in names if name not in listed]
    return found


def annotation_mistakes(entry: Entry, known: Collection[str]) -> list[Mistake]:
    """What is wrong with the entry's name annotations (``author+an``, ``editor+an``),
    each pointing at its field; ``known`` are the annotation names ``cv_author_marks`` defines.

    Call it once the name lists are read (they are ``entry.persons``).
    """
    mistakes = []
    for role, name in ANNOTATION_FIELDS.items():
        if name not in entry.fields:
            continue
        where = f"entry '{entry.key}': {name} = {{{entry.fields[name]}}}"
        try:
            annotated = parse_annotations(entry.fields[name])
        except AnnotationError as error:
            mistakes.append(Mistake(f"{where}: {error}", name))
            continue
        people = [person for person in entry.persons.get(role, []) if not is_others(person)]
        for position in sorted(annotated):
            if position > len(people):
                has = f"{len(people)} {_plural(role, len(people))}" if people else f"no {role}"
                mistakes.append(
                    Mistake(
                        f"{where} annotates name {position}, but the entry has {has} "
                        "(names count from 1; 'others' is no name)",
                        name,
                    )
                )
        for unknown in sorted({a for names in annotated.values() for a in names} - set(known)):
            nearest = difflib.get_close_matches(unknown, sorted(known), n=1, cutoff=0.6)
            hint = f"write '{nearest[0]}', or " if nearest else ""
            mistakes.append(
                Mistake(
                    f"{where} uses the annotation '{unknown}', which is not one of the marks "
                    f"({', '.join(sorted(known))}): {hint}define it in cv_author_marks in conf.py",
                    name,
                )
            )
    return mistakes


def name_marks(entry: Entry, role: str, marks: Mapping[str, Mark]) -> dict[int, list[Mark]]:
    """The marks of each annotated name, by position from 0, in the order of ``marks``.

    The bib check has refused entries whose annotations are wrong; anything
    still unreadable here is left unmarked rather than shown wrong.
    """
    raw = entry.fields.get(ANNOTATION_FIELDS.get(role, ""), "")
    try:
        annotated = parse_annotations(raw) if raw else {}
    except AnnotationError:
        return {}
    return {
        position - 1: [mark for name, mark in marks.items() if name in names]
        for position, names in annotated.items()
    }


def marks_used(entries: Iterable[Entry], marks: Mapping[str, Mark]) -> list[Mark]:
    """The marks any of ``entries`` gives a name, in the order of ``marks``."""
    used = {
        name
        for entry in entries
        for role, field_name in ANNOTATION_FIELDS.items()
        if field_name in entry.fields
        for names in _safe_annotations(entry.fields[field_name]).values()
        for name in names
    }
    return [mark for name, mark in marks.items() if name in used]


def _safe_annotations(value: str) -> dict[int, list[str]]:
    try:
        return parse_annotations(value)
    except AnnotationError:
        return {}


# -- formatting -----------------------------------------------------------------------------


def format_person(person: Person, highlighted: Collection[tuple[str, str]] = ()) -> Text:
    """A name in reading order, in bold when it is one of the owner's forms."""
    name = Text(" ").join([decode(part) for part in name_parts(person)])
    if name_key(person) in highlighted:
        return Text(Tag("b", name))
    return name


def _marked(name: Text, marks: Iterable[Mark]) -> Text:
    symbols = "".join(mark.symbol for mark in marks)
    return Text(name, Tag("sup", symbols)) if symbols else name


def format_names(entry: Entry, role: str, style: NameListStyle | None = None) -> Text:
    """The entry's ``role`` list (``author``, ``editor``) as the CV shows it.

    Raises pybtex's ``FieldIsMissing`` when the entry has no such list.
    """
    style = style or NameListStyle()
    people = entry.persons.get(role)
    if not people:
        raise FieldIsMissing(role, entry)
    named = [person for person in people if not is_others(person)]
    has_others = len(named) < len(people)
    marks = name_marks(entry, role, style.marks)
    shown = [
        _marked(format_person(person, style.highlighted), marks.get(position, ()))
        for position, person in enumerate(named)
    ]
    limit = style.max_names
    if not limit or len(named) <= limit:
        listed = Text(", ").join(shown)
        return Text(listed, " ", _(ET_AL)) if has_others else listed
    kept = shown[:limit]
    owner = next(
        (i for i, person in enumerate(named) if name_key(person) in style.highlighted), None
    )
    if owner is None or owner < limit:
        return Text(Text(", ").join(kept), " ", _(ET_AL))
    if owner > limit:
        kept.append(Text(ELLIPSIS))
    total = None if has_others else len(named)
    kept.append(Text(shown[owner], " (", place_in_list(owner + 1, total, role), ")"))
    listed = Text(", ").join(kept)
    if owner == len(named) - 1 and not has_others:
        return listed
    return Text(listed, " ", _(ET_AL))


def place_in_list(position: int, total: int | None, role: str) -> str:
    """``17th of 3,012 authors``, ``last of 40 authors``, or ``17th author`` when the
    list ends in "et al." and its length is unknown."""
    shown = ordinal(position)
    if role not in {"author", "editor"}:  # a translator's list, say: rarely this long
        if total is None:
            return f"{shown} {role}"
        where = "last" if position == total else shown
        return f"{where} of {format_number(total)} {_plural(role, total)}"
    return _place_in_names(role, shown, position, total)


def _place_in_names(role: str, shown: str, position: int, total: int | None) -> str:
    """:func:`place_in_list` of an author or an editor, in the CV's language."""
    editor = role == "editor"
    if total is None:
        # Translators: the owner's place in a list of names that ends in "et al.".
        return (_("{ordinal} editor") if editor else _("{ordinal} author")).format(ordinal=shown)
    count = format_number(total)
    if position == total:
        if editor:
            text = ngettext("last of {total} editor", "last of {total} editors", total)
        else:
            text = ngettext("last of {total} author", "last of {total} authors", total)
        return text.format(total=count)
    if editor:
        # Translators: the owner's place in a long list, "17th of 3,012 editors".
        text = ngettext("{ordinal} of {total} editor", "{ordinal} of {total} editors", total)
    else:
        # Translators: the owner's place in a long list, "17th of 3,012 authors".
        text = ngettext("{ordinal} of {total} author", "{ordinal} of {total} authors", total)
    return text.format(ordinal=shown, total=count)


def _plural(role: str, count: int) -> str:
    return role if count == 1 else ROLE_PLURALS.get(role, f"{role}s")


def legend(marks: Iterable[Mark]) -> Text:
    """``† equal contribution · * corresponding author``."""
    return Text(" \u00b7 ").join(
        [Text(Tag("sup", mark.symbol), "\u00a0", mark.meaning) for mark in marks]
    )


# -- configuration --------------------------------------------------------------------------

_ANNOTATION_NAME = re.compile(r"[A-Za-z][\w-]*")


def configured_marks(config: Config) -> dict[str, Mark]:
    """The built-in marks with ``cv_author_marks`` over them (checked at config-inited)."""
    marks = {name: Mark(mark.symbol, _(mark.meaning)) for name, mark in DEFAULT_MARKS.items()}
    for name, (symbol, meaning) in config.cv_author_marks.items():
        marks[name] = Mark(symbol, meaning)
    return marks


def name_list_style(config: Config) -> NameListStyle:
    """The style of every list of names, from ``conf.py``."""
    return NameListStyle(
        highlighted=highlighted_keys(config.cv_highlight_names),
        marks=configured_marks(config),
        max_names=config.cv_max_authors,
    )


def check_config(app: Sphinx, config: Config) -> None:
    """Refuse marks and limits that cannot be shown; the build then fails."""

    def problem(name: str, message: str) -> None:
        logger.error(
            "%s %s", name, message, location=config_location(config, name), type="cv",
            subtype="config",
        )  # fmt: skip

    limit = config.cv_max_authors
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        problem(
            "cv_max_authors",
            f"must be a whole number of names (0 never shortens a list), not {limit!r}",
        )
        config.cv_max_authors = 0
    given = config.cv_author_marks
    if not isinstance(given, dict):
        problem("cv_author_marks", "must be a dict: annotation name -> (symbol, meaning)")
        given = {}
    checked: dict[str, tuple[str, str]] = {}
    for name, value in given.items():
        if not isinstance(name, str) or not _ANNOTATION_NAME.fullmatch(name):
            problem(
                "cv_author_marks",
                f"has the annotation name {name!r}: write a word such as 'equal' (letters, "
                "digits, '-' and '_')",
            )
        elif not (
            isinstance(value, tuple | list)
            and len(value) == 2
            and all(isinstance(part, str) and part.strip() for part in value)
        ):
            problem(
                "cv_author_marks",
                f"gives {name!r} the value {value!r}: write a pair (symbol, meaning), such "
                "as ('\u2020', 'equal contribution')",
            )
        else:
            checked[name] = (value[0].strip(), value[1].strip())
    config.cv_author_marks = checked
    by_symbol: dict[str, str] = {}
    for name, mark in configured_marks(config).items():
        if mark.symbol in by_symbol:
            problem(
                "cv_author_marks",
                f"gives {by_symbol[mark.symbol]!r} and {name!r} the same symbol "
                f"{mark.symbol!r}: the legend could not tell them apart",
            )
        by_symbol.setdefault(mark.symbol, name)


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_author_marks", {}, "env", dict)
    app.add_config_value("cv_max_authors", 0, "env", int)
    # After identity (300) has read conf.py's lines; before the style is bound (500).
    app.connect("config-inited", check_config, priority=400)
