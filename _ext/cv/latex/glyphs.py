"""Characters the PDF's font cannot show are an error before TeX runs.

XeTeX only notes a missing glyph in its log and leaves a gap in the PDF: a
quietly wrong CV. This check reads which characters the fonts cover (from
fontconfig) and reports every other character in the text, naming the
document and line where it stands (or the line of ``conf.py`` for a value
from there), so that the build fails before TeX runs.
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

from ..bibcheck import citation_locations
from ..bibmarkup import cv_math
from ..identity import config_location, shown_identity

if TYPE_CHECKING:
    from collections.abc import Iterator

logger = logging.getLogger(__name__)

#: The families the CV's ``fontpkg`` sets for the text and for code (see ``FONTS``).
MAIN_FONT_FAMILY = "Linux Libertine O"
MONO_FONT_FAMILY = "DejaVu Sans Mono"
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
    """Report text the PDF's fonts have no glyph for, before the LaTeX is written:
    text in the main font, code in the monospaced one, and the ``conf.py``
    values the header, footer and contact line show."""

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: object) -> None:
        fonts = self.config.latex_elements.get("fontpkg", "")
        if MAIN_FONT_FAMILY not in fonts:
            return  # another font was chosen; TeX's log remains the backstop
        coverage = {MAIN_FONT_FAMILY: font_coverage(MAIN_FONT_FAMILY)}
        if MONO_FONT_FAMILY in fonts:
            coverage[MONO_FONT_FAMILY] = font_coverage(MONO_FONT_FAMILY)
        for family, location, text in self.texts():
            font = coverage.get(family)
            chars = sorted(missing(text, font)) if font else []
            if chars:
                logger.error(
                    "the PDF's font (%s) has no glyph for %s; "
                    "write it differently or choose a font that has it",
                    family,
                    ", ".join(describe(char) for char in chars),
                    location=location,
                    type="cv",
                    subtype="missing_glyph",
                )

    def texts(self) -> Iterator[tuple[str, nodes.Element | str, str]]:
        """``(font family, location, text)`` for everything the PDF sets; the text of
        a publication is located at its entry in the bib file."""
        entries = citation_locations(self.env)
        for text in self.document.findall(nodes.Text):
            parent = text.parent
            ancestors = list(_ancestors(parent))
            if isinstance(parent, nodes.raw) or any(isinstance(a, cv_math) for a in ancestors):
                continue  # raw LaTeX, and bib math, which TeX sets in its math fonts
            code = isinstance(parent, nodes.literal_block) or any(
                isinstance(a, nodes.literal) for a in ancestors
            )
            location = next(
                (entries[i] for item in ancestors for i in item["ids"] if i in entries), parent
            )
            yield MONO_FONT_FAMILY if code else MAIN_FONT_FAMILY, location, str(text)
        for name, value in shown_identity(self.config):
            yield MAIN_FONT_FAMILY, config_location(self.config, name), value


def _ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    while node is not None:
        if isinstance(node, nodes.Element):
            yield node
        node = node.parent
