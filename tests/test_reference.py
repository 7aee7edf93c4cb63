"""The reference in ``docs/`` documents exactly what the engine understands.

The engine's vocabulary is read from its code, never listed here. A Sphinx app
on the tiny ``test-entry`` root, started with and without the ``cv``
extension, tells which directives, roles, config values and builders the
extension registers; each directive's class tells its arguments, content,
options and the values a choice option accepts (found by giving it a value it
refuses). The modules' constants tell the bib entry types, the fields the
style and the checks read, the keywords, the publication kinds, the fields
kept off the website and the kinds of ``cv_profiles``.

The reference marks each item with a MyST target, ``(category-name)=``, on
the line before its heading or list item (``(option-cv-entry-start)=``).
Every item of the code must have one, and every target must name an item of
the code: a new option without documentation, or a removed one still
documented, fails here with its name. The docs project must also build on its
own with ``-W -n``.
"""

from __future__ import annotations

import ast
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import PROJECT, build_root
from cv import bibauthors, bibcheck, bibentries, bibstyle, identity, publications
from docutils.parsers.rst import directives, roles
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from types import ModuleType

DOCS = PROJECT / "docs"
#: A tiny root that loads the extension; its content does not matter here.
ROOT = "test-entry"
EXTENSION = "cv"

#: What a target's first word says it documents, in the order of the tests.
CATEGORIES = (
    "directive", "argument", "content", "option", "choice", "role", "rolefield", "confval",
    "profile", "builder", "style", "bibtype", "bibcommand", "bibfield", "privatefield",
    "keyword", "kind",
)  # fmt: skip
#: The modules whose code reads bib entries: the fields they name are the bib fields.
BIB_MODULES = (bibstyle, bibauthors, bibentries, bibcheck, publications)
#: A value that no option takes; a choice option's refusal lists its choices.
PROBE = "no-option-takes-this-value"

_TARGET = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?\((?P<label>[^()\s]+)\)=[ \t]*$", re.MULTILINE
)
_CONFVAL = re.compile(r"Type `(?P<type>[^`]+)`, default `(?P<default>[^`]*)`")


# -- the reference ---------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One ``(label)=`` of the reference, and its text up to the next target."""

    label: str
    path: Path
    line: int
    text: str

    @property
    def category(self) -> str:
        return self.label.partition("-")[0]

    @property
    def name(self) -> str:
        return self.label.partition("-")[2]

    def __str__(self) -> str:
        return f"({self.label})= at {self.path.relative_to(PROJECT)}:{self.line}"


def read_targets(docs: Path) -> list[Target]:
    """Every target of the reference's pages, in file and line order."""
    targets = []
    for path in sorted(docs.rglob("*.md")):
        if "_build" in path.relative_to(docs).parts:
            continue
        text = path.read_text(encoding="utf-8")
        found = list(_TARGET.finditer(text))
        ends = [match.start() for match in found[1:]] + [len(text)]
        for match, end in zip(found, ends[: len(found)], strict=True):
            line = text.count("\n", 0, match.start()) + 1
            targets.append(Target(match["label"], path, line, text[match.end() : end]))
    return targets


@pytest.fixture(scope="module")
def targets() -> list[Target]:
    found = read_targets(DOCS)
    assert found, f"no (category-name)= targets in {DOCS}"
    return found


# -- the engine ------------------------------------------------------------------------


@dataclass(frozen=True)
class Registered:
    """What one Sphinx app has registered, by name."""

    extensions: list[str]
    directives: dict[str, Any]
    roles: dict[str, Any]
    config: dict[str, Any]
    builders: dict[str, Any]


def registered(srcdir: Path, extensions: list[str] | None = None) -> Registered:
    """Start Sphinx on ``srcdir`` (with other ``extensions``, if given) and note what
    is registered; docutils' registries are global, so they are read while it runs."""
    overrides = {} if extensions is None else {"extensions": extensions}
    app = SphinxTestApp(
        "html", srcdir=srcdir, confoverrides=overrides, status=io.StringIO(), warning=io.StringIO()
    )
    try:
        return Registered(
            extensions=list(app.config.extensions),
            directives=dict(directives._directives),
            roles=dict(roles._roles),
            config=dict(app.config.values),
            builders=dict(app.registry.builders),
        )
    finally:
        app.cleanup()


def added(with_it: Mapping[str, Any], without: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in with_it.items() if name not in without}


def choices(converter: Callable[[str], object]) -> list[str]:
    """The values a directive option accepts, when it accepts only some: docutils'
    ``choice`` refuses any other with ``"x" unknown; choose from "a", or "b"``."""
    try:
        converter(PROBE)
    except ValueError as error:
        _, listed, rest = str(error).partition("choose from")
        return re.findall(r'"([^"]*)"', rest) if listed else []
    return []


def field_keys(module: ModuleType) -> set[str]:
    """The bib fields a module reads by name: ``fields["doi"]``, ``fields.get("url")``,
    ``"date" in entry.fields``."""

    def is_fields(node: ast.expr) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr == "fields") or (
            isinstance(node, ast.Name) and node.id == "fields"
        )

    def text(node: ast.expr) -> str | None:
        return (
            node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
        )

    found = set()
    for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
        key = None
        if isinstance(node, ast.Subscript) and is_fields(node.value):
            key = text(node.slice)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and is_fields(node.func.value)
            and node.args
        ):
            key = text(node.args[0])
        elif (
            isinstance(node, ast.Compare)
            and isinstance(node.ops[0], ast.In | ast.NotIn)
            and is_fields(node.comparators[0])
        ):
            key = text(node.left)
        if key:
            found.add(key.lower())
    return found


def string_constants(module: ModuleType) -> set[str]:
    """Every string literal of a module's code, lower case."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    return {
        node.value.lower()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def bib_fields() -> tuple[set[str], set[str]]:
    """The fields the engine reads (each must be documented), and every name its bib
    code mentions (a documented field must be one of them)."""
    read = {*bibstyle.TEXT_FIELDS, *bibstyle.VENUE_FIELDS, *bibentries.PERSON_FIELDS}
    read |= {*bibentries.ALIASES, *bibentries.ALIASES.values()}
    read |= {name for names, _ in bibcheck.VENUE_NEEDED.values() for name in names}
    mentioned = set()
    for module in BIB_MODULES:
        read |= field_keys(module)
        mentioned |= string_constants(module)
    return read, mentioned | read


@dataclass(frozen=True)
class Engine:
    """The engine's vocabulary: for each category, the names the reference must hold;
    for the categories that are not closed lists, the names it may hold."""

    items: dict[str, set[str]]
    allowed: dict[str, set[str]]
    config: dict[str, Any]


@pytest.fixture(scope="module")
def engine(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    srcdir = tmp_path_factory.mktemp("reference") / ROOT
    shutil.copytree(rootdir / ROOT, srcdir)
    with_cv = registered(srcdir)
    assert EXTENSION in with_cv.extensions, f"{ROOT} does not load the {EXTENSION} extension"
    without = registered(srcdir, [name for name in with_cv.extensions if name != EXTENSION])
    new_directives = added(with_cv.directives, without.directives)
    items: dict[str, set[str]] = {category: set() for category in CATEGORIES}
    for name, directive in new_directives.items():
        items["directive"].add(name)
        if directive.required_arguments or directive.optional_arguments:
            items["argument"].add(name)
        if directive.has_content:
            items["content"].add(name)
        for option, converter in (directive.option_spec or {}).items():
            items["option"].add(f"{name}-{option}")
            items["choice"] |= {f"{name}-{option}-{value}" for value in choices(converter)}
    items["role"] = set(added(with_cv.roles, without.roles))
    items["rolefield"] = set(identity.TEXT_FIELDS)
    config = added(with_cv.config, without.config)
    items["confval"] = set(config)
    items["profile"] = set(identity.PROFILES)
    items["builder"] = set(added(with_cv.builders, without.builders))
    items["style"] = {bibstyle.STYLE_NAME}
    items["bibtype"] = set(bibentries.KNOWN_TYPES)
    items["bibcommand"] = set(bibcheck.NOT_ENTRIES)
    read, mentioned = bib_fields()
    items["bibfield"] = read
    items["privatefield"] = set(publications.PRIVATE_FIELDS)
    items["keyword"] = {
        value for name, value in vars(bibstyle).items() if name.endswith("_KEYWORD")
    }
    items["kind"] = set(publications.KINDS)
    allowed = {category: set(names) for category, names in items.items()}
    allowed["bibfield"] = mentioned
    return Engine(items, allowed, config)


def documented_names(category: str, targets: Iterable[Target], engine: Engine) -> dict[str, Target]:
    """The names the reference documents in ``category``; an argument's target names
    its directive first (``argument-cv-entry-title``), then the argument."""
    found = {}
    known = engine.items["directive"] | {t.name for t in targets if t.category == "directive"}
    for target in targets:
        if target.category != category:
            continue
        name = target.name
        if category == "argument":
            owners = [d for d in known if name.startswith(f"{d}-")]
            name = max(owners, key=len) if owners else name
        found.setdefault(name, target)
    return found


# -- the checks ------------------------------------------------------------------------


def test_targets_are_well_formed(targets: list[Target]) -> None:
    """One target per item, a known category, and an example beside each."""
    seen: dict[str, Target] = {}
    problems = []
    for target in targets:
        if target.label in seen:
            problems.append(f"{target} repeats {seen[target.label]}")
        seen.setdefault(target.label, target)
        if "-" in target.label and target.category not in CATEGORIES:
            problems.append(
                f"{target}: unknown category {target.category!r}; use one of {CATEGORIES}"
            )
        elif target.category in CATEGORIES and not target.name:
            problems.append(f"{target}: names no item")
        elif target.category in CATEGORIES and "`" not in target.text:
            problems.append(f"{target}: no example (inline code or a code block) follows it")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("category", CATEGORIES)
def test_reference_matches_the_engine(category: str, targets: list[Target], engine: Engine) -> None:
    """Every item of the code has a target, and every target names an item of the code."""
    documented = documented_names(category, targets, engine)
    missing = sorted(engine.items[category] - set(documented))
    stale = sorted(name for name in documented if name not in engine.allowed[category])
    problems = []
    if missing:
        suffix = "-NAME" if category == "argument" else ""
        labels = ", ".join(f"({category}-{name}{suffix})=" for name in missing)
        problems.append(f"the engine has {category} items that docs/ does not document: {labels}")
    if stale:
        where = "; ".join(str(documented[name]) for name in stale)
        problems.append(
            f"docs/ documents {category} items that the engine does not have "
            f"(not yet added to the code, or removed from it): {where}"
        )
    assert not problems, "\n".join(problems)


def test_config_types_and_defaults_match(targets: list[Target], engine: Engine) -> None:
    """Each config value's ``Type `T`, default `D`.`` line says what the code registers."""
    problems = []
    for target in targets:
        if target.category != "confval" or target.name not in engine.config:
            continue  # a value the code lacks fails the test above
        line = _CONFVAL.search(target.text)
        if line is None:
            problems.append(f"{target}: no line 'Type `T`, default `D`.'")
            continue
        option = engine.config[target.name]
        types = {kind.__name__ for kind in option.valid_types} or {type(option.default).__name__}
        shown_type = line["type"].split("[", 1)[0].strip()
        if shown_type not in types:
            problems.append(f"{target}: type {line['type']!r}, but the code registers {types}")
        if callable(option.default):
            continue
        try:
            shown_default = ast.literal_eval(line["default"])
        except (SyntaxError, ValueError):
            problems.append(f"{target}: the default {line['default']!r} is not a Python literal")
            continue
        if shown_default != option.default or type(shown_default) is not type(option.default):
            problems.append(
                f"{target}: default {line['default']}, but the code's is {option.default!r}"
            )
    assert not problems, "\n".join(problems)


def test_docs_build_on_their_own(tmp_path: Path) -> None:
    """``sphinx-build -W -n -b html docs OUT`` succeeds: no warning, no broken reference."""
    outdir = build_root(DOCS, "html", tmp_path / "docs")
    for page in ("index", "directives", "config", "bibtex", "howto"):
        assert (outdir / f"{page}.html").is_file(), f"docs/{page}.md was not built"
