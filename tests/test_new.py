"""A new CV from this one (``nox -s new``), and an engine update that leaves content alone.

CI also runs the new CV's own lint and test suite (``.ci/run``); here it is
built with ``-W -n`` both ways and searched for any trace of this CV's owner.
The engine update is tried on a copy of this project: a newer engine (added,
changed and removed files) replaces the old one, the content stays byte for
byte, and both outputs still build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import GIT_IDENTITY, PROJECT, SOURCES, project_copy, require_tex, text_layer
from cv.project import engine_paths, in_engine
from cvsource import letters
from pypdf import PdfReader

if TYPE_CHECKING:
    from pathlib import Path

NEW_CV = PROJECT / "tools" / "new_cv.py"
UPDATE = PROJECT / "tools" / "update_engine.py"
#: The new person: any but this CV's owner (a CV made by ``nox -s new`` runs this too).
NAME, EMAIL = next(
    (name, email)
    for name, email in (("Noor T. Sample", "noor@example.org"), ("Ines Probe", "ines@example.org"))
    if letters(name) != letters(SOURCES.conf.cv_name)
)


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A command as a user runs it: this project's Python, no PYTHONPATH of ours."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd, env={**environment, **GIT_IDENTITY}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def build(project: Path, builder: str) -> Path:
    outdir = project / "_build" / builder
    sphinx = (sys.executable, "-m", "sphinx", "-W", "-n", "-q", "-d", project / "_build/doctrees")
    run(*sphinx, "-b", builder, ".", outdir, cwd=project)
    return outdir


def owner_traces() -> list[str]:
    """What would give this CV's owner away: their names, addresses, the forms of their
    name in bib files (as written, and first names first) and the PDF's name. (A family
    name alone may be a word of any text: "Young", "Example".)"""
    conf = SOURCES.conf
    values = [conf.cv_name, conf.cv_full_name, conf.cv_email, conf.cv_website]
    for name in conf.cv_highlight_names:
        family, _, given = name.partition(",")
        values += [name, f"{given} {family}"]
    values += [conf.latex_documents[0][1].removesuffix(".tex")]
    return sorted({value.strip().rstrip("/") for value in values if len(value.strip()) > 3})


@pytest.fixture(scope="module")
def new_cv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("new") / "cv"
    run(sys.executable, NEW_CV, dest, "--name", NAME, "--email", EMAIL, cwd=PROJECT)
    return dest


def test_new_cv_has_content_of_its_own_and_the_engine(new_cv: Path) -> None:
    for name in ("conf.py", "index.md", "refs.bib", "README.md", "noxfile.py", ".ci/run",
                 ".readthedocs.yaml", ".github/workflows/pages.yml", "requirements.txt",
                 "_ext/cv/__init__.py", "_ext/cv/CHANGELOG.md", "docs/index.md",
                 "tests/conftest.py", "tests/roots", "tests/owner"):  # fmt: skip
        assert (new_cv / name).exists(), name
    assert list((new_cv / "sections").glob("*.md"))
    assert not (new_cv / "tests" / "owner" / "test_seed_facts.py").exists()
    staged = run("git", "ls-files", cwd=new_cv).stdout.split()
    assert "conf.py" in staged
    assert "_ext/cv/project.py" in staged


def test_new_cv_has_no_trace_of_this_owner_in_any_file(new_cv: Path) -> None:
    traces = [letters(trace) for trace in owner_traces()]
    for path in new_cv.rglob("*"):
        if ".git" in path.parts or not path.is_file():
            continue
        text = letters(path.read_text(encoding="utf-8", errors="replace"))
        for trace, original in zip(traces, owner_traces(), strict=True):
            assert trace not in text, (path.relative_to(new_cv), original)


def test_new_cv_builds_both_outputs_and_they_name_the_new_person(new_cv: Path) -> None:
    require_tex()
    pdf_dir = build(new_cv, "latexpdf")
    stem = re.sub(r"\W+", "-", NAME.lower()).strip("-") + "-cv"
    # The full CV, and the starter's variants: a short CV and a résumé.
    made = sorted(path.name for path in pdf_dir.glob("*.pdf"))
    assert made == [f"{stem}-resume.pdf", f"{stem}-short.pdf", f"{stem}.pdf"]
    pdf = pdf_dir / f"{stem}.pdf"
    html = build(new_cv, "html")
    text = text_layer(PdfReader(pdf))
    assert text.splitlines()[0].strip() == NAME
    site = " ".join(path.read_text(encoding="utf-8") for path in html.rglob("*.html"))
    assert NAME in site
    assert f"mailto:{EMAIL}" in site
    assert (html / pdf.name).is_file()
    for trace in owner_traces():
        assert letters(trace) not in letters(text), trace
        assert letters(trace) not in letters(site), trace


def test_a_name_that_cannot_be_a_file_name_still_names_the_pdf(tmp_path: Path) -> None:
    dest = tmp_path / "cv"
    run(sys.executable, NEW_CV, dest, "--name", "Zoë O'Brien-Ng", "--email", EMAIL, cwd=PROJECT)
    conf = (dest / "conf.py").read_text(encoding="utf-8")
    assert '"zoe-obrien-ng-cv.tex"' in conf
    assert 'cv_highlight_names = ["O\'Brien-Ng, Zoë"]' in conf
    assert "O'Brien-Ng, Zoë" in (dest / "refs.bib").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "bib_name"),
    [
        ("Anna van der Berg", "van der Berg, Anna"),
        ("Martin Luther King Jr.", "King, Jr., Martin Luther"),
        ("Carlos de la Fuente", "de la Fuente, Carlos"),
    ],
)
def test_the_bib_form_of_a_name_keeps_particles_and_suffixes(
    tmp_path: Path, name: str, bib_name: str
) -> None:
    """The starter's papers name the person as bib files do, and the build sets that
    name in bold: a wrong form would be a warning (-W fails) on every paper."""
    dest = tmp_path / "cv"
    run(sys.executable, NEW_CV, dest, "--name", name, "--email", EMAIL, cwd=PROJECT)
    assert f"cv_highlight_names = [{json.dumps(bib_name, ensure_ascii=False)}]" in (
        dest / "conf.py"
    ).read_text(encoding="utf-8")
    html = build(dest, "html")
    page = (html / "sections" / "publications.html").read_text(encoding="utf-8")
    # The three papers of the starter, each naming the person once, in bold.
    assert page.count(f"<strong>{name}</strong>") == 3


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "something").write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, NEW_CV, tmp_path, "--name", NAME, "--email", EMAIL],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "is not empty" in result.stderr


# -- engine updates --------------------------------------------------------------------


def digest(project: Path, names: list[str]) -> dict[str, str]:
    return {name: hashlib.sha256((project / name).read_bytes()).hexdigest() for name in names}


def test_an_engine_update_replaces_the_engine_and_keeps_the_content(tmp_path: Path) -> None:
    fork = project_copy(tmp_path / "fork", commit=True)
    upstream = project_copy(tmp_path / "upstream", commit=True)
    # A newer engine: a changed module, a new file, a removed test root, a new version.
    init = upstream / "_ext/cv/__init__.py"
    init.write_text(re.sub(r'__version__ = "[^"]+"', '__version__ = "99.0.0"', init.read_text()))
    changelog = upstream / "_ext/cv/CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    first = text.index("\n## ")
    changelog.write_text(f"{text[:first]}\n## 99.0.0\n\n- A newer engine.\n{text[first:]}")
    (upstream / "_ext/cv/newer.txt").write_text("new in 99\n", encoding="utf-8")
    shutil.rmtree(upstream / "tests/roots/test-texerror")
    # Upstream's own content changes too; the fork must not take any of it.
    (upstream / "index.md").write_text("# Upstream's landing page\n", encoding="utf-8")
    run("git", "add", "-A", cwd=upstream)
    run("git", "commit", "-q", "-m", "engine 99", cwd=upstream)

    tracked = run("git", "ls-files", cwd=fork).stdout.split()
    content = [name for name in tracked if not in_engine(name, *engine_paths())]
    assert "conf.py" in content
    assert "refs.bib" in content
    before = digest(fork, content)
    run("git", "fetch", "-q", upstream, "main", cwd=fork)
    result = run(sys.executable, "tools/update_engine.py", "FETCH_HEAD", cwd=fork)

    assert "→ 99.0.0" in result.stdout
    assert "A newer engine." in result.stdout
    assert digest(fork, content) == before
    assert (fork / "_ext/cv/newer.txt").is_file()
    assert not (fork / "tests/roots/test-texerror").exists()
    differences = run("git", "diff", "--staged", "--stat", "FETCH_HEAD", "--", *engine(), cwd=fork)
    assert differences.stdout == ""
    build(fork, "html")
    require_tex()
    build(fork, "latexpdf")


def test_an_update_refuses_local_changes_to_the_engine(tmp_path: Path) -> None:
    fork = project_copy(tmp_path / "fork", commit=True)
    (fork / "_ext/cv/entry.py").write_text("# edited\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "tools/update_engine.py", "HEAD"],
        cwd=fork, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "uncommitted changes" in result.stderr
    assert "_ext/cv/entry.py" in result.stderr


def engine() -> list[str]:
    """The engine's paths as git pathspecs."""
    included, excluded = engine_paths()
    return [*included, *(f":(exclude){path}" for path in excluded)]


@pytest.mark.parametrize(
    ("name", "slug"),
    # Fictional names only: a CV made from this engine must not find its owner here.
    [("Zoë O'Brien-Example", "zoe-obrien-example"), ("Ørjan Exampleson", "orjan-exampleson"),
     ("Łucja Großexample", "lucja-grossexample"), ("Æsa Þórexample", "aesa-thorexample")],
)  # fmt: skip
def test_file_names_keep_every_letter_of_the_name(tmp_path: Path, name: str, slug: str) -> None:
    """Letters Unicode does not decompose (Ø, Ł, ß, Æ, Þ) are spelt out, not dropped."""
    run(sys.executable, NEW_CV, tmp_path / "cv", "--name", name, "--email", "x@example.org",
        cwd=tmp_path)  # fmt: skip
    conf = (tmp_path / "cv" / "conf.py").read_text(encoding="utf-8")
    assert f'"{slug}-cv.tex"' in conf
