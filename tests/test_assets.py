"""What a page of the website loads before its first paint (theme.fast_assets).

Lighthouse's mobile score counts each style sheet and script that holds up the
first paint; the tiny project ``tests/roots/test-assets`` has a page without code
and one with a highlighted block, and three style sheets of the owner's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_root

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def site(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_root(rootdir / "test-assets", "html", tmp_path_factory.mktemp("assets"))


def head(site: Path, page: str) -> tuple[list[str], list[str], list[str]]:
    """The linked style sheets, the inline styles and the scripts (with defer or not)."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    links = [link["href"].partition("?")[0] for link in soup.find_all("link", rel="stylesheet")]
    styles = [style.get_text() for style in soup.find_all("style")]
    scripts = [
        f"{script['src'].partition('?')[0]}{' defer' if script.has_attr('defer') else ''}"
        for script in soup.find_all("script", src=True)
    ]
    return links, styles, scripts


def test_a_page_without_code_links_only_the_theme_style_sheet(site: Path) -> None:
    links, styles, _ = head(site, "index.html")
    # Pygments' and furo's extensions' sheets style nothing here; empty.css holds no
    # rule; cv.css and small.css are written into the page; image.css names an image.
    assert links == ["_static/styles/furo.css", "_static/image.css"]
    inline = "\n".join(styles)
    assert ".cv-header" in inline
    assert "rebeccapurple" in inline
    assert "A rule of the owner's" not in inline  # comments are left in the file
    # In the cascade's order: the engine's, then the owner's.
    assert inline.index(".cv-header") < inline.index("rebeccapurple")


def test_a_page_with_highlighted_code_links_pygments(site: Path) -> None:
    links, _, _ = head(site, "code.html")
    assert links == ["_static/pygments.css", "_static/styles/furo.css", "_static/image.css"]


def test_scripts_wait_for_the_page_but_the_search_pages_own(site: Path) -> None:
    _, _, scripts = head(site, "index.html")
    assert scripts == [
        "_static/documentation_options.js defer",
        "_static/doctools.js defer",
        "_static/sphinx_highlight.js defer",
        "_static/scripts/furo.js defer",
    ]
    # searchtools.js runs at once and calls doctools.js, so the search page keeps order.
    _, _, scripts = head(site, "search.html")
    assert "_static/doctools.js" in scripts
    assert not [script for script in scripts if script.endswith(" defer")]


def test_every_style_sheet_is_still_written_to_static(site: Path) -> None:
    for name in ("cv.css", "empty.css", "small.css", "image.css", "pygments.css"):
        assert (site / "_static" / name).is_file()
