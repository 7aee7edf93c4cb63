"""``cv-sections``: show other pages of the CV inside this one, read only once.

The whole CV on one web page, or the research interests on the landing page,
repeat what the section pages say. Including their Markdown a second time
(MyST's ``include``) parses it twice: every mistake in a section is then
reported twice, the second time at the including page's name, and the
bibliographies are formatted twice. This directive instead leaves a
placeholder; when the page is written, the placeholder becomes a copy of the
named pages as they were read, so the page shows exactly what the section
pages show, ids made unique within the page.

Without arguments it shows every page listed in the root document's table of
contents, in that order; ``:no-title:`` leaves out each page's title. Such a
page (the whole CV on one page) is left out of the site's search index: each
of its words is found on the section page it comes from, and a search would
otherwise list every hit twice (and index 300 papers twice).

sphinxcontrib-bibtex fills a bibliography's citation nodes in place, and
keeps them in the environment: a bibliography written twice in one build
(on its page and on the whole-CV page) would list every entry twice. Each
page therefore fills fresh copies of them (:class:`FreshCitationNodes`).

A message about the copy (an unresolved reference, an unsafe link) is the
same message as about the page it copies, which reports it at its own file
and line; the copy's is not printed a second time.
"""

from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging as sphinx_logging
from sphinx.util.docutils import SphinxDirective
from sphinxcontrib.bibtex.directives import BibliographyKey
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node

from .freshness import ALL_SECTIONS, ASSEMBLED
from .visitors import PASSTHROUGH

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class cv_sections(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """Where other pages are shown; replaced by their content when written."""


class cv_assembled(nodes.General, nodes.Element):  # noqa: N801
    """One shown page's content; renders as its children."""


class CvSectionsDirective(SphinxDirective):
    """``cv-sections [page ...]``: the named pages (or every section) shown here."""

    optional_arguments = 100
    has_content = False
    option_spec: ClassVar[dict[str, object]] = {"no-title": directives.flag}

    def run(self) -> list[nodes.Node]:
        docnames = []
        for argument in self.arguments:
            _, path = self.env.relfn2path(argument, self.env.docname)
            docname = self.env.path2doc(path) or self.env.path2doc(path + ".md")
            if docname is None or docname not in self.env.found_docs:
                raise self.error(f"cv-sections: {argument!r} is not a page of the CV")
            if docname == self.env.docname:
                raise self.error("cv-sections: a page cannot show itself")
            docnames.append(docname)
        if not docnames:
            self.env.metadata[self.env.docname]["nosearch"] = ""
        shown = self.env.__dict__.setdefault(ASSEMBLED, {})
        shown[self.env.docname] = [*shown.get(self.env.docname, []), *(docnames or [ALL_SECTIONS])]
        node = cv_sections(docnames=docnames, no_title="no-title" in self.options)
        self.set_source_info(node)
        return [node]


class ShowSections(SphinxPostTransform):
    """Replace each placeholder with the pages it names, before anything is resolved
    (sphinxcontrib-bibtex fills bibliographies at priority 5)."""

    default_priority = 1

    def run(self, **kwargs: object) -> None:
        for placeholder in list(self.document.findall(cv_sections)):
            docnames = placeholder["docnames"] or self.sections(self.env.docname)
            shown = [self.page(name, placeholder["no_title"]) for name in docnames]
            placeholder.replace_self(shown)

    def sections(self, here: str) -> list[str]:
        root = self.config.root_doc
        return [name for name in self.env.toctree_includes.get(root, []) if name != here]

    def page(self, docname: str, no_title: bool) -> cv_assembled:
        doctree = self.env.get_doctree(docname)
        content: list[nodes.Node] = []
        for child in doctree.children:
            if no_title and isinstance(child, nodes.section):
                content.extend(node for node in child if not isinstance(node, nodes.title))
            else:
                content.append(child)
        wrapper = cv_assembled(docname=docname)
        wrapper.extend(content)
        return wrapper


_pristine: weakref.WeakKeyDictionary[object, dict] = weakref.WeakKeyDictionary()


class FreshCitationNodes(SphinxPostTransform):
    """Give each bibliography this page shows its own copies of the citation nodes
    (sphinxcontrib-bibtex's transform, at priority 5, adds the entries to them)."""

    default_priority = 4

    def run(self, **kwargs: object) -> None:
        if "cite" not in self.env.domains:
            return  # a CV without sphinxcontrib-bibtex
        domain = self.env.get_domain("cite")
        pristine = _pristine.setdefault(self.env, {})
        for node in self.document.findall(bibliography_node):
            key = BibliographyKey(docname=node["docname"], id_=node["ids"][0])
            value = domain.bibliographies.get(key)
            if value is None:
                continue
            originals = pristine.setdefault(
                key, {name: citation.deepcopy() for name, citation in value.citation_nodes.items()}
            )
            value.citation_nodes.clear()
            value.citation_nodes.update(
                {name: citation.deepcopy() for name, citation in originals.items()}
            )


class UniqueIds(SphinxPostTransform):
    """Ids that two shown pages share get a suffix, and so do the links to them."""

    default_priority = 990

    def run(self, **kwargs: object) -> None:
        seen, parts = _ids_outside_and_parts(self.document)
        for elements in parts:
            renamed = {}
            for node in elements:
                if not node["ids"]:
                    continue
                new_ids = []
                for ident in node["ids"]:
                    unique, number = ident, 1
                    while unique in seen:
                        number += 1
                        unique = f"{ident}-{number}"
                    seen.add(unique)
                    if unique != ident:
                        renamed[ident] = unique
                    new_ids.append(unique)
                node["ids"] = new_ids
            if renamed:
                _relink(elements, renamed)


def _ids_outside_and_parts(document: nodes.document) -> tuple[set[str], list[list[nodes.Element]]]:
    """In one walk of the page (a one-page CV of 300 papers has some 10,000 nodes):
    the ids outside the shown pages, and the elements of each shown page, in order."""
    seen: set[str] = set()
    parts: list[list[nodes.Element]] = []
    stack: list[tuple[nodes.Node, list[nodes.Element] | None]] = [(document, None)]
    while stack:
        node, part = stack.pop()
        if not isinstance(node, nodes.Element):
            continue
        if isinstance(node, cv_assembled):
            part = []
            parts.append(part)
        if part is None:
            seen.update(node["ids"])
        else:
            part.append(node)
        stack.extend((child, part) for child in reversed(node.children))
    return seen, parts


def _relink(elements: list[nodes.Element], renamed: dict[str, str]) -> None:
    for node in elements:
        if node.get("refid") in renamed:
            node["refid"] = renamed[node["refid"]]
        if "backrefs" in node:
            node["backrefs"] = [renamed.get(ref, ref) for ref in node["backrefs"]]
        refuri = node.get("refuri", "")
        if refuri.startswith("#") and refuri[1:] in renamed:
            node["refuri"] = "#" + renamed[refuri[1:]]


class CopyMessageFilter(logging.Filter):
    """Drops messages located in a copy of another page (that page reports them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        node = getattr(record, "location", None)
        while isinstance(node, nodes.Node):
            if isinstance(node, cv_assembled):
                return False
            node = node.parent
        return True


def filter_copy_messages(app: Sphinx, builder: object) -> None:
    for handler in logging.getLogger(sphinx_logging.NAMESPACE).handlers:
        if not any(isinstance(known, CopyMessageFilter) for known in handler.filters):
            # First, before Sphinx's own filters turn the location into text.
            handler.filters.insert(0, CopyMessageFilter())


def setup(app: Sphinx) -> None:
    app.add_node(cv_assembled, html=PASSTHROUGH, latex=PASSTHROUGH, text=PASSTHROUGH)
    app.add_node(cv_sections, html=PASSTHROUGH, latex=PASSTHROUGH, text=PASSTHROUGH)
    app.add_directive("cv-sections", CvSectionsDirective)
    app.add_post_transform(ShowSections)
    app.add_post_transform(FreshCitationNodes)
    app.add_post_transform(UniqueIds)
    app.connect("write-started", filter_copy_messages)
