"""``conf.py`` values reach every output as written, escaped for where they land;
a value that cannot be shown, or an unsafe address, is an error naming conf.py.

The ``test-identity`` root's values hold every character that is special in
LaTeX, in HTML or inside a ``<script>``; the ``test-profiles`` root has a
profile of every kind, each written as an owner might, and a page one folder
down (for the site's icon).
"""

from __future__ import annotations

import json
import runpy
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_root, link_targets, require_tex, run_sphinx, squash, text_layer
from cv.identity import PROFILES, initials_of, orcid_check_digit
from cv.theme import FAVICON
from pypdf import PdfReader

ROOT = Path(__file__).parent / "roots" / "test-identity"
VALUES = runpy.run_path(str(ROOT / "conf.py"))
PROFILES_ROOT = Path(__file__).parent / "roots" / "test-profiles"
#: The test-identity root's values as the header shows them.
ORCID = "0000-0002-1694-233X"
PHONE_HREF = "tel:+49030123456789"
ADDRESS = "Zoë's Hof #3 & <Co>, 50% Way_1 ~ {x} $5 ^ \\ </script>"
SCHOLAR = VALUES["cv_profiles"]["scholar"]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    outdir = build_root(ROOT, "html", tmp_path_factory.mktemp("identity-html"))
    return BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def tex(tmp_path_factory: pytest.TempPathFactory) -> str:
    outdir = build_root(ROOT, "latex", tmp_path_factory.mktemp("identity-latex"))
    return (outdir / "identity.tex").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    require_tex()
    outdir = build_root(ROOT, "latexpdf", tmp_path_factory.mktemp("identity-pdf"))
    return PdfReader(outdir / "identity.pdf")


def test_html_shows_each_value_as_text(page: BeautifulSoup) -> None:
    header = page.select_one(".cv-header")
    assert page.select_one("article h1").get_text().rstrip("¶") == VALUES["cv_name"]
    assert header.select_one(".cv-header-role").get_text() == VALUES["cv_role"]
    assert header.select_one(".cv-contact-link").get_text() == "Code & <Data>"
    assert header.select_one(".cv-contact-link")["href"] == "https://example.org/code?x=1&y=2"
    # furo's sidebar brand takes the site title as HTML: it must be escaped.
    assert page.select_one(".sidebar-brand-text").get_text() == VALUES["cv_name"]
    assert not page.select(".sidebar-brand-text b")
    assert page.title.get_text().endswith(VALUES["cv_name"])


def test_html_header_shows_honorific_phone_address_and_profiles(page: BeautifulSoup) -> None:
    header = page.select_one(".cv-header")
    honorific, full_name = VALUES["cv_honorific"], VALUES["cv_full_name"]
    assert header.select_one(".cv-header-honorific").get_text() == honorific
    assert header.select_one(".cv-header-fullname").get_text() == f"{honorific} {full_name}"
    # Before the full name only: not in the title, the page's heading or its <title>.
    assert honorific not in page.select_one("article h1").get_text()
    assert honorific not in page.title.get_text()
    phone = header.select_one("a.cv-contact-phone")
    assert phone["href"] == PHONE_HREF
    assert phone.get_text() == VALUES["cv_phone"]
    assert phone["aria-label"] == f"Phone {VALUES['cv_phone']}"
    # Joined on one line; the empty line of the address is left out.
    assert header.select_one(".cv-contact-address").get_text() == ADDRESS
    assert header.select_one(".cv-contact-address").name == "span"  # not a link
    profiles = {
        a["class"][1]: (a["href"], a.get_text()) for a in header.select("a.cv-contact-profile")
    }
    assert list(profiles) == [f"cv-contact-{kind}" for kind in VALUES["cv_profiles"]]
    assert profiles["cv-contact-orcid"] == (f"https://orcid.org/{ORCID}", f"ORCID {ORCID}")
    assert profiles["cv-contact-github"] == ("https://github.com/zoe-ob", "GitHub zoe-ob")
    assert profiles["cv-contact-scholar"] == (SCHOLAR, "Google Scholar")
    assert profiles["cv-contact-mastodon"] == (
        "https://mastodon.social/@zoe",
        "Mastodon @zoe@mastodon.social",
    )
    for link in header.select("a.cv-contact-profile"):
        assert link["rel"] == ["noopener", "noreferrer"]
    # In order: email, phone, website, address, the profiles, the links; each with its icon.
    items = header.select(".cv-header-contacts > li")
    kinds = [item.find(["a", "span"])["class"][-1].removeprefix("cv-contact-") for item in items]
    assert kinds == ["email", "phone", "website", "address", *VALUES["cv_profiles"], "link"]
    for item in items:
        [icon] = item.select("svg.cv-icon")
        assert icon["aria-hidden"] == "true"
        assert icon.get_text() == ""
        assert not icon.select("[href], image, use")  # drawn in place, nothing loaded


def test_json_ld_and_meta_tags_hold_each_value(page: BeautifulSoup) -> None:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    assert "<" not in scripts[0].string  # no "</script>" or "<!--" can end it early
    person = json.loads(scripts[0].string)
    assert person["name"] == VALUES["cv_name"]
    assert person["description"] == VALUES["cv_role"]
    assert person["knowsAbout"] == VALUES["cv_keywords"]
    assert person["affiliation"]["name"] == VALUES["cv_affiliation"]
    assert person["honorificPrefix"] == VALUES["cv_honorific"]
    assert person["telephone"] == VALUES["cv_phone"]
    assert person["address"] == {"@type": "PostalAddress", "streetAddress": ADDRESS}
    assert person["sameAs"] == [
        f"https://orcid.org/{ORCID}",
        "https://github.com/zoe-ob",
        SCHOLAR,
        "https://mastodon.social/@zoe",
        "https://example.org/code?x=1&y=2",
    ]
    assert person["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "ORCID",
        "value": ORCID,
        "url": f"https://orcid.org/{ORCID}",
    }
    description = page.select_one('meta[property="og:description"]')["content"]
    assert description == VALUES["cv_role"]
    # The page after the values is whole: its stylesheets and scripts are still there.
    assert page.select('link[rel="stylesheet"]')
    assert page.select("article p")[-1].get_text() == "Some text."


def test_pdf_header_footer_and_metadata_hold_each_value(pdf: PdfReader) -> None:
    text = text_layer(pdf)
    for name in ("cv_name", "cv_role", "cv_full_name"):
        assert squash(VALUES[name]) in squash(text), name
    assert squash("Code & <Data>") in squash(text)
    # The footer's name is the cv_name, "~" and all.
    assert squash(VALUES["cv_name"] + "Page 1 of 1") in squash(text)
    info = pdf.metadata
    # The owner's name, and the document's title as latex_documents writes it.
    assert info.title == f"{VALUES['cv_name']} — Identity"
    assert info.author == VALUES["cv_name"]
    assert info.subject == VALUES["cv_role"]
    assert info["/Keywords"] == ", ".join(VALUES["cv_keywords"])


def test_pdf_header_shows_and_links_phone_address_and_profiles(pdf: PdfReader) -> None:
    text = squash(text_layer(pdf))
    honorific, full_name = VALUES["cv_honorific"], VALUES["cv_full_name"]
    for shown in (
        honorific + full_name,
        VALUES["cv_phone"],
        ADDRESS,
        f"ORCID {ORCID}",
        "GitHub zoe-ob",
        "Google Scholar",
        "Mastodon @zoe@mastodon.social",
    ):
        assert squash(shown) in text, shown
    # The name above it stands alone; the icons are drawings, not text.
    assert text.startswith(squash(VALUES["cv_name"]) + squash(honorific))
    targets = link_targets(pdf)
    for target in (
        "mailto:zoe@example.org",
        PHONE_HREF,
        VALUES["cv_website"],
        f"https://orcid.org/{ORCID}",
        "https://github.com/zoe-ob",
        SCHOLAR,
        "https://mastodon.social/@zoe",
        "https://example.org/code?x=1&y=2",
    ):
        assert target in targets, target


def test_latex_header_escapes_each_value(tex: str) -> None:
    header = tex[tex.index(r"\cvheader{") :]
    honorific = r"Prof.~Dr.~\&~<i>\#1</i>~50\%\_\textasciitilde{}"
    assert f"}}{{{honorific}~Zoë Maria O'Brien}}{{R\\&D lead" in header
    for line in (
        r"\href{tel:+49030123456789}{\cvcontact{phone}{+49 (0)30 123\sphinxhyphen{}45.67 / 89}}",
        r"\cvcontact{address}{Zoë's Hof \#3 \& <Co>, 50\% Way\_1 \textasciitilde{} \{x\} \$5 "
        r"\textasciicircum{} \textbackslash{} </script>}",
        r"\href{https://orcid.org/0000-0002-1694-233X}{\cvcontact{orcid}{ORCID 0000"
        r"\sphinxhyphen{}0002\sphinxhyphen{}1694\sphinxhyphen{}233X}}",
        r"\href{https://github.com/zoe-ob}{\cvcontact{code}{GitHub zoe\sphinxhyphen{}ob}}",
        r"\href{https://scholar.google.com/citations?user=AbCdEfGhIjKL\&hl=en\#x\%20y}"
        r"{\cvcontact{scholar}{Google Scholar}}",
        r"\href{https://mastodon.social/@zoe}{\cvcontact{social}{Mastodon @zoe@mastodon.social}}",
    ):
        assert line in header, line
    # Each icon used is drawn once, before the header; an unused one is not.
    for icon in ("email", "phone", "website", "address", "orcid", "code", "scholar", "social"):
        assert tex.count(rf"\cvdefineicon{{{icon}}}") == 1, icon
    assert r"\cvdefineicon{person}" not in tex


# -- mistakes in conf.py ---------------------------------------------------------------


def mistake_line() -> int:
    """The line of ``conf.py`` where a test appends its mistake (after a comment)."""
    return len((ROOT / "conf.py").read_text(encoding="utf-8").splitlines()) + 2


BAD_VALUES = {
    "links not pairs": (
        "cv_links = ['https://github.com/zoe']",
        "ERROR: cv_links[0] must be a (label, address) pair, such as ('GitHub', "
        "'https://github.com/you'), not 'https://github.com/zoe'",
    ),
    "link to javascript": (
        "cv_links = [('Home', 'javascript:alert(1)')]",
        "ERROR: cv_links[0] 'javascript:alert(1)': a CV links only to http, https, "
        "mailto or tel addresses, not javascript:",
    ),
    "website to javascript": (
        "cv_website = 'javascript:alert(1)'",
        "ERROR: cv_website 'javascript:alert(1)': a CV links only to http or https "
        "addresses, not javascript:",
    ),
    "website without scheme": (
        "cv_website = 'zoe.example.org'",
        "ERROR: cv_website 'zoe.example.org': it is not an absolute address; write "
        "'https://zoe.example.org'",
    ),
    "email that is none": (
        "cv_email = 'zoe at example'",
        "ERROR: cv_email 'zoe at example' is not an email address",
    ),
    "role that is a list": (
        "cv_role = ['PhD student']",
        "ERROR: cv_role must be text (a string), not list",
    ),
    "control character": (
        "cv_role = 'PhD\\x07student'",
        "ERROR: cv_role 'PhD\\x07student' holds the control character U+0007; remove it",
    ),
    "keywords as one string": (
        "cv_keywords = 'a, b'",
        "ERROR: cv_keywords must be a list of texts, such as ['one', 'two'], not 'a, b'",
    ),
    "honorific that is a list": (
        "cv_honorific = ['Dr']",
        "ERROR: cv_honorific must be text (a string), not list",
    ),
    "phone with letters": (
        "cv_phone = '+1 555 CALL NOW'",
        "ERROR: cv_phone '+1 555 CALL NOW' is not a phone number: write its digits with spaces "
        "and + - . ( ) / only, such as '+1 574 555 0123'",
    ),
    "phone with a + inside": (
        "cv_phone = '0049 30 +123'",
        "ERROR: cv_phone '0049 30 +123' is not a phone number: write its digits with spaces "
        "and + - . ( ) / only, such as '+1 574 555 0123'",
    ),
    "phone too short": (
        "cv_phone = '112'",
        "ERROR: cv_phone '112' is not a phone number: write its digits with spaces "
        "and + - . ( ) / only, such as '+1 574 555 0123'",
    ),
    "address as one string": (
        "cv_address = 'Main Street 1, 12345 Town'",
        "ERROR: cv_address must be a list of the address's lines, such as ['Main Street 1', "
        "'12345 Town'], not 'Main Street 1, 12345 Town'",
    ),
    "address line not text": (
        "cv_address = ['Main Street 1', 12345]",
        "ERROR: cv_address[1] must be plain text, not 12345",
    ),
    "profiles as pairs": (
        "cv_profiles = [('github', 'zoe')]",
        "ERROR: cv_profiles must be a dict of profile kind → identifier or address, such as "
        "{'orcid': '0000-0002-1825-0097', 'github': 'you'}, not [('github', 'zoe')]",
    ),
    "orcid check digit": (
        "cv_profiles = {'orcid': '0000-0002-1825-0098'}",
        "ERROR: cv_profiles['orcid'] '0000-0002-1825-0098' is not a valid ORCID iD: its last "
        "character should be '7', not '8'; copy the iD from your ORCID record",
    ),
    "orcid address with a wrong check digit": (
        "cv_profiles = {'orcid': 'https://orcid.org/0000-0002-1694-2330'}",
        "ERROR: cv_profiles['orcid'] 'https://orcid.org/0000-0002-1694-2330' is not a valid "
        "ORCID iD: its last character should be 'X', not '0'; copy the iD from your ORCID record",
    ),
    "orcid of the wrong form": (
        "cv_profiles = {'orcid': '1825-0097'}",
        "ERROR: cv_profiles['orcid'] '1825-0097' is neither an ORCID iD, such as "
        "'0000-0002-1825-0097', nor the address of one on orcid.org",
    ),
    "unknown profile kind": (
        "cv_profiles = {'twitter': 'zoe'}",
        "ERROR: cv_profiles['twitter'] is not a kind of profile the CV knows; the kinds are "
        "orcid, github, gitlab, scholar, linkedin, dblp, researchgate, semanticscholar, mastodon, "
        "bluesky. Put any other link in cv_links, as a (label, address) pair",
    ),
    "github address on another host": (
        "cv_profiles = {'github': 'https://gitlab.com/zoe'}",
        "ERROR: cv_profiles['github'] 'https://gitlab.com/zoe': GitHub profiles are on "
        "github.com, not gitlab.com",
    ),
    "github address without scheme": (
        "cv_profiles = {'github': 'github.com/zoe'}",
        "ERROR: cv_profiles['github'] 'github.com/zoe': it is not an absolute address; write "
        "'https://github.com/zoe'",
    ),
    "github address to javascript": (
        "cv_profiles = {'github': 'javascript:alert(1)//github.com/zoe'}",
        "ERROR: cv_profiles['github'] 'javascript:alert(1)//github.com/zoe': a CV links only to "
        "http or https addresses, not javascript:",
    ),
    "github name with a space": (
        "cv_profiles = {'github': 'zoe ob'}",
        "ERROR: cv_profiles['github'] 'zoe ob' is neither a GitHub user name nor an address on "
        "github.com",
    ),
    "dblp as a name": (
        "cv_profiles = {'dblp': 'Zoe OBrien'}",
        "ERROR: cv_profiles['dblp'] 'Zoe OBrien': write the address of the dblp profile, such "
        "as 'https://dblp.org/pid/12/3456'",
    ),
    "mastodon as a handle": (
        "cv_profiles = {'mastodon': '@zoe@mastodon.social'}",
        "ERROR: cv_profiles['mastodon'] '@zoe@mastodon.social': write the address of the "
        "profile, 'https://mastodon.social/@zoe'",
    ),
    "initials too long": (
        "cv_initials = 'ZMOB'",
        "ERROR: cv_initials 'ZMOB' must be one to three letters, such as 'JD'; or leave it out "
        "for the initials of cv_name",
    ),
    # Sphinx ignores a name no extension registered: the lists would not be shortened.
    "misspelled name": (
        "cv_max_author = 8",
        "ERROR: cv_max_author is no setting of the CV engine (did you mean cv_max_authors?), "
        "so it would be ignored; the reference lists the settings (docs/config.md)",
    ),
    "unknown name": (
        "cv_favourite_colour = 'blue'",
        "ERROR: cv_favourite_colour is no setting of the CV engine, so it would be ignored; "
        "the reference lists the settings (docs/config.md)",
    ),
}


@pytest.mark.parametrize(("line", "message"), BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_a_bad_value_is_an_error_naming_conf_py(tmp_path: Path, line: str, message: str) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("# A mistake, as an owner might make it:\n" + line + "\n")
    result = run_sphinx("-N", "-q", "-b", "html", ".", tmp_path / "out", cwd=srcdir)
    assert result.returncode != 0  # without -W too
    errors = [row for row in result.stderr.splitlines() if "ERROR" in row]
    assert errors == [f"{srcdir / 'conf.py'}:{mistake_line()}: {message} [cv.config]"]
    assert "Traceback" not in result.stderr


def test_a_module_or_function_named_cv_is_no_setting(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("import os as cv_os\n\n\ndef cv_helper() -> str:\n    return 'x'\n")
    build_root(srcdir, "html", tmp_path / "out")


GLYPHLESS = {
    "full name": (
        "cv_full_name = '王小明'",
        "'小' (U+5C0F CJK UNIFIED IDEOGRAPH-5C0F), '明' (U+660E CJK UNIFIED IDEOGRAPH-660E), "
        "'王' (U+738B CJK UNIFIED IDEOGRAPH-738B)",
    ),
    "address": (
        "cv_address = ['1 Main St', '東京']",
        "'京' (U+4EAC CJK UNIFIED IDEOGRAPH-4EAC), '東' (U+6771 CJK UNIFIED IDEOGRAPH-6771)",
    ),
}


@pytest.mark.parametrize(("line", "characters"), GLYPHLESS.values(), ids=GLYPHLESS.keys())
def test_a_character_the_pdf_font_lacks_in_conf_py(
    tmp_path: Path, line: str, characters: str
) -> None:
    require_tex()
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(line + "\n")
    result = run_sphinx("-N", "-q", "-b", "latexpdf", ".", tmp_path / "out", cwd=srcdir)
    assert result.returncode != 0
    assert (
        f"{srcdir / 'conf.py'}:{mistake_line() - 1}: ERROR: the PDF's font (Linux Libertine O) "
        f"has no glyph for {characters}"
    ) in result.stderr
    assert not list((tmp_path / "out").glob("*.pdf"))


# -- every kind of profile, the site's icon, an empty full name ------------------------

#: The test-profiles root's profiles: (address, text shown in the header).
SHOWN_PROFILES = {
    "orcid": ("https://orcid.org/0000-0002-1825-0097", "ORCID 0000-0002-1825-0097"),
    "github": ("https://github.com/ada", "GitHub ada"),
    "gitlab": ("https://gitlab.com/ada", "GitLab ada"),
    "scholar": ("https://scholar.google.com/citations?user=AbCdEfGhIjKL", "Google Scholar"),
    "linkedin": ("https://www.linkedin.com/in/ada-lovelace", "LinkedIn ada-lovelace"),
    "dblp": ("https://dblp.org/pid/12/3456", "dblp"),
    "researchgate": ("https://www.researchgate.net/profile/Ada-Lovelace", "ResearchGate"),
    "semanticscholar": ("https://www.semanticscholar.org/author/12345678", "Semantic Scholar"),
    "mastodon": ("https://mastodon.social/@ada", "Mastodon @ada@mastodon.social"),
    "bluesky": ("https://bsky.app/profile/ada.bsky.social", "Bluesky ada.bsky.social"),
}


@pytest.fixture(scope="module")
def profiles_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_root(PROFILES_ROOT, "html", tmp_path_factory.mktemp("profiles-html"))


def read_page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_test_root_has_every_kind_of_profile() -> None:
    assert list(SHOWN_PROFILES) == list(PROFILES)


def test_each_kind_of_profile_links_its_address(profiles_site: Path) -> None:
    header = read_page(profiles_site / "index.html").select_one(".cv-header")
    shown = {
        a["class"][1].removeprefix("cv-contact-"): (a["href"], a.get_text())
        for a in header.select("a.cv-contact-profile")
    }
    assert shown == SHOWN_PROFILES
    assert list(shown) == list(SHOWN_PROFILES)  # in the order of the dict
    [orcid] = header.select("a.cv-contact-orcid .cv-contact-label")
    assert orcid.get_text() == "ORCID"


def test_json_ld_same_as_lists_every_profile(profiles_site: Path) -> None:
    page = read_page(profiles_site / "index.html")
    person = json.loads(page.select_one('script[type="application/ld+json"]').string)
    addresses = [address for address, _ in SHOWN_PROFILES.values()]
    assert person["sameAs"] == [*addresses, "https://example.org/notes"]
    assert person["identifier"]["value"] == "0000-0002-1825-0097"
    assert person["honorificPrefix"] == "Dr"
    assert person["telephone"] == "+44 20 7946 0958"
    assert person["address"]["streetAddress"] == "12 St James's Square, London SW1Y 4JH"


def test_latex_links_every_profile(tmp_path: Path) -> None:
    outdir = build_root(PROFILES_ROOT, "latex", tmp_path)
    tex = (outdir / "profiles.tex").read_text(encoding="utf-8")
    header = tex[tex.index(r"\cvheader{") :]
    assert header.startswith(r"\cvheader{Ada Lovelace}{Dr~Augusta Ada King}{Analyst}{")
    for address, text in SHOWN_PROFILES.values():
        assert rf"\href{{{address}}}{{\cvcontact{{" in header, address
        assert text.replace("-", r"\sphinxhyphen{}") + "}}" in header, text
    assert r"\cvcontact{address}{12 St James's Square, London SW1Y 4JH}" in header


def test_site_icon_is_drawn_from_the_initials(profiles_site: Path) -> None:
    icon = (profiles_site / "_static" / FAVICON).read_text(encoding="utf-8")
    assert ">AL</text>" in icon
    assert 'fill="#1f4e79"' in icon
    assert "href" not in icon  # nothing loaded
    # Linked from every page, wherever it is.
    for page, href in (("index.html", "_static/"), ("sub/page.html", "../_static/")):
        links = read_page(profiles_site / page).select('link[rel~="icon"]')
        assert [link["href"] for link in links] == [href + FAVICON], page


def test_site_icon_of_initials_given_in_conf_py(tmp_path: Path) -> None:
    result = run_sphinx(
        "-W", "-n", "-q", "-b", "html", "-D", "cv_initials=ALK", ".", tmp_path, cwd=PROFILES_ROOT
    )
    assert result.returncode == 0, result.stderr
    assert ">ALK</text>" in (tmp_path / "_static" / FAVICON).read_text(encoding="utf-8")


def test_html_favicon_of_conf_py_is_kept(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(PROFILES_ROOT, srcdir)
    (srcdir / "mine.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('html_favicon = "mine.svg"\n')
    outdir = build_root(srcdir, "html", tmp_path / "out")
    links = read_page(outdir / "index.html").select('link[rel~="icon"]')
    assert [link["href"] for link in links] == ["_static/mine.svg"]
    assert not (outdir / "_static" / FAVICON).exists()


@pytest.mark.parametrize(
    ("name", "initials"),
    [("Mary JS Smith", "MS"), ("Jane Doe", "JD"), ("Plato", "P"), ("émile zola", "ÉZ"),
     ("Zoë O'Brien & <b>Co</b> #1 a\\b", "ZA"), ("", "")],
)  # fmt: skip
def test_initials_of_a_name(name: str, initials: str) -> None:
    assert initials_of(name) == initials


def test_orcid_check_digit() -> None:
    assert orcid_check_digit("000000021825009") == "7"
    assert orcid_check_digit("000000021694233") == "X"
    assert orcid_check_digit("000000015109370") == "0"


def test_an_empty_full_name_is_left_out(tmp_path: Path) -> None:
    options = ("-D", "cv_full_name=", "-D", "cv_honorific=")
    for builder in ("html", "latex"):
        result = run_sphinx(
            "-W", "-n", "-q", "-b", builder, *options, ".", tmp_path / builder, cwd=PROFILES_ROOT
        )
        assert result.returncode == 0, result.stderr
    page = read_page(tmp_path / "html" / "index.html")
    header = page.select_one(".cv-header")
    assert header.select_one(".cv-header-fullname") is None
    assert [p.get_text() for p in header.select("p")] == ["Analyst"]
    assert "alternateName" not in page.select_one('script[type="application/ld+json"]').string
    tex = (tmp_path / "latex" / "profiles.tex").read_text(encoding="utf-8")
    assert r"\cvheader{Ada Lovelace}{}{Analyst}{" in tex


def test_an_honorific_without_a_full_name_goes_before_the_name(tmp_path: Path) -> None:
    for builder in ("html", "latex"):
        result = run_sphinx(
            "-W", "-n", "-q", "-b", builder, "-D", "cv_full_name=", ".", tmp_path / builder,
            cwd=PROFILES_ROOT,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    header = read_page(tmp_path / "html" / "index.html").select_one(".cv-header")
    assert header.select_one(".cv-header-fullname").get_text() == "Dr Ada Lovelace"
    tex = (tmp_path / "latex" / "profiles.tex").read_text(encoding="utf-8")
    assert r"\cvheader{Ada Lovelace}{Dr~Ada Lovelace}{Analyst}{" in tex
