"""Same sources and the same SOURCE_DATE_EPOCH give the same bytes, HTML and PDF."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from conftest import SOURCES, require_tex, run_sphinx
from pypdf import PdfReader

if TYPE_CHECKING:
    from pathlib import Path

EPOCH = "1700000000"


def build(builder: str, outdir: Path, doctrees: Path) -> None:
    # No PDF beside the sources: the HTML must not depend on an earlier local build.
    result = run_sphinx(
        "-W", "-n", "-q", "-b", builder, "-d", doctrees, "-D", "cv_pdf_path=missing.pdf",
        ".", outdir, env={"SOURCE_DATE_EPOCH": EPOCH},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_clean_html_builds_are_identical(tmp_path: Path) -> None:
    build("html", tmp_path / "one", tmp_path / "doctrees-one")
    build("html", tmp_path / "two", tmp_path / "doctrees-two")
    first, second = tree_digest(tmp_path / "one"), tree_digest(tmp_path / "two")
    assert len(first) > 20
    assert first == second


def test_two_clean_pdf_builds_are_identical(tmp_path: Path) -> None:
    require_tex()
    build("latexpdf", tmp_path / "one", tmp_path / "doctrees-one")
    build("latexpdf", tmp_path / "two", tmp_path / "doctrees-two")
    pdfs = sorted(path.name for path in (tmp_path / "one").glob("*.pdf"))
    assert pdfs == sorted(path.name for path in (tmp_path / "two").glob("*.pdf"))
    for name in pdfs:  # the full CV and each variant
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    first = tmp_path / "one" / SOURCES.pdf_name
    # The PDF's dates come from SOURCE_DATE_EPOCH, not from the clock.
    assert PdfReader(first).metadata["/CreationDate"].startswith("D:20231114")
