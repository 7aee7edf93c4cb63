"""Characters the PDF's font cannot show are an error before TeX runs.

XeTeX only notes a missing glyph in its log and leaves a gap in the PDF: a
quietly wrong CV. This check reads which characters the main font covers
(from fontconfig) and reports every other character in the text, naming the
document and line where it stands, so that ``sphinx-build -W`` fails first.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..entry import cv_entry

if TYPE_CHECKING:
    from collections.abc import Iterator

logger = logging.getLogger(__name__)

#: The family the CV's ``fontpkg`` sets for the text (see ``FONTS``).
MAIN_FONT_FAMILY = "Linux Libertine O"
#: White space and controls have no glyph to miss.
_IGNORED_CATEGORIES = {"Zs", "Zl", "Zp", "Cc", "Cf"}


@cache
def font_coverage(family: str) -> tuple[tuple[int, int], ...] | None:
    """The code point ranges a font family covers, or ``None`` when unknown."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    result = subprocess.run(
        [fc_match, "--format=%{family}\n%{charset}", family],
        capture_output=True,
        text=True,
        check=False,
    )
    found, _, charset = result.stdout.partition("\n")
    if result.returncode != 0 or family not in found.split(","):
        return None
    ranges = []
    for token in charset.split():
        first, _, last = token.partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return tuple(ranges)


def missing(text: str, coverage: tuple[tuple[int, int], ...]) -> Iterator[str]:
    for char in set(text):
        code = ord(char)
        if code < 0x80 or unicodedata.category(char) in _IGNORED_CATEGORIES:
            continue
        if not any(first <= code <= last for first, last in coverage):
            yield char


def describe(char: str) -> str:
    return f"{char!r} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')})"


class MissingGlyphCheck(SphinxPostTransform):
    """Report text the PDF's font has no glyph for, before the LaTeX is written."""

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: object) -> None:
        if MAIN_FONT_FAMILY not in self.config.latex_elements.get("fontpkg", ""):
            return  # another font was chosen; TeX's log remains the backstop
        coverage = font_coverage(MAIN_FONT_FAMILY)
        if coverage is None:
            return
        for element, text in self.texts():
            chars = sorted(missing(text, coverage))
            if chars:
                logger.error(
                    "the PDF's font (%s) has no glyph for %s; "
                    "write it differently or choose a font that has it",
                    MAIN_FONT_FAMILY,
                    ", ".join(describe(char) for char in chars),
                    location=element,
                    type="cv",
                    subtype="missing_glyph",
                )

    def texts(self) -> Iterator[tuple[nodes.Element, str]]:
        for text in self.document.findall(nodes.Text):
            if not isinstance(text.parent, (nodes.raw, nodes.literal_block)):
                yield text.parent, str(text)
        for entry in self.document.findall(cv_entry):
            yield entry, " ".join(entry[name] for name in ("title", "organisation", "location"))
