"""The ``cv-publications`` directive: the publication list, numbered and citable.

It is sphinxcontrib-bibtex's ``bibliography`` directive with the choices a CV
needs made for it: every entry of the bib files that is not a talk (or only
those with the keyword ``selected``), newest first (the ``cv`` pybtex style
sorts), optionally grouped by kind or year under headings, and numbered in
reverse so that the newest paper has the highest number; the numbers run on
across the groups, in either direction. ``cv-talks`` lists the talks (the
entries with the keyword ``talk``) the same way, as a bulleted list. A list
whose names carry marks (:mod:`.bibauthors`) ends with one legend of the marks
it shows. On the website each publication also links its BibTeX entry, taken
from the bib file: one small file per publication (``_bibtex/KEY.bib``), so
that a page of 300 papers carries a link for each, not 300 entries.

Both directives read their options as written, like ``cv-entry``: MyST only
warns about an unknown option or choice and drops it, and the build would go
on without it; here each is an error at its line.
"""

from __future__ import annotations

import ast
import difflib
import hashlib
import json
import logging as std_logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from pybtex_docutils import Backend
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.osutil import relative_uri
from sphinxcontrib.bibtex.directives import BibliographyDirective, BibliographyKey
from sphinxcontrib.bibtex.domain import BibtexDomain

from .bibauthors import Mark, configured_marks, legend, marks_used
from .bibcheck import ENV_ATTRIBUTE, PLACES_ATTRIBUTE
from .bibentries import as_written, is_preprint_journal
from .bibstyle import (
    SELECTED_KEYWORD,
    TALK_KEYWORD,
    entry_date,
    entry_year,
    is_talk,
    kept_texts,
    keyword_set,
)
from .entry import raw_options
from .identity import config_location
from .language import N_, _
from .records import coins
from .visitors import PASSTHROUGH

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

logger = logging.getLogger(__name__)

#: Kinds of publication and their headings, in the order their groups are
#: shown; ``cv_publication_kinds`` renames and reorders them.
KINDS = {
    "journal": N_("Journal Articles"),
    "conference": N_("Conference Papers"),
    "chapter": N_("Book Chapters"),
    "book": N_("Books"),
    "preprint": N_("Preprints"),
    "thesis": N_("Theses"),
    "report": N_("Reports"),
    "patent": N_("Patents"),
    "software": N_("Software"),
    "dataset": N_("Datasets"),
    "other": N_("Other Publications"),
}
#: The kind each entry type is, whatever its fields; an edited volume is a book.
KIND_OF_TYPE = {
    "inproceedings": "conference", "conference": "conference",
    "incollection": "chapter", "inbook": "chapter", "bookinbook": "chapter",
    "inreference": "chapter", "suppbook": "chapter", "suppcollection": "chapter",
    "book": "book", "mvbook": "book", "collection": "book", "mvcollection": "book",
    "proceedings": "book", "mvproceedings": "book", "reference": "book", "mvreference": "book",
    "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
    "report": "report", "techreport": "report",
    "patent": "patent", "software": "software", "dataset": "dataset",
}  # fmt: skip
GROUPINGS = ("kind", "year", "none")
#: The heading, grouped by year, of works with no year yet (submitted, in press).
UNDATED_HEADING = N_("Forthcoming")
NUMBERING = ("reverse", "forward", "none")


def publication_kind(entry: Entry) -> str:
    """The entry's kind (a key of :data:`KINDS`), from its type and, for an article
    or a type of no kind of its own, whether it has a journal or only an e-print."""
    kind = entry.type.lower()
    fields = entry.fields
    if is_preprint_journal(entry):  # journal = {medRxiv}: a preprint, as exported
        return "preprint"
    if kind == "article" and "journal" in fields:
        return "journal"
    if kind in KIND_OF_TYPE:
        return KIND_OF_TYPE[kind]
    if kind == "unpublished" or ("eprint" in fields and not _has_venue(entry)):
        return "preprint"
    return "other"


def _has_venue(entry: Entry) -> bool:
    return "journal" in entry.fields or "booktitle" in entry.fields


def kind_headings(config: Config) -> dict[str, str]:
    """Each kind's heading, in the order of ``cv_publication_kinds``, then the kinds it
    leaves out, under their own headings, in their usual order."""
    chosen = dict(config.cv_publication_kinds)
    return chosen | {kind: _(title) for kind, title in KINDS.items() if kind not in chosen}


def check_kinds(app: Sphinx, config: Config) -> None:
    """An unknown kind or an empty heading in ``cv_publication_kinds`` fails the build;
    the value keeps only the headings that can be shown."""

    def problem(message: str) -> None:
        logger.error(
            "cv_publication_kinds %s", message,
            location=config_location(config, "cv_publication_kinds"), type="cv",
            subtype="config",
        )  # fmt: skip

    given = config.cv_publication_kinds
    if not isinstance(given, dict):
        problem("must be a dict: kind -> heading, such as {'journal': 'Articles'}")
        given = {}
    checked = {}
    for kind, title in given.items():
        if kind not in KINDS:
            nearest = difflib.get_close_matches(str(kind), KINDS, n=1, cutoff=0.6)
            hint = f"did you mean {nearest[0]!r}? " if nearest else ""
            problem(f"has the unknown kind {kind!r}: {hint}the kinds are {', '.join(KINDS)}")
        elif not isinstance(title, str) or not title.strip():
            problem(f"gives the kind {kind!r} the heading {title!r}: write its heading as text")
        else:
            checked[kind] = title.strip()
    config.cv_publication_kinds = checked


class cv_publications(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """Holds one publication list; records its numbering and its place in a group."""


class cv_talks(nodes.General, nodes.Element):  # noqa: N801
    """Holds the list of talks."""


class cv_countdown_list(nodes.Sequential, nodes.Element):  # noqa: N801
    """An enumerated list numbered downwards from ``start``."""


class cv_mark_legend(nodes.General, nodes.Element):  # noqa: N801
    """Where a list's legend of marks goes, once its names are formatted: holds
    the ``list`` it belongs to and the ``marks`` its entries use, as (symbol, meaning)."""


class cv_bibtex(nodes.General, nodes.Element):  # noqa: N801
    """The BibTeX source of one publication, offered on the website only."""


class ListDirective(BibliographyDirective):
    """A list of bib entries whose options are read as written: a mistake in them,
    or content (the list has none), is an error at its line, not MyST's warning."""

    required_arguments = 0
    optional_arguments = 0
    has_content = False

    def mistake(self) -> nodes.system_message | None:
        """The first mistake in the options or the content, reported; else ``None``,
        and ``self.options`` holds the options as written, converted."""
        written = raw_options(self.block_text) if self.block_text else []
        known = ", ".join(f":{name}:" for name in self.option_spec) or "no options"
        seen: dict[str, int] = {}
        options = dict(self.options)
        for name, value, offset in written:
            line = self.lineno + offset
            if name not in self.option_spec:
                message = f"{self.name} has no option :{name}:; it takes {known}"
                close = difflib.get_close_matches(name, self.option_spec, n=1, cutoff=0.7)
                if close:
                    message += f" (did you mean :{close[0]}:?)"
            elif name in seen:
                message = f"{self.name} gives :{name}: twice, on lines {seen[name]} and {line}"
            else:
                try:
                    options[name] = self.option_spec[name](_unquoted(value) or None)
                except ValueError as error:
                    message = f"{self.name} :{name}: {str(error).rstrip('.')}"
                else:
                    seen[name] = line
                    continue
            return self.reporter.error(message, line=line)
        # MyST has taken the options out of the content (with none known, any
        # written option is a mistake, reported above).
        content = [text for text in self.content if text.strip()]
        if content:
            only = f", only options ({known})" if self.option_spec else ""
            return self.reporter.error(
                f"{self.name} takes no content{only}; found {content[0]!r}", line=self.lineno
            )
        self.options = options
        return None

    def bibliography_of(self, entries: Sequence[Entry], list_type: str) -> list[nodes.Node]:
        """sphinxcontrib-bibtex's bibliography of exactly ``entries``.

        The entries are given as the directive's keys, not as a ``:filter:``: a
        filter is evaluated by walking its syntax tree once per entry of the bib
        files, and a set of 300 keys made that quadratic, on every build. The
        directive also makes a list item (and notes an id) for every entry of the
        bib files; those of other entries are dropped from what the environment
        keeps, and from the document's ids.
        """
        self.content = StringList([entry.key for entry in entries])
        self.options = {"list": list_type, "filter": "False"}
        result = super().run()
        domain = cast("BibtexDomain", self.env.get_domain("cite"))
        node = result[-1]
        key = BibliographyKey(docname=self.env.docname, id_=node["ids"][0])
        bibliography = domain.bibliographies[key]
        shown = {entry.key for entry in entries}
        kept = {}
        for citation_key, citation_node in bibliography.citation_nodes.items():
            if citation_key in shown:
                kept[citation_key] = citation_node
            else:
                for ident in citation_node["ids"]:
                    self.state.document.ids.pop(ident, None)
        domain.bibliographies[key] = bibliography._replace(citation_nodes=kept)
        return result


class KeyedListsDomain(BibtexDomain):
    """sphinxcontrib-bibtex's ``cite`` domain, which takes a list given as keys
    (``:filter: False`` and the keys as content, as :meth:`ListDirective.bibliography_of`
    makes them) without evaluating the filter once per entry of the bib files: the
    same entries, in the same order, at the cost of a set lookup each (a CV with 12
    lists and 380 entries walked 4,560 filter trees on every build).
    """

    def get_filtered_entries(
        self, bibliography_key: BibliographyKey
    ) -> Iterable[tuple[str, Entry]]:
        bibliography = self.bibliographies[bibliography_key]
        if not is_constant_false(bibliography.filter_):
            yield from super().get_filtered_entries(bibliography_key)
            return
        keys = set(bibliography.keys)
        for entry in self.get_entries(bibliography.bibfiles):
            if entry.key in keys:
                yield bibliography.keyprefix + entry.key, entry


def is_constant_false(filter_: ast.AST) -> bool:
    """A filter that is the constant ``False`` (it selects only the listed keys)."""
    return (
        isinstance(filter_, ast.Module)
        and len(filter_.body) == 1
        and isinstance(filter_.body[0], ast.Expr)
        and isinstance(filter_.body[0].value, ast.Constant)
        and filter_.body[0].value.value is False
    )


def use_keyed_lists_domain(app: Sphinx, config: Config) -> None:
    if "sphinxcontrib.bibtex" in app.extensions:
        app.add_domain(KeyedListsDomain, override=True)


def _unquoted(value: str) -> str:
    """A choice as YAML reads it: ``"kind"`` is ``kind``."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _flag(value: str | None) -> None:
    if value:
        raise ValueError(f"takes no value, {value!r} given; write it alone or leave it out")


class CvPublicationsDirective(ListDirective):
    """``cv-publications``: every non-talk entry, newest first, numbered and citable."""

    option_spec: ClassVar[dict[str, object]] = {
        "group-by": lambda value: directives.choice(value, GROUPINGS),
        "numbering": lambda value: directives.choice(value, NUMBERING),
        "selected": _flag,
    }

    def run(self) -> list[nodes.Node]:
        mistake = self.mistake()
        if mistake is not None:
            return [mistake]
        if "selected" in self.options:
            entries = listed_entries(
                self,
                lambda entry: not is_talk(entry) and SELECTED_KEYWORD in keyword_set(entry),
                f"publications with the keyword '{SELECTED_KEYWORD}'",
                f"add '{SELECTED_KEYWORD}' to the keywords of the papers to show, or take "
                ":selected: out",
                SELECTED_KEYWORD,
            )
        else:
            entries = listed_entries(
                self,
                lambda entry: not is_talk(entry),
                "publications",
                "add an entry such as @article{...}, or take the directive out",
            )
        if not entries:
            return []
        numbering = self.options.get("numbering", "reverse")
        selected = "selected" in self.options
        groups = self.groups(entries)
        # The first number of each group: the numbers run on from group to group.
        number = len(entries) if numbering == "reverse" else 1
        step = -1 if numbering == "reverse" else 1
        list_id = f"cv-list-{self.env.new_serialno('cv-list')}"
        result: list[nodes.Node] = []
        for title, members in groups:
            if title:
                result.append(nodes.rubric(text=title, classes=["cv-publications-group"]))
            wrapper = cv_publications(
                numbering=numbering, first=number, list=list_id, selected=selected
            )
            list_type = "bullet" if numbering == "none" else "enumerated"
            wrapper.extend(self.bibliography_of(members, list_type))
            result.append(wrapper)
            number += step * len(members)
        result.append(mark_legend(list_id, entries, self.config))
        return result

    def groups(self, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
        """The headings and entries of the list's groups, in the order shown."""
        grouping = self.options.get("group-by", "none")
        if grouping == "kind":
            groups = [
                (title, [entry for entry in entries if publication_kind(entry) == kind])
                for kind, title in kind_headings(self.config).items()
            ]
            return [(title, members) for title, members in groups if members]
        if grouping == "year":
            by_year: dict[str, list[Entry]] = {}
            for entry in sorted(entries, key=entry_date, reverse=True):
                by_year.setdefault(entry_year(entry) or _(UNDATED_HEADING), []).append(entry)
            return list(by_year.items())
        return [("", entries)]


class CvTalksDirective(ListDirective):
    """``cv-talks``: every entry with the keyword ``talk``, newest first, as a list.

    The keyword is matched as a word of the ``keywords`` field (split on
    commas or semicolons, any case), not as a pattern: a paper with the
    keyword "talking heads" is no talk.
    """

    option_spec: ClassVar[dict[str, object]] = {}

    def run(self) -> list[nodes.Node]:
        mistake = self.mistake()
        if mistake is not None:
            return [mistake]
        talks = listed_entries(
            self,
            is_talk,
            "talks",
            "give a talk's entry the keyword 'talk', or take the directive out",
            TALK_KEYWORD,
        )
        if not talks:
            return []
        list_id = f"cv-list-{self.env.new_serialno('cv-list')}"
        wrapper = cv_talks(list=list_id)
        wrapper.extend(self.bibliography_of(talks, "bullet"))
        return [wrapper, mark_legend(list_id, talks, self.config)]


def mark_legend(list_id: str, entries: Iterable[Entry], config: Config) -> cv_mark_legend:
    """The place of a list's legend, with the marks its entries give; the list's
    formatted names tell, later, which of them it shows."""
    marks = marks_used(entries, configured_marks(config))
    return cv_mark_legend(list=list_id, marks=[(mark.symbol, mark.meaning) for mark in marks])


def listed_entries(
    directive: BibliographyDirective,
    wanted: Callable[[Entry], bool],
    what: str,
    hint: str,
    keyword: str | None = None,
) -> list[Entry]:
    """The bib entries ``wanted`` picks. None is an error that names the bib files,
    unless the bib check left out an entry with ``keyword`` (any entry, if ``None``)
    for an error it has reported: then the list is empty because of that error."""
    entries = directive.env.get_domain("cite").bibdata.data.entries.values()
    picked = [entry for entry in entries if wanted(entry)]
    if not picked and not left_out_for_errors(directive.env, keyword):
        files = ", ".join(directive.config.bibtex_bibfiles)
        raise directive.error(
            f"{directive.name} found no {what} in {files} (bibtex_bibfiles): {hint}"
        )
    return picked


def left_out_for_errors(env: BuildEnvironment, keyword: str | None) -> bool:
    """Whether the bib check reported an error in an entry whose text holds
    ``keyword`` as a word (any entry, if ``None``).

    The entries left out are gone from the parsed data, so each error's line is
    traced to the entry it falls in, and that entry's text is searched. A word
    found in a title too only spares a second message: the error fails the
    build anyway.
    """
    _, stored = getattr(env, ENV_ATTRIBUTE, (None, None))
    places: dict[str, tuple[str, int]] = getattr(env, PLACES_ATTRIBUTE, {})
    starts: dict[str, list[int]] = {}
    for path, line in places.values():
        starts.setdefault(path, []).append(line)
    for level, _, location in stored or []:
        if level != "error" or location is None:
            continue
        path, _, line_text = location.rpartition(":")
        if keyword is None:
            return True
        entry_text = _entry_text(path, int(line_text), sorted(starts.get(path, [])))
        if re.search(rf"\b{re.escape(keyword)}\b", entry_text, re.IGNORECASE):
            return True
    return False


def _entry_text(path: str, line: int, starts: list[int]) -> str:
    """The lines of the bib entry that ``line`` of ``path`` falls in."""
    begin = max((start for start in starts if start <= line), default=line)
    end = min((start for start in starts if start > line), default=None)
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(lines[begin - 1 : end - 1 if end else None])


#: The class of each list, whatever its numbering: themes and readers can find them.
LIST_CLASSES = {"cv_publications": "cv-publication-list", "cv_talks": "cv-talk-list"}


def _is_list_wrapper(node: nodes.Node) -> bool:
    return isinstance(node, cv_publications | cv_talks)


def _is_list(node: nodes.Node) -> bool:
    return isinstance(node, nodes.bullet_list | nodes.enumerated_list)


def outermost(node: nodes.Node, condition: Callable[[nodes.Node], bool]) -> Iterator[nodes.Node]:
    """The nodes under ``node`` that meet ``condition``, in document order, without
    looking inside them: a page's lists hold most of its nodes (300 papers are some
    4,000), and each transform that walked into them to find the next list walked
    the whole page again."""
    stack = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if condition(child):
            yield child
        elif isinstance(child, nodes.Element):
            stack.extend(reversed(child.children))


def list_wrappers(document: nodes.document) -> list[cv_publications | cv_talks]:
    return cast("list[cv_publications | cv_talks]", list(outermost(document, _is_list_wrapper)))


def entry_lists(wrapper: nodes.Element) -> Iterator[nodes.Element]:
    """The lists sphinxcontrib-bibtex made of a wrapper's bibliographies (one a group)."""
    return cast("Iterator[nodes.Element]", outermost(wrapper, _is_list))


class CountdownTransform(SphinxPostTransform):
    """Number publication lists downwards, once sphinxcontrib-bibtex has turned
    the bibliography into an enumerated list (its transform runs at 5), and a
    variant of the CV has kept the papers it shows (:mod:`.variants`, at 7)."""

    default_priority = 8

    def run(self, **kwargs: object) -> None:
        for wrapper in list_wrappers(self.document):
            name = LIST_CLASSES[type(wrapper).__name__]
            # A list of selected papers says so: readers, themes and checks tell it apart.
            names = [name, *(["cv-selected-list"] if wrapper.get("selected") else [])]
            listings = list(entry_lists(wrapper))
            for listing in listings:
                listing["classes"] += [n for n in names if n not in listing["classes"]]
            if not isinstance(wrapper, cv_publications):
                continue
            numbered = [each for each in listings if isinstance(each, nodes.enumerated_list)]
            if not numbered:
                continue
            listing = numbered[0]
            if wrapper["numbering"] == "forward":
                listing["start"] = wrapper["first"]
                continue
            countdown = cv_countdown_list(start=wrapper["first"], classes=listing["classes"])
            countdown.extend(listing.children)
            listing.replace_self(countdown)


class MarkLegendTransform(SphinxPostTransform):
    """Fill each list's legend with the marks its formatted names show (a name
    beyond a shortened list's end shows none), or take it out if they show none;
    after a variant of the CV kept its papers (:mod:`.variants`, at 7)."""

    default_priority = 8

    def run(self, **kwargs: object) -> None:
        placeholders = list(self.document.findall(cv_mark_legend))
        if not placeholders:
            return
        shown_in = _superscripts(self.document) if any(p["marks"] for p in placeholders) else {}
        for placeholder in placeholders:
            candidates = [Mark(symbol, meaning) for symbol, meaning in placeholder["marks"]]
            shown = shown_in.get(placeholder["list"], "")
            marks = [mark for mark in candidates if mark.symbol in shown]
            if not marks:
                placeholder.parent.remove(placeholder)
                continue
            paragraph = nodes.paragraph("", "", *legend(marks).render(Backend()))
            placeholder.replace_self(nodes.container("", paragraph, classes=["cv-mark-legend"]))


def _superscripts(document: nodes.document) -> dict[str, str]:
    """The text of every superscript in the lists of each directive, by its list id."""
    texts: dict[str, list[str]] = {}
    for wrapper in list_wrappers(document):
        shown = texts.setdefault(wrapper.get("list", ""), [])
        shown.extend(sup.astext() for sup in wrapper.findall(nodes.superscript))
    return {list_id: " ".join(shown) for list_id, shown in texts.items()}


class BibtexSourceTransform(SphinxPostTransform):
    """Link each publication's BibTeX (and attach its COinS record) to its list
    item, on the website only."""

    default_priority = 6
    formats = ("html",)

    def run(self, **kwargs: object) -> None:
        wrappers = [w for w in list_wrappers(self.document) if isinstance(w, cv_publications)]
        if not wrappers:
            return
        domain = self.env.get_domain("cite")
        key_of = {citation.citation_id: citation.key for citation in domain.citations}
        entries = domain.bibdata.data.entries
        # A paper in a selected list and in the full list is one paper: a reference
        # manager imports each COinS span.
        noted: set[str] = set()
        for wrapper in wrappers:
            for listing in entry_lists(wrapper):
                for list_item in listing.children:
                    if not isinstance(list_item, nodes.list_item):
                        continue
                    key = next(
                        (key_of[ident] for ident in list_item["ids"] if ident in key_of), None
                    )
                    if key is None:
                        continue
                    record = coins_of(entries[key]) if key not in noted else ""
                    noted.add(key)
                    list_item.append(cv_bibtex(key=key, coins=record))


def coins_of(entry: Entry) -> str:
    """The entry's COinS record, made once and kept from build to build (decoding
    its fields is the costly part of writing a page of 300 papers)."""
    texts = kept_texts()
    return coins(entry) if texts is None else cast("str", texts.made("coins", entry, coins))


def make_coins(app: Sphinx, env: BuildEnvironment) -> None:
    """Make every publication's COinS record while the environment can still keep
    it: it is saved before the pages are written."""
    if app.builder.format == "html" and "cite" in env.domains:
        for citation in env.get_domain("cite").citations:
            if not is_talk(citation.entry):
                coins_of(citation.entry)


#: Fields a reference manager adds for its own use: local file paths, private
#: notes, reading status. They stay out of the BibTeX the website offers.
PRIVATE_FIELDS = frozenset(
    {"file", "annote", "annotation", "comment", "owner", "groups", "mendeley-groups",
     "mendeley-tags", "readstatus", "priority", "ranking", "qualityassured", "printed",
     "relevance"}
)  # fmt: skip


def bibtex_source(entry: Entry) -> str:
    """The entry as BibTeX, as a reference manager will import it: every value as
    written in the bib file (pybtex's own writer would escape its LaTeX a second
    time), inherited ``crossref`` fields included, private fields left out."""
    lines = [f"@{entry.original_type}{{{entry.key},"]
    for name, value in as_written(entry).items():
        if name.lower() not in PRIVATE_FIELDS:
            lines.append(f"  {name.lower()} = {{{value}}},")
    return "\n".join(lines) + "\n}\n"


def download_name(key: str) -> str:
    """A file name for an entry's key (DBLP's hold "/" and ":")."""
    return re.sub(r"[^\w.-]+", "-", key).strip("-.") or "entry"


#: The website's folder of BibTeX files, one per publication.
BIBTEX_FOLDER = "_bibtex"
#: In the doctree folder: which output folder holds which BibTeX files.
BIBTEX_STAMP = "cv-bibtex-files.txt"


def bibtex_file(key: str) -> str:
    """Where a publication's BibTeX lies in the website, from its root."""
    return f"{BIBTEX_FOLDER}/{download_name(key)}.bib"


def write_bibtex_files(app: Sphinx, exception: BaseException | None) -> None:
    """One ``.bib`` file per publication the lists show, in the website's
    ``_bibtex`` folder; a file whose publication is gone is removed. Every
    build makes sure of them all (a page that was not rewritten links them too);
    a stamp in the doctree folder lets a build that changed none of them skip
    reading them, and only a file whose text changed is written again."""
    builder = app.builder
    if exception is not None or builder.format != "html" or "cite" not in app.env.domains:
        return
    domain = app.env.get_domain("cite")
    sources: dict[str, str] = {}
    keys: dict[str, str] = {}
    for citation in domain.citations:
        if is_talk(citation.entry):
            continue
        name = bibtex_file(citation.key)
        other = keys.setdefault(name.lower(), citation.key)
        if other != citation.key:
            # One file for two papers would give one paper's link the other's BibTeX.
            path, line = getattr(app.env, PLACES_ATTRIBUTE, {}).get(citation.key, ("", 0))
            logger.error(
                "the entries %s and %s would share the website's BibTeX file %s: "
                "rename one of their keys",
                other, citation.key, name, type="cv", subtype="bibfile",
                location=f"{path}:{line}" if path else None,
            )  # fmt: skip
            return
        # A paper shown in several lists (the full one, a selection, the one-page
        # CV) is one file, made once.
        if name not in sources:
            sources[name] = bibtex_source(citation.entry)
    folder = Path(app.outdir, BIBTEX_FOLDER)
    names = {name.rpartition("/")[2] for name in sources}
    digest = hashlib.sha256(json.dumps(sorted(sources.items())).encode("utf-8")).hexdigest()
    stamp = Path(app.doctreedir, BIBTEX_STAMP)
    written = f"{Path(app.outdir).resolve()}\n{digest}\n"
    found = {p.name for p in folder.iterdir() if p.is_file()} if folder.is_dir() else set()
    if found == names and stamp.is_file() and stamp.read_text(encoding="utf-8") == written:
        return
    for name in found - names:
        (folder / name).unlink()
    if sources:
        folder.mkdir(parents=True, exist_ok=True)
    for name, source in sources.items():
        path = Path(app.outdir, name)
        data = source.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(written, encoding="utf-8")


# -- visitors -------------------------------------------------------------------


def visit_countdown_html(self: HTML5Translator, node: cv_countdown_list) -> None:
    classes = " ".join(node["classes"]) or "cv-publication-list"
    self.body.append(f'<ol class="{classes}" reversed start="{node["start"]}">\n')


def depart_countdown_html(self: HTML5Translator, node: cv_countdown_list) -> None:
    self.body.append("</ol>\n")


def visit_countdown_latex(self: LaTeXTranslator, node: cv_countdown_list) -> None:
    self.body.append(f"\n\\begin{{cvcountdown}}{{{node['start']}}}\n")


def depart_countdown_latex(self: LaTeXTranslator, node: cv_countdown_list) -> None:
    self.body.append("\\end{cvcountdown}\n")


def visit_countdown_text(self: TextTranslator, node: cv_countdown_list) -> None:
    self.list_counter.append(0)


def depart_countdown_text(self: TextTranslator, node: cv_countdown_list) -> None:
    self.list_counter.pop()


def visit_bibtex_html(self: HTML5Translator, node: cv_bibtex) -> None:
    key = node["key"]
    here = self.builder.get_target_uri(self.builder.current_docname)
    href = relative_uri(here, bibtex_file(key))
    # Translators: heard after "BibTeX" by screen readers: "BibTeX for smith2020".
    hidden = self.encode(_("for {key}").format(key=key))
    self.body.append(
        f'<a class="cv-bibtex" href="{self.attval(href)}" download>'
        f'BibTeX<span class="visually-hidden"> {hidden}</span></a>'
    )
    if node["coins"]:
        self.body.append(f'<span class="Z3988" title="{self.attval(node["coins"])}"></span>')
    raise nodes.SkipNode


def skip(self: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


LIST_DIRECTIVES = ("cv-publications", "cv-talks")


class ListOptionNoise(std_logging.Filter):
    """MyST's warnings about a list's options or content: the directive reads
    them itself, as written, and makes each mistake an error at its line."""

    PROBLEMS = (
        "Unknown option key",
        "Invalid option value",
        "Invalid options format",
        "Has content, but none permitted",
    )

    def filter(self, record: std_logging.LogRecord) -> bool:
        return not (
            getattr(record, "subtype", "") in {"directive_option", "directive_parse"}
            and str(record.msg).startswith(
                tuple(
                    f"'{name}': {problem}" for name in LIST_DIRECTIVES for problem in self.PROBLEMS
                )
            )
        )


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_publication_kinds", {}, "env", dict)
    # After identity (300) has read conf.py's lines.
    app.connect("config-inited", check_kinds, priority=400)
    # At config-inited, when every extension of conf.py is loaded (the engine also
    # builds CVs without sphinxcontrib-bibtex), before the environment makes its domains.
    app.connect("config-inited", use_keyed_lists_domain)
    app.add_node(cv_publications, html=PASSTHROUGH, latex=PASSTHROUGH, text=PASSTHROUGH)
    app.add_node(cv_talks, html=PASSTHROUGH, latex=PASSTHROUGH, text=PASSTHROUGH)
    app.add_node(
        cv_countdown_list,
        html=(visit_countdown_html, depart_countdown_html),
        latex=(visit_countdown_latex, depart_countdown_latex),
        text=(visit_countdown_text, depart_countdown_text),
    )
    app.add_node(cv_bibtex, html=(visit_bibtex_html, None), latex=(skip, None), text=(skip, None))
    app.add_directive("cv-publications", CvPublicationsDirective)
    app.add_directive("cv-talks", CvTalksDirective)
    myst_warnings = std_logging.getLogger("sphinx.myst_parser.warnings_")
    if not any(isinstance(known, ListOptionNoise) for known in myst_warnings.filters):
        myst_warnings.addFilter(ListOptionNoise())
    app.add_post_transform(CountdownTransform)
    app.add_post_transform(MarkLegendTransform)
    app.add_post_transform(BibtexSourceTransform)
    app.connect("build-finished", write_bibtex_files)
    # After the lists are formatted (sphinxcontrib-bibtex, 500), before the store is
    # handed to the environment (bibstyle, 900).
    app.connect("env-updated", make_coins, priority=800)
