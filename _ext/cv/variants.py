"""Variants: a short CV, a one-page résumé, or any of the owner's own, each a PDF
made from the same pages and bib files as the full CV.

``conf.py`` declares them in ``cv_variants``, a dict of variant name to what it
selects (documented in ``docs/config.md``)::

    cv_variants = {
        "short": {
            "title": "Short CV",                 # the PDF's title and link text
            "sections": ["sections/education", "sections/experience",
                         "sections/publications"],   # which pages, in this order
            "entries": {"since": 2019},          # which cv-entry items
            "publications": {"keywords": ["selected"], "limit": 10},
            "talks": {"keywords": ["invited"]},
            "max_pages": 2,                      # a warning when it runs longer
        },
    }

The engine's ``latexpdf`` builder (the README's PDF command) writes one
``.tex`` file and PDF per variant after the full CV's: the full CV's document
assembled again and cut down to what the variant selects by
:class:`VariantTransform`. In a variant's document its name is a Sphinx tag,
so ``{only}`` blocks of the pages can show or hide text per variant
(``:::{only} not resume``). The website stays the full CV
and links every variant's PDF (:mod:`.download`). Sphinx's own ``latex``
builder (``-M latexpdf``, and Read the Docs' default commands, whose
``latexmk -jobname=...`` takes a single ``.tex`` file) writes the full CV alone.

Selection never truncates silently: a listed page that the CV does not
include, or a section a variant's rules leave empty, is an error or a
warning naming the variant, and the ``latexpdf`` builder warns when a PDF
runs past its ``max_pages``.
"""

from __future__ import annotations

import ast
import difflib
import re
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.nodes import process_only_nodes
from sphinx.util.tags import Tags

from .bibstyle import entry_date, keyword_set
from .entry import cv_entry, cv_entry_field
from .identity import config_location
from .publications import KINDS, cv_mark_legend, cv_publications, cv_talks, publication_kind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: What a variant may say, and what each rule (``entries``, ``publications``,
#: ``talks``) may say.
VARIANT_KEYS = (
    "title", "label", "file", "sections", "titles", "entries", "publications", "talks",
    "max_pages",
)  # fmt: skip
RULE_KEYS = ("keywords", "since", "limit", "kinds", "bullets")
#: The keys that apply to entries only, and to publications only.
ENTRY_ONLY, PUBLICATION_ONLY = ("bullets",), ("kinds",)
#: A variant's name is a Sphinx tag while its PDF is made, and part of a file name.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_FILE = re.compile(r"[\w.-]+")
#: Sphinx's own tags in a build ("html", "latex", "format_html", "builder_latex"...).
RESERVED_NAMES = frozenset(
    {"html", "latex", "latexpdf", "text", "epub", "man", "texinfo", "xml", "pseudoxml",
     "singlehtml", "dirhtml", "linkcheck", "gettext", "json", "pickle", "changes", "dummy"}
)  # fmt: skip


class VariantError(ValueError):
    """A mistake in ``cv_variants``; the message says which variant and key."""


@dataclass(frozen=True)
class Rule:
    """Which items of a kind a variant keeps: those with any of ``keywords`` (all,
    if none given), dated ``since`` that year or later, of one of ``kinds``
    (publications), and of those the ``limit`` most recent; of an entry's bullet
    list, the first ``bullets`` items (the owner lists the weightiest first)."""

    keywords: frozenset[str] = frozenset()
    since: int | None = None
    limit: int | None = None
    kinds: tuple[str, ...] = ()
    bullets: int | None = None

    @property
    def selects_all(self) -> bool:
        return self == Rule()


@dataclass(frozen=True)
class Variant:
    """One variant of the CV, as ``conf.py`` declares it, checked."""

    name: str
    title: str
    label: str
    file: str  #: the ``.tex`` file's name; the PDF is named after it
    sections: tuple[str, ...] | None = None  #: pages, in order; ``None``: the full CV's
    section_rules: dict[str, Rule] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    entries: Rule = Rule()
    publications: Rule = Rule()
    talks: Rule = Rule()
    max_pages: int | None = None

    @property
    def pdf(self) -> str:
        return Path(self.file).with_suffix(".pdf").name


_parsed: weakref.WeakKeyDictionary[Config, list[Variant]] = weakref.WeakKeyDictionary()


def full_cv_file(config: Config) -> str:
    """The ``.tex`` file of the full CV: the first of ``latex_documents``."""
    return Path(config.latex_documents[0][1]).name


def variants(config: Config) -> list[Variant]:
    """The variants ``conf.py`` declares, checked (an empty list if it has a mistake:
    :func:`check_variants` reported it)."""
    if config not in _parsed:
        read_variants(config)
    return _parsed[config]


def read_variants(config: Config) -> list[VariantError]:
    """Check ``cv_variants`` and keep its variants for :func:`variants`; the mistakes."""
    found, errors = checked_variants(config.cv_variants, full_cv_file(config))
    _parsed[config] = [] if errors else found
    return errors


def variant_documents(config: Config) -> list[tuple[str, str, str, str, str]]:
    """``latex_documents`` entries for the variants: the full CV's start page and
    theme, each variant's file, and its title after the owner's name."""
    if not config.latex_documents:
        return []
    start, _, _, author, theme, *_ = config.latex_documents[0]
    return [(start, variant.file, variant.title, author, theme) for variant in variants(config)]


def parse_variants(given: object, full_file: str) -> list[Variant]:
    """``cv_variants`` as :class:`Variant` objects; a :class:`VariantError` names the
    first mistake (:func:`checked_variants` gives every one)."""
    found, errors = checked_variants(given, full_file)
    if errors:
        raise errors[0]
    return found


def checked_variants(given: object, full_file: str) -> tuple[list[Variant], list[VariantError]]:
    """The variants that are right, and a :class:`VariantError` for each one that is not."""
    if not isinstance(given, dict):
        error = VariantError(
            "must be a dict of variant name to its settings, such as "
            "{'short': {'title': 'Short CV', 'max_pages': 2}}"
        )
        return [], [error]
    found: list[Variant] = []
    errors: list[VariantError] = []
    files = {full_file: "the full CV"}
    for name, settings in given.items():
        try:
            variant = _parse_variant(name, settings, full_file)
        except VariantError as error:
            errors.append(error)
            continue
        if variant.file in files:
            errors.append(
                VariantError(
                    f"[{name!r}]['file'] writes {variant.file}, as {files[variant.file]} does: "
                    "give it a 'file' of its own"
                )
            )
            continue
        files[variant.file] = f"the variant {name!r}"
        found.append(variant)
    return found, errors


def _unknown(key: object, known: tuple[str, ...], where: str) -> VariantError:
    nearest = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    hint = f" (did you mean {nearest[0]!r}?)" if nearest else ""
    return VariantError(f"{where} has the unknown key {key!r}{hint}; it takes {', '.join(known)}")


def _parse_variant(name: object, settings: object, full_file: str) -> Variant:
    where = f"[{name!r}]"
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise VariantError(
            f"{where}: a variant's name is a word of letters, digits and _ (such as "
            "'short' or 'resume'): it becomes a tag for {only} and part of the PDF's name"
        )
    if name in RESERVED_NAMES or name.startswith(("format_", "builder_")):
        raise VariantError(
            f"{where}: {name!r} is one of Sphinx's own tags (the builder's and the output's "
            "names, which {only} blocks test); name the variant otherwise"
        )
    if not isinstance(settings, dict):
        raise VariantError(f"{where} must be a dict of settings, such as {{'title': 'Short CV'}}")
    for key in settings:
        if key not in VARIANT_KEYS:
            raise _unknown(key, VARIANT_KEYS, where)
    title = _text(settings.get("title"), f"{where}['title']", required=True)
    label = _text(settings.get("label", title), f"{where}['label']", required=True)
    stem = Path(full_file).stem
    file = settings.get("file", f"{stem}-{name.lower()}")
    if isinstance(file, str):
        file = file.removesuffix(".pdf").removesuffix(".tex")
    if not isinstance(file, str) or not _FILE.fullmatch(file):
        raise VariantError(
            f"{where}['file'] must be a file name (letters, digits, '-', '_', '.'), such as "
            f"'{stem}-{name.lower()}'"
        )
    sections, section_rules = _sections(settings.get("sections"), f"{where}['sections']")
    titles = settings.get("titles", {})
    if not isinstance(titles, dict) or not all(
        isinstance(page, str) and isinstance(text, str) and text.strip()
        for page, text in titles.items()
    ):
        raise VariantError(
            f"{where}['titles'] must map a page to its heading in this variant, such as "
            "{'sections/publications': 'Selected Publications'}"
        )
    max_pages = settings.get("max_pages")
    if max_pages is not None and (
        not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1
    ):
        raise VariantError(f"{where}['max_pages'] must be a whole number of pages, 1 or more")
    return Variant(
        name=name,
        title=title,
        label=label,
        file=f"{file.removesuffix('.tex')}.tex",
        sections=sections,
        section_rules=section_rules,
        titles={page.removesuffix(".md"): text.strip() for page, text in titles.items()},
        entries=parse_rule(settings.get("entries"), f"{where}['entries']", of="entries"),
        publications=parse_rule(settings.get("publications"), f"{where}['publications']"),
        talks=parse_rule(settings.get("talks"), f"{where}['talks']", of="talks"),
        max_pages=max_pages,
    )


def _text(value: object, where: str, *, required: bool = False) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise VariantError(f"{where} must be text, such as 'Short CV'")
    return " ".join(value.split())


def _sections(value: object, where: str) -> tuple[tuple[str, ...] | None, dict[str, Rule]]:
    """A list of pages, or a dict of page to the rule for its entries."""
    if value is None:
        return None, {}
    if isinstance(value, dict):
        pages = [str(page).removesuffix(".md") for page in value]
        rules = {
            str(page).removesuffix(".md"): parse_rule(rule, f"{where}[{page!r}]", of="page")
            for page, rule in value.items()
            if rule is not None
        }
    elif isinstance(value, list | tuple) and all(isinstance(page, str) for page in value):
        pages, rules = [page.removesuffix(".md") for page in value], {}
    else:
        raise VariantError(
            f"{where} must list pages, such as ['sections/education', 'sections/skills'], "
            "or map each page to the rule for its entries"
        )
    if not pages:
        raise VariantError(f"{where} lists no page")
    if len(set(pages)) != len(pages):
        twice = next(page for page in pages if pages.count(page) > 1)
        raise VariantError(f"{where} lists {twice!r} twice")
    return tuple(pages), rules


def parse_rule(value: object, where: str, *, of: str = "publications") -> Rule:
    """A rule: ``{"keywords": [...], "since": 2019, "limit": 5}``, and ``"kinds"``
    for publications, ``"bullets"`` for entries."""
    if value is None:
        return Rule()
    if not isinstance(value, dict):
        raise VariantError(f"{where} must be a dict, such as {{'since': 2019, 'limit': 5}}")
    left_out = {
        "entries": PUBLICATION_ONLY,
        "talks": (*PUBLICATION_ONLY, *ENTRY_ONLY),
        "publications": ENTRY_ONLY,
    }.get(of, ())
    known = tuple(key for key in RULE_KEYS if key not in left_out)
    for key in value:
        if key not in known:
            raise _unknown(key, known, where)
    words = value.get("keywords", [])
    if isinstance(words, str):
        # As an entry's :keywords: reads: "industry, academic" is two words.
        words = re.split(r"[,;]", words)
    if not isinstance(words, list | tuple) or not all(isinstance(w, str) for w in words):
        raise VariantError(f"{where}['keywords'] must list words, such as ['selected']")
    since, limit = value.get("since"), value.get("limit")
    if since is not None and (not isinstance(since, int) or not 1000 <= since <= 9999):
        raise VariantError(f"{where}['since'] must be a year, such as 2019")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
        raise VariantError(f"{where}['limit'] must be a whole number, 1 or more")
    bullets = value.get("bullets")
    if bullets is not None and (
        not isinstance(bullets, int) or isinstance(bullets, bool) or bullets < 0
    ):
        raise VariantError(f"{where}['bullets'] must be a whole number, 0 or more")
    chosen = value.get("kinds", [])
    if isinstance(chosen, str):
        chosen = [chosen]
    for kind in chosen:
        if kind not in KINDS:
            nearest = difflib.get_close_matches(str(kind), KINDS, n=1, cutoff=0.6)
            hint = f"did you mean {nearest[0]!r}? " if nearest else ""
            raise VariantError(
                f"{where}['kinds'] has the unknown kind {kind!r}: {hint}"
                f"the kinds are {', '.join(KINDS)}"
            )
    return Rule(
        frozenset(word.strip().lower() for word in words if word.strip()),
        since,
        limit,
        tuple(chosen),
        bullets,
    )


def check_variants(app: Sphinx, config: Config) -> None:
    """Each mistake in ``cv_variants`` is an error at its line in ``conf.py``; the
    variants without one are made."""
    for error in read_variants(config):
        logger.error(
            "cv_variants%s", error, location=setting_location(config, str(error)),
            type="cv", subtype="config",
        )  # fmt: skip


_SUBSCRIPTS = re.compile(r"^((?:\[(?:'[^']*'|\"[^\"]*\"|\d+)\])+)")
_UNKNOWN_KEY = re.compile(r"the unknown key ('[^']*')")


def setting_location(config: Config, message: str) -> str:
    """``conf.py:LINE`` of the part of ``cv_variants`` a message starts with
    (``['short']['entries']``), or of the unknown key it names; else of the value."""
    place = config_location(config, "cv_variants")
    path_text, _, line_text = place.rpartition(":")
    if not line_text.isdigit():
        return place
    keys = []
    if subscripts := _SUBSCRIPTS.match(message):
        keys = [ast.literal_eval(key) for key in re.findall(r"\[(.*?)\]", subscripts.group(1))]
    if unknown := _UNKNOWN_KEY.search(message):
        keys.append(ast.literal_eval(unknown.group(1)))
    try:
        tree = ast.parse(Path(path_text).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return place
    node = next(
        (
            statement.value
            for statement in tree.body
            if isinstance(statement, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "cv_variants" for t in statement.targets)
        ),
        None,
    )
    line = int(line_text)
    for key in keys:
        if not isinstance(node, ast.Dict):
            break
        match = next(
            (
                (k, v)
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant) and k.value == key
            ),
            None,
        )
        if match is None:
            break
        line, node = match[0].lineno, match[1]
    return f"{path_text}:{line}"


# -- cutting the assembled CV down to a variant ---------------------------------------


#: The variant whose document the ``latexpdf`` builder is writing, and the tags of
#: that document (the build's, and the variant's name), by build environment.
_writing: weakref.WeakKeyDictionary[BuildEnvironment, tuple[Variant, Tags]] = (
    weakref.WeakKeyDictionary()
)


@contextmanager
def writing(env: BuildEnvironment, variant: Variant | None, tags: Tags) -> Iterator[None]:
    """While the builder writes ``variant``'s document (none: a document of
    ``latex_documents``), :class:`VariantTransform` cuts it down to the variant."""
    if variant is not None:
        _writing[env] = (variant, Tags([*tags, variant.name]))
    try:
        yield
    finally:
        _writing.pop(env, None)


class VariantTransform(SphinxPostTransform):
    """Keep what the variant being written selects: its pages, in its order, with
    its headings; its entries, publications and talks. Runs on the assembled
    document once sphinxcontrib-bibtex has made its lists (at 5) and before they
    are numbered and their legends written (:mod:`.publications`, at 8)."""

    default_priority = 7
    builders = ("latexpdf",)

    def run(self, **kwargs: Any) -> None:
        if self.env not in _writing:
            return
        variant, tags = _writing[self.env]
        self.variant = variant
        # The variant's name is a tag for {only}, in its document alone. Sphinx's own
        # transform (at 50) would see the build's tags, and caches what it evaluated.
        process_only_nodes(self.document, tags)
        if variant.sections is not None:
            self.keep_pages(variant.sections)
        shown = [page["docname"] for page in self.document.findall(addnodes.start_of_file)]
        for docname in variant.titles:
            if docname not in shown:
                self.error(
                    f"[{variant.name!r}]['titles'] names {docname!r}, which this variant does "
                    f"not show; it shows {', '.join(map(repr, shown)) or 'no page'}"
                )
        # The entries of each page, the root's own included (a CV on one page has no other).
        kinds = (cv_entry, cv_publications, cv_talks)
        root = self.document.get("docname", "")
        page_of = {id(item): root for item in self.document.findall(_one_of(kinds))}
        for page in self.document.findall(addnodes.start_of_file):
            # Top down: Sphinx moves a page in by its children list, so its top nodes keep
            # the parent they had in the page, and no walk up finds the page.
            page_of |= {id(item): page["docname"] for item in page.findall(_one_of(kinds))}
        by_page: dict[str, list[nodes.Element]] = {}
        for entry in self.document.findall(cv_entry):
            by_page.setdefault(page_of[id(entry)], []).append(entry)
        for docname, entries in by_page.items():
            self.select_entries(entries, variant.section_rules.get(docname, variant.entries))
        self.select_citations(cv_publications, variant.publications, page_of)
        self.select_citations(cv_talks, variant.talks, page_of)
        for page in list(self.document.findall(addnodes.start_of_file)):
            if page["docname"] in variant.titles:
                self.retitle(page, variant.titles[page["docname"]])
            self.warn_if_empty(page)

    def keep_pages(self, wanted: tuple[str, ...]) -> None:
        pages = {page["docname"]: page for page in self.document.findall(addnodes.start_of_file)}
        for docname in wanted:
            if docname not in pages:
                shown = ", ".join(repr(name) for name in pages) or "none"
                self.error(
                    f"[{self.variant.name!r}]['sections'] names {docname!r}, which the CV "
                    f"({self.document.get('docname', 'index')}) does not show; the pages it "
                    f"shows are {shown}"
                )
        kept = [pages[docname] for docname in wanted if docname in pages]
        if not kept:
            return
        # The pages the variant lists, in its order, where the first of them was.
        anchor = next(iter(pages.values()))
        placeholder = nodes.comment()
        anchor.parent.insert(anchor.parent.index(anchor), placeholder)
        for page in pages.values():
            page.parent.remove(page)
        parent, at = placeholder.parent, placeholder.parent.index(placeholder)
        parent[at : at + 1] = kept

    def error(self, message: str) -> None:
        """An error at the line of ``conf.py`` the message's ``['name']['key']`` is on."""
        location = setting_location(self.config, message)
        logger.error("cv_variants%s", message, location=location, type="cv", subtype="variant")

    def retitle(self, page: addnodes.start_of_file, text: str) -> None:
        title = next(page.findall(nodes.title), None)
        if title is not None:
            title[:] = [nodes.Text(text)]

    def select_entries(self, entries: list[nodes.Element], rule: Rule) -> None:
        """Keep the entries of one page that the rule selects."""
        if rule.selects_all:
            return
        kept = [entry for entry in entries if _entry_wanted(entry, rule)]
        if rule.limit is not None:
            newest = sorted(kept, key=_entry_recency, reverse=True)[: rule.limit]
            kept = [entry for entry in kept if entry in newest]
        for entry in entries:
            if entry not in kept:
                entry.parent.remove(entry)
            elif rule.bullets is not None:
                _keep_bullets(entry, rule.bullets)

    def select_citations(
        self, kind: type[nodes.Element], general: Rule, page_of: dict[int, str]
    ) -> None:
        """Keep the publications (or talks) that the rule of each list's page selects
        (the page's own, else ``general``); a group left with none goes with its heading."""
        domain = self.env.get_domain("cite")
        key_of = {citation.citation_id: citation.key for citation in domain.citations}
        bib_entries = domain.bibdata.data.entries
        lists: dict[str, list[nodes.Element]] = {}
        for wrapper in self.document.findall(kind):
            lists.setdefault(wrapper.get("list", ""), []).append(wrapper)
        for wrappers in lists.values():
            rule = self.variant.section_rules.get(page_of[id(wrappers[0])], general)
            if rule.selects_all:
                continue
            items = [
                (item, bib_entries[key])
                for wrapper in wrappers
                for item in wrapper.findall(nodes.list_item)
                if (key := _key(item, key_of)) is not None
            ]
            kept = [item for item, entry in items if _citation_wanted(entry, rule)]
            if rule.limit is not None:
                recency = {id(item): entry_date(entry) for item, entry in items}
                newest = sorted(kept, key=lambda item: recency[id(item)], reverse=True)
                kept = newest[: rule.limit]
            for item, _ in items:
                if item not in kept:
                    item.parent.remove(item)
            self.renumber(wrappers)

    def renumber(self, wrappers: list[nodes.Element]) -> None:
        """The numbers run on across the groups that are left, as in the full CV."""
        counts = [len(list(wrapper.findall(nodes.list_item))) for wrapper in wrappers]
        total = sum(counts)
        number = total
        for wrapper, count in zip(wrappers, counts, strict=True):
            if count == 0:
                self.remove_group(wrapper)
                continue
            if "first" in wrapper:
                reverse = wrapper.get("numbering") == "reverse"
                wrapper["first"] = number if reverse else total - number + 1
            number -= count
        if total == 0:
            list_id = wrappers[0].get("list") if wrappers else None
            for legend in list(self.document.findall(cv_mark_legend)):
                if legend.get("list") == list_id:
                    legend.parent.remove(legend)

    def remove_group(self, wrapper: nodes.Element) -> None:
        parent = wrapper.parent
        index = parent.index(wrapper)
        before = parent[index - 1] if index > 0 else None
        if isinstance(before, nodes.rubric) and "cv-publications-group" in before["classes"]:
            parent.remove(before)
        parent.remove(wrapper)

    def warn_if_empty(self, page: addnodes.start_of_file) -> None:
        section = next(page.findall(nodes.section), None)
        if section is None:
            return
        shown = [child for child in section.children if _shown_in_pdf(child)]
        if not shown:
            logger.warning(
                "cv_variants[%r] keeps nothing of %r: its rules leave the section empty; take "
                "the page out of the variant's 'sections', or select more",
                self.variant.name, page["docname"],
                location=setting_location(self.config, f"[{self.variant.name!r}]"),
                type="cv", subtype="variant",
            )  # fmt: skip


def _shown_in_pdf(node: nodes.Node) -> bool:
    """Whether a section's child shows in the PDF: not its title, a target, a
    comment, or raw markup for another output (``<!-- ... -->`` in MyST)."""
    if isinstance(node, nodes.title | nodes.Invisible):
        return False
    return not (isinstance(node, nodes.raw) and "latex" not in node.get("format", "").split())


def _one_of(kinds: tuple[type[nodes.Element], ...]) -> Callable[[nodes.Node], bool]:
    return lambda node: isinstance(node, kinds)


def _keep_bullets(entry: nodes.Element, count: int) -> None:
    """The first ``count`` items of each bullet list in the entry's content; with
    none, the entry's head alone."""
    if count == 0:
        entry[:] = [child for child in entry.children if isinstance(child, cv_entry_field)]
        return
    for listing in list(entry.findall(nodes.bullet_list)):
        del listing[count:]
        if not len(listing):
            listing.parent.remove(listing)


def _key(item: nodes.list_item, key_of: dict[str, str]) -> str | None:
    return next((key_of[ident] for ident in item["ids"] if ident in key_of), None)


def _entry_wanted(entry: nodes.Element, rule: Rule) -> bool:
    if rule.keywords and not rule.keywords & set(entry.get("keywords", [])):
        return False
    if rule.since is not None:
        end = entry.get("end") or entry.get("start") or ""
        if end != "present" and end and int(end[:4]) < rule.since:
            return False
    return True


def _entry_recency(entry: nodes.Element) -> tuple[str, str]:
    """Ongoing first, then by the end (or the only) date, then the start; an undated
    entry last."""
    end = entry.get("end") or entry.get("start") or ""
    return ("9999" if end == "present" else end, entry.get("start") or "")


def _citation_wanted(entry: Entry, rule: Rule) -> bool:
    if rule.keywords and not rule.keywords & keyword_set(entry):
        return False
    if rule.kinds and publication_kind(entry) not in rule.kinds:
        return False
    if rule.since is not None:
        year = entry_date(entry)[0]
        if isinstance(year, int) and year < rule.since:
            return False
    return True


def setup(app: Sphinx) -> None:
    # The site's links follow the variants; no page needs reading again.
    app.add_config_value("cv_variants", {}, "", dict)
    # After identity's check, which notes the lines of conf.py.
    app.connect("config-inited", check_variants, priority=500)
    app.add_post_transform(VariantTransform)
