"""Variants of the CV (``cv_variants``): PDFs that select from the same sources.

Three layers, as elsewhere: the declaration checked without a build; a tiny
root (``tests/roots/test-variants``, a fictional engineer with three variants
declared in ``conf.py`` only) built the README's way, whose every PDF must hold
exactly what its variant selects and whose site must link each; and the real
CV, whose variants are checked against what its own sources and ``conf.py``
say they select, on A4 and on US letter.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, SOURCES, require_tex, run_sphinx, sphinx_build, text_layer
from cv.variants import Rule, VariantError, parse_rule, parse_variants
from cvsource import in_order, letters
from pypdf import PdfReader

if TYPE_CHECKING:
    from pathlib import Path

    from cvsource import BibRecord, CvEntry

ROOT = PROJECT / "tests" / "roots" / "test-variants"
README_BUILD = (
    ("-W", "-n", "-q", "-d", "_build/doctrees", "-b", "latexpdf", ".", "_build/latexpdf"),
    ("-W", "-n", "-q", "-d", "_build/doctrees", "-b", "html", ".", "_build/html"),
)


# -- the declaration ------------------------------------------------------------------


def test_a_variant_takes_its_defaults_from_the_full_cv() -> None:
    [variant] = parse_variants({"short": {"title": "Short CV", "max_pages": 2}}, "jo-cv.tex")
    assert (variant.name, variant.title, variant.label) == ("short", "Short CV", "Short CV")
    assert (variant.file, variant.pdf) == ("jo-cv-short.tex", "jo-cv-short.pdf")
    assert variant.sections is None
    assert variant.max_pages == 2
    assert variant.publications.selects_all


def test_sections_as_a_dict_give_each_page_its_rule() -> None:
    given = {
        "resume": {
            "title": "Résumé",
            "file": "jo-resume",
            "sections": {"sections/work.md": {"limit": 2, "bullets": 1}, "sections/skills": None},
            "titles": {"sections/work.md": "Work"},
            "entries": {"since": 2019},
            "publications": {"keywords": "Selected", "kinds": ["journal"]},
        }
    }
    [variant] = parse_variants(given, "jo-cv.tex")
    assert variant.file == "jo-resume.tex"
    assert variant.sections == ("sections/work", "sections/skills")
    assert variant.titles == {"sections/work": "Work"}
    # A page's own rule stands instead of the variant's; a page without one takes it.
    assert variant.section_rules == {"sections/work": Rule(limit=2, bullets=1)}
    assert variant.entries == Rule(since=2019)
    assert variant.publications == Rule(keywords=frozenset({"selected"}), kinds=("journal",))


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ([], "must be a dict of variant name"),
        ({"short cv": {"title": "Short"}}, "a variant's name is a word"),
        ({"short": "Short CV"}, "['short'] must be a dict of settings"),
        ({"short": {}}, "['short']['title'] must be text"),
        ({"short": {"title": "S", "max_page": 2}}, "unknown key 'max_page' (did you mean"),
        ({"short": {"title": "S", "max_pages": 0}}, "['max_pages'] must be a whole number"),
        ({"short": {"title": "S", "file": "a/b"}}, "['file'] must be a file name"),
        ({"short": {"title": "S", "file": "jo-cv"}}, "writes jo-cv.tex, as the full CV does"),
        (
            {"a": {"title": "A", "file": "x"}, "b": {"title": "B", "file": "x.tex"}},
            "['b']['file'] writes x.tex, as the variant 'a' does",
        ),
        ({"short": {"title": "S", "sections": "sections/a"}}, "['sections'] must list pages"),
        ({"short": {"title": "S", "sections": []}}, "['sections'] lists no page"),
        ({"short": {"title": "S", "sections": ["a", "a.md"]}}, "lists 'a' twice"),
        ({"short": {"title": "S", "titles": {"a": ""}}}, "['titles'] must map a page"),
        ({"short": {"title": "S", "entries": {"since": "2019"}}}, "['since'] must be a year"),
        ({"short": {"title": "S", "entries": {"limit": -1}}}, "['limit'] must be a whole"),
        ({"short": {"title": "S", "entries": {"kinds": ["x"]}}}, "unknown key 'kinds'"),
        ({"short": {"title": "S", "talks": {"bullets": 1}}}, "unknown key 'bullets'"),
        ({"short": {"title": "S", "publications": {"bullets": 1}}}, "unknown key 'bullets'"),
        (
            {"short": {"title": "S", "publications": {"kinds": ["jounal"]}}},
            "unknown kind 'jounal': did you mean 'journal'?",
        ),
        ({"short": {"title": "S", "talks": {"keywords": [1]}}}, "['keywords'] must list words"),
        ({"html": {"title": "S"}}, "'html' is one of Sphinx's own tags"),
        ({"builder_x": {"title": "S"}}, "'builder_x' is one of Sphinx's own tags"),
    ],
)
def test_a_mistake_in_the_declaration_names_the_variant_and_key(
    given: object, message: str
) -> None:
    with pytest.raises(VariantError) as raised:
        parse_variants(given, "jo-cv.tex")
    assert message in str(raised.value)


def test_what_people_write_instead_is_read_as_meant() -> None:
    given = {
        "r": {
            "title": "R",
            "file": "jo-resume.pdf",
            "entries": {"keywords": "industry, Academic"},
            "sections": {"sections/papers": {"kinds": ["journal"], "bullets": 0}},
        }
    }
    [variant] = parse_variants(given, "jo-cv.tex")
    assert variant.pdf == "jo-resume.pdf"
    assert variant.entries.keywords == {"industry", "academic"}
    # A page's own rule may say anything a rule says: it stands for everything on the page.
    assert variant.section_rules["sections/papers"] == Rule(kinds=("journal",), bullets=0)


def test_every_mistake_is_reported_at_its_own_line(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    conf = srcdir / "conf.py"
    text = conf.read_text(encoding="utf-8")
    text = text.replace('"max_pages": 2,', '"max_page": 2,', 1)
    text = text.replace('"publications": {"kinds": ["journal"], "limit": 1},',
                        '"publications": {"kinds": ["journal"], "limt": 1},')  # fmt: skip
    conf.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    first = next(n for n, line in enumerate(lines, 1) if '"max_page"' in line)
    second = next(n for n, line in enumerate(lines, 1) if '"limt"' in line)
    result = run_sphinx("-W", "-n", "-q", "-b", "latexpdf", ".", "out", cwd=srcdir)
    assert result.returncode != 0
    assert f"conf.py:{first}: ERROR: cv_variants['short'] has the unknown key 'max_page'" in (
        result.stderr
    )
    assert (
        f"conf.py:{second}: ERROR: cv_variants['industry']['publications'] has the unknown key "
        "'limt'"
    ) in result.stderr


def test_a_rule_without_settings_selects_everything() -> None:
    assert parse_rule(None, "x").selects_all
    assert parse_rule({}, "x").selects_all
    assert not parse_rule({"limit": 3}, "x").selects_all


# -- a variant defined in conf.py alone: the test root ----------------------------------


def build_readme_way(srcdir: Path, *extra: str) -> None:
    for command in README_BUILD:
        result = run_sphinx(*command, *extra, cwd=srcdir)
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test root, built with the README's two commands: PDF, then site."""
    require_tex()
    srcdir = tmp_path_factory.mktemp("variants") / "src"
    shutil.copytree(ROOT, srcdir)
    build_readme_way(srcdir)
    return srcdir


def pdf_text(path: Path) -> str:
    return letters(text_layer(PdfReader(path)))


#: What each of the root's PDFs shows, by what its conf.py selects; everything the
#: root holds is in ALL, so what a PDF must not show is the rest.
ALL = {
    "PhD, Robotics", "MSc, Mechanical Engineering", "Research Scientist", "Robotics Engineer",
    "Teaching Assistant", "Leads the grasp-planning group", "Mentors four doctoral students",
    "Built the test rig for suction grippers", "Wrote the controller's firmware",
    "Tutored the control theory course", "Suction Grasps on Porous Objects",
    "A Test Rig for Soft Grippers", "Tactile Slip Detection at Low Cost",
    "Calibrating a Low-Cost Arm", "Learning to Grasp from Few Demonstrations",
    "Grasping What Matters", "Slip Detection on a Budget", "Programming: Python, C++, ROS",
    "Reviewing for journals since 2019", "Grasping has been the thread",
}  # fmt: skip
SHOWN = {
    "tomasz-cv.pdf": ALL - {"Grasping has been the thread"},
    "tomasz-cv-short.pdf": {
        "PhD, Robotics", "Research Scientist", "Robotics Engineer",
        "Leads the grasp-planning group", "Mentors four doctoral students",
        "Built the test rig for suction grippers", "Wrote the controller's firmware",
        "Suction Grasps on Porous Objects", "Tactile Slip Detection at Low Cost",
        "Grasping What Matters", "Reviewing for journals since 2019",
    },
    "tomasz-resume.pdf": {
        "Research Scientist", "Robotics Engineer", "Leads the grasp-planning group",
        "Built the test rig for suction grippers", "Programming: Python, C++, ROS",
        "Suction Grasps on Porous Objects",
    },
    "tomasz-cv-grasping.pdf": ALL - {"A Test Rig for Soft Grippers", "Calibrating a Low-Cost Arm"},
}  # fmt: skip
HEADINGS = {
    "tomasz-cv.pdf": ["Education", "Experience", "Publications", "Talks", "Skills"],
    "tomasz-cv-short.pdf": ["Experience", "Education", "Selected Publications", "Talks"],
    "tomasz-resume.pdf": ["Experience", "Skills", "Publications"],
    "tomasz-cv-grasping.pdf": ["Education", "Experience", "Publications", "Talks", "Skills"],
}


def test_the_pdf_command_writes_the_full_cv_and_each_variant(root: Path) -> None:
    outdir = root / "_build" / "latexpdf"
    assert sorted(path.name for path in outdir.glob("*.pdf")) == sorted(SHOWN)
    listed = (outdir / "pdfs.txt").read_text(encoding="utf-8").split()
    assert listed[0] == "tomasz-cv.pdf"
    assert sorted(listed) == sorted(SHOWN)


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_each_pdf_shows_exactly_what_its_variant_selects(root: Path, name: str) -> None:
    text = pdf_text(root / "_build" / "latexpdf" / name)
    assert sorted(item for item in ALL if letters(item) not in text) == sorted(ALL - SHOWN[name])


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_each_pdf_shows_its_sections_in_its_order(root: Path, name: str) -> None:
    text = text_layer(PdfReader(root / "_build" / "latexpdf" / name))
    headings = [line.strip() for line in text.splitlines() if line.strip() in HEADINGS[name]]
    assert headings == HEADINGS[name]


def test_a_variant_numbers_the_papers_it_shows(root: Path) -> None:
    text = text_layer(PdfReader(root / "_build" / "latexpdf" / "tomasz-cv-short.pdf"))
    numbers = re.findall(r"^(\d+)\. ", text, re.M)
    assert numbers == ["2", "1"]
    grasping = text_layer(PdfReader(root / "_build" / "latexpdf" / "tomasz-cv-grasping.pdf"))
    assert re.findall(r"^(\d+)\. ", grasping, re.M) == ["3", "2", "1"]


def test_each_pdf_has_its_own_title(root: Path) -> None:
    titles = {
        path.name: PdfReader(path).metadata["/Title"]
        for path in (root / "_build" / "latexpdf").glob("*.pdf")
    }
    assert titles == {
        "tomasz-cv.pdf": "Tomasz Abernethy-Ruiz — Curriculum Vitae",
        "tomasz-cv-short.pdf": "Tomasz Abernethy-Ruiz — Short CV",
        "tomasz-resume.pdf": "Tomasz Abernethy-Ruiz — Résumé",
        "tomasz-cv-grasping.pdf": "Tomasz Abernethy-Ruiz — CV for the Grasping Fellowship",
    }


def test_the_site_is_the_full_cv_and_links_every_pdf(root: Path) -> None:
    site = root / "_build" / "html"
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    line = page.select_one(".cv-header-download")
    assert " ".join(line.get_text().split()) == (
        "Download: full CV · short CV · résumé · CV for the Grasping Fellowship"
    )
    links = {a.get_text(): a["href"] for a in line.select("a.cv-download")}
    assert links == {
        "full CV": "tomasz-cv.pdf",
        "short CV": "tomasz-cv-short.pdf",
        "résumé": "tomasz-resume.pdf",
        "CV for the Grasping Fellowship": "tomasz-cv-grasping.pdf",
    }
    for href in links.values():
        built = root / "_build" / "latexpdf" / href
        assert (site / href).read_bytes() == built.read_bytes()
    # The website stays the full CV: everything, and no variant's {only} text.
    shown = letters(
        " ".join(
            BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text()
            for path in (site / "sections").glob("*.html")
        )
    )
    assert sorted(item for item in ALL if letters(item) not in shown) == [
        "Grasping has been the thread"
    ]


def test_a_variant_taken_out_leaves_the_site(root: Path, tmp_path: Path) -> None:
    """The site of a rebuild no longer ships the PDF of a variant taken out of conf.py."""
    srcdir = tmp_path / "src"
    shutil.copytree(root, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ndel cv_variants["grasping"]\n')
    build_readme_way(srcdir)
    left = ["tomasz-cv-short.pdf", "tomasz-cv.pdf", "tomasz-resume.pdf"]
    site = sorted(path.name for path in (srcdir / "_build" / "html").glob("*.pdf"))
    assert site == left
    assert sorted(p.name for p in (srcdir / "_build" / "latexpdf").glob("*.pdf")) == left
    # A mistake in a variant fails the build, and leaves no PDF of the last good one.
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ncv_variants["short"]["limit"] = 2\n')
    result = run_sphinx(*README_BUILD[0], cwd=srcdir)
    assert result.returncode != 0
    assert "cv_variants['short'] has the unknown key 'limit'" in result.stderr
    assert not list((srcdir / "_build" / "latexpdf").glob("*.pdf"))


def test_no_bullets_keeps_the_entries_heads_alone(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ncv_variants = {"x": {"title": "X", "entries": {"bullets": 0}}}\n')
    result = run_sphinx("-W", "-n", "-q", "-b", "latexpdf", ".", "out", cwd=srcdir)
    assert result.returncode == 0, result.stderr
    tex = (srcdir / "out" / "tomasz-cv-x.tex").read_text(encoding="utf-8")
    assert "Research Scientist" in tex
    assert "Leads the grasp" not in tex
    assert "Leads the grasp" in (srcdir / "out" / "tomasz-cv.tex").read_text(encoding="utf-8")


def test_a_site_without_variants_keeps_one_download_pdf_link(tmp_path: Path) -> None:
    require_tex()
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\ncv_variants = {}\n")
    build_readme_way(srcdir)
    assert [p.name for p in (srcdir / "_build" / "latexpdf").glob("*.pdf")] == ["tomasz-cv.pdf"]
    page = BeautifulSoup(
        (srcdir / "_build" / "html" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    [link] = page.select("a.cv-download")
    assert (link.get_text(), link["href"]) == ("Download PDF", "tomasz-cv.pdf")


# -- page limits and mistakes ---------------------------------------------------------------


def overflowing(tmp_path: Path) -> Path:
    """The root, with the grasping variant limited to a page it cannot fit in."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    experience = srcdir / "sections" / "experience.md"
    filler = "\n".join(
        f"- Grasp trial {n} of the long campaign, logged and reviewed." for n in range(80)
    )
    experience.write_text(
        experience.read_text(encoding="utf-8") + f"\n::::{{only}} grasping\n{filler}\n::::\n",
        encoding="utf-8",
    )
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ncv_variants = {"grasping": {**cv_variants["grasping"], "max_pages": 1}}\n')
    return srcdir


def test_a_variant_past_its_page_limit_fails_a_strict_build(tmp_path: Path) -> None:
    require_tex()
    srcdir = overflowing(tmp_path)
    result = run_sphinx("-W", "-n", "-q", "-b", "latexpdf", ".", "out", cwd=srcdir)
    assert result.returncode != 0
    assert re.search(
        r"conf\.py:\d+: WARNING: cv_variants\['grasping'\]: the CV for the Grasping Fellowship "
        r"is \d+ pages on a4 paper, more than its max_pages of 1",
        result.stderr,
    ), result.stderr
    assert not list((srcdir / "out").glob("*.pdf"))


def test_the_page_limit_holds_on_us_letter_too(tmp_path: Path) -> None:
    """Without -W the PDFs are written, and the warning still names the variant."""
    require_tex()
    srcdir = overflowing(tmp_path)
    result = run_sphinx(
        "-n", "-q", "-b", "latexpdf", "-D", "latex_elements.papersize=letterpaper", ".", "out",
        cwd=srcdir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(srcdir / "out" / "tomasz-cv-grasping.pdf")
    assert len(reader.pages) > 1
    assert (
        f"cv_variants['grasping']: the CV for the Grasping Fellowship is {len(reader.pages)} "
        "pages on letter paper, more than its max_pages of 1"
    ) in result.stderr
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            'cv_variants = {"x": {"title": "X", "sections": ["sections/skills", "sections/nope"]}}',
            r"conf\.py:\d+: ERROR: cv_variants\['x'\]\['sections'\] names 'sections/nope', "
            r"which the CV \(index\) does not show",
        ),
        (
            'cv_variants = {"x": {"title": "X", "talks": {"keywords": ["keynote"]}}}',
            r"conf\.py:\d+: WARNING: cv_variants\['x'\] keeps nothing of 'sections/talks'",
        ),
        (
            'cv_variants = {"x": {"title": "X", "titles": {"publications": "Papers"}}}',
            r"conf\.py:\d+: ERROR: cv_variants\['x'\]\['titles'\] names 'publications', which "
            r"this variant does not show",
        ),
        (
            'cv_variants = {"x": {"title": "X", "publications": {"kinds": ["book"]}}}',
            r"conf\.py:\d+: WARNING: cv_variants\['x'\] keeps nothing of 'sections/publications'",
        ),
        (
            'cv_variants = {"x": {"title": "X", "entries": {"limt": 2}}}',
            r"conf\.py:\d+: ERROR: cv_variants\['x'\]\['entries'\] has the unknown key 'limt' "
            r"\(did you mean 'limit'\?\)",
        ),
    ],
)
def test_a_selection_that_cannot_hold_is_reported_at_its_line(
    tmp_path: Path, setting: str, message: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\n{setting}\n")
    result = run_sphinx("-W", "-n", "-q", "-b", "latexpdf", ".", "out", cwd=srcdir)
    assert result.returncode != 0
    assert re.search(message, result.stderr), result.stderr
    assert not list((srcdir / "out").glob("*.pdf"))


# -- the real CV's variants, checked against its own sources -----------------------------------


VARIANTS = sorted(SOURCES.variants)


def _rule(settings: dict | None) -> dict:
    return dict(settings or {})


def _pages(settings: dict) -> list[str]:
    given = settings.get("sections")
    if given is None:
        return SOURCES.toc
    return [page.removesuffix(".md") for page in given]


def _section_rules(settings: dict) -> dict[str, dict]:
    given = settings.get("sections")
    return (
        {k.removesuffix(".md"): v for k, v in given.items() if v} if isinstance(given, dict) else {}
    )


def _entry_end(entry: CvEntry) -> str:
    end = entry.options.get("end", "").strip().lower()
    return "9999" if end == "present" else end or entry.options.get("start", "")


def kept_entries(entries: list[CvEntry], rule: dict) -> list[CvEntry]:
    """The entries a rule keeps, read from the page as written."""
    keywords = {word.lower() for word in rule.get("keywords", [])}
    kept = []
    for entry in entries:
        words = {w.strip().lower() for w in re.split(r"[,;]", entry.options.get("keywords", ""))}
        if keywords and not keywords & words:
            continue
        end = _entry_end(entry)
        if rule.get("since") and end[:4].isdigit() and int(end[:4]) < rule["since"]:
            continue
        kept.append(entry)
    if rule.get("limit"):
        newest = sorted(kept, key=lambda e: (_entry_end(e), e.options.get("start", "")))[::-1]
        kept = [entry for entry in kept if entry in newest[: rule["limit"]]]
    return kept


def bullets(entry: CvEntry) -> list[str]:
    """The entry's bullet items, each as one line of text."""
    items: list[str] = []
    for line in entry.body:
        if line.lstrip().startswith("- "):
            items.append(line.lstrip()[2:])
        elif items and line.strip():
            items[-1] += " " + line.strip()
    return items


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _recency(record: BibRecord) -> tuple[int, int]:
    date = record.field("date")
    month = record.field("month").lower()[:3]
    number = (
        int(date[5:7]) if len(date) >= 7 else (_MONTHS.index(month) + 1 if month in _MONTHS else 0)
    )
    year = record.year
    return (int(year) if year.isdigit() else 9999, number)


def _kind(record: BibRecord) -> str:
    kind = record.entry.type.lower()
    if (
        kind == "article"
        and record.field("journal")
        and "arxiv" not in record.field("journal").lower()
    ):
        return "journal"
    if kind in {"inproceedings", "conference"}:
        return "conference"
    if record.field("eprint") and not (record.field("journal") or record.field("booktitle")):
        return "preprint"
    return {"incollection": "chapter", "book": "book", "phdthesis": "thesis"}.get(kind, "other")


def kept_records(records: list[BibRecord], rule: dict) -> tuple[list[BibRecord], int]:
    """The works a rule keeps, and how many of them the PDF shows (its limit)."""
    keywords = {word.lower() for word in rule.get("keywords", [])}
    kept = [
        record
        for record in records
        if (not keywords or keywords & record.keywords)
        and (not rule.get("kinds") or _kind(record) in rule["kinds"])
        and (not rule.get("since") or _recency(record)[0] >= rule["since"])
    ]
    kept.sort(key=_recency, reverse=True)
    return kept, min(len(kept), rule.get("limit") or len(kept))


@pytest.fixture(scope="module")
def letter_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real CV's PDFs on US letter."""
    require_tex()
    outdir = tmp_path_factory.mktemp("letter")
    status, warnings = sphinx_build(
        "latexpdf", outdir, "-D", "latex_elements.papersize=letterpaper"
    )
    assert status == 0, warnings
    return outdir


@pytest.mark.skipif(not VARIANTS, reason="this CV declares no cv_variants")
@pytest.mark.parametrize("name", VARIANTS)
def test_each_variant_fits_its_pages_on_a4_and_letter(
    pdf_build: Path, letter_build: Path, name: str
) -> None:
    limit = SOURCES.variants[name].get("max_pages")
    pdf = SOURCES.variant_pdf_name(name)
    pages = [len(PdfReader(folder / pdf).pages) for folder in (pdf_build, letter_build)]
    if limit:
        assert max(pages) <= limit, pages


@pytest.mark.skipif(not VARIANTS, reason="this CV declares no cv_variants")
@pytest.mark.parametrize("name", VARIANTS)
def test_each_variant_has_its_title(pdf_build: Path, name: str) -> None:
    title = PdfReader(pdf_build / SOURCES.variant_pdf_name(name)).metadata["/Title"]
    assert title == f"{SOURCES.conf.cv_name} — {' '.join(SOURCES.variants[name]['title'].split())}"


def section_texts(text: str, headings: list[str]) -> list[str]:
    """The text under each heading (as :func:`letters`), the headings found in order."""
    lines = text.splitlines()
    starts, position = [], 0
    for heading in headings:
        found = next(i for i in range(position, len(lines)) if lines[i].strip() == heading)
        starts.append(found)
        position = found + 1
    ends = [*starts[1:], len(lines)]
    return [
        letters("\n".join(lines[start + 1 : end])) for start, end in zip(starts, ends, strict=True)
    ]


def shown_works(records: list[BibRecord], section: str) -> list[BibRecord]:
    """The works a section shows, by title: as many of a title as it shows it."""
    shown: list[BibRecord] = []
    for title in dict.fromkeys(record.title for record in records):
        times = section.count(letters(title))
        shown += [record for record in records if record.title == title][:times]
    return shown


@pytest.mark.skipif(not VARIANTS, reason="this CV declares no cv_variants")
@pytest.mark.parametrize("name", VARIANTS)
def test_each_variant_shows_what_its_declaration_selects(pdf_build: Path, name: str) -> None:
    settings = SOURCES.variants[name]
    text = text_layer(PdfReader(pdf_build / SOURCES.variant_pdf_name(name)))
    pages = {page.docname: page for page in SOURCES.sections}
    chosen = _pages(settings)
    titles = {k.removesuffix(".md"): v for k, v in settings.get("titles", {}).items()}
    headings = [titles.get(docname, pages[docname].title) for docname in chosen]
    assert in_order(headings, text) == []
    for docname, page in pages.items():
        if docname not in chosen and page.title not in headings:
            assert f"\n{page.title}\n" not in f"\n{text}\n", page.title
    for docname, section in zip(chosen, section_texts(text, headings), strict=True):
        page = pages[docname]
        rule = _section_rules(settings).get(docname, _rule(settings.get("entries")))
        kept = kept_entries(page.entries, rule)
        assert in_order([entry.title for entry in kept], section) == [], docname
        others = [entry for entry in page.entries if entry not in kept]
        unique = [e for e in others if sum(e.title == k.title for k in page.entries) == 1]
        for entry in unique:
            assert letters(entry.title) not in section, (docname, entry.title)
        for entry in kept:
            items = bullets(entry)
            shown = items[: rule["bullets"]] if "bullets" in rule else items
            for item in items:
                assert (letters(item)[:50] in section) == (item in shown), (entry.title, item)
        if "cv-publications" in page.directives:
            records = SOURCES.listed_publications(docname)
            own = _section_rules(settings).get(docname, _rule(settings.get("publications")))
            kept_works, count = kept_records(records, own)
            shown_here = shown_works(records, section)
            assert len(shown_here) == count, docname
            assert all(record in kept_works for record in shown_here)
            # The newest of what the rule keeps: a tie at the limit may go either way.
            if 0 < count < len(kept_works):
                boundary = _recency(kept_works[count - 1])
                assert all(_recency(record) >= boundary for record in shown_here)
        if "cv-talks" in page.directives:
            own = _section_rules(settings).get(docname, _rule(settings.get("talks")))
            kept_talks, count = kept_records(SOURCES.talks, own)
            assert len(shown_works(SOURCES.talks, section)) == count
            # Talks of one title differ by their event.
            events = [talk.field("eventtitle") for talk in SOURCES.talks]
            for talk in SOURCES.talks:
                event = talk.field("eventtitle")
                if event and events.count(event) == 1 and count == len(kept_talks):
                    assert (letters(event) in section) == (talk in kept_talks), event
