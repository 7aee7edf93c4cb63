"""Builds that are always right: every edit reaches every page it affects, and a
mistake fails every build until it is fixed.

Sphinx re-reads a page when its source (or a file it includes) changed, and
each builder writes the pages whose source is newer than its own output. A
CV built by two builders that share a doctree folder (the PDF, then the
website) is left stale by that: the PDF build re-reads an edited page, and
the website build then finds nothing to read and an output newer than the
source, so it writes nothing. The same holds for an edit of ``refs.bib`` or
of a ``cv_*`` value, for the whole-CV page (which shows every section), and
for every page's navigation when a section's title changes. And a page whose
error failed one build is not read again by the next, so the error vanishes
and the next build "succeeds" without the faulty entry.

This module keeps a small ledger beside the doctrees, ``cv-outputs.json``:

- for each HTML output folder, when each page was last read (Sphinx's own
  read time) as of the last time that page was written there, and a
  fingerprint of what every page shows besides its own text (the titles and
  tables of contents in the navigation, the engine's code, the PDF link). A
  page whose read time, or whose included pages' read times, differ from the
  ledger's is written again, whichever builder read it;
- for each output folder, the pages that had a warning or an error in its last
  build: every build reads them again, so the message comes again until it is
  fixed (a message found while writing one output, say an unresolved
  reference, is not lost when another builder reads the page next).

It also counts errors: a build with an error exits non-zero even without
``-W``, and the PDF builders leave no PDF behind from a failed build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util import logging as sphinx_logging

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = sphinx_logging.getLogger(__name__)

LEDGER = "cv-outputs.json"
LEDGER_VERSION = 1
ENGINE = Path(__file__).parent
#: Where a page names the other pages it shows (see :mod:`.assemble`).
ASSEMBLED = "cv_assembled_pages"
ALL_SECTIONS = "*"


class ProblemRecorder(logging.Handler):
    """Notes each warning and error of a build, and the page it belongs to."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(level=logging.WARNING)
        self.app = app
        self.errors = 0
        self.warnings = 0
        self.docnames: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        # Sphinx holds back the warnings of the reading phase and emits them
        # again afterwards: count each record once.
        if getattr(record, "cv_noted", False):
            return
        record.cv_noted = True
        suppressed = self.app.config.suppress_warnings
        if sphinx_logging.is_suppressed_warning(
            getattr(record, "type", ""), getattr(record, "subtype", ""), suppressed
        ):
            return
        if record.levelno >= logging.ERROR:
            self.errors += 1
        else:
            self.warnings += 1
        if docname := self.docname_of(record):
            self.docnames.add(docname)

    def docname_of(self, record: logging.LogRecord) -> str | None:
        """The page whose source the message is about, else the page being read."""
        env = getattr(self.app, "env", None)
        if env is None:  # conf.py's values are checked before there is an environment
            return None
        location = getattr(record, "location", None)
        found = None
        if isinstance(location, tuple):
            found = location[0] or None
        elif isinstance(location, nodes.Node):
            source, _ = get_source_line(location)
            found = env.path2doc(source) if source else None
        elif isinstance(location, str):
            path = location.rsplit(":", 1)[0] if ":" in location else location
            found = path if path in env.all_docs else env.path2doc(path)
        current = getattr(getattr(env, "current_document", None), "docname", "")
        return found or current or None

    @property
    def failed(self) -> bool:
        """Whether the build fails: an error, or a warning under ``-W``."""
        strict = getattr(self.app, "_fail_on_warnings", False)
        return self.errors > 0 or (strict and self.warnings > 0)


_recorders: weakref.WeakKeyDictionary[Sphinx, ProblemRecorder] = weakref.WeakKeyDictionary()


def recorder(app: Sphinx) -> ProblemRecorder | None:
    """This build's problem recorder (None before the builder starts)."""
    return _recorders.get(app)


def build_failed(app: Sphinx) -> bool:
    found = recorder(app)
    return found is not None and found.failed


def start_recording(app: Sphinx, config: object = None) -> None:
    handler = ProblemRecorder(app)
    _recorders[app] = handler
    logging.getLogger(sphinx_logging.NAMESPACE).addHandler(handler)


# -- the ledger ---------------------------------------------------------------------------


def ledger_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / LEDGER


def load_ledger(app: Sphinx) -> dict:
    try:
        data = json.loads(ledger_path(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"version": LEDGER_VERSION, "outputs": {}}
    if data.get("version") != LEDGER_VERSION:
        return {"version": LEDGER_VERSION, "outputs": {}}
    return data


def save_ledger(app: Sphinx, data: dict) -> None:
    path = ledger_path(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(path)


def output_key(app: Sphinx) -> str:
    return f"{app.builder.name}:{os.path.abspath(app.outdir)}"


def engine_files() -> list[Path]:
    """The engine's files (code, style, templates), without Python's caches; not its
    folders, whose times change whenever Python writes a cache."""
    return sorted(
        path for path in ENGINE.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    )


def engine_fingerprint() -> str:
    """Changes whenever a file of the engine does."""
    digest = hashlib.sha256()
    for path in engine_files():
        stat = path.stat()
        digest.update(f"{path.relative_to(ENGINE)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


# -- reading ------------------------------------------------------------------------------


def pages_to_read_again(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> Iterable[str]:
    """Pages whose last build (by any builder) had a problem, and every page when
    the engine changed."""
    outputs = load_ledger(app)["outputs"].values()
    again = {name for output in outputs for name in output.get("problem_pages", [])}
    again &= env.found_docs
    fingerprint = engine_fingerprint()
    if getattr(env, "cv_engine_fingerprint", None) != fingerprint:
        again |= env.found_docs
        env.cv_engine_fingerprint = fingerprint
    return sorted(again)


def forget_assembly(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, ASSEMBLED, {}).pop(docname, None)


def merge_assembly(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    mine = env.__dict__.setdefault(ASSEMBLED, {})
    for docname, shown in getattr(other, ASSEMBLED, {}).items():
        if docname in docnames:
            mine[docname] = shown


# -- writing ------------------------------------------------------------------------------


def tracks_pages(app: Sphinx) -> bool:
    """Builders that write one file per page, each only when Sphinx thinks it stale."""
    builder = app.builder
    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(
        builder, SingleFileHTMLBuilder
    )


def page_stamp(env: BuildEnvironment, docname: str) -> str:
    """When the page was read, and when every page it shows was."""
    shown = getattr(env, ASSEMBLED, {}).get(docname, ())
    if ALL_SECTIONS in shown:
        shown = sorted(env.found_docs)
    times = [env.all_docs.get(name, 0) for name in (docname, *shown)]
    return ",".join(str(time) for time in times)


def site_fingerprint(app: Sphinx) -> str:
    """What every page shows besides its own content."""
    env = app.env
    titles = sorted((name, title.astext()) for name, title in env.titles.items())
    tocs = sorted((name, list(children)) for name, children in env.toctree_includes.items())
    extra = app.emit("cv-site-fingerprint")
    payload = json.dumps([titles, tocs, engine_fingerprint(), extra], default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def stale_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages this output folder must write again, though Sphinx would not."""
    if not tracks_pages(app):
        return []
    written = load_ledger(app)["outputs"].get(output_key(app), {})
    if written.get("site") != site_fingerprint(app):
        return sorted(env.found_docs)
    pages = written.get("pages", {})
    return sorted(name for name in env.found_docs if pages.get(name) != page_stamp(env, name))


_written: weakref.WeakKeyDictionary[Sphinx, set[str]] = weakref.WeakKeyDictionary()


def note_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    _written.setdefault(app, set()).add(docname)


def finish(app: Sphinx, exception: BaseException | None) -> None:
    """Record what was written and which pages had problems; fail on errors."""
    found = recorder(app)
    written = _written.pop(app, set())
    if exception is not None or found is None:
        return
    logging.getLogger(sphinx_logging.NAMESPACE).removeHandler(found)
    ledger = load_ledger(app)
    output = ledger["outputs"].setdefault(output_key(app), {})
    output["problem_pages"] = sorted(found.docnames)
    if tracks_pages(app):
        output["site"] = site_fingerprint(app)
        pages = dict(output.get("pages", {}))
        for name in written:
            if name in found.docnames:
                pages.pop(name, None)  # written with a problem: write it again next time
            else:
                pages[name] = page_stamp(app.env, name)
        for name in set(pages) - set(app.env.all_docs):
            # The page's source is gone: so is its page, which no link reaches any more.
            Path(app.builder.get_outfilename(name)).unlink(missing_ok=True)
        output["pages"] = {name: pages[name] for name in sorted(pages) if name in app.env.all_docs}
    save_ledger(app, ledger)
    if found.errors:
        # An error fails the build, with or without -W.
        app.statuscode = 1


def setup(app: Sphinx) -> None:
    app.add_event("cv-site-fingerprint")
    # Before conf.py's values are checked, so that their errors count too.
    app.connect("config-inited", start_recording, priority=0)
    app.connect("env-get-outdated", pages_to_read_again)
    app.connect("env-purge-doc", forget_assembly)
    app.connect("env-merge-info", merge_assembly)
    app.connect("env-updated", stale_pages, priority=900)
    app.connect("doctree-resolved", note_written)
    app.connect("build-finished", finish, priority=900)
