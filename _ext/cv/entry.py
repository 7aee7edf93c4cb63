"""The ``cv-entry`` directive and the node every kind of CV entry is made of.

A single :class:`cv_entry` node carries the dates as shown; its first four
children are the title, organisation, location and detail line
(:class:`cv_entry_field`), parsed as inline Markdown like any text of the
page, so ``**bold**``, links and quote marks come out as they do elsewhere;
the rest of its children are the directive's content (usually a bullet
list). One HTML visitor and one LaTeX visitor render it, so the website and
the PDF show the same facts in the same order. :class:`EntryDirective` is
the base of ``cv-entry`` and of the directives of :mod:`.entrykinds`
(grants, awards, teaching, supervision, service): each only says which of
its options fill which field.

An entry may be undated. Its dates are written one way across the CV, in
the ``cv_date_style`` registered here (see :data:`.dates.DATE_STYLES`).

Option values are taken from the directive's text as written: MyST reads an
option value that starts with a quote mark as a quoted YAML string, and
drops the quotes (``"Big Data"`` became ``Big Data``) or refuses the rest of
the line (``"Big Data" Lab``). A value here is plain text to the end of its
line, whatever it starts with.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging as sphinx_logging
from sphinx.util.docutils import SphinxDirective

from .dates import DATE_STYLES, DEFAULT_STYLE, DateError, DateList, PartialDate, Period, YearList
from .identity import config_location
from .visitors import PASSTHROUGH

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

logger = sphinx_logging.getLogger(__name__)

#: The head of an entry, in the order of its children; the dates come after the
#: title on the website and after the organisation in the PDF.
HEAD_FIELDS = ("title", "organisation", "location", "detail")
#: Between the parts of the detail line (a role, an amount, a level...).
DETAIL_SEPARATOR = " \u00b7 "
#: The options that date an entry, each read by :meth:`EntryDirective.dates`.
DATE_OPTIONS = ("date", "start", "end", "years", "terms")
#: Every entry directive takes it: words that variants of the CV select entries by
#: (:mod:`.variants`); never shown.
KEYWORDS_OPTION = "keywords"
#: Every directive that makes a :class:`cv_entry`, for MyST's option messages.
ENTRY_DIRECTIVES: set[str] = set()
_OPTION_LINE = re.compile(r"^\s*:([\w-]+):(?:\s+(.*?))?\s*$")


class cv_entry(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """A CV item: its head fields, then its free content. ``dates`` is the shown
    text (empty for an undated item), ``datetime`` its ISO form for HTML."""


class cv_entry_field(nodes.Part, nodes.TextElement):  # noqa: N801
    """One field of an entry's head, as inline text (``field`` names it)."""


def text_options(*names: str) -> dict[str, Callable[[str], str]]:
    """An ``option_spec`` of free-text options, each read as written; a date
    option must have a value. Every entry also takes ``:keywords:``."""
    return {
        name: directives.unchanged_required if name in DATE_OPTIONS else directives.unchanged
        for name in (*names, KEYWORDS_OPTION)
    }


def keyword_list(text: str) -> list[str]:
    """``industry, Selected; ml`` as ``["industry", "selected", "ml"]``: the words of
    a ``:keywords:`` option, split like a bib entry's keywords, in any case."""
    return [word.strip().lower() for word in re.split(r"[,;]", text) if word.strip()]


def raw_options(block_text: str) -> list[tuple[str, str, int]]:
    """The ``:name: value`` lines after the directive's first line, as written,
    with each one's offset from that line."""
    options = []
    for offset, line in enumerate(block_text.splitlines()[1:], start=1):
        match = _OPTION_LINE.match(line)
        if not match:
            break
        options.append((match.group(1), match.group(2) or "", offset))
    return options


class OptionError(Exception):
    """A mistake in a directive's options; reported at the option's line."""

    def __init__(self, message: nodes.system_message) -> None:
        super().__init__(message.astext())
        self.message = message


@dataclass(frozen=True)
class Dates:
    """An entry's dates: as shown, and as ISO dates for the page's markup."""

    shown: str = ""
    datetime: str = ""
    start: str = ""
    end: str = ""


class EntryDirective(SphinxDirective):
    """A title argument, options for the head, MyST content: one :class:`cv_entry`.

    A subclass names its options (:func:`text_options`) and, in ``head``, the
    options that fill the organisation, location and detail fields; the detail
    line joins its options' values with a middle dot.
    """

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], str]]] = {}
    head: ClassVar[dict[str, tuple[str, ...]]] = {}

    def run(self) -> list[nodes.Node]:
        title = self.arguments[0].strip()
        self.messages: list[nodes.system_message] = []
        try:
            options, self.option_lines = self.written_options()
            dates = self.dates(title, options)
            node = cv_entry(
                dates=dates.shown,
                datetime=dates.datetime,
                start=dates.start,
                end=dates.end,
                keywords=keyword_list(options.get(KEYWORDS_OPTION, "")),
            )
            self.set_source_info(node)
            node.extend(self.field(name, title, options) for name in HEAD_FIELDS)
        except OptionError as error:
            return [error.message]
        node.extend(self.messages)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]

    def field(self, name: str, title: str, options: dict[str, str]) -> cv_entry_field:
        """One head field, from the title or from its options' values (in order)."""
        field = cv_entry_field(field=name)
        self.set_source_info(field)
        given = [("", title)] if name == "title" else []
        given += [(option, options.get(option, "")) for option in self.head.get(name, ())]
        for option, value in ((option, value.strip()) for option, value in given):
            if not value:
                continue
            if len(field):
                field.append(nodes.Text(DETAIL_SEPARATOR))
            field.extend(self.value_nodes(option, value))
        return field

    def value_nodes(self, option: str, value: str) -> list[nodes.Node]:
        """An option's value as the entry shows it: inline Markdown, unless a
        subclass reads that option itself."""
        inline, messages = self.parse_inline(value, lineno=self.option_line(option))
        self.messages.extend(messages)
        return inline

    def option_line(self, option: str) -> int:
        return self.option_lines.get(option, self.lineno)

    def located_error(self, option: str, message: str) -> OptionError:
        """An error at ``option``'s line (the directive's first line if not given)."""
        return OptionError(self.reporter.error(message, line=self.option_line(option)))

    def dates(self, title: str, options: dict[str, str]) -> Dates:
        """The entry's dates, from whichever of :data:`DATE_OPTIONS` it takes and
        gives; none is an undated item."""
        given = [name for name in DATE_OPTIONS if name in options]
        ways = [name for name in given if name != "end"]
        if "end" in given and "start" not in given:
            also = f" (:{ways[0]}: is no start)" if ways else ""
            raise self.located_error("end", f"{self.name} has an :end: but no :start: date{also}")
        if len(ways) > 1:
            written = " and ".join(f":{name}:" for name in ways)
            raise self.located_error(
                ways[-1], f"{self.name} {title!r} gives both {written}; keep one of them"
            )
        if not ways:
            return Dates()
        way = ways[0]
        # A wrong date is reported at its own line: the start's, else the end's.
        wrong = way
        try:
            if way in {"years", "terms"}:
                listed = (YearList if way == "years" else DateList).parse(options[way])
                shown = listed.display(self.config.cv_date_style)
                return Dates(shown, "", listed.start.iso(), listed.end.iso())
            PartialDate.parse(options[way])
            wrong = "end"
            period = Period.parse(options[way], options.get("end"))
        except DateError as error:
            raise self.located_error(wrong, f"{self.name} {title!r}: {error}") from None
        end = "present" if period.ongoing else period.end.iso() if period.end else ""
        shown = period.display(self.config.cv_date_style)
        return Dates(shown, period.start.iso(), period.start.iso(), end)

    def written_options(self) -> tuple[dict[str, str], dict[str, int]]:
        """The options as the author wrote them (see the module's note on quotes),
        and the line each one is on."""
        written = raw_options(self.block_text) if self.block_text else []
        seen: dict[str, int] = {}
        for name, _, offset in written:
            line = self.lineno + offset
            if name not in self.option_spec:
                known = ", ".join(f":{known}:" for known in self.option_spec)
                message = f"{self.name} has no option :{name}:; it takes {known}"
                # The spelling of another English (:organization:) or a typo.
                close = difflib.get_close_matches(name, self.option_spec, n=1, cutoff=0.7)
                if close:
                    message += f" (did you mean :{close[0]}:?)"
            elif name in seen:
                message = f"{self.name} gives :{name}: twice, on lines {seen[name]} and {line}"
            else:
                seen[name] = line
                continue
            raise OptionError(self.reporter.error(message, line=line))
        options = {**self.options, **{name: value for name, value, _ in written}}
        return {name: value for name, value in options.items() if value is not None}, seen


class CvEntryDirective(EntryDirective):
    """``cv-entry``: a job, a degree, a fellowship: organisation, place, period."""

    option_spec: ClassVar[dict[str, Callable[[str], str]]] = text_options(
        "organisation", "location", "start", "end"
    )
    head: ClassVar[dict[str, tuple[str, ...]]] = {
        "organisation": ("organisation",),
        "location": ("location",),
    }


def add_entry_directive(app: Sphinx, name: str, directive: type[EntryDirective]) -> None:
    """Register a directive that makes a :class:`cv_entry`."""
    ENTRY_DIRECTIVES.add(name)
    app.add_directive(name, directive)


class QuotedOptionNoise(logging.Filter):
    """MyST's messages about an entry's options: the directive reads them itself,
    as written (a value may start with a quote), and names an unknown one."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not (
            getattr(record, "subtype", "") == "directive_option"
            and message.startswith(
                tuple(
                    f"'{name}': {problem}"
                    for name in ENTRY_DIRECTIVES
                    for problem in ("Invalid options format", "Unknown option")
                )
            )
        )


def check_date_style(app: Sphinx, config: Config) -> None:
    """``cv_date_style`` must name a style; another is an error at its line."""
    if config.cv_date_style not in DATE_STYLES:
        known = ", ".join(f'"{style}"' for style in DATE_STYLES)
        logger.error(
            "cv_date_style %r is not a date style; choose one of %s",
            config.cv_date_style,
            known,
            location=config_location(config, "cv_date_style"),
            type="cv",
            subtype="config",
        )
        config.cv_date_style = DEFAULT_STYLE


def visit_cv_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    self.body.append('<div class="cv-entry">\n<div class="cv-entry-head">')


def depart_cv_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    self.body.append("</div>\n")


def visit_field_html(self: HTML5Translator, node: cv_entry_field) -> None:
    if node.children:
        self.body.append(f'<span class="cv-entry-{node["field"]}">')


def depart_field_html(self: HTML5Translator, node: cv_entry_field) -> None:
    entry = node.parent
    if node.children:
        self.body.append("</span>")
    if node["field"] == "title" and entry["dates"]:
        shown = self.encode(entry["dates"])
        if entry["datetime"]:
            shown = f'<time datetime="{entry["datetime"]}">{shown}</time>'
        self.body.append(f'<span class="cv-entry-dates">{shown}</span>')
    if node["field"] == HEAD_FIELDS[-1]:
        self.body.append("</div>\n")


def visit_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\n\\begin{cventry}")


def depart_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\\end{cventry}\n")


def visit_field_latex(self: LaTeXTranslator, node: cv_entry_field) -> None:
    self.body.append("{")


def depart_field_latex(self: LaTeXTranslator, node: cv_entry_field) -> None:
    self.body.append("}")
    if node["field"] == "organisation":
        self.body.append(f"{{{self.encode(node.parent['dates'])}}}")
    if node["field"] == HEAD_FIELDS[-1]:
        self.body.append("\n")


def visit_field_text(self: TextTranslator, node: cv_entry_field) -> None:
    if node["field"] == "title":
        self.new_state(0)
    elif node.children:
        self.add_text(" | ")


def depart_field_text(self: TextTranslator, node: cv_entry_field) -> None:
    if node["field"] == "title" and node.parent["dates"]:
        self.add_text(" | " + node.parent["dates"])
    if node["field"] == HEAD_FIELDS[-1]:
        self.end_state()


def setup(app: Sphinx) -> None:
    app.add_config_value("cv_date_style", DEFAULT_STYLE, "env", str)
    # After identity's check, which notes the lines of conf.py.
    app.connect("config-inited", check_date_style, priority=500)
    app.add_node(
        cv_entry,
        html=(visit_cv_entry_html, depart_cv_entry_html),
        latex=(visit_cv_entry_latex, depart_cv_entry_latex),
        text=PASSTHROUGH,
    )
    app.add_node(
        cv_entry_field,
        html=(visit_field_html, depart_field_html),
        latex=(visit_field_latex, depart_field_latex),
        text=(visit_field_text, depart_field_text),
    )
    add_entry_directive(app, "cv-entry", CvEntryDirective)
    myst_warnings = logging.getLogger("sphinx.myst_parser.warnings_")
    if not any(isinstance(known, QuotedOptionNoise) for known in myst_warnings.filters):
        myst_warnings.addFilter(QuotedOptionNoise())
