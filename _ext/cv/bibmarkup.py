"""LaTeX in bib fields, decoded once into the rich text that both outputs render.

BibTeX exports write accents (``Mart{\\'{\\i}}nez``, ``{\\"u}``, ``\\c{c}``),
symbols (``\\&``, ``\\ss``, ``--``, ``~``), text styles (``\\emph``,
``\\textbf``, ``{\\it ...}``, ``\\textsubscript``), links (``\\url``,
``\\href``) and math (``$O(n^2)$``). :func:`decode` turns a field into pybtex
rich text: plain Unicode, ``em``/``b``/``tt``/``sub``/``sup`` tags, links, and
:class:`Math`, which the website shows as Unicode with sub- and superscripts
and the PDF typesets as real math. :func:`plain` gives the text a reader
sees, for the JSON-LD, COinS and name comparisons.

Parsing uses pylatexenc's LaTeX walker and its table of accents and symbols
(a well-kept decoder, rather than hand-written rules); this module only
decides what each construct becomes in a CV. Anything it cannot render —
an unknown command, math that never closes, ``\\cite`` — raises
:class:`MarkupError`, which the bib check reports with the file, line, entry
and field: raw markup never reaches the CV.

Outside math, ``& % $ # _ ^`` are not special in a CV's bib file except that
a ``$`` opens math; ``\\$`` is a dollar sign.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from docutils import nodes
from pybtex.backends.latex import Backend as LaTeXBackend
from pybtex.richtext import BaseMultipartText, HRef, String, Tag, Text
from pybtex_docutils import Backend as DocutilsBackend
from pylatexenc import latex2text, latexwalker
from pylatexenc.macrospec import MacroSpec

from .visitors import PASSTHROUGH

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

#: ``\emph{x}`` and friends: the tag their argument is set in (None: plain).
TEXT_STYLES: dict[str, str | None] = {
    "emph": "em", "textit": "em", "textsl": "em", "mkbibemph": "em", "mkbibitalic": "em",
    "textbf": "b", "mkbibbold": "b", "mkbibsubscript": "sub",
    "texttt": "tt",
    "textsubscript": "sub", "textsuperscript": "sup", "mkbibsuperscript": "sup",
    "textsc": None, "textrm": None, "textsf": None, "textup": None, "textmd": None,
    "textnormal": None, "mbox": None, "hbox": None, "text": None, "NoCaseChange": None,
    "nocase": None, "textnocase": None, "MakeUppercase": None, "MakeLowercase": None,
    "autocap": None, "mkbibacro": None,
}  # fmt: skip
#: ``{\it x}``, ``{\bfseries x}``: declarations that style the rest of their group.
DECLARATIONS: dict[str, str | None] = {
    "em": "em", "it": "em", "itshape": "em", "sl": "em", "slshape": "em",
    "bf": "b", "bfseries": "b",
    "tt": "tt", "ttfamily": "tt",
    "sc": None, "scshape": None, "rm": None, "rmfamily": None, "sf": None, "sffamily": None,
    "upshape": None, "normalfont": None, "mdseries": None,
}  # fmt: skip
#: Commands that only affect spacing or line breaking, as the text they leave.
SPACING = {
    " ": " ", ",": "\u202f", ";": " ", ":": " ", "!": "", "/": "", "-": "",
    "\\": " ", "newline": " ", "linebreak": " ", "quad": " ", "qquad": " ",
    "relax": "", "protect": "", "ignorespaces": "", "xspace": "", "null": "",
    "allowbreak": "", "break": " ", "nobreak": "", "hfill": " ", "nobreakspace": "\u00a0",
    "hyphen": "-", "nohyphen": "-", "hyphenate": "",
}  # fmt: skip
#: Logos and names that pylatexenc's table lacks.
NAMED = {
    "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2ε",
    "XeTeX": "XeTeX", "LuaTeX": "LuaTeX", "textquotesingle": "'", "textquotedbl": '"',
    "textgreater": ">", "textless": "<", "textbar": "|", "textunderscore": "_",
    "textbraceleft": "{", "textbraceright": "}", "euro": "€", "S": "§", "P": "¶",
    "ddag": "‡", "pounds": "£", "copyright": "©", "textminus": "−", "checkmark": "✓",
}  # fmt: skip
#: The AAS journal macros NASA ADS writes into ``journal`` (aastex defines them).
JOURNAL_MACROS = {
    "aj": "AJ", "actaa": "Acta Astron.", "araa": "ARA&A", "apj": "ApJ", "apjl": "ApJL",
    "apjs": "ApJS", "ao": "Appl. Opt.", "apss": "Ap&SS", "aap": "A&A", "aapr": "A&A Rv",
    "aaps": "A&AS", "azh": "AZh", "baas": "BAAS", "icarus": "Icarus",
    "jcap": "J. Cosmology Astropart. Phys.", "jrasc": "JRASC", "memras": "MmRAS",
    "mnras": "MNRAS", "na": "New A", "nar": "New A Rev.", "pra": "Phys. Rev. A",
    "prb": "Phys. Rev. B", "prc": "Phys. Rev. C", "prd": "Phys. Rev. D",
    "pre": "Phys. Rev. E", "prl": "Phys. Rev. Lett.", "pasa": "PASA", "pasp": "PASP",
    "pasj": "PASJ", "qjras": "QJRAS", "solphys": "Sol. Phys.", "ssr": "Space Sci. Rev.",
    "nat": "Nature", "iaucirc": "IAU Circ.", "gca": "Geochim. Cosmochim. Acta",
    "grl": "Geophys. Res. Lett.", "jcp": "J. Chem. Phys.", "jgr": "J. Geophys. Res.",
    "physrep": "Phys. Rep.", "planss": "Planet. Space Sci.", "procspie": "Proc. SPIE",
    "psj": "PSJ",
}  # fmt: skip
#: Inline HTML (and JATS) tags that Crossref's metadata carries into exported
#: titles, as the LaTeX they stand for; other tags of those vocabularies are refused.
HTML_TAGS = {
    "i": "\\textit{", "em": "\\emph{", "b": "\\textbf{", "strong": "\\textbf{",
    "sub": "\\textsubscript{", "sup": "\\textsuperscript{", "scp": "{", "sc": "{",
    "tt": "\\texttt{", "u": "{", "span": "{", "italic": "\\textit{", "bold": "\\textbf{",
}  # fmt: skip
_HTML_TAG = re.compile(
    r"<(/?)(i|em|b|strong|sub|sup|scp|sc|tt|u|span|italic|bold|inline-formula|tex-math|"
    r"mml:[a-z]+|math|jats:[a-z-]+|monospace|underline|sans-serif)(\s[^<>]*)?>",
    re.IGNORECASE,
)
_HTML_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-fA-F]+);")
#: Accent commands: an accent over one letter (pylatexenc combines them).
ACCENTS = frozenset("'`^\"~=.uvHcdbkrtG") | {"textcircled", "ocirc"}
#: Commands that would print something other than text, or read files, or
#: define things: a CV's bib field cannot hold them.
FORBIDDEN = frozenset(
    {
        "cite", "citep", "citet", "ref", "eqref", "label", "footnote", "input", "include",
        "index", "def", "newcommand", "renewcommand", "write", "immediate", "openout",
        "csname", "catcode", "usepackage", "begin", "end", "hspace", "vspace", "par",
        "includegraphics", "pageref", "bibitem", "nocite", "item",
    }
)  # fmt: skip
#: Where the text's own quote marks become typographic ones.
_OPENING_CONTEXT = set(" \u00a0\u202f([{“‘—–-/\n\t")
_BARE_PERCENT = re.compile(r"(?<!\\)((?:\\\\)*)%")
_WHITESPACE = re.compile(r"\s+")
_URL_ESCAPE = re.compile(r"\\([%#_&~$ {}])")

_SPACED_SYMBOLS = frozenset("≤≥≠≈≡∼≃≅∝∈∉∋⊂⊆⊃⊇→←↔⇒⇐⇔↦×·±∓∪∩∧∨⊕⊗∘÷")

SUPERSCRIPTS = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
SUBSCRIPTS = dict(zip("0123456789+-=()aeox", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓ", strict=True))


class MarkupError(ValueError):
    """LaTeX in a bib field that the CV cannot render as a reader should see it."""


class Math(BaseMultipartText):
    """Math from a bib field: ``latex`` for the PDF, readable parts for the rest."""

    def __init__(self, latex: str, *parts: object) -> None:
        self.latex = latex
        self.info = (latex,)
        super().__init__(*parts)

    def __repr__(self) -> str:
        return f"Math({self.latex!r}, {', '.join(repr(part) for part in self.parts)})"

    def render(self, backend: object) -> object:
        readable = super().render(backend)
        if isinstance(backend, DocutilsBackend):
            return [cv_math("", "", *readable, latex=self.latex)]
        if isinstance(backend, LaTeXBackend):
            return f"${self.latex}$"
        return readable


class cv_math(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils node naming
    """Inline math from a bib field: readable children, and the LaTeX source."""


# -- parsing --------------------------------------------------------------------------


@cache
def _walker_context() -> object:
    """pylatexenc's command table, taught the argument shapes a bib field uses."""
    context = latexwalker.get_default_latex_context_db()
    one_argument = [*TEXT_STYLES, "url", "doi", "enquote", "mkbibquote", "ensuremath", "noopsort"]
    context.add_context_category(
        "cv-bib",
        prepend=True,
        macros=[
            *(MacroSpec(name, "{") for name in one_argument),
            MacroSpec("href", "{{"),
            MacroSpec("t", "{"),
            *(MacroSpec(name, "") for name in (*NAMED, *JOURNAL_MACROS)),
        ],
    )
    return context


@cache
def _to_text() -> latex2text.LatexNodes2Text:
    """pylatexenc's converter, for accents and symbols (never for arguments it
    would drop silently: those commands are handled here or refused)."""
    return latex2text.LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


@cache
def _symbol_table() -> object:
    return latex2text.get_default_latex_context_db()


def _parse(latex: str) -> list[object]:
    walker = latexwalker.LatexWalker(latex, latex_context=_walker_context(), tolerant_parsing=False)
    try:
        found, _, _ = walker.get_latex_nodes()
    except latexwalker.LatexWalkerParseError as error:
        message = str(error.msg) if hasattr(error, "msg") else str(error)
        if "'$'" in message or "math" in message.lower():
            raise MarkupError(
                "a '$' opens math that never closes; write \\$ for a dollar sign"
            ) from None
        raise MarkupError(f"the LaTeX does not parse: {message.splitlines()[0]}") from None
    return found


def html_to_latex(value: str) -> str:
    """Crossref's inline tags (``<i>``, ``<sub>``, ``<scp>``...) and entities as LaTeX;
    MathML, or a tag that does not close, is a :class:`MarkupError`."""
    if "<" not in value and "&" not in value:
        return value
    open_tags: list[str] = []

    def replace(match: re.Match[str]) -> str:
        closing, name = match.group(1), match.group(2).lower()
        if name not in HTML_TAGS:
            raise MarkupError(
                f"has the markup <{name}> (MathML or JATS from a publisher's metadata); "
                "write the math as $...$"
            )
        if closing:
            if not open_tags or open_tags.pop() != name:
                raise MarkupError(f"has a </{name}> that closes no <{name}>")
            return "}"
        open_tags.append(name)
        return HTML_TAGS[name]

    text = _HTML_TAG.sub(replace, value)
    if open_tags:
        raise MarkupError(f"has a <{open_tags[-1]}> that never closes")
    return _HTML_ENTITY.sub(lambda match: _escaped(html.unescape(match.group())), text)


def _escaped(char: str) -> str:
    return {"&": "\\&", "\u00a0": "~", "%": "\\%", "$": "\\$", "#": "\\#"}.get(char, char)


def literal_percent(value: str) -> str:
    """Escape a bare ``%``: in a bib field it means per cent, and read as LaTeX
    it would start a comment and silently drop the rest of the field."""
    return _BARE_PERCENT.sub(r"\1\\%", value)


# The converter builds a small tree first (strings, and (kind, payload, children)
# tuples), so that quote marks can be educated across it in reading order.


def _convert(found: Iterable[object]) -> list[object]:
    pieces: list[object] = []
    node_list = list(found)
    index = 0
    while index < len(node_list):
        node = node_list[index]
        index += 1
        if node is None or isinstance(node, latexwalker.LatexCommentNode):
            continue
        if isinstance(node, latexwalker.LatexCharsNode):
            pieces.append(_WHITESPACE.sub(" ", node.chars))
        elif isinstance(node, latexwalker.LatexGroupNode):
            pieces.append(("group", "", _convert(node.nodelist)))
        elif isinstance(node, latexwalker.LatexSpecialsNode):
            pieces.append(_special(node.specials_chars))
        elif isinstance(node, latexwalker.LatexMathNode):
            pieces.append(_math(node))
        elif isinstance(node, latexwalker.LatexMacroNode):
            name = node.macroname
            if name in DECLARATIONS:
                # The rest of the group is set in the declared style.
                rest = _convert(node_list[index:])
                tag = DECLARATIONS[name]
                pieces.append(("tag", tag, rest) if tag else ("group", "", rest))
                break
            pieces.append(_macro(node))
        elif isinstance(node, latexwalker.LatexEnvironmentNode):
            raise MarkupError(f"\\begin{{{node.environmentname}}} cannot be shown in a CV")
        else:  # pragma: no cover - pylatexenc has no other node kinds
            raise MarkupError(f"cannot render '{node.latex_verbatim()}'")
    return pieces


def _special(chars: str) -> str:
    return {
        "~": "\u00a0",
        "--": "\u2013",
        "---": "\u2014",
        "``": "\u201c",
        "''": "\u201d",
        "!`": "¡",
        "?`": "¿",
    }.get(chars, chars)


def _arguments(node: object) -> list[object]:
    arguments = node.nodeargd.argnlist if node.nodeargd else []
    return [argument for argument in arguments if argument is not None]


def _argument_nodes(argument: object) -> list[object]:
    return argument.nodelist if isinstance(argument, latexwalker.LatexGroupNode) else [argument]


def _argument_source(argument: object) -> str:
    """An argument's LaTeX as written, without its braces."""
    text = argument.latex_verbatim()
    return text[1:-1] if isinstance(argument, latexwalker.LatexGroupNode) else text


def _link_target(argument: object) -> str:
    return url_text(_argument_source(argument))


def _macro(node: object) -> object:  # noqa: PLR0911 - one return a kind of command
    name = node.macroname
    arguments = _arguments(node)
    if name in FORBIDDEN:
        raise MarkupError(f"\\{name} cannot be shown in a CV")
    if name in TEXT_STYLES:
        if not arguments:
            raise MarkupError(f"\\{name} needs an argument in braces")
        content = _convert(_argument_nodes(arguments[0]))
        tag = TEXT_STYLES[name]
        return ("tag", tag, content) if tag else ("group", "", content)
    if (word := _word(name)) is not None:
        return word
    if name == "ensuremath":  # math, as publishers' exports write it
        argument = arguments[0]
        return _math_source(_argument_source(argument), _math_pieces(_argument_nodes(argument)))
    if name in {"enquote", "mkbibquote"}:
        return ("group", "", ["\u201c", *_convert(_argument_nodes(arguments[0])), "\u201d"])
    if name in {"url", "doi"}:
        target = _link_target(arguments[0])
        href = f"https://doi.org/{target}" if name == "doi" else target
        return ("href", href, [target])
    if name == "href":
        return ("href", _link_target(arguments[0]), _convert(_argument_nodes(arguments[1])))
    if name == "t" and arguments:  # the tie accent over two letters
        letters = node.latex_verbatim()
        return _accented(letters, "\u0361")
    if name in ACCENTS or _is_symbol(name):
        text = _to_text().node_to_text(node)
        return unicodedata.normalize("NFC", text)
    raise MarkupError(f"unknown LaTeX command \\{name}")


def _word(name: str) -> str | None:
    """What a command that stands for fixed text stands for (None: it does not)."""
    if name == "noopsort":  # a sort key for BibTeX styles, never printed
        return ""
    for table in (SPACING, NAMED, JOURNAL_MACROS):
        if name in table and table[name] is not None:
            return table[name]
    return None


def _accented(verbatim: str, mark: str) -> str:
    inner = re.sub(r"^\\t\s*\{?|\}?$", "", verbatim)
    letters = _to_text().latex_to_text(inner)
    return unicodedata.normalize("NFC", letters[:1] + mark + letters[1:])


def _is_symbol(name: str) -> bool:
    """A command pylatexenc turns into a character and that takes no argument."""
    if _symbol_table().get_macro_spec(name) is None:
        return False
    spec = _walker_context().get_macro_spec(name)
    return spec is None or not getattr(spec.args_parser, "argspec", "")


# -- math -------------------------------------------------------------------------


def _math(node: object) -> tuple[str, str, list[object]]:
    source = node.latex_verbatim()
    delimiters = {"$": 1, "$$": 2, "\\(": 2, "\\[": 2}
    cut = delimiters.get(node.delimiters[0], 1)
    return _math_source(source[cut:-cut], _math_pieces(node.nodelist))


def _math_source(latex: str, readable: list[object]) -> tuple[str, str, list[object]]:
    latex = latex.strip()
    if not latex:
        raise MarkupError("has empty math ($$)")
    if re.search(r"(?<!\\)[#&]", latex):
        raise MarkupError(f"the math ${latex}$ holds '#' or '&', which TeX cannot typeset there")
    return ("math", latex, readable)


def _math_pieces(found: Iterable[object]) -> list[object]:
    """Readable math: symbols as Unicode, ``^`` and ``_`` as super- and subscripts."""
    atoms: list[object] = []
    for node in found:
        if node is None or isinstance(node, latexwalker.LatexCommentNode):
            continue
        if isinstance(node, latexwalker.LatexCharsNode):
            atoms.extend(char for char in node.chars if not char.isspace() or char == " ")
        elif isinstance(node, latexwalker.LatexGroupNode):
            atoms.append(("group", "", _math_pieces(node.nodelist)))
        elif isinstance(node, latexwalker.LatexSpecialsNode):
            atoms.append(_special(node.specials_chars))
        elif isinstance(node, latexwalker.LatexMacroNode):
            atoms.append(_math_macro(node))
        else:
            raise MarkupError(f"cannot render '{node.latex_verbatim()}' in math")
    atoms = _single_spaces(atoms)
    pieces: list[object] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        if isinstance(atom, str) and atom in {"^", "_"}:
            if index + 1 >= len(atoms):
                raise MarkupError(f"a '{atom}' in math has nothing after it")
            tag = "sup" if atom == "^" else "sub"
            pieces.append(("tag", tag, [atoms[index + 1]]))
            index += 2
            continue
        pieces.append(atom)
        index += 1
        following = atoms[index] if index < len(atoms) else None
        if _is_operator_name(atom) and isinstance(following, str) and following.isalnum():
            pieces.append(" ")  # TeX spaces an operator name (log, max) from what follows
    return pieces


def _single_spaces(atoms: list[object]) -> list[object]:
    """Spaces as a reader expects them: one at a time, none at the ends."""
    merged: list[object] = []
    for atom in atoms:
        kept = atom
        if isinstance(atom, str) and atom.strip() == "" and atom:
            if merged and isinstance(merged[-1], str) and merged[-1].endswith(" "):
                continue
            kept = " "
        elif isinstance(atom, str) and atom.startswith(" ") and merged and merged[-1] == " ":
            kept = atom[1:]
        merged.append(kept)
    while merged and merged[0] == " ":
        merged.pop(0)
    while merged and merged[-1] == " ":
        merged.pop()
    return merged


def _is_operator_name(atom: object) -> bool:
    return isinstance(atom, str) and len(atom) > 1 and atom.isascii() and atom.isalpha()


def _math_macro(node: object) -> object:
    name = node.macroname
    if name in FORBIDDEN:
        raise MarkupError(f"\\{name} cannot be shown in a CV")
    if name in SPACING:
        return SPACING[name] and " "
    if name == "ensuremath":
        return ("group", "", _math_pieces(_argument_nodes(_arguments(node)[0])))
    if name in {"text", "textrm", "mathrm", "textit", "mathit", "mathbf", "textbf", "mbox"}:
        return ("group", "", _convert(_argument_nodes(_arguments(node)[0])))
    if name in {"left", "right", "big", "Big", "bigl", "bigr", "displaystyle", "limits"}:
        return ""
    if _symbol_table().get_macro_spec(name) is None:
        raise MarkupError(f"unknown LaTeX command \\{name} in math")
    text = unicodedata.normalize("NFC", _to_text().node_to_text(node).strip() or "")
    # TeX spaces relations and operators (\leq, \times) from their neighbours.
    return f" {text} " if text in _SPACED_SYMBOLS else text


# -- quotes and rich text ----------------------------------------------------------------


def _educate(pieces: list[object], previous: str | None = None) -> tuple[list[object], str | None]:
    """Straight quotes to typographic ones, in reading order across the tree."""
    result: list[object] = []
    for piece in pieces:
        if isinstance(piece, str):
            chars = []
            for char in piece:
                opening = previous is None or previous in _OPENING_CONTEXT
                typographic = {
                    '"': "\u201c" if opening else "\u201d",
                    "'": "\u2018" if opening else "\u2019",
                    "`": "\u2018",
                }.get(char, char)
                chars.append(typographic)
                previous = typographic
            result.append("".join(chars))
        else:
            kind, payload, children = piece
            if kind == "math":
                result.append(piece)
                previous = "x"
                continue
            children, previous = _educate(children, previous)
            result.append((kind, payload, children))
    return result, previous


def _rich(pieces: Sequence[object]) -> list[object]:
    parts: list[object] = []
    for piece in pieces:
        if isinstance(piece, str):
            if piece:
                parts.append(String(piece))
            continue
        kind, payload, children = piece
        inner = _rich(children)
        if kind == "tag":
            parts.append(Tag(payload, *inner))
        elif kind == "href":
            parts.append(HRef(payload, *inner))
        elif kind == "math":
            parts.append(Math(payload, *inner))
        else:
            parts.extend(inner)
    return parts


@lru_cache(maxsize=8192)
def decode(value: str) -> Text:
    """A bib field as rich text; raises :class:`MarkupError` for what cannot be shown.

    The same strings recur across entries and bibliographies, and decoding is
    the costly part of formatting; pybtex's rich text is immutable, so sharing
    the result is safe.
    """
    if _LATEX_SYNTAX.search(value):
        found = _convert(_parse(literal_percent(html_to_latex(value))))
    else:
        # Plain words (most titles, names and venues): what the LaTeX parser would
        # make of them, without its cost (a few milliseconds a field).
        found = [_WHITESPACE.sub(" ", value)] if value else []
    pieces, _ = _educate(found)
    text = Text(*_rich(pieces))
    return _strip(text)


#: What makes a field more than words to LaTeX or to :func:`html_to_latex`: a
#: command, a group, math, a comment, an active or special character, a ligature
#: the parser reads as one (``--``, ``''``, ``!```), a tag or an entity.
_LATEX_SYNTAX = re.compile(r"[\\{}$%&~^_#<>`]|--|''|!`|\?`")


def _strip(text: Text) -> Text:
    """Drop the white space a field's line breaks left at its ends."""
    rendered = plain_of(text)
    if rendered == rendered.strip():
        return text
    leading = len(rendered) - len(rendered.lstrip())
    trailing = len(rendered) - len(rendered.rstrip())
    return text[leading : len(text) - trailing] if trailing else text[leading:]


def map_strings(text: BaseMultipartText, change: Callable[[str], str]) -> BaseMultipartText:
    """Rich text with ``change`` applied to each of its strings (math left alone)."""
    if isinstance(text, Math):
        return text
    parts = [
        String(change(part.value)) if isinstance(part, String) else map_strings(part, change)
        for part in text.parts
    ]
    return text._create_similar(parts)


def links(text: BaseMultipartText) -> list[str]:
    """Every link target inside rich text (``\\url``, ``\\href``)."""
    found = []
    for part in getattr(text, "parts", []):
        if isinstance(part, HRef):
            found.append(part.url)
        found.extend(links(part))
    return found


def plain_of(text: object) -> str:
    """Rich text as plain Unicode: scripts as Unicode scripts where they exist."""
    if isinstance(text, str):
        return text
    if isinstance(text, String):
        return text.value
    parts = "".join(plain_of(part) for part in getattr(text, "parts", []))
    if isinstance(text, Tag) and text.name in {"sup", "sub"}:
        table = SUPERSCRIPTS if text.name == "sup" else SUBSCRIPTS
        if all(char in table for char in parts):
            return "".join(table[char] for char in parts)
        return ("^" if text.name == "sup" else "_") + (parts if len(parts) == 1 else f"({parts})")
    return parts


@lru_cache(maxsize=8192)
def plain(value: str) -> str:
    """A bib field as a reader sees it, as one line of plain text."""
    return " ".join(plain_of(decode(value)).replace("\u00a0", " ").split())


def url_text(value: str) -> str:
    """A URL or DOI field as written: BibTeX exporters escape ``%``, ``_``, ``#``."""
    return _URL_ESCAPE.sub(r"\1", value).replace("{", "").replace("}", "").strip()


# -- the node's visitors -----------------------------------------------------------------


def visit_math_html(self: HTML5Translator, node: cv_math) -> None:
    self.body.append('<span class="cv-math">')


def depart_math_html(self: HTML5Translator, node: cv_math) -> None:
    self.body.append("</span>")


def visit_math_latex(self: LaTeXTranslator, node: cv_math) -> None:
    self.body.append(f"${node['latex']}$")
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(
        cv_math,
        html=(visit_math_html, depart_math_html),
        latex=(visit_math_latex, None),
        text=PASSTHROUGH,
    )
