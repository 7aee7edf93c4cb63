"""Python's garbage collector during a build: what lives for the whole build is
left out of its passes, and out of the pass that ends the process.

A build makes hundreds of thousands of objects that live until it ends: the
modules Sphinx and its extensions import, the environment unpickled from the last
build (the parsed bib files, every formatted entry), and the doctrees read. Each
full pass of the cyclic collector walks all of them: a no-change rebuild of a
300-paper CV spent about as long in one such pass as in the rest of its own work,
and the interpreter's own pass as ``sphinx-build`` exits took a third of a second.

``gc.freeze()`` moves every object tracked so far into a generation the collector
never walks. It is called when the configuration is read (the imports are done),
when the builder starts (the last build's environment is loaded) and when the
environment is updated (the sources are read). The objects stay frozen when the
build ends, for the exit that usually follows; reference counting still frees
every object that is not in a cycle. A process that builds again (the tests, an
application embedding Sphinx) gives them back, and reclaims the earlier build's
cycles, before its next build freezes anything.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


class _Held:
    """Whether this process holds objects frozen by an earlier build."""

    frozen = False


def freeze_long_lived(*_event_args: object) -> None:
    gc.freeze()
    _Held.frozen = True


def start_build(app: Sphinx, config: Config) -> None:
    """A later build in the same process first reclaims what the earlier ones left."""
    if _Held.frozen:
        gc.unfreeze()
        gc.collect()
        _Held.frozen = False
    freeze_long_lived()


def setup(app: Sphinx) -> None:
    # Early in each event: what the handlers after it make is still collected.
    app.connect("config-inited", start_build, priority=0)
    app.connect("builder-inited", freeze_long_lived, priority=0)
    # Late: after sphinxcontrib-bibtex (500) and the engine have made the lists.
    app.connect("env-updated", freeze_long_lived, priority=999)
