"""Real BibTeX exports render whole in both outputs, with no markup left.

``tests/corpus/`` holds entries copied as DBLP, Google Scholar, ACM, IEEE
Xplore, Crossref, arXiv, Semantic Scholar, Zotero, Better BibTeX and others
export them, each with the title and family names a reader should see,
written by hand in ``expected.json``. The ``test-corpus`` root lists them
all; every entry's title and every author's family name must appear in the
website and in the PDF.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_root, require_tex, text_layer
from pypdf import PdfReader

CORPUS = Path(__file__).parent / "corpus"
ROOT = Path(__file__).parent / "roots" / "test-corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
#: Entries that only serve as another's crossref target are not listed.
TARGETS = {"DBLP:conf/esa/2020"}
LISTED = sorted(set(EXPECTED) - TARGETS)
#: Typographic quotes are how LaTeX prints ' and "; the style drops a title's
#: final full stop before its comma; TeX's math fonts name their capital delta
#: U+2206 in the PDF's text layer.
_SAME = str.maketrans("\u2019\u2018\u201c\u201d\u00a0\u2206", "''\"\" \u0394")


def comparable(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_SAME)
    return re.sub(r"\s+", "", text).rstrip(".")


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("corpus") / "src"
    shutil.copytree(ROOT, srcdir)
    (srcdir / "corpus").mkdir()
    for bib in CORPUS.glob("*.bib"):
        shutil.copy(bib, srcdir / "corpus")
    return srcdir


@pytest.fixture(scope="module")
def items(corpus_root: Path) -> dict[str, str]:
    """Each listed entry's text on the website, by key."""
    outdir = build_root(corpus_root, "html", corpus_root / "_build" / "html")
    page = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = {}
    for item in page.select("ol.cv-publication-list > li"):
        key = item.select_one(".cv-bibtex .visually-hidden").get_text().removeprefix(" for ")
        found[key] = item.p.get_text()
    return found


@pytest.fixture(scope="module")
def pdf_text(corpus_root: Path) -> str:
    require_tex()
    outdir = build_root(corpus_root, "latexpdf", corpus_root / "_build" / "pdf")
    text = text_layer(PdfReader(outdir / "corpus.pdf"))
    # The footer stands between the parts of an entry split across pages.
    return re.sub(r"Corpus Reader\s*Page \d+ of \d+", " ", text)


def test_the_corpus_is_real_exports_of_many_tools() -> None:
    exporters = {value["exporter"] for value in EXPECTED.values()}
    assert len(EXPECTED) >= 40
    assert len(exporters) >= 8
    written = {path.stem for path in CORPUS.glob("*.bib")}
    assert len(written) >= 8


def test_every_entry_is_listed_and_no_other(items: dict[str, str]) -> None:
    assert sorted(items) == LISTED


@pytest.mark.parametrize("key", LISTED)
def test_entry_on_the_website(items: dict[str, str], key: str) -> None:
    shown = comparable(items[key])
    assert comparable(EXPECTED[key]["title"]) in shown
    for family in EXPECTED[key]["families"]:
        assert comparable(family) in shown, family
    assert not re.search(r"[\\{}$]", items[key]), items[key]


@pytest.mark.parametrize("key", LISTED)
def test_entry_in_the_pdf(pdf_text: str, key: str) -> None:
    shown = comparable(pdf_text)
    assert comparable(EXPECTED[key]["title"]) in shown
    for family in EXPECTED[key]["families"]:
        assert comparable(family) in shown, family


def test_no_markup_in_the_pdf(pdf_text: str) -> None:
    assert not re.search(r"[\\{}$]", pdf_text)
