"""Generated text in the CV's ``language``: German in both outputs, English as before.

``tests/roots/test-german`` is the CV of a fictional German academic with
``language = "de"``: entries with start, end and "present", a grant's amount,
publications grouped by kind with author marks and a shortened author list, a
preprint and an invited talk. Its site and its PDF are built once with ``-W -n``
and must show the engine's words in German. The unit checks call the same
formatters in German (:func:`cv.language.use`) and without any app, where they
must give the English the engine has always given. The catalog itself is
checked against the source by ``tools/catalog.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, build_root, load_tool, require_tex, run_sphinx, squash, text_layer
from cv import language
from cv.bibauthors import legend, place_in_list
from cv.bibstyle import CvStyle
from cv.dates import DATE_STYLES, EdtfDate, Period
from cv.entrykinds import display_amount
from pybtex.database import parse_string
from pypdf import PdfReader

ROOT = Path(__file__).parent / "roots" / "test-german"
NBSP = "\u00a0"


catalog = load_tool("catalog")


# -- the catalog ----------------------------------------------------------------------------


def test_every_message_has_its_german_translation_and_the_mo_is_current() -> None:
    assert catalog.problems() == []
    assert "de" in catalog.languages()


@pytest.fixture
def engine_copy(tmp_path: Path) -> tuple[Path, Path]:
    """The engine's source and catalogs, to break."""
    engine = tmp_path / "cv"
    shutil.copytree(PROJECT / "_ext" / "cv", engine, ignore=shutil.ignore_patterns("__pycache__"))
    return engine, engine / "locale"


def test_the_check_finds_a_message_with_no_translation(engine_copy: tuple[Path, Path]) -> None:
    engine, locale = engine_copy
    assert catalog.problems(engine, locale) == []
    with (engine / "entrykinds.py").open("a", encoding="utf-8") as source:
        source.write('\nNEW_WORDS = _("Brand-new words")\n')
    found = catalog.problems(engine, locale)
    assert "de: no translation of 'Brand-new words' in cv.po" in found
    assert any("cv.pot is not what the source has" in problem for problem in found)
    # The tool brings both catalogs up to the source; the translation is still owed.
    catalog.update(engine, locale)
    assert catalog.problems(engine, locale) == ["de: no translation of 'Brand-new words' in cv.po"]


def test_the_check_finds_a_stale_mo(engine_copy: tuple[Path, Path]) -> None:
    engine, locale = engine_copy
    po = catalog.po_path("de", locale)
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "heute"', 'msgstr "bis heute"'), encoding="utf-8")
    assert catalog.problems(engine, locale) == ["de: cv.mo is stale: run python tools/catalog.py"]
    catalog.compile_mo("de", locale)
    assert catalog.problems(engine, locale) == []


def test_extracting_twice_changes_nothing(engine_copy: tuple[Path, Path]) -> None:
    engine, locale = engine_copy
    files = sorted(path for path in locale.rglob("*") if path.is_file())
    before = {path: path.read_bytes() for path in files}
    catalog.update(engine, locale)
    assert {path: path.read_bytes() for path in files} == before


# -- dates ----------------------------------------------------------------------------------

#: In each style, in German: a month, a day, a period to the present, days in one
#: month, days across months, a season, a decade of about.
GERMAN_STYLES = {
    "short": ("Juni 2019", "14. Juni 2019", "Juni 2019 \u2013 heute",
              "28.\u201330. Juli 2020", "30. Okt. \u2013 2. Nov. 2020", "Frühling 2020",
              f"ca.{NBSP}1990er"),
    "long": ("Juni 2019", "14. Juni 2019", "Juni 2019 \u2013 heute",
             "28.\u201330. Juli 2020", "30. Oktober \u2013 2. November 2020", "Frühling 2020",
             f"ca.{NBSP}1990er"),
    "numeric": ("06/2019", "14.06.2019", "06/2019 \u2013 heute",
                "28.07.2020 \u2013 30.07.2020", "30.10.2020 \u2013 02.11.2020", "Frühling 2020",
                f"ca.{NBSP}1990er"),
    "iso": ("2019-06", "2019-06-14", "2019-06 \u2013 heute",
            "2020-07-28 \u2013 2020-07-30", "2020-10-30 \u2013 2020-11-02", "Frühling 2020",
            f"ca.{NBSP}1990er"),
    "year": ("2019", "2019", "2019 \u2013 heute", "2020", "2020", "2020", f"ca.{NBSP}1990er"),
}  # fmt: skip


def shown_dates(style: str) -> tuple[str, ...]:
    return (
        EdtfDate.parse("2019-06").display(style),
        EdtfDate.parse("2019-06-14").display(style),
        Period.parse("2019-06", "present").display(style),
        EdtfDate.parse("2020-07-28/2020-07-30").display(style),
        EdtfDate.parse("2020-10-30/2020-11-02").display(style),
        EdtfDate.parse("2020-21").display(style),
        EdtfDate.parse("199X~").display(style),
    )


def test_every_style_is_tested_in_german() -> None:
    assert tuple(GERMAN_STYLES) == DATE_STYLES


@pytest.mark.parametrize("style", DATE_STYLES)
def test_german_dates(style: str) -> None:
    with language.use("de"):
        assert shown_dates(style) == GERMAN_STYLES[style]


@pytest.mark.parametrize("style", DATE_STYLES)
def test_english_dates_as_before_without_an_app_and_after_german(style: str) -> None:
    english = shown_dates(style)
    with language.use("de"):
        shown_dates(style)
    assert shown_dates(style) == english
    with language.use("en"):
        assert shown_dates(style) == english
    assert english[2] == ("2019" if style == "year" else english[0]) + " \u2013 Present"


def test_the_default_style_reads_as_the_issue_asks() -> None:
    with language.use("de"):
        assert Period.parse("2019-06", "present").display() == "Juni 2019 \u2013 heute"
    assert Period.parse("2019-06", "present").display() == "Jun 2019 \u2013 Present"


def test_an_academic_term_is_the_owners_word() -> None:
    with language.use("de"):
        assert Period.parse("Fall 2021", "present").display() == "Fall 2021 \u2013 heute"


def test_an_unknown_language_falls_back_to_english() -> None:
    assert language.babel_locale("xx").language == "en"
    assert language.babel_locale(None).language == "en"
    assert language.babel_locale("pt-BR").territory == "BR"
    with language.use("xx"):
        assert Period.parse("2019-06", "present").display() == "Jun 2019 \u2013 Present"


# -- the bibliography style and the entries -------------------------------------------------

BIB = r"""
@article{paper,
  author = {Musterfrau, Henrike and Beispiel, Jonas},
  title = {Strömungsmodelle}, journal = {Zeitschrift}, volume = {12}, number = {3},
  pages = {45--67}, year = {2022}, doi = {10.5555/x}, slides = {https://example.org/s.pdf},
}
@misc{talk,
  author = {Musterfrau, Henrike}, title = {Was die Ostsee uns lehrt},
  eventtitle = {Tagung}, date = {2022-09-28/2022-09-30}, keywords = {talk, invited},
}
@phdthesis{thesis,
  author = {Musterfrau, Henrike}, title = {Modelle}, institution = {Universität}, year = {2019},
  pubstate = {inpress},
}
"""


def formatted() -> dict[str, str]:
    entries = parse_string(BIB, "bibtex").entries
    style = CvStyle(highlight_names=["Musterfrau, Henrike"])
    return {key: str(style.format_entry(key, entry).text) for key, entry in entries.items()}


def test_the_style_in_german_and_in_english() -> None:
    english = formatted()
    with language.use("de"):
        german = formatted()
    numbers = "{}\u00a012, {}\u00a03, {}\u00a045\u201367, 2022. DOI \u00b7 {}"
    assert numbers.format("vol.", "no.", "pp.", "Slides") in english["paper"]
    assert numbers.format("Bd.", "Nr.", "S.", "Folien") in german["paper"]
    assert english["talk"].endswith("28\u201330 Sep 2022. Invited talk.")
    assert german["talk"].endswith("28.\u201330. Sept. 2022. Eingeladener Vortrag.")
    assert "PhD thesis, Universität, 2019. In press." in english["thesis"]
    assert "Dissertation, Universität, 2019. Im Druck." in german["thesis"]
    assert formatted() == english


def test_names_marks_and_amounts_in_german_and_in_english() -> None:
    marks = [language.N_("equal contribution")]
    assert place_in_list(17, 3012, "author") == "17th of 3,012 authors"
    assert place_in_list(2, None, "editor") == "2nd editor"
    assert display_amount("EUR 1200000") == "€1,200,000"
    assert display_amount("CHF 250000.50") == f"CHF{NBSP}250,000.50"
    with language.use("de"):
        assert place_in_list(17, 3012, "author") == "17. von 3.012 Autor/innen"
        assert place_in_list(40, 40, "editor") == "letzte/r von 40 Hrsg."
        assert display_amount("EUR 1200000") == f"1.200.000{NBSP}€"
        assert display_amount("CHF 250000.50") == f"250.000,50{NBSP}CHF"
        assert language._(marks[0]) == "gleicher Beitrag"
    assert place_in_list(40, 40, "editor") == "last of 40 editors"
    assert str(legend([])) == ""


def test_the_pdf_footer_is_redefined_only_in_another_language() -> None:
    config = SimpleNamespace(latex_engine="xelatex")
    assert language.latex_definitions(config) == ""
    with language.use("de"):
        assert language.latex_definitions(config) == (
            "\\renewcommand{\\cvpageof}[2]{Seite #1 von #2}\n"
        )


# -- the German CV, both outputs ------------------------------------------------------------

#: The engine's words the German CV shows in both outputs (the owner's are German too).
GERMAN_TEXT = (
    "Juni 2019 \u2013 heute",
    "März 2018 \u2013 Sept. 2018",
    "Jan. 2021 \u2013 Dez. 2023",
    "1.200.000 €",
    "Zeitschriftenartikel",
    "Preprints",
    "Abschlussarbeiten",
    "Bd. 12, Nr. 3, S. 45\u201367, 2022.",
    "DOI · Daten · Folien",
    "(5. von 6 Autor/innen) et al.",
    "2024. Eingereicht.",
    "Dissertation, Universität Beispielstadt, 2019.",
    "gleicher Beitrag · * korrespondierende Autorschaft",
    "Kiel, 28.\u201330. Sept. 2022. Eingeladener Vortrag.",
)
#: What the English engine would have written there.
ENGLISH_TEXT = (
    "Present", "Jun 2019", "Journal Articles", "Theses", "vol.", "pp.", "Slides", "Submitted",
    "PhD thesis", "equal contribution", "Invited talk", "authors", "Page",
)  # fmt: skip


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("german") / "test-german"
    shutil.copytree(ROOT, copy)
    return copy


@pytest.fixture(scope="module")
def page(project: Path) -> BeautifulSoup:
    outdir = build_root(project, "html", project / "_build" / "html")
    return BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pdf_build(project: Path) -> Path:
    require_tex()
    outdir = project / "_build" / "latexpdf"
    result = run_sphinx("-W", "-n", "-q", "-b", "latexpdf", ".", outdir, cwd=project)
    assert result.returncode == 0, result.stderr
    return outdir


def visible_text(page: BeautifulSoup) -> str:
    article = BeautifulSoup(str(page.select_one("article")), "html.parser")
    for hidden in article.select(".cv-bibtex, .visually-hidden"):
        hidden.decompose()
    return " ".join(article.get_text(" ").replace(NBSP, " ").split())


def test_the_site_is_german(page: BeautifulSoup) -> None:
    shown = visible_text(page)
    spaced = " ".join(shown.replace(" ,", ",").replace(" .", ".").split())
    for text in GERMAN_TEXT:
        assert text in spaced, text
    for word in ENGLISH_TEXT:
        assert word not in spaced, word
    assert page.html["lang"] == "de"


def test_the_sites_labels_are_german(page: BeautifulSoup) -> None:
    labels = {element["aria-label"] for element in page.select("[aria-label]")}
    assert "E-Mail henrike@example.org" in labels
    assert "Telefon +49 30 5550 1234" in labels
    assert {"Navigation der Website", "Auf dieser Seite", "Suche"} <= labels
    assert not any(label.startswith(("Toggle", "Email", "Phone")) for label in labels)
    bibtex = page.select_one("a.cv-bibtex")
    assert bibtex.select_one(".visually-hidden").get_text() == " für ostsee2022"
    assert bibtex.get_text() == "BibTeX für ostsee2022"  # what a screen reader says


def test_the_pdf_is_german(pdf_build: Path) -> None:
    text = text_layer(PdfReader(pdf_build / "german-cv.pdf"))
    letters = squash(text)
    for shown in (*GERMAN_TEXT, "Seite 1 von 1"):
        assert squash(shown) in letters, shown
    for word in ENGLISH_TEXT:
        assert word not in text, word


def test_the_pdf_is_set_and_hyphenated_in_german(pdf_build: Path) -> None:
    tex = (pdf_build / "german-cv.tex").read_text(encoding="utf-8")
    assert "\\setmainlanguage[spelling=new]{german}" in tex
    log = (pdf_build / "german-cv.log").read_text(encoding="utf-8", errors="replace")
    # polyglossia says so when TeX Live has no German patterns.
    assert "No hyphenation patterns were loaded" not in log, (
        "TeX Live has no German hyphenation patterns: install texlive-lang-german"
    )
    assert "gloss-german.ldf" in log


def test_a_variant_of_a_german_cv(project: Path, pdf_build: Path) -> None:
    """The short CV's PDF keeps what it selects, the full CV's title is German, and the
    site's download line (built after the PDFs, as the README does) is German."""
    text = squash(text_layer(PdfReader(pdf_build / "german-cv-kurz.pdf")))
    assert squash("Juni 2019 \u2013 heute") in text
    assert squash("März 2018") not in text  # ended before 2019
    assert squash("Zeitschriftenartikel") in text
    assert squash("Abschlussarbeiten") not in text  # not a journal article
    full = PdfReader(pdf_build / "german-cv.pdf").metadata["/Title"]
    assert full == "Henrike Musterfrau — Lebenslauf"
    assert PdfReader(pdf_build / "german-cv-kurz.pdf").metadata["/Title"] == (
        "Henrike Musterfrau — Kurzlebenslauf"
    )
    outdir = project / "_build" / "html-after-pdf"
    pdf = f"cv_pdf_path={pdf_build / 'german-cv.pdf'}"
    result = run_sphinx("-W", "-n", "-q", "-b", "html", "-D", pdf, ".", outdir, cwd=project)
    assert result.returncode == 0, result.stderr
    site = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    line = " ".join(site.select_one(".cv-header-download").get_text().split())
    assert line == "Herunterladen: vollständiger Lebenslauf · Kurzlebenslauf"
