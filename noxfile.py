"""Development sessions: build the site and the PDF, test, lint, preview, benchmark;
start a new CV, take an engine update, build the reference, update the translations.

Every session installs from the one pinned ``requirements.txt``; ``nox`` alone
runs ``lint`` and ``tests``. Nothing here names a page or an entry of the CV:
the sessions work on anyone's CV.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.reuse_existing_virtualenvs = True

REQUIREMENTS = "requirements.txt"
# The cache lives beside the outputs, not inside the published HTML tree.
SPHINX_BUILD = ("sphinx-build", "-W", "-n", "--keep-going", "-d", "_build/doctrees")


def install(session: nox.Session) -> None:
    session.install("-r", REQUIREMENTS)


@nox.session
def html(session: nox.Session) -> None:
    """Build the website into _build/html."""
    install(session)
    session.run(*SPHINX_BUILD, "-b", "html", ".", "_build/html", *session.posargs)


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF into _build/latexpdf (needs TeX Live; see the README)."""
    install(session)
    session.run(*SPHINX_BUILD, "-b", "latexpdf", ".", "_build/latexpdf", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite; arguments go to pytest."""
    install(session)
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    install(session)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def bench(session: nox.Session) -> None:
    """Time the builds and weigh the landing page; e.g. ``nox -s bench -- --runs 3``."""
    install(session)
    session.run("python", "tools/bench.py", *session.posargs)


#: Lighthouse from npm, pinned; installed once into this cache folder.
LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE_CACHE = Path(".nox/_lighthouse")


@nox.session
def lighthouse(session: nox.Session) -> None:
    """Build the website and score each page kind with Lighthouse (needs npm and
    chromium); e.g. ``nox -s lighthouse -- --runs 2``."""
    install(session)
    package = LIGHTHOUSE_CACHE / "node_modules" / "lighthouse" / "package.json"
    if not package.exists() or json.loads(package.read_text())["version"] != LIGHTHOUSE_VERSION:
        session.run(
            "npm",
            "install",
            "--prefix",
            str(LIGHTHOUSE_CACHE),
            "--no-save",
            "--no-audit",
            "--no-fund",
            f"lighthouse@{LIGHTHOUSE_VERSION}",
            external=True,
        )
    binary = LIGHTHOUSE_CACHE / "node_modules" / ".bin" / "lighthouse"
    session.run(*SPHINX_BUILD, "-b", "html", ".", "_build/html")
    session.run(
        "python",
        "tools/lighthouse.py",
        "_build/html",
        "--lighthouse",
        str(binary),
        *session.posargs,
    )


@nox.session
def serve(session: nox.Session) -> None:
    """Preview the website, rebuilt on every save, at http://127.0.0.1:8000."""
    install(session)
    session.run(
        "sphinx-autobuild",
        "-n",
        "--watch",
        "_ext",
        "--re-ignore",
        r"(_build|\.nox|tests)/",
        ".",
        "_build/html",
        *session.posargs,
    )


@nox.session
def docs(session: nox.Session) -> None:
    """Build the engine's reference (docs/) into _build/docs."""
    install(session)
    session.run("sphinx-build", "-W", "-n", "--keep-going", "-b", "html", "docs", "_build/docs")


# The next two need only Python and git: no virtualenv, nothing to install.
@nox.session(python=False)
def new(session: nox.Session) -> None:
    """Start a new CV: ``nox -s new -- DEST --name "Jane Doe" --email jane@example.org``."""
    session.run(sys.executable, "tools/new_cv.py", *session.posargs, external=True)


@nox.session(name="update-engine", python=False)
def update_engine(session: nox.Session) -> None:
    """Take the engine of a git revision: ``nox -s update-engine -- upstream/main``."""
    session.run(sys.executable, "tools/update_engine.py", *session.posargs, external=True)


@nox.session
def translations(session: nox.Session) -> None:
    """Extract the engine's messages and update and compile each language's catalog:
    ``nox -s translations``, ``nox -s translations -- --add fr``, ``-- --check``."""
    install(session)
    session.run("python", "tools/catalog.py", *session.posargs)
