"""Replace the CV's engine with another version of it, leaving the content alone.

``nox -s update-engine -- upstream/main`` (or ``python tools/update_engine.py
REF``) takes the engine from a git revision, usually the upstream repository
the CV was started from (``git remote add upstream URL; git fetch upstream``):
every path that ``_ext/cv/engine-files.txt`` lists *in that revision* (the
engine, its tests and test roots, tools, reference, CI, pinned requirements)
becomes exactly as it is there: changed files are updated, new ones added,
files the new engine no longer has removed. Nothing else is touched: not
``conf.py``, the pages, ``refs.bib``, ``_static/``, the README, nor the
owner's own tests in ``tests/owner/``.

The result is staged, not committed: review it (``git diff --staged``), run
``nox``, then commit. The engine's version before and after, and the
changelog entries in between, are printed. It refuses to run when the
engine's files have uncommitted changes, so that no local edit is lost.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The engine's project module alone: the package would need Sphinx installed.
sys.path.insert(0, str(ROOT / "_ext" / "cv"))
from project import engine_paths, in_engine  # noqa: E402

MANIFEST = "_ext/cv/engine-files.txt"
VERSION_FILE = "_ext/cv/__init__.py"
CHANGELOG = "_ext/cv/CHANGELOG.md"
VERSION = re.compile(r'^__version__ = "([^"]+)"', re.MULTILINE)


class UpdateError(Exception):
    """Why the engine cannot be updated; nothing was changed."""


def git(*args: str, cwd: Path = ROOT) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise UpdateError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def show(revision: str, path: str, cwd: Path) -> str:
    """A file's text at ``revision`` ("" when it has none)."""
    try:
        return git("show", f"{revision}:{path}", cwd=cwd)
    except UpdateError:
        return ""


def engine_files(paths: list[str], kept_out: list[str], listing: str) -> set[str]:
    """The files of ``listing`` (one path per line) inside the engine's paths."""
    return {name for name in listing.splitlines() if in_engine(name, paths, kept_out)}


def version(text: str) -> str:
    found = VERSION.search(text)
    return found.group(1) if found else "unknown"


def update(revision: str, project: Path = ROOT) -> tuple[str, str, list[str], list[str]]:
    """Make the engine in ``project`` that of ``revision``; return the versions
    before and after, and the files added or changed, and removed."""
    git("rev-parse", "--verify", f"{revision}^{{commit}}", cwd=project)
    new_manifest = show(revision, MANIFEST, project)
    if not new_manifest:
        raise UpdateError(f"{revision} has no {MANIFEST}: it is not a version of this engine")
    old_paths, old_kept = engine_paths((project / MANIFEST).read_text(encoding="utf-8"))
    paths, kept_out = engine_paths(new_manifest)
    dirty = git("status", "--porcelain", "--", *old_paths, *paths, cwd=project)
    # Porcelain lines are "XY path": the owner's files inside an engine folder do not count.
    dirty_lines = [
        line
        for line in dirty.splitlines()
        if in_engine(line[3:], [*old_paths, *paths], [*old_kept, *kept_out])
    ]
    if dirty_lines:
        raise UpdateError(
            "the engine's files have uncommitted changes; commit or stash them first:\n"
            + "\n".join(dirty_lines)
        )
    before = version((project / VERSION_FILE).read_text(encoding="utf-8"))
    ours = engine_files(
        sorted({*old_paths, *paths}), [*old_kept, *kept_out], git("ls-files", cwd=project)
    )
    theirs = engine_files(
        paths, kept_out, git("ls-tree", "-r", "--name-only", revision, cwd=project)
    )
    removed = sorted(ours - theirs)
    if removed:
        git("rm", "-q", "--", *removed, cwd=project)
    changed = sorted(theirs)
    git("checkout", revision, "--", *changed, cwd=project)
    after = version((project / VERSION_FILE).read_text(encoding="utf-8"))
    status = git("diff", "--staged", "--name-only", "--", *changed, cwd=project).split()
    return before, after, status, removed


def changes_between(changelog: str, before: str) -> str:
    """The changelog's entries newer than ``before`` (its ``## <version>`` headings)."""
    sections = re.split(r"(?m)^(?=## )", changelog)
    newer = []
    for section in sections:
        heading = re.match(r"## \[?([\w.\-]+)", section)
        if heading and heading.group(1) == before:
            break
        if heading:
            newer.append(section.rstrip())
    return "\n\n".join(newer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "revision",
        nargs="?",
        default="upstream/main",
        help="the engine's version to take: a branch, tag or commit (default: upstream/main)",
    )
    options = parser.parse_args(argv)
    try:
        before, after, changed, removed = update(options.revision)
    except UpdateError as error:
        print(f"update-engine: {error}", file=sys.stderr)
        return 1
    print(f"Engine {before} → {after} from {options.revision}:")
    print(f"  {len(changed)} file(s) added or changed, {len(removed)} removed (staged).")
    news = changes_between((ROOT / CHANGELOG).read_text(encoding="utf-8"), before)
    if news:
        print("\n" + news + "\n")
    print("Your content is untouched. Next: `nox` (lint and tests), then `git commit`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
