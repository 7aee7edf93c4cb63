"""LaTeX in bib fields, decoded with no Sphinx build: what a reader sees, or an error.

pybtex renders the decoded rich text with its own text, HTML and LaTeX
backends here; the real build renders the same rich text through docutils.
"""

from __future__ import annotations

import random
import re

import pytest
from cv import bibmarkup
from cv.bibmarkup import MarkupError, decode, plain

#: Accents as exporters spell them (DBLP braces everything, Zotero writes Unicode).
ACCENTS = [
    (r"Mart{\'{\i}}nez", "Martínez"),
    (r"Mart{\'\i}nez", "Martínez"),
    (r"Mart\'{i}nez", "Martínez"),
    (r"Mart\'inez", "Martínez"),
    (r"{\"u}ber", "über"),
    (r"\"{u}ber", "über"),
    (r"M{\"{u}}ller", "Müller"),
    (r"Jos{\'e}", "José"),
    (r"Fran\c{c}ois", "François"),
    (r"{\o}rsted", "ørsted"),
    (r"{\O}rsted", "Ørsted"),
    (r"Stra\ss e", "Straße"),
    (r"{\l}{\'o}d{\'z}", "łódź"),
    (r"{\L}ukasz", "Łukasz"),
    (r"Dvo{\v{r}}{\'a}k", "Dvořák"),
    (r"Erd\H{o}s", "Erdős"),
    (r"\r{A}ngstr\"{o}m", "Ångström"),
    (r"G\"{o}del \`{a} \^{o} \~{n} \={a} \.{z} \u{g} \k{a}", "Gödel à ô ñ ā ż ğ ą"),
    (r"Nguy{\~{\^{e}}}n", "Nguyễn"),
    ("Łukasz Wróbel", "Łukasz Wróbel"),
    (r"{\aa}{\AA}{\ae}{\AE}{\oe}", "åÅæÆœ"),
]


@pytest.mark.parametrize(("latex", "shown"), ACCENTS)
def test_accents_in_every_spelling(latex: str, shown: str) -> None:
    assert plain(latex) == shown


@pytest.mark.parametrize(
    ("latex", "shown"),
    [
        (r"R\&D at 50\% for \$5, \#1 and snake\_case", "R&D at 50% for $5, #1 and snake_case"),
        ("R&D at 50% for #1, snake_case ^ up", "R&D at 50% for #1, snake_case ^ up"),
        (r"pages 504--512 --- a dash", "pages 504\u2013512 \u2014 a dash"),
        (r"``quoted'' and `single'", "\u201cquoted\u201d and \u2018single\u2019"),
        ('A "Big" word, don\'t', "A \u201cBig\u201d word, don\u2019t"),
        (r"{LSTMs} for {{ReRAM}}-based {\relax Chips}", "LSTMs for ReRAM-based Chips"),
        ("  line\n   breaks   collapse  ", "line breaks collapse"),
        (r"\LaTeX{} and \TeX", "LaTeX and TeX"),
        (r"\textbackslash{} \{braces\}", "\\ {braces}"),
        (r"{\noopsort{a}}Sorted", "Sorted"),
    ],
)
def test_symbols_dashes_quotes_and_braces(latex: str, shown: str) -> None:
    assert plain(latex) == shown


def test_tilde_is_a_non_breaking_space() -> None:
    assert decode(r"Fig.~1").render_as("text") == "Fig.\u00a01"
    assert plain(r"Fig.~1") == "Fig. 1"


@pytest.mark.parametrize(
    ("latex", "html", "tex"),
    [
        (r"\emph{Deep} nets", "<em>Deep</em> nets", r"\emph{Deep} nets"),
        (r"\textit{a} \textbf{b}", "<em>a</em> <b>b</b>", r"\emph{a} \textbf{b}"),
        (r"{\em declared} rest", "<em>declared</em> rest", r"\emph{declared} rest"),
        (r"{\bf bold \it both}", "<b>bold <em>both</em></b>", r"\textbf{bold \emph{both}}"),
        (r"CO\textsubscript{2}", "CO<sub>2</sub>", r"CO\textsubscript{2}"),
        (r"10\textsuperscript{th}", "10<sup>th</sup>", r"10\textsuperscript{th}"),
        (r"\textsc{Small} \texttt{code}", "Small <tt>code</tt>", r"Small \texttt{code}"),
    ],
)
def test_text_styles_become_tags(latex: str, html: str, tex: str) -> None:
    assert decode(latex).render_as("html") == html
    assert decode(latex).render_as("latex") == tex


@pytest.mark.parametrize(
    ("latex", "html", "tex", "shown"),
    [
        ("$O(n^2)$", "O(n<sup>2</sup>)", "$O(n^2)$", "O(n²)"),
        (r"$\ell_1$-norm", "ℓ<sub>1</sub>-norm", r"$\ell_1$-norm", "ℓ₁-norm"),
        (r"$\alpha_{i}^{2}$", "α<sub>i</sub><sup>2</sup>", r"$\alpha_{i}^{2}$", "α_i²"),
        (r"$\mathcal{O}(n \log n)$", "𝒪(n log n)", r"$\mathcal{O}(n \log n)$", "𝒪(n log n)"),
        (r"\(x \leq 10^{-3}\)", "x ≤ 10<sup>-3</sup>", r"$x \leq 10^{-3}$", "x ≤ 10⁻³"),
        (
            r"\ensuremath{O^{*}(3^{n})} time",
            "O<sup>*</sup>(3<sup>n</sup>) time",
            r"$O^{*}(3^{n})$ time",
            "O^*(3ⁿ) time",
        ),
    ],
)
def test_math_reads_as_unicode_on_the_site_and_as_math_in_the_pdf(
    latex: str, html: str, tex: str, shown: str
) -> None:
    assert decode(latex).render_as("html") == html
    assert decode(latex).render_as("latex") == tex
    assert plain(latex) == shown


def test_links_inside_a_field() -> None:
    text = decode(r"Code at \url{https://x.org/a\_b%20c} and \href{https://y.org}{here}")
    assert text.render_as("html") == (
        'Code at <a href="https://x.org/a_b%20c">https://x.org/a_b%20c</a> '
        'and <a href="https://y.org">here</a>'
    )


@pytest.mark.parametrize(
    ("latex", "message"),
    [
        (r"Profit of $100", "a '$' opens math that never closes; write \\$ for a dollar sign"),
        (r"\foo{bar}", "unknown LaTeX command \\foo"),
        (r"As shown in \cite{x}", "\\cite cannot be shown in a CV"),
        (r"\footnote{x}", "\\footnote cannot be shown in a CV"),
        (r"\input{/etc/passwd}", "\\input cannot be shown in a CV"),
        (r"$\notamacro x$", "unknown LaTeX command \\notamacro in math"),
        ("$x^$", "a '^' in math has nothing after it"),
        ("$a & b$", "holds '#' or '&'"),
        (r"\begin{itemize}\item x\end{itemize}", "\\begin{itemize} cannot be shown in a CV"),
    ],
)
def test_what_cannot_be_rendered_is_an_error(latex: str, message: str) -> None:
    with pytest.raises(MarkupError, match=re.escape(message)):
        decode(latex)


def test_a_bare_percent_means_per_cent() -> None:
    """Read as LaTeX, ``%`` would start a comment and drop the rest of the field."""
    assert plain("50% of all, and the rest") == "50% of all, and the rest"


@pytest.mark.parametrize(
    ("field", "html", "shown"),
    [
        # Crossref's metadata carries JATS/HTML inline tags into its BibTeX.
        (
            "Synthesis of <scp>CO</scp><sub>2</sub> at <i>T</i> &amp; more",
            "Synthesis of CO<sub>2</sub> at <em>T</em> &amp; more",
            "Synthesis of CO₂ at T & more",
        ),
        ("x < y and <brackets>", "x &lt; y and &lt;brackets&gt;", "x < y and <brackets>"),
        # NASA ADS writes the AAS journal macros.
        (r"\apj", "ApJ", "ApJ"),
        (r"\mnras", "MNRAS", "MNRAS"),
        (r"\aap", "A&amp;A", "A&A"),
    ],
)
def test_publisher_markup_and_journal_macros(field: str, html: str, shown: str) -> None:
    assert decode(field).render_as("html") == html
    assert plain(field) == shown


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("<mml:math><mml:mi>x</mml:mi></mml:math>", "has the markup <mml:math> (MathML"),
        ("<i>never closed", "has a <i> that never closes"),
    ],
)
def test_publisher_markup_that_cannot_be_shown(field: str, message: str) -> None:
    with pytest.raises(MarkupError, match=re.escape(message)):
        decode(field)


#: Words a LaTeX parser reads as words: :func:`decode` takes them without it.
PLAIN_WORDS = [
    "A compute-in-memory chip based on resistive random-access memory",
    "Spiking Neural Networks: What's Next?",
    "The \"Quoted\" Title, and 'single' quotes",
    "Dual-mode  spacing\n  across\tlines ",
    "Müller, Łukasz & co",  # the & alone goes through the parser
    "Ends with a dash -",
    "",
    " ",
    "'",
    "O'Brien's rock-'n'-roll",
]


def parsed(value: str) -> object:
    """The field as the LaTeX parser makes it, bypassing the plain-words shortcut."""
    pieces, _ = bibmarkup._educate(
        bibmarkup._convert(
            bibmarkup._parse(bibmarkup.literal_percent(bibmarkup.html_to_latex(value)))
        )
    )
    return bibmarkup._strip(bibmarkup.Text(*bibmarkup._rich(pieces)))


@pytest.mark.parametrize("value", PLAIN_WORDS)
def test_plain_words_decode_as_the_latex_parser_reads_them(value: str) -> None:
    assert decode(value) == parsed(value)
    assert str(decode(value)) == str(parsed(value))


def test_random_plain_text_decodes_as_the_parser_reads_it() -> None:
    alphabet = [*"abc XYZ,.;:!?()[]/'\"-\n\t0123é–—…", "  ", "''", "--"]
    generator = random.Random(15)
    for _ in range(3000):
        value = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 14)))
        assert decode(value) == parsed(value), repr(value)
        assert str(decode(value)) == str(parsed(value)), repr(value)
