"""The large synthetic CV of ``tools/synthetic_cv.py``, which the benchmark measures.

A seed writes the same project byte for byte; its bib file holds the papers and talks
asked for, each naming the owner in a form of ``cv_highlight_names``; its pages hold
the entries asked for; and a small one builds ``-W -n`` clean, with the benchmark
finding every paper on its publication page. Nothing here is timed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from conftest import load_tool, run_sphinx
from cv.bibauthors import highlighted_keys, names_owner
from pybtex.database import parse_string

if TYPE_CHECKING:
    from pathlib import Path

#: The entry directives; the lists of papers and talks are not entries.
ENTRY = re.compile(r"^:::\{cv-(entry|grant|award|teaching|supervision|service)\}", re.MULTILINE)
#: What the generator writes besides the engine: the CV's own content.
CONTENT = ("conf.py", "index.md", "full-cv.md", "refs.bib")


synthetic_cv = load_tool("synthetic_cv")


def generate(destination: Path, *arguments: str) -> Path:
    assert synthetic_cv.main([*arguments, str(destination)]) == 0
    return destination


def content(project: Path) -> dict[str, bytes]:
    files = [project / name for name in CONTENT] + sorted((project / "sections").glob("*.md"))
    return {path.relative_to(project).as_posix(): path.read_bytes() for path in files}


def test_a_seed_writes_the_same_cv_and_another_seed_another(tmp_path: Path) -> None:
    small = ("--papers", "30", "--talks", "6", "--entries", "12")
    first = generate(tmp_path / "first", *small, "--seed", "3")
    again = generate(tmp_path / "again", *small, "--seed", "3")
    other = generate(tmp_path / "other", *small, "--seed", "4")
    assert content(first) == content(again)
    assert (first / "refs.bib").read_bytes() != (other / "refs.bib").read_bytes()
    assert ENTRY.findall((first / "sections" / "teaching.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("papers", "talks", "entries"), [(7, 3, 7), (300, 80, 60)])
def test_the_cv_has_the_papers_talks_and_entries_asked_for(
    tmp_path: Path, papers: int, talks: int, entries: int
) -> None:
    arguments = ("--papers", str(papers), "--talks", str(talks), "--entries", str(entries))
    project = generate(tmp_path / "cv", *arguments)
    bib = parse_string((project / "refs.bib").read_text(encoding="utf-8"), "bibtex")
    spoken = [
        entry
        for entry in bib.entries.values()
        if "talk" in re.split(r"[,;]\s*", entry.fields.get("keywords", "").lower())
    ]
    written = [entry for entry in bib.entries.values() if entry not in spoken]
    assert (len(written), len(spoken)) == (papers, talks)
    # Every entry names her in a form the build recognises, or it would warn.
    owner = highlighted_keys(synthetic_cv.HIGHLIGHT_NAMES)
    assert [entry.key for entry in bib.entries.values() if not names_owner(entry, owner)] == []
    # About one paper in ten has 30 to 45 authors (Scholar's export keeps 20 of them).
    crowded = [entry for entry in written if len(entry.persons.get("author", [])) >= 20]
    assert len(crowded) == round(papers / 10)
    dated = [entry.fields.get("year") or entry.fields.get("date", "") for entry in written]
    years = [int(value[:4]) for value in dated if value]  # a work submitted has none
    if papers >= 100:
        assert max(years) - min(years) >= 25
    pages = (project / "sections").glob("*.md")
    assert sum(len(ENTRY.findall(page.read_text(encoding="utf-8"))) for page in pages) == entries
    publications = (project / "sections" / "publications.md").read_text(encoding="utf-8")
    assert ":group-by: kind" in publications


def test_a_small_synthetic_cv_builds_clean_and_the_bench_finds_its_papers(
    tmp_path: Path,
) -> None:
    project = generate(tmp_path / "cv", "--papers", "20", "--talks", "5", "--entries", "9")
    outdir = tmp_path / "html"
    result = run_sphinx("-W", "-n", "-q", "-b", "html", project, outdir, "-d", tmp_path / "d")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    bench = load_tool("bench")
    page = bench.publication_page(outdir)
    assert page is not None
    assert (page.path, page.papers) == ("sections/publications.html", 20)
