"""The garbage collector during a build (:mod:`cv.collector`): long-lived objects
are frozen out of its passes while the build runs and as the process exits, and a
later build in the same process reclaims what the earlier one left."""

from __future__ import annotations

import gc
import weakref
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="assemble")
def test_frozen_while_the_build_runs_and_after_it(app: SphinxTestApp) -> None:
    frozen: dict[str, int] = {}

    def note(event: str) -> None:
        frozen[event] = gc.get_freeze_count()

    # Last in each event, after the engine's own handlers.
    app.connect("env-updated", lambda _app, _env: note("env-updated"), priority=1000)
    app.connect("write-started", lambda _app, _builder: note("write-started"), priority=1000)
    app.build()
    # (Reference counting still frees frozen objects: the counts may go down.)
    assert frozen["env-updated"] > 0
    assert frozen["write-started"] > 0
    # Held for the exit that usually follows a build.
    assert gc.get_freeze_count() > 0


def test_a_later_build_reclaims_what_an_earlier_one_left(
    make_app: Callable[..., SphinxTestApp], rootdir: object
) -> None:
    """A page's doctree is a cycle (each node points to its parent): frozen, it
    outlives the build that wrote it, until the next build in the process."""
    resolved: list[weakref.ref[nodes.document]] = []
    first = make_app("html", srcdir=rootdir / "test-assemble")
    first.connect(
        "doctree-resolved", lambda _app, doctree, _name: resolved.append(weakref.ref(doctree))
    )
    first.build()
    assert resolved
    gc.collect()
    assert any(ref() is not None for ref in resolved), "nothing was frozen"
    make_app("html", srcdir=rootdir / "test-assemble")
    assert all(ref() is None for ref in resolved)
