"""The project's layout: the engine's own files are never pages of the CV.

The engine's folders (the reference in ``docs/``, the tests, the tools and
their starter pages, CI) hold Markdown that is not part of the CV. They are
listed once, in ``engine-files.txt`` (which the engine update and ``nox -s
new`` also read), and left out of the build here, together with build output
and tool caches, so that ``conf.py`` need not know them and a newer engine that
adds a folder needs no edit of it. This module needs nothing but the standard
library: ``tools/new_cv.py`` and ``tools/update_engine.py`` import it on its own,
where Sphinx may not be installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config

MANIFEST = Path(__file__).with_name("engine-files.txt")
#: Not sources either: build output, environments and caches, the repository's README.
NOT_SOURCES = (
    "_build", "_site", "_readthedocs", ".nox", ".venv", ".git", ".pytest_cache",
    ".ruff_cache", "README.md", "LICENSE*", "CHANGELOG.md",
)  # fmt: skip


def engine_paths(manifest: str | None = None) -> tuple[list[str], list[str]]:
    """The engine's paths and the paths kept out of them, from ``engine-files.txt``
    (or from ``manifest``, its text as another version of the engine has it)."""
    text = MANIFEST.read_text(encoding="utf-8") if manifest is None else manifest
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    return (
        [line for line in lines if not line.startswith("!")],
        [line[1:] for line in lines if line.startswith("!")],
    )


def in_engine(name: str, paths: Iterable[str], kept_out: Iterable[str]) -> bool:
    """Whether the file ``name`` (a path from the project's folder, with "/") is the
    engine's, by the manifest's ``paths`` and the paths it keeps out."""

    def under(path: str) -> bool:
        return name == path or (path.endswith("/") and name.startswith(path))

    return any(map(under, paths)) and not any(map(under, kept_out))


def exclude_engine(app: Sphinx, config: Config) -> None:
    folders = [path.split("/", 1)[0] for path in engine_paths()[0] if path.endswith("/")]
    added = [name for name in (*folders, *NOT_SOURCES) if name not in config.exclude_patterns]
    config.exclude_patterns = [*config.exclude_patterns, *added]


def setup(app: Sphinx) -> None:
    app.connect("config-inited", exclude_engine)
