"""The ``cv-publications`` directive: the publication list, numbered and citable.

It is sphinxcontrib-bibtex's ``bibliography`` directive with the choices a CV
needs made for it: every entry of the bib files that is not a talk, newest
first (the ``cv`` pybtex style sorts), optionally grouped by kind under
headings, and numbered in reverse so that the newest paper has the highest
number. ``cv-talks`` lists the talks (the entries with the keyword ``talk``)
the same way, as a bulleted list. On the website each publication also
offers its BibTeX entry, taken from the bib file, in a plain ``<details>``
element (no JavaScript).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import quote

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinxcontrib.bibtex.directives import BibliographyDirective

from .bibstyle import is_talk
from .records import coins
from .visitors import PASSTHROUGH

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

logger = logging.getLogger(__name__)

#: Kinds of publication, in the order their groups are shown.
KINDS = {
    "journal": "Journal Articles",
    "conference": "Conference Papers",
    "preprint": "Preprints",
    "other": "Other Publications",
}
NUMBERING = ("reverse", "forward", "none")


def publication_kind(entry: Entry) -> str:
    """Journal article, conference paper, preprint, or other, from the entry type."""
    kind = entry.type.lower()
    if kind == "article" and "journal" in entry.fields:
        return "journal"
    if kind in {"inproceedings", "conference"}:
        return "conference"
    if "eprint" in entry.fields or kind == "unpublished":
        return "preprint"
    return "other"


class cv_publications(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """Holds one publication list; records its numbering and its place in a group."""


class cv_talks(nodes.General, nodes.Element):  # noqa: N801
    """Holds the list of talks."""


class cv_countdown_list(nodes.Sequential, nodes.Element):  # noqa: N801
    """An enumerated list numbered downwards from ``start``."""


class cv_bibtex(nodes.General, nodes.Element):  # noqa: N801
    """The BibTeX source of one publication, offered on the website only."""


class CvPublicationsDirective(BibliographyDirective):
    """``cv-publications``: every non-talk entry, newest first, numbered and citable."""

    required_arguments = 0
    optional_arguments = 0
    has_content = False
    option_spec: ClassVar[dict[str, object]] = {
        "group-by": lambda value: directives.choice(value, ("kind", "none")),
        "numbering": lambda value: directives.choice(value, NUMBERING),
    }

    def run(self) -> list[nodes.Node]:
        entries = listed_entries(
            self,
            lambda entry: not is_talk(entry),
            "publications",
            "add an entry such as @article{...}, or take the directive out",
        )
        numbering = self.options.get("numbering", "reverse")
        if self.options.get("group-by", "none") == "kind":
            groups = [
                (title, [e for e in entries if publication_kind(e) == kind])
                for kind, title in KINDS.items()
            ]
        else:
            groups = [("", entries)]
        groups = [(title, members) for title, members in groups if members]
        total = len(entries)
        result: list[nodes.Node] = []
        for title, members in groups:
            if title:
                result.append(nodes.rubric(text=title, classes=["cv-publications-group"]))
            self.options = {
                "list": "bullet" if numbering == "none" else "enumerated",
                "filter": key_filter(members),
            }
            wrapper = cv_publications(numbering=numbering, first=total)
            wrapper.extend(super().run())
            result.append(wrapper)
            total -= len(members)
        return result


class CvTalksDirective(BibliographyDirective):
    """``cv-talks``: every entry with the keyword ``talk``, newest first, as a list.

    The keyword is matched as a word of the ``keywords`` field (split on
    commas or semicolons, any case), not as a pattern: a paper with the
    keyword "talking heads" is no talk.
    """

    required_arguments = 0
    optional_arguments = 0
    has_content = False
    option_spec: ClassVar[dict[str, object]] = {}

    def run(self) -> list[nodes.Node]:
        talks = listed_entries(
            self,
            is_talk,
            "talks",
            "give a talk's entry the keyword 'talk', or take the directive out",
        )
        self.options = {"list": "bullet", "filter": key_filter(talks)}
        wrapper = cv_talks()
        wrapper.extend(super().run())
        return [wrapper]


def listed_entries(
    directive: BibliographyDirective, wanted: Callable[[Entry], bool], what: str, hint: str
) -> list[Entry]:
    """The bib entries ``wanted`` picks; none is an error that names the bib files."""
    entries = directive.env.get_domain("cite").bibdata.data.entries.values()
    picked = [entry for entry in entries if wanted(entry)]
    if not picked:
        files = ", ".join(directive.config.bibtex_bibfiles)
        raise directive.error(
            f"{directive.name} found no {what} in {files} (bibtex_bibfiles): {hint}"
        )
    return picked


def key_filter(entries: Iterable[Entry]) -> str:
    """sphinxcontrib-bibtex's ``:filter:`` for exactly these entries."""
    keys = ", ".join(repr(entry.key.lower()) for entry in entries)
    return f"key in {{{keys}}}"


#: The class of each list, whatever its numbering: themes and readers can find them.
LIST_CLASSES = {"cv_publications": "cv-publication-list", "cv_talks": "cv-talk-list"}


def _is_list_wrapper(node: nodes.Node) -> bool:
    return isinstance(node, cv_publications | cv_talks)


def _is_list(node: nodes.Node) -> bool:
    return isinstance(node, nodes.bullet_list | nodes.enumerated_list)


class CountdownTransform(SphinxPostTransform):
    """Number publication lists downwards, once sphinxcontrib-bibtex has turned
    the bibliography into an enumerated list (its transform runs at 5)."""

    default_priority = 6

    def run(self, **kwargs: object) -> None:
        for wrapper in self.document.findall(_is_list_wrapper):
            name = LIST_CLASSES[type(wrapper).__name__]
            for listing in wrapper.findall(_is_list):
                if name not in listing["classes"]:
                    listing["classes"].append(name)
        for wrapper in self.document.findall(cv_publications):
            if wrapper["numbering"] != "reverse":
                continue
            for listing in wrapper.findall(nodes.enumerated_list):
                countdown = cv_countdown_list(start=wrapper["first"], classes=listing["classes"])
                countdown.extend(listing.children)
                listing.replace_self(countdown)
                break


class BibtexSourceTransform(SphinxPostTransform):
    """Attach each publication's BibTeX (and its COinS record) to its list item,
    on the website only, and note the keys shown for the page's metadata."""

    default_priority = 6
    formats = ("html",)

    def run(self, **kwargs: object) -> None:
        wrappers = list(self.document.findall(cv_publications))
        if not wrappers:
            return
        domain = self.env.get_domain("cite")
        key_of = {citation.citation_id: citation.key for citation in domain.citations}
        entries = domain.bibdata.data.entries
        for wrapper in wrappers:
            wrapper["keys"] = []
            for list_item in wrapper.findall(nodes.list_item):
                key = next((key_of[ident] for ident in list_item["ids"] if ident in key_of), None)
                if key is None:
                    continue
                wrapper["keys"].append(key)
                entry = entries[key]
                list_item.append(
                    cv_bibtex(key=key, source=bibtex_source(entry), coins=coins(entry))
                )


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
    for role, people in entry.persons.items():
        lines.append(f"  {role} = {{{' and '.join(str(person) for person in people)}}},")
    for name, value in entry.fields.items():
        if name.lower() not in PRIVATE_FIELDS:
            lines.append(f"  {name.lower()} = {{{value}}},")
    return "\n".join(lines) + "\n}\n"


def download_name(key: str) -> str:
    """A file name for an entry's key (DBLP's hold "/" and ":")."""
    return re.sub(r"[^\w.-]+", "-", key).strip("-.") or "entry"


# -- visitors -------------------------------------------------------------------


def visit_countdown_html(self: HTML5Translator, node: cv_countdown_list) -> None:
    self.body.append(f'<ol class="cv-publication-list" reversed start="{node["start"]}">\n')


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
    key, source = node["key"], node["source"]
    href = "data:application/x-bibtex;charset=utf-8," + quote(source)
    self.body.append(
        '<details class="cv-bibtex">'
        f'<summary>BibTeX<span class="visually-hidden"> for {self.encode(key)}</span></summary>'
        f'<pre tabindex="0">{self.encode(source)}</pre>'
        f'<a class="cv-bibtex-download" download="{self.attval(download_name(key))}.bib" '
        f'href="{self.attval(href)}">Download {self.encode(key)}.bib</a>'
        "</details>"
        f'<span class="Z3988" title="{self.attval(node["coins"])}"></span>'
    )
    raise nodes.SkipNode


def skip(self: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
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
    app.add_post_transform(CountdownTransform)
    app.add_post_transform(BibtexSourceTransform)
