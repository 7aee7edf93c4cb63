"""The engine's message catalog: extract, update, compile, check.

    python tools/catalog.py            # extract, update every language, compile
    python tools/catalog.py --add fr   # start a language: locale/fr/LC_MESSAGES/cv.po
    python tools/catalog.py --check    # what is missing or stale; exit 1 if anything

The messages are the engine's generated text: every ``_("...")``, ``N_("...")``
and ``ngettext(...)`` in ``_ext/cv`` (Python) and every ``_("...")`` in its
HTML templates, with the ``# Translators:`` comment before each. They go into
``_ext/cv/locale/cv.pot``; each language's ``cv.po`` takes the new messages
(untranslated, or "fuzzy" when Babel finds a close one) and drops those gone;
each ``cv.po`` is compiled into the ``cv.mo`` beside it, which the build reads
(see ``cv.language``). A message without a translation (or only a fuzzy one)
shows in English, and ``--check`` reports it: the tests run the check.
"""

from __future__ import annotations

import argparse
import gettext
import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "_ext" / "cv"
LOCALE = ENGINE / "locale"
DOMAIN = "cv"
COMMENT_TAGS = ("Translators:",)
#: How each kind of source file is read: Python, and Sphinx's Jinja templates.
METHODS = {".py": "python", ".html": "jinja2.ext:babel_extract"}
#: A fixed date in the template's header, so that extracting twice changes nothing.
CREATED = datetime(2026, 1, 1, tzinfo=UTC)
HEADER = (
    "# The CV engine's generated text (_ext/cv/language.py).\n"
    "# Made by python tools/catalog.py from the engine's source: do not edit the .pot;\n"
    "# translate in each language's cv.po, then run the tool again to compile cv.mo."
)


def extract(engine: Path = ENGINE) -> Catalog:
    """Every message of the engine's source, as a template (no translations)."""
    template = Catalog(
        domain=DOMAIN, project="cv", version="", creation_date=CREATED, fuzzy=False,
        header_comment=HEADER,
    )  # fmt: skip
    for path in sorted(engine.rglob("*")):
        method = METHODS.get(path.suffix)
        if method is None or "locale" in path.relative_to(engine).parts:
            continue
        found = extract_from_file(
            method, str(path), keywords=DEFAULT_KEYWORDS, comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        )  # fmt: skip
        where = path.relative_to(engine.parent).as_posix()
        for line, message, comments, context in found:
            template.add(
                message, locations=[(where, line)], auto_comments=comments, context=context
            )
    return template


def languages(locale: Path = LOCALE) -> list[str]:
    """The languages with a catalog: ``locale/<lang>/LC_MESSAGES/cv.po``."""
    return sorted(path.parent.parent.name for path in locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(language: str, locale: Path = LOCALE) -> Path:
    return locale / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _write_po(path: Path, catalog: Catalog) -> None:
    buffer = BytesIO()
    # No line numbers: a message moved within its file changes no catalog.
    write_po(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _read_po(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def update(engine: Path = ENGINE, locale: Path = LOCALE, add: tuple[str, ...] = ()) -> None:
    """Extract the template, bring each language's ``.po`` up to it (starting the
    languages in ``add``), and compile each ``.mo``."""
    template = extract(engine)
    _write_po(locale / f"{DOMAIN}.pot", template)
    for language in sorted({*languages(locale), *add}):
        path = po_path(language, locale)
        if path.exists():
            catalog = _read_po(path, language)
        else:
            catalog = Catalog(
                locale=language, domain=DOMAIN, project="cv", version="", fuzzy=False,
                creation_date=CREATED, header_comment=HEADER,
            )  # fmt: skip
        catalog.update(template)
        _write_po(path, catalog)
        compile_mo(language, locale)


def compile_mo(language: str, locale: Path = LOCALE) -> Path:
    """``cv.po`` compiled into the ``cv.mo`` beside it (fuzzy messages left out)."""
    path = po_path(language, locale)
    buffer = BytesIO()
    write_mo(buffer, _read_po(path, language), use_fuzzy=False)
    target = path.with_suffix(".mo")
    target.write_bytes(buffer.getvalue())
    return target


def _translated(catalog: Catalog) -> dict[object, object]:
    """The messages of a ``.po`` that a ``.mo`` holds, as ``gettext`` keys them."""
    found: dict[object, object] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            for index, text in enumerate(message.string):
                if text:
                    found[(message.id[0], index)] = text
        elif message.string:
            found[message.id] = message.string
    return found


def problems(engine: Path = ENGINE, locale: Path = LOCALE) -> list[str]:
    """What keeps the catalogs from matching the source: the template out of date, a
    message with no translation (or a fuzzy one) in a language, a ``.mo`` that is
    not its ``.po`` compiled. Empty when all is well."""
    found = []
    template = extract(engine)
    wanted = {message.id for message in template if message.id}
    pot = locale / f"{DOMAIN}.pot"
    written = {message.id for message in _read_po(pot) if message.id} if pot.exists() else set()
    if wanted != written:
        found.append(f"{pot.name} is not what the source has: run python tools/catalog.py")
    for language in languages(locale):
        path = po_path(language, locale)
        catalog = _read_po(path, language)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, message.context)
            strings = entry.string if entry else ""
            strings = strings if isinstance(strings, tuple | list) else [strings]
            if entry is None or entry.fuzzy or not all(strings):
                msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
                found.append(f"{language}: no translation of {msgid!r} in {path.name}")
        compiled = path.with_suffix(".mo")
        if not compiled.exists():
            found.append(f"{language}: no {compiled.name}: run python tools/catalog.py")
            continue
        with compiled.open("rb") as file:
            read = dict(gettext.GNUTranslations(file)._catalog)  # its messages
        read.pop("", None)
        if read != _translated(catalog):
            found.append(f"{language}: {compiled.name} is stale: run python tools/catalog.py")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("--add", action="append", default=[], metavar="LANG",
                        help="start a language's catalog (de, fr, pt_BR)")  # fmt: skip
    options = parser.parse_args(argv)
    if not options.check:
        update(add=tuple(options.add))
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found and options.check else 0


if __name__ == "__main__":
    sys.exit(main())
