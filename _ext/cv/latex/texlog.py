"""What TeX's log says about a PDF, located in the sources the owner wrote.

TeX names the ``.tex`` line of a problem; :class:`SourceMap` turns it into
the page and line (or ``refs.bib`` entry) from the ``%cv-source:`` comments
the translator (:mod:`.translator`) writes. Used by the ``latexpdf`` builder,
and by ``python -m cv.latex JOBNAME``, which the Makefile of
``sphinx-build -M latexpdf`` runs after ``latexmk``.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .translator import SOURCE_MARK

#: An error line as ``-file-line-error`` writes it.
_FILE_LINE_ERROR = re.compile(r"^(?:\./)?[^\s:]+\.\w+:\d+: .*")
_MISSING_CHARACTER = re.compile(r"^Missing character: There is no (.+?) \(U\+([0-9A-F]+)\)", re.M)
_OVERFULL = re.compile(
    r"^Overfull \\hbox \((?P<points>[\d.]+)pt too wide\) "
    r"(?:in paragraph at lines (?P<first>\d+)--\d+|in alignment at lines (?P<align>\d+)--\d+"
    r"|detected at line (?P<line>\d+))",
    re.M,
)
# Font switches and box marks in TeX's dump of an overfull line's content.
_FONT_SWITCH = re.compile(r"\\[A-Z]{1,3}/[^ ]*(?: |$)|\[\]|\\[a-z]+ ?")
#: Lines this much too wide cannot be seen; TeX's own tolerance is 0.1 pt.
OVERFULL_TOLERANCE = 1.0
_OUTPUT_WRITTEN = re.compile(r"^Output written on .*?\((\d+) pages?", re.M | re.S)


def page_count(log_text: str) -> int | None:
    """How many pages TeX wrote, from its log's last line about the output."""
    found = _OUTPUT_WRITTEN.findall(log_text)
    return int(found[-1]) if found else None


def page_limit_message(name: str, title: str, pages: int, limit: int, paper: str) -> str:
    """The warning for a variant of the CV that runs past its ``max_pages``."""
    on = f" on {paper.removesuffix('paper')} paper" if paper else ""
    return (
        f"cv_variants[{name!r}]: the {title} is {pages} pages{on}, more than its max_pages "
        f"of {limit}; select less for it (its 'sections', 'entries', 'publications' or "
        "'talks') or allow more pages"
    )


def missing_characters(log_text: str) -> list[str]:
    """Characters XeTeX could not find in the font, as ``'字' (U+5B57)``."""
    found = dict.fromkeys(f"{m[1]!r} (U+{m[2]})" for m in _MISSING_CHARACTER.finditer(log_text))
    return list(found)


def first_tex_error(log_text: str) -> str | None:
    """The first error TeX wrote to its log, with the line after it for context."""
    lines = log_text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("! ") or _FILE_LINE_ERROR.match(line):
            context = lines[index + 1].strip() if index + 1 < len(lines) else ""
            return f"{line.strip()} {context}".strip()
    return None


@dataclass(frozen=True)
class Overfull:
    """A line of the PDF that runs past the right margin."""

    points: float
    tex_line: int
    snippet: str


def overfull_lines(log_text: str, tolerance: float = OVERFULL_TOLERANCE) -> list[Overfull]:
    """Every line of text TeX set wider than the text block, by more than ``tolerance``."""
    found = []
    for match in _OVERFULL.finditer(log_text):
        points = float(match["points"])
        if points <= tolerance:
            continue
        line = int(match["first"] or match["align"] or match["line"])
        after = log_text[match.end() :].split("\n\n", 1)[0]
        snippet = " ".join(_FONT_SWITCH.sub(" ", after.replace("\n", "")).split())
        found.append(Overfull(points, line, snippet[:80]))
    return found


class SourceMap:
    """The ``%cv-source:`` comments of a ``.tex`` file, by line."""

    def __init__(self, tex_text: str) -> None:
        self.lines: list[int] = []
        self.locations: list[str] = []
        for number, line in enumerate(tex_text.splitlines(), start=1):
            if line.startswith(SOURCE_MARK):
                self.lines.append(number)
                self.locations.append(line[len(SOURCE_MARK) :].strip())

    def locate(self, tex_line: int) -> str | None:
        """The source of the block that holds ``tex_line``."""
        index = bisect.bisect_right(self.lines, tex_line) - 1
        return self.locations[index] if index >= 0 else None


def overfull_messages(tex: Path, log: Path) -> list[tuple[str, str | None]]:
    """``(message, location)`` for each line past the margin."""
    if not log.exists() or not tex.exists():
        return []
    sources = SourceMap(tex.read_text(encoding="utf-8", errors="replace"))
    messages = []
    for box in overfull_lines(log.read_text(encoding="utf-8", errors="replace")):
        location = sources.locate(box.tex_line)
        where = "" if location else f" ({tex.name}, line {box.tex_line})"
        messages.append(
            (
                f"a line of the PDF runs {box.points:.0f}pt past the right margin{where}: "
                f"{box.snippet!r}; give a long word or URL a place to break, or shorten it",
                location,
            )
        )
    return messages


def main(argv: list[str]) -> int:
    """Check ``JOBNAME.log`` after a TeX run; exit 1 (and remove the PDF) on an error,
    or, with ``--strict`` (the build's ``-W``), on a warning too."""
    strict = "--strict" in argv
    arguments = [argument for argument in argv if argument != "--strict"]
    if len(arguments) != 1:
        print("usage: python -m cv.latex [--strict] JOBNAME", file=sys.stderr)
        return 2
    jobname = arguments[0]
    log = Path(f"{jobname}.log")
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    errors = [
        f"{jobname}.pdf: ERROR: the font has no glyph for {character}"
        for character in missing_characters(text)
    ]
    warnings = [
        f"{location or jobname + '.tex'}: WARNING: {message}"
        for message, location in overfull_messages(Path(f"{jobname}.tex"), log)
    ]
    for problem in errors + warnings:
        print(problem, file=sys.stderr)
    if errors or (strict and warnings):
        Path(f"{jobname}.pdf").unlink(missing_ok=True)
        return 1
    return 0
