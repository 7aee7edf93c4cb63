"""The pybtex style on hand-built entries, with no Sphinx build.

pybtex renders the style's rich text with its own text, HTML and LaTeX
backends here; the real build renders the same rich text through docutils.
"""

from __future__ import annotations

import pytest
from cv.bibauthors import highlighted_keys
from cv.bibstyle import CvStyle, FormattedTexts, NewestFirst, is_talk, style_settings
from pybtex.database import Entry, Person
from pybtex.style.template import FieldIsMissing

OWNER = ["Mueller, Anna JS", "Müller, Anna JS"]


def entry(kind: str, authors: list[str], **fields: str) -> Entry:
    made = Entry(kind, fields=fields)
    made.persons["author"] = [Person(name) for name in authors]
    made.key = fields.pop("key", "k")
    return made


def render(item: Entry, backend: str, names: list[str] = OWNER) -> str:
    return CvStyle(highlight_names=names).format_entry("1", item).text.render_as(backend)


ARTICLE = entry(
    "article",
    ["Lee, Min", "Mueller, Anna JS", "Rao, Priya"],
    title="A memory chip based on {ReRAM}",
    journal="Nature",
    year="2022",
    volume="608",
    number="7923",
    pages="504--512",
    doi="10.5555/12345678",
)


def test_article_as_text() -> None:
    assert render(ARTICLE, "text") == (
        "Min Lee, Anna JS Mueller, Priya Rao, "
        "“A memory chip based on ReRAM,” Nature, "
        "vol.\u00a0608, no.\u00a07923, pp.\u00a0504–512, 2022. DOI"
    )


def test_owner_is_bold_and_venue_italic_in_html() -> None:
    html = render(ARTICLE, "html")
    assert "<b>Anna JS Mueller</b>" in html
    assert "<b>Min Lee</b>" not in html
    assert "<em>Nature</em>" in html


def test_owner_is_bold_in_latex() -> None:
    latex = render(ARTICLE, "latex")
    assert r"\textbf{Anna JS Mueller}" in latex
    assert r"\emph{Nature}" in latex


def test_either_spelling_of_the_owner_is_highlighted() -> None:
    umlaut = entry("article", ["Müller, Anna JS"], title="T", journal="J", year="2020")
    assert "<b>Anna JS Müller</b>" in render(umlaut, "html")


def test_highlight_follows_the_configured_names() -> None:
    html = render(ARTICLE, "html", names=["Rao, Priya"])
    assert "<b>Priya Rao</b>" in html
    assert "<b>Anna JS Mueller</b>" not in html


def test_title_keeps_its_case() -> None:
    lower = entry("article", ["A, B"], title="a title in lower case", journal="J", year="2020")
    assert "“a title in lower case,”" in render(lower, "text")


def test_links_have_short_labels() -> None:
    html = render(ARTICLE, "html")
    assert '<a href="https://doi.org/10.5555/12345678">DOI</a>' in html
    preprint = entry(
        "misc", ["A, B"], title="T", year="2022", eprint="2206.07741", archiveprefix="arXiv"
    )
    html = render(preprint, "html")
    assert '<a href="https://arxiv.org/abs/2206.07741">arXiv</a>' in html
    assert "arXiv:2206.07741" in html
    web = entry(
        "inproceedings", ["A, B"], title="T", booktitle="C", year="2020", url="https://x.org/a"
    )
    assert '<a href="https://x.org/a">URL</a>' in render(web, "html")


def test_latex_special_characters_are_escaped() -> None:
    odd = entry(
        "inproceedings",
        ["A, B"],
        title=r"Profit \& Loss at 50\% with snake\_case and \#tags",
        booktitle="R&D_Conf #1 at 100%",
        year="2020",
    )
    latex = render(odd, "latex")
    assert r"Profit \& Loss at 50\% with snake\_case and \#tags" in latex
    assert r"R\&D\_Conf \#1 at 100\%" in latex
    assert "Profit & Loss at 50% with snake_case and #tags" in render(odd, "text")


def test_newest_first_keeps_file_order_within_a_year() -> None:
    entries = [
        entry("article", ["A, B"], key="old", title="T", journal="J", year="2019"),
        entry("article", ["A, B"], key="first2022", title="T", journal="J", year="2022"),
        entry("article", ["A, B"], key="second2022", title="T", journal="J", year="2022"),
        entry("article", ["A, B"], key="may2022", title="T", journal="J", year="2022", month="may"),
        entry("article", ["A, B"], key="mid", title="T", journal="J", year="2021"),
    ]
    order = [e.key for e in NewestFirst().sort(entries)]
    assert order == ["may2022", "first2022", "second2022", "mid", "old"]


def test_talks_sort_by_their_date() -> None:
    talks = [
        entry("misc", ["A, B"], key="jul", date="2020-07-28/2020-07-30", keywords="talk"),
        entry("misc", ["A, B"], key="oct", date="2020-10-10", keywords="talk"),
        entry("misc", ["A, B"], key="apr21", date="2021-04", keywords="talk"),
    ]
    assert [e.key for e in NewestFirst().sort(talks)] == ["apr21", "oct", "jul"]


def test_talk_format_and_invited_mark() -> None:
    talk = entry(
        "misc",
        ["Mueller, Anna JS"],
        title="Counting Sheep with Integers",
        eventtitle="Example AG",
        venue="Basel, Switzerland (virtual)",
        date="2021-04",
        keywords="talk, invited",
    )
    assert is_talk(talk)
    assert render(talk, "text") == (
        "“Counting Sheep with Integers,” Anna JS Mueller, "
        "Example AG, Basel, Switzerland (virtual), Apr 2021. Invited talk."
    )
    assert "<em>Example AG</em>" in render(talk, "html")


def test_a_publication_without_venue_reads_without_one() -> None:
    """The bib check asks an article for its journal; the style does not invent one."""
    bare = entry("misc", ["A, B"], title="T", year="2020")
    assert render(bare, "text") == "B A, “T,” 2020."


@pytest.mark.parametrize(
    ("kind", "fields", "missing"),
    [
        ("article", {"journal": "J", "year": "2020"}, "title"),
        ("article", {"title": "T", "journal": "J"}, "year"),
        ("misc", {"title": "T", "eventtitle": "E", "keywords": "talk"}, "date"),
    ],
)
def test_missing_fields_name_the_field(kind: str, fields: dict[str, str], missing: str) -> None:
    with pytest.raises(FieldIsMissing, match=missing):
        render(entry(kind, ["A, B"], **fields), "text")


# -- texts kept from build to build ---------------------------------------------------


def kept_style(earlier: dict | None = None) -> tuple[type[CvStyle], FormattedTexts]:
    """A configured style, as a build binds it, with a store of kept texts."""
    style = type("Configured", (CvStyle,), {"highlight_names": tuple(OWNER)})
    texts = FormattedTexts(style_settings(style, "en"), highlighted_keys(OWNER), earlier or {})
    style.formatted_texts = texts
    return style, texts


def test_an_entry_is_formatted_once_and_its_text_kept() -> None:
    style, texts = kept_style()
    first = style().format_entry("3", ARTICLE)
    again = style().format_entry("1", ARTICLE)
    assert again.text is first.text
    assert (first.label, again.label) == ("3", "1")
    # The next build starts from what this one used.
    _, later = kept_style(texts.used)
    assert later.text(ARTICLE, lambda item: pytest.fail("made again")) is first.text


def test_an_edited_entry_is_formatted_again() -> None:
    style, _ = kept_style()
    before = style().format_entry("1", ARTICLE).text
    edited = entry(
        "article",
        ["Lee, Min", "Mueller, Anna JS", "Rao, Priya"],
        **{**dict(ARTICLE.fields), "title": "A memory chip based on {RRAM}"},
    )
    after = style().format_entry("1", edited).text
    assert after is not before
    assert "RRAM" in after.render_as("text")
    renamed = entry("article", ["Lee, Min", "Mueller, Anna JS"], **dict(ARTICLE.fields))
    assert "Rao" not in style().format_entry("1", renamed).text.render_as("text")


def test_other_name_forms_or_language_keep_nothing() -> None:
    style, _ = kept_style()
    assert style_settings(style, "de") != style_settings(style, "en")
    # A style made with other name forms formats without the store.
    text = style(highlight_names=["Lee, Min"]).format_entry("1", ARTICLE).text
    assert "<b>Min Lee</b>" in text.render_as("html")
    assert "<b>Anna" not in text.render_as("html")
