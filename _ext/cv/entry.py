"""The ``cv-entry`` directive: one dated CV item (a job, a degree, a fellowship).

A single :class:`cv_entry` node carries the period; its first three children
are the title, organisation and location (:class:`cv_entry_field`), parsed
as inline Markdown like any text of the page, so ``**bold**``, links and
quote marks come out as they do elsewhere; the rest of its children are the
directive's content (usually a bullet list). One HTML visitor and one LaTeX
visitor render it, so the website and the PDF show the same facts in the
same order.

Option values are taken from the directive's text as written: MyST reads an
option value that starts with a quote mark as a quoted YAML string, and
drops the quotes (``"Big Data"`` became ``Big Data``) or refuses the rest of
the line (``"Big Data" Lab``). A value here is plain text to the end of its
line, whatever it starts with.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .dates import DateError, PartialDate, Period
from .visitors import PASSTHROUGH

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

#: The head of an entry, in the order of its children; the dates come after the
#: title on the website and after the organisation in the PDF.
HEAD_FIELDS = ("title", "organisation", "location")
_OPTION_LINE = re.compile(r"^\s*:([\w-]+):(?:\s+(.*?))?\s*$")


class cv_entry(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """A dated CV item: its head fields, then its free content."""


class cv_entry_field(nodes.Part, nodes.TextElement):  # noqa: N801
    """One field of an entry's head, as inline text (``field`` names it)."""


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
    """An option the directive does not take, or takes once; reported at its line."""

    def __init__(self, message: nodes.system_message) -> None:
        super().__init__(message.astext())
        self.message = message


class CvEntryDirective(SphinxDirective):
    """``cv-entry``: a title argument, dates and place as options, MyST content."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, object]] = {
        "organisation": directives.unchanged,
        "location": directives.unchanged,
        "start": directives.unchanged_required,
        "end": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        try:
            options, option_lines = self.written_options()
        except OptionError as error:
            return [error.message]
        title = self.arguments[0].strip()
        if "start" not in options:
            if "end" in options:
                raise self.error("cv-entry has an :end: but no :start: date")
            raise self.error("cv-entry needs a :start: date (YYYY, YYYY-MM or YYYY-MM-DD)")
        # A wrong date is reported at its own line: the start's, else the end's.
        wrong = "start"
        try:
            PartialDate.parse(options["start"])
            wrong = "end"
            period = Period.parse(options["start"], options.get("end"))
        except DateError as error:
            line = option_lines.get(wrong, self.lineno)
            return [self.reporter.error(f"cv-entry {title!r}: {error}", line=line)]
        node = cv_entry(
            dates=period.display(),
            start=period.start.iso(),
            end="present" if period.ongoing else period.end.iso() if period.end else "",
        )
        self.set_source_info(node)
        for name, text in zip(
            HEAD_FIELDS, (title, *map(options.get, HEAD_FIELDS[1:])), strict=True
        ):
            field = cv_entry_field(field=name)
            self.set_source_info(field)
            if text and text.strip():
                inline, messages = self.parse_inline(text.strip(), lineno=self.lineno)
                field.extend(inline)
                node.extend(messages)
            node.append(field)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]

    def written_options(self) -> tuple[dict[str, str], dict[str, int]]:
        """The options as the author wrote them (see the module's note on quotes),
        and the line each one is on."""
        written = raw_options(self.block_text) if self.block_text else []
        seen: dict[str, int] = {}
        for name, _, offset in written:
            line = self.lineno + offset
            if name not in self.option_spec:
                known = ", ".join(f":{known}:" for known in self.option_spec)
                message = f"cv-entry has no option :{name}:; it takes {known}"
            elif name in seen:
                message = f"cv-entry gives :{name}: twice, on lines {seen[name]} and {line}"
            else:
                seen[name] = line
                continue
            raise OptionError(self.reporter.error(message, line=line))
        options = {**self.options, **{name: value for name, value, _ in written}}
        return {name: value for name, value in options.items() if value is not None}, seen


class QuotedOptionNoise(logging.Filter):
    """MyST's messages about a cv-entry's options: the directive reads them itself,
    as written (a value may start with a quote), and names an unknown one."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not (
            getattr(record, "subtype", "") == "directive_option"
            and message.startswith(
                ("'cv-entry': Invalid options format", "'cv-entry': Unknown option")
            )
        )


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
    if node["field"] == "title":
        self.body.append(
            f'<span class="cv-entry-dates"><time datetime="{entry["start"]}">'
            f"{self.encode(entry['dates'])}</time></span>"
        )
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
    if node["field"] == "title":
        self.add_text(" | " + node.parent["dates"])
    if node["field"] == HEAD_FIELDS[-1]:
        self.end_state()


def setup(app: Sphinx) -> None:
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
    app.add_directive("cv-entry", CvEntryDirective)
    myst_warnings = logging.getLogger("sphinx.myst_parser.warnings_")
    if not any(isinstance(known, QuotedOptionNoise) for known in myst_warnings.filters):
        myst_warnings.addFilter(QuotedOptionNoise())
