"""A replica of Read the Docs' build of this project, to run here and in CI.

Read the Docs (the readthedocs/readthedocs.org repository: ``doc_builder/
director.py``, ``doc_builder/backends/sphinx.py``, ``projects/tasks/builds.py``)
builds a push like this, and so does this script:

1. **Checkout**: a fresh copy of the repository (here: the files git tracks).
2. **Environment**: a virtualenv with ``python.install`` (here: the Python this
   script runs with, installed from the same ``requirements.txt`` by CI).
3. **Build**, in the checkout, each command in a new shell with Read the Docs'
   environment variables (``READTHEDOCS``, ``READTHEDOCS_OUTPUT``,
   ``READTHEDOCS_VERSION``, ``READTHEDOCS_VERSION_TYPE``...):
   ``build.jobs.pre_build``; then ``html`` and each of ``formats`` (none for a
   pull-request preview), each with the project's ``build.jobs.build.<format>``
   commands if it gives them, else Read the Docs' own Sphinx commands; then
   ``build.jobs.post_build``. Any command that fails fails the build.
   Read the Docs' own PDF commands are replicated with their quirks: no
   ``-W``, ``latexmk -f``, and success whenever TeX printed "Output written on".
4. **Output checks**: ``$READTHEDOCS_OUTPUT/html/index.html`` must exist, a
   format's folder must hold exactly one file, and a ``_build/html`` folder in
   the checkout fails the build.

Usage: ``python tools/readthedocs.py [--preview] [--default-commands]
[--project-slug SLUG] [--keep DIR] [PROJECT_DIR]``. Exit status 0 when Read
the Docs would publish the build, 1 (with the failing command's output, or
Read the Docs' message) otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

OUTPUT_WRITTEN = re.compile(r"Output written on (\S+\.pdf)")
#: The formats Read the Docs publishes, each from its own output folder.
SINGLE_FILE_FORMATS = ("pdf", "epub", "htmlzip")


class BuildError(Exception):
    """Read the Docs would fail the build, with this message."""


def checkout(source: Path, destination: Path) -> Path:
    """A fresh copy of what git tracks: what Read the Docs clones for a push."""
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=source, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        path = Path(os.fsdecode(name))
        if not (source / path).is_file():
            continue  # deleted in the working tree
        (destination / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / path, destination / path)
    return destination


def environment(checkout_dir: Path, slug: str, preview: bool) -> dict[str, str]:
    """The variables Read the Docs sets for a branch build or a pull-request preview."""
    version = "42" if preview else "latest"
    host = f"{slug}--{version}.org.readthedocs.build" if preview else f"{slug}.readthedocs.io"
    python = Path(sys.executable).parent
    return {
        **os.environ,
        "PATH": f"{python}{os.pathsep}{os.environ.get('PATH', '')}",
        "READTHEDOCS": "True",
        "READTHEDOCS_PROJECT": slug,
        "READTHEDOCS_LANGUAGE": "en",
        "READTHEDOCS_VERSION": version,
        "READTHEDOCS_VERSION_NAME": version,
        "READTHEDOCS_VERSION_TYPE": "external" if preview else "branch",
        "READTHEDOCS_OUTPUT": f"{checkout_dir / '_readthedocs'}/",
        "READTHEDOCS_CANONICAL_URL": f"https://{host}/en/{version}/",
        "READTHEDOCS_VIRTUALENV_PATH": str(python.parent),
        "READTHEDOCS_REPOSITORY_PATH": str(checkout_dir),
        "READTHEDOCS_PRODUCTION_DOMAIN": "readthedocs.org",
    }


def run(command: str, cwd: Path, env: dict[str, str], *, latex: bool = False) -> None:
    """One command, in a new shell; a non-zero exit fails the build, except that Read
    the Docs takes a LaTeX run as passed whenever TeX wrote a PDF."""
    print(f"$ {command}", flush=True)
    result = subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    if result.returncode != 0 and not (latex and OUTPUT_WRITTEN.search(output)):
        raise BuildError(f"{command!r} exited with {result.returncode}:\n{output.strip()}")


def default_commands(format_: str, config: dict, slug: str) -> list[tuple[str, bool]]:
    """Read the Docs' own commands for a Sphinx project: ``(command, is_latex)``."""
    conf_dir = str(Path(config.get("sphinx", {}).get("configuration", "conf.py")).parent)
    strict = "-W --keep-going " if config.get("sphinx", {}).get("fail_on_warning") else ""
    if format_ == "html":
        return [
            (
                f"python -m sphinx -T {strict}-b html -d _build/doctrees -D language=en "
                f"{conf_dir} $READTHEDOCS_OUTPUT/html",
                False,
            )
        ]
    if format_ == "pdf":
        return [
            (
                "python -m sphinx -T -b latex -d _build/doctrees -D language=en "
                f"{conf_dir} $READTHEDOCS_OUTPUT/pdf",
                False,
            ),
            (
                "cd $READTHEDOCS_OUTPUT/pdf && latexmk -r latexmkrc -pdf -f -dvi- -ps- "
                f"-jobname={slug} -interaction=nonstopmode",
                True,
            ),
        ]
    raise BuildError(f"this replica has no default commands for the {format_} format")


def keep_the_pdf_only(folder: Path) -> None:
    """After Read the Docs' own LaTeX run: the PDF is kept, the rest removed (if
    there is no PDF, nothing is, and the check of the folder fails)."""
    pdfs = list(folder.glob("*.pdf"))
    if not pdfs:
        return
    for path in folder.iterdir():
        if path not in pdfs:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def check_output(checkout_dir: Path, output: Path, formats: list[str]) -> None:
    if (checkout_dir / "_build" / "html").exists():
        raise BuildError(
            "a _build/html folder is in the checkout: Read the Docs fails such a build; "
            "write the site to $READTHEDOCS_OUTPUT/html"
        )
    if not (output / "html" / "index.html").is_file():
        raise BuildError("$READTHEDOCS_OUTPUT/html/index.html was not written")
    for format_ in formats:
        folder = output / format_
        if not folder.is_dir():
            continue
        files = list(folder.iterdir())
        if len(files) != 1:
            raise BuildError(
                f"Build output directory for format {format_!r} contains multiple files "
                f"and it is not currently supported ({len(files)} files)"
            )


def build(
    source: Path, workdir: Path, *, slug: str, preview: bool, own_commands: bool = True
) -> Path:
    """Build as Read the Docs would; return the output folder (``_readthedocs``).

    ``own_commands=False`` ignores the project's ``build.jobs.build``: what Read
    the Docs runs for a project that does not give its own commands.
    """
    config = yaml.safe_load((source / ".readthedocs.yaml").read_text(encoding="utf-8"))
    if config.get("version") != 2:
        raise BuildError(".readthedocs.yaml must say version: 2")
    checkout_dir = checkout(source, workdir)
    env = environment(checkout_dir, slug, preview)
    output = Path(env["READTHEDOCS_OUTPUT"])
    jobs = config.get("build", {}).get("jobs", {}) or {}
    for command in jobs.get("pre_build", []) or []:
        run(command, checkout_dir, env)
    # Pull-request previews build the website only.
    formats = [] if preview else [f for f in config.get("formats", []) if f != "html"]
    for format_ in ["html", *formats]:
        own = (jobs.get("build") or {}).get(format_) if own_commands else None
        steps = [(command, False) for command in own] if own else None
        for command, latex in steps or default_commands(format_, config, slug):
            run(command, checkout_dir, env, latex=latex)
        if not own and format_ == "pdf":
            keep_the_pdf_only(output / "pdf")
    for command in jobs.get("post_build", []) or []:
        run(command, checkout_dir, env)
    check_output(checkout_dir, output, formats)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", nargs="?", default=".", type=Path)
    parser.add_argument("--preview", action="store_true", help="a pull-request preview")
    parser.add_argument("--project-slug", default="cv", help="the Read the Docs project's name")
    parser.add_argument("--keep", type=Path, help="build here, and keep it (default: a temp dir)")
    parser.add_argument(
        "--default-commands",
        action="store_true",
        help="ignore the project's build.jobs.build: Read the Docs' own commands",
    )
    arguments = parser.parse_args(argv)
    workdir = arguments.keep or Path(tempfile.mkdtemp(prefix="rtd-replica-"))
    try:
        output = build(
            arguments.project.resolve(),
            workdir,
            slug=arguments.project_slug,
            preview=arguments.preview,
            own_commands=not arguments.default_commands,
        )
    except BuildError as failure:
        print(f"Read the Docs would fail this build: {failure}", file=sys.stderr)
        return 1
    finally:
        if arguments.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"Read the Docs would publish {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
