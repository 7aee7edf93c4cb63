"""The website in a real browser: Debian's Chromium, driven by Playwright.

The built site is served on a loopback port. Every page is opened in light and
dark mode: no console errors, no failed or off-site requests, no axe-core
violations. Screenshots at phone and desktop widths are written for review
to ``_build/screenshots`` (or ``$CV_SCREENSHOTS``).
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import PROJECT, SOURCES, load_tool, run_sphinx, sphinx_build
from playwright.sync_api import sync_playwright

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

WIDTHS = {"phone": 390, "desktop": 1280}
#: The landing page, the first section, and the first page with a publication list.
SCREENSHOT_PAGES = [
    "index",
    SOURCES.sections[0].docname,
    *[page.docname for page in SOURCES.sections if "cv-publications" in page.directives][:1],
]


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("Debian's chromium is not installed, and CI is set")
    pytest.skip("chromium is not installed (apt-get install chromium)")
    raise AssertionError  # unreachable: skip raises


@pytest.fixture(scope="session")
def site(pdf_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The website built with the PDF beside it, as after the README's build command."""
    outdir = tmp_path_factory.mktemp("site")
    pdf = pdf_build / SOURCES.pdf_name
    status, warnings = sphinx_build("html", outdir, "-D", f"cv_pdf_path={pdf}")
    assert status == 0, warnings
    return outdir


LIGHTHOUSE = load_tool("lighthouse")
#: The site served on a free loopback port, as ``tools/lighthouse.py`` serves it.
served = LIGHTHOUSE.served
#: Playwright starts Chromium headless itself; the other flags are the tool's.
CHROMIUM_FLAGS = list(LIGHTHOUSE.CHROME_FLAGS)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    folder = Path(os.environ.get("CV_SCREENSHOTS", PROJECT / "_build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def site_pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).with_suffix("").as_posix() for path in site.rglob("*.html")
    )


def test_site_has_the_pages_the_browser_tests_visit(site: Path) -> None:
    pages = site_pages(site)
    shown = {"index", *(page.docname for page in SOURCES.sections), "search"}
    assert shown <= set(pages)
    # Every other page is one of the project's own pages (full-cv...), no index.
    for name in set(pages) - shown:
        assert (PROJECT / f"{name}.md").is_file(), name


class Visit:
    """One page opened in a fresh context, with every problem it shows recorded."""

    def __init__(self, browser: Browser, base_url: str, page: str, scheme: str, width: int) -> None:
        self.context = browser.new_context(
            color_scheme=scheme, viewport={"width": width, "height": 900}
        )
        self.page: Page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on(
            "console",
            lambda message: message.type == "error" and self.problems.append(message.text),
        )
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on(
            "requestfailed",
            lambda request: self.problems.append(f"failed: {request.url} {request.failure}"),
        )
        self.page.on(
            "response",
            lambda response: (
                response.status >= 400
                and self.problems.append(f"HTTP {response.status}: {response.url}")
            ),
        )

        def local_only(route: object) -> None:
            url = route.request.url
            if url.startswith(base_url):
                route.continue_()
            else:
                self.problems.append(f"off-site request: {url}")
                route.abort()

        self.page.route("**/*", local_only)
        self.page.goto(base_url + page + ".html", wait_until="networkidle")

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_clean_and_accessible(
    browser: Browser, base_url: str, site: Path, screenshot_dir: Path, scheme: str
) -> None:
    axe = Axe()
    failures = {}
    for name in site_pages(site):
        visit = Visit(browser, base_url, name, scheme, WIDTHS["desktop"])
        try:
            assert visit.page.locator("html").get_attribute("lang") == SOURCES.language
            result = axe.run(visit.page)
            if result.violations_count:
                visit.problems.append(result.generate_report())
            if name in SCREENSHOT_PAGES:
                slug = name.replace("/", "-")
                visit.page.screenshot(
                    path=screenshot_dir / f"{slug}-desktop-{scheme}.png", full_page=True
                )
                visit.page.set_viewport_size({"width": WIDTHS["phone"], "height": 844})
                visit.page.screenshot(
                    path=screenshot_dir / f"{slug}-phone-{scheme}.png", full_page=True
                )
        finally:
            visit.close()
        if visit.problems:
            failures[name] = visit.problems
    report = "\n".join(
        f"{name}: {problem}" for name, found in failures.items() for problem in found
    )
    assert not failures, report


def test_headings_are_in_order(browser: Browser, base_url: str, site: Path) -> None:
    for name in site_pages(site):
        visit = Visit(browser, base_url, name, "light", WIDTHS["desktop"])
        levels = visit.page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4",
            "els => els.map(e => Number(e.tagName[1]))",
        )
        visit.close()
        assert levels[:1] == [1], name
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (name, levels)


def test_download_links_give_each_pdf(browser: Browser, base_url: str, pdf_build: Path) -> None:
    """Each download link (the full CV's, and each variant's) serves its PDF."""
    visit = Visit(browser, base_url, "index", "light", WIDTHS["desktop"])
    served = []
    for label, name in SOURCES.downloads:
        link = visit.page.get_by_role("link", name=label, exact=True)
        href = link.get_attribute("href")
        response = visit.page.request.get(base_url + href)
        served.append((name, response.ok, response.headers["content-type"], response.body()))
    visit.close()
    for name, ok, content_type, body in served:
        assert ok, name
        assert content_type == "application/pdf"
        assert body == (pdf_build / name).read_bytes(), name


def test_bibtex_links_download_each_papers_file(
    browser: Browser, base_url: str, site: Path
) -> None:
    """A paper's BibTeX link downloads its file of the site, as a ``.bib`` file."""
    names = [page.docname for page in SOURCES.sections if "cv-publications" in page.directives]
    if not names:
        pytest.skip("the CV lists no publications")
    visit = Visit(browser, base_url, names[0], "light", WIDTHS["desktop"])
    links = visit.page.locator("a.cv-bibtex")
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    with visit.page.expect_download() as started:
        links.first.click()
    download = started.value
    saved = Path(download.path()).read_bytes()
    served = {href: visit.page.request.get(href) for href in hrefs}
    bodies = {href: (response.ok, response.body()) for href, response in served.items()}
    visit.close()
    assert hrefs
    assert all(href.startswith(base_url + "_bibtex/") for href in hrefs)
    assert download.suggested_filename == hrefs[0].rsplit("/", 1)[-1]
    assert saved == (site / hrefs[0].removeprefix(base_url)).read_bytes()
    for href, (ok, body) in bodies.items():
        assert ok, href
        assert body == (site / href.removeprefix(base_url)).read_bytes(), href
    assert not visit.problems, visit.problems


def test_theme_toggle_switches_to_dark(browser: Browser, base_url: str) -> None:
    visit = Visit(browser, base_url, "index", "light", WIDTHS["desktop"])
    page = visit.page
    before = page.evaluate("getComputedStyle(document.body).backgroundColor")
    themes = []
    for _ in range(3):
        page.locator(".content-icon-container .theme-toggle").click()
        themes.append(page.evaluate("document.body.dataset.theme"))
        if themes[-1] == "dark":
            break
    after = page.evaluate("getComputedStyle(document.body).backgroundColor")
    visit.close()
    assert themes[-1] == "dark", themes
    assert before != after


def test_print_hides_navigation(browser: Browser, base_url: str) -> None:
    visit = Visit(browser, base_url, "full-cv", "light", WIDTHS["desktop"])
    page = visit.page
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.sidebar-drawer', '.toc-drawer', '.theme-toggle-container', '.related-pages',
                  '.skip-to-content', '.cv-bibtex']
            .every(s => [...document.querySelectorAll(s)]
                 .every(e => getComputedStyle(e).display === 'none'))"""
    )
    article_visible = page.locator("article").is_visible()
    visit.close()
    assert hidden
    assert article_visible


# -- Read the Docs' add-ons ---------------------------------------------------------------

#: Elements shaped as Read the Docs' add-ons inject them: a flyout and a notification
#: (custom elements with shadow roots), and an ad filled into #ethical-ad-placement.
ADD_ONS = """() => {
  const flyout = document.createElement('readthedocs-flyout');
  flyout.attachShadow({mode: 'open'}).innerHTML =
    '<div class="container"><button type="button" aria-label="Versions and downloads">' +
    'v: latest</button><dl hidden><dt>Downloads</dt><dd><a href="#pdf">PDF</a></dd></dl></div>';
  document.body.appendChild(flyout);
  const note = document.createElement('readthedocs-notification');
  note.attachShadow({mode: 'open'}).innerHTML =
    '<div role="status"><p>This page was built from a pull request.</p>' +
    '<button type="button" aria-label="Close this notification">×</button></div>';
  document.body.prepend(note);
  const ad = document.querySelector('#ethical-ad-placement');
  if (ad) {
    ad.innerHTML =
      '<div class="ea-placement"><a href="#ad" rel="sponsored noopener">' +
      '<img alt="A sponsor" width="120" height="90" src="data:image/gif;base64,' +
      'R0lGODlhAQABAAAAACw="></a><p><a href="#ad"><strong>A sponsor</strong>: an ad text.</a>' +
      '</p><p><a href="#ethicalads">Ads by EthicalAds</a></p></div>';
  }
  return Boolean(ad);
}"""


@pytest.fixture(scope="session")
def rtd_base_url(pdf_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The website as built on Read the Docs (READTHEDOCS=True), served locally."""
    outdir = tmp_path_factory.mktemp("rtd-site")
    pdf = pdf_build / SOURCES.pdf_name
    result = run_sphinx(
        "-W", "-n", "-q", "-b", "html", "-D", f"cv_pdf_path={pdf}", ".", outdir,
        env={"READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": "https://cv.example.org/en/latest/"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with served(outdir) as url:
        yield url


@pytest.mark.parametrize("page", SCREENSHOT_PAGES)
def test_read_the_docs_add_ons_stay_out_of_the_cv(
    browser: Browser, rtd_base_url: str, screenshot_dir: Path, page: str
) -> None:
    visit = Visit(browser, rtd_base_url, page, "light", WIDTHS["desktop"])
    try:
        assert visit.page.evaluate(ADD_ONS), "no #ethical-ad-placement on the page"
        # The ad sits at the foot of the navigation, not in the CV.
        assert visit.page.locator("article #ethical-ad-placement").count() == 0
        assert visit.page.locator(".sidebar-drawer #ethical-ad-placement").is_visible()
        result = Axe().run(visit.page)
        assert result.violations_count == 0, result.generate_report()
        if page == "index":
            visit.page.screenshot(path=screenshot_dir / "index-read-the-docs.png", full_page=True)
        visit.page.emulate_media(media="print")
        hidden = visit.page.evaluate(
            """() => ['readthedocs-flyout', 'readthedocs-notification', '#ethical-ad-placement']
                .every(s => [...document.querySelectorAll(s)]
                     .every(e => getComputedStyle(e).display === 'none'))"""
        )
        assert hidden
        assert visit.page.locator("article").is_visible()
    finally:
        visit.close()
    assert not visit.problems, visit.problems
