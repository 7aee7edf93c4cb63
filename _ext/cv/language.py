"""The CV's generated text in the language of ``conf.py``'s ``language``.

The engine's words (headings, labels, "Present", "Invited talk.", "pp.") are
messages of its own gettext catalog ``cv``, which :func:`setup` registers with
Sphinx (``locale/<lang>/LC_MESSAGES/cv.mo`` beside this file); month names and
number formats come from Babel's CLDR data for the same language. Other
modules import from here:

- :func:`_`: a message in the CV's language (English, the message itself, when
  no Sphinx app has set up the catalog: the pybtex style is also called on its
  own); :func:`N_` marks a message kept in a table and translated where it is
  shown; :func:`ngettext` for a message with a count;
- :func:`month_name`, :func:`format_number`, :func:`format_money` and
  :func:`ordinal`: Babel's words and figures for the CV's locale
  (:func:`current_locale`);
- :func:`use`: the catalog and locale of a language for a block of code, as
  a build would set them (tests, tools).

The HTML templates' ``_()`` find the engine's messages too (after Sphinx's
own), and the PDF's footer gets its words through the preamble.
``python tools/catalog.py`` extracts the messages into ``locale/cv.pot``,
updates each language's ``cv.po`` and compiles its ``cv.mo``.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.numbers import format_decimal
from sphinx import locale as sphinx_locale
from sphinx.util import texescape

if TYPE_CHECKING:
    import gettext
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The catalog's name: ``cv.pot``, ``cv.po``, ``cv.mo``.
CATALOG = "cv"
LOCALE_DIR = Path(__file__).with_name("locale")
#: The language the messages are written in, and the fallback for any other.
SOURCE_LANGUAGE = "en"
#: Sphinx's registry key of the catalog (its ``namespace``, then the catalog).
_KEY = ("general", CATALOG)

_gettext = sphinx_locale.get_translation(CATALOG)
_locale: list[Locale] = [Locale.parse(SOURCE_LANGUAGE)]


def _(message: str) -> str:
    """``message`` in the CV's language; as written when the catalog has no
    translation or no Sphinx app has registered it."""
    # Before registration Sphinx returns a lazy proxy, not a str: pybtex and
    # str.join need the text itself.
    return str(_gettext(message))


def N_(message: str) -> str:  # noqa: N802 - gettext's name for a deferred message
    """``message`` unchanged: marks it for the catalog where it is stored, in a
    table; it is translated (with :func:`_`) where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for ``count``, in the CV's language."""
    return sphinx_locale.get_translator(CATALOG).ngettext(singular, plural, count)


def babel_locale(language: str | None) -> Locale:
    """Babel's locale for a Sphinx ``language`` (``de``, ``pt_BR``, ``en-GB``);
    English for none or an unknown one."""
    try:
        return Locale.parse((language or SOURCE_LANGUAGE).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(SOURCE_LANGUAGE)


def current_locale() -> Locale:
    """The CV's Babel locale: that of ``language``, English without an app."""
    return _locale[0]


def month_name(month: int, *, abbreviated: bool) -> str:
    """``Jun``/``June`` in English, ``Juni`` in German: CLDR's month name as a date
    uses it (the format context; German abbreviates only long names, ``Sept.``)."""
    width = "abbreviated" if abbreviated else "wide"
    return get_month_names(width, "format", current_locale())[month]


def format_number(number: object, pattern: str | None = None) -> str:
    """``3,012`` in English, ``3.012`` in German."""
    return format_decimal(number, pattern, locale=current_locale())


def format_money(number: str, symbol: str) -> str:
    """A formatted amount with its currency's symbol where the CV's locale puts it:
    ``€1,200,000``, ``CHF 250,000`` in English; ``1.200.000 €`` in German. A symbol
    of letters (a code) is kept apart from the figure by a no-break space."""
    pattern = current_locale().currency_formats["standard"].pattern.split(";")[0]
    if pattern.startswith("\u00a4"):
        gap = pattern[1:2] if pattern[1:2].isspace() else ""
        if not gap and symbol[-1:].isalpha():
            gap = "\u00a0"
        return f"{symbol}{gap}{number}"
    before = pattern.partition("\u00a4")[0]
    gap = before[-1:] if before[-1:].isspace() else ""
    if not gap and symbol[:1].isalpha():
        gap = "\u00a0"
    return f"{number}{gap.replace(' ', chr(0xA0))}{symbol}"


#: The ordinal suffix of each CLDR ordinal category (English has four; German
#: one, "17.").
ORDINALS = {
    "one": N_("{number}st"),
    "two": N_("{number}nd"),
    "few": N_("{number}rd"),
    "other": N_("{number}th"),
}


def ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``13th``, ``1,001st`` in English; ``17.`` in German."""
    category = current_locale().ordinal_form(number)
    return _(ORDINALS.get(category, ORDINALS["other"])).format(number=format_number(number))


#: Words the website's theme (furo) shows that Sphinx's own catalogs lack in some
#: languages; the engine's catalog holds them, so the whole page is in one language.
THEME_MESSAGES = (
    N_("On this page"),
    N_("Next"),
    N_("Previous"),
    N_("Home"),
    N_("Edit this page"),
    N_("View this page"),
    N_("Site navigation"),
)


def _install(language: str | None) -> None:
    """Load the catalog and the locale of ``language``, in place of any before."""
    # Sphinx merges a second load into the first: a fresh one, so that an English
    # app after a German one (in one process) speaks English.
    sphinx_locale.translators.pop(_KEY, None)
    sphinx_locale.init([LOCALE_DIR], language, CATALOG)
    _locale[0] = babel_locale(language)


@contextmanager
def use(language: str) -> Iterator[None]:
    """Generated text in ``language`` inside the block, as a build with
    ``language = ...`` makes it; the previous catalog and locale after it."""
    saved = sphinx_locale.translators.get(_KEY)
    saved_locale = _locale[0]
    _install(language)
    try:
        yield
    finally:
        if saved is None:
            sphinx_locale.translators.pop(_KEY, None)
        else:
            sphinx_locale.translators[_KEY] = saved
        _locale[0] = saved_locale


def _serve_templates(app: Sphinx) -> None:
    """Let the HTML templates' ``_()`` (Sphinx's catalog, then the project's) fall
    back to the engine's catalog for the words only the engine or the theme uses."""
    translator = getattr(app, "translator", None)
    ours = sphinx_locale.get_translator(CATALOG)
    if translator is None or translator is ours:
        return
    link: gettext.NullTranslations | None = translator
    while link is not None:
        if link is ours:
            return
        link = getattr(link, "_fallback", None)
    translator.add_fallback(ours)


#: The PDF's footer (``cvsphinx.sty``'s ``\cvpageof``), in LaTeX.
PAGE_OF = N_("Page {page} of {total}")


def latex_definitions(config: Config) -> str:
    """The PDF's own words in the CV's language, as LaTeX for the preamble; empty
    in English, which ``cvsphinx.sty`` writes itself."""
    footer = _(PAGE_OF)
    if footer == PAGE_OF:
        return ""
    texescape.init()  # Sphinx fills its tables when the LaTeX builder starts; this is earlier
    text = texescape.escape(footer.format(page="\x01", total="\x02"), config.latex_engine)
    command = text.replace("\x01", "#1").replace("\x02", "#2")
    return f"\\renewcommand{{\\cvpageof}}[2]{{{command}}}\n"


def _latex_messages(app: Sphinx, config: Config) -> None:
    """Put :func:`latex_definitions` before the preamble ``conf.py`` gives."""
    if definitions := latex_definitions(config):
        elements = dict(config.latex_elements)
        elements["preamble"] = definitions + elements.get("preamble", "")
        config.latex_elements = elements


def setup(app: Sphinx) -> None:
    sphinx_locale.translators.pop(_KEY, None)  # a fresh load, as in _install
    app.add_message_catalog(CATALOG, LOCALE_DIR)
    _locale[0] = babel_locale(app.config.language)
    app.connect("builder-inited", _serve_templates)
    # Before the PDF's settings (800) build the preamble from latex_elements.
    app.connect("config-inited", _latex_messages, priority=700)
