"""What machines read: JSON-LD, OpenGraph, COinS, canonical URL, sitemap, link safety."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from conftest import SOURCES, project_copy, run_sphinx
from cvsource import letters

if TYPE_CHECKING:
    from pathlib import Path
    from types import SimpleNamespace

    from cvsource import BibRecord

#: Where a ContextObject holds the title, by format: a part's, a book's, any other.
TITLE_KEYS = ("rft.atitle", "rft.btitle", "rft.title")
RTD_ENV = {
    "READTHEDOCS": "True",
    "READTHEDOCS_LANGUAGE": "en",
    "READTHEDOCS_VERSION": "latest",
    "READTHEDOCS_CANONICAL_URL": "https://example-cv.readthedocs.io/en/latest/",
}


def json_ld(page: BeautifulSoup) -> list[object]:
    return [json.loads(tag.string) for tag in page.select('script[type="application/ld+json"]')]


def test_person_json_ld_names_the_owner(
    pages: dict[str, BeautifulSoup], conf: SimpleNamespace
) -> None:
    [person] = json_ld(pages["index"])
    assert person["@type"] == "Person"
    assert person["name"] == conf.cv_name
    # What the owner declared, and nothing they did not.
    assert person.get("email", "") == (f"mailto:{conf.cv_email}" if conf.cv_email else "")
    assert person.get("url", "") == conf.cv_website
    assert person.get("affiliation", {}).get("name", "") == getattr(conf, "cv_affiliation", "")
    alumni = [school["name"] for school in person.get("alumniOf", [])]
    assert alumni == conf.cv_alumni_of
    assert person.get("honorificPrefix", "") == getattr(conf, "cv_honorific", "")
    assert person.get("telephone", "") == " ".join(getattr(conf, "cv_phone", "").split())
    address = ", ".join(" ".join(line.split()) for line in getattr(conf, "cv_address", []))
    assert person.get("address", {}).get("streetAddress", "") == " ".join(address.split())
    profiles = getattr(conf, "cv_profiles", {})
    assert len(person.get("sameAs", [])) >= len(profiles)
    if "orcid" in profiles:
        orcid = profiles["orcid"].rstrip("/").rsplit("/", 1)[-1].upper()
        assert person["identifier"] == {
            "@type": "PropertyValue",
            "propertyID": "ORCID",
            "value": orcid,
            "url": f"https://orcid.org/{orcid}",
        }
    else:
        assert "identifier" not in person


def starts_each(texts: list[str], titles: list[str]) -> bool:
    """Each text begins with a title of its own (a record's title adds the subtitle)."""
    left = list(texts)
    for title in sorted(titles, key=len, reverse=True):
        match = next((text for text in left if text.startswith(title)), None)
        if match is None:
            return False
        left.remove(match)
    return not left


def listed_publications(docname: str) -> list[BibRecord]:
    return SOURCES.listed_publications(docname)


def test_only_the_landing_page_has_json_ld(
    pages: dict[str, BeautifulSoup], conf: SimpleNamespace
) -> None:
    """The landing page's Person, compact, and nothing else: a list of the works
    weighed about 0.9 KB a paper, and no reference manager or search engine reads
    it (Zotero reads the COinS spans)."""
    assert [p.docname for p in SOURCES.sections if "cv-publications" in p.directives]
    for name, page in pages.items():
        scripts = page.select('script[type="application/ld+json"]')
        assert len(scripts) == (name == "index"), name
        for script in scripts:
            assert "\n" not in script.string, name  # compact: machines read it
    [person] = json_ld(pages["index"])
    assert (person["@type"], person["name"]) == ("Person", conf.cv_name)


def test_each_publication_has_a_coins_record(pages: dict[str, BeautifulSoup]) -> None:
    for docname in [p.docname for p in SOURCES.sections if "cv-publications" in p.directives]:
        listed = listed_publications(docname)
        # One span per paper: Zotero imports each span it finds.
        spans = pages[docname].select(".cv-publication-list > li span.Z3988")
        assert len(spans) == len(listed)
        records = [parse_qs(span["title"]) for span in spans]
        titles = [
            letters(
                (record.get("rft.atitle") or record.get("rft.btitle") or record["rft.title"])[0]
            )
            for record in records
        ]
        assert starts_each(titles, [letters(record.title) for record in listed])
        ids = [i for record in records for i in record.get("rft_id", [])]
        dois = sorted(i.removeprefix("info:doi/").lower() for i in ids if i.startswith("info:doi/"))
        assert dois == sorted(record.doi.lower() for record in listed if record.doi)


def test_opengraph_on_every_page(pages: dict[str, BeautifulSoup], conf: SimpleNamespace) -> None:
    for name, page in pages.items():
        tags = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
        assert tags["og:site_name"] == conf.cv_name, name
        assert tags["og:title"], name
        assert tags["og:description"] == conf.cv_role, name
    assert pages["index"].select_one("meta[property='og:type']")["content"] == "profile"


def test_no_canonical_or_sitemap_without_a_base_url(
    pages: dict[str, BeautifulSoup], html_dir: Path
) -> None:
    assert pages["index"].select_one("link[rel=canonical]") is None
    assert not (html_dir / "sitemap.xml").exists()


def test_external_links_open_safely(pages: dict[str, BeautifulSoup]) -> None:
    external = [
        a
        for page in pages.values()
        for a in page.select("a[href^='http']")
        if a.find_parent("article")
    ]
    assert external or not SOURCES.conf.cv_website
    for link in external:
        assert "noopener" in link.get("rel", []), link


def test_no_third_party_resources(html_dir: Path) -> None:
    for path in html_dir.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        assert "mathjax" not in source.lower(), path.name
        page = BeautifulSoup(source, "html.parser")
        for tag in page.select("script[src], link[href], img[src], iframe, source[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            assert not url.startswith(("http:", "https:", "//")), (path.name, url)
    for css in html_dir.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import url(http" not in text
        assert "fonts.googleapis" not in text


def test_local_build_without_a_pdf_has_no_download_link(pages: dict[str, BeautifulSoup]) -> None:
    """The shared build passes no PDF, so it must not show a dead link."""
    link = pages["index"].select_one("a.cv-download")
    if link is not None:  # a PDF from an earlier local build was found and copied
        assert link["href"] == SOURCES.pdf_name


@pytest.fixture(scope="module")
def rtd_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as Read the Docs builds it (its environment variables set)."""
    outdir = tmp_path_factory.mktemp("rtd")
    # A checkout as Read the Docs has it: no _build/ with a PDF of a local build.
    checkout = project_copy(tmp_path_factory.mktemp("checkout"))
    result = run_sphinx("-W", "-n", "-q", "-b", "html", ".", outdir, cwd=checkout, env=RTD_ENV)
    assert result.returncode == 0, result.stderr
    return outdir


def test_read_the_docs_without_a_pdf_links_none(rtd_site: Path) -> None:
    """The site links the PDF it ships, never a Read the Docs download URL that a
    preview, a subproject or a translation would not have (tests/test_readthedocs.py
    builds the PDF first, as .readthedocs.yaml does)."""
    page = BeautifulSoup((rtd_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("a.cv-download") is None
    assert "_/downloads" not in str(page)
    assert not list(rtd_site.glob("*.pdf"))


def test_read_the_docs_canonical_url_and_sitemap(rtd_site: Path) -> None:
    base = RTD_ENV["READTHEDOCS_CANONICAL_URL"]
    page = BeautifulSoup((rtd_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("link[rel=canonical]")["href"] == base + "index.html"
    assert page.select_one("meta[property='og:url']")["content"] == base + "index.html"
    sitemap = BeautifulSoup((rtd_site / "sitemap.xml").read_text(encoding="utf-8"), "html.parser")
    urls = [loc.get_text() for loc in sitemap.select("loc")]
    assert base + "index.html" in urls
    for page in SOURCES.sections:
        assert f"{base}{page.docname}.html" in urls
    assert base + "full-cv.html" in urls
