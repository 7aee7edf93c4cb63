"""A misspelled ``cv_*`` value in ``conf.py`` is an error.

Sphinx ignores a name in ``conf.py`` that no extension registered, so
``cv_max_author = 8`` would build without a word, the lists unshortened. Every
name that starts with ``cv_`` belongs to the engine: one it does not know is
an error at its line, with the registered name nearest to it.
"""

from __future__ import annotations

import difflib
import inspect
from typing import TYPE_CHECKING

from sphinx.util import logging

from .identity import config_location

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

PREFIX = "cv_"


def unknown_cv_names(config: Config) -> list[str]:
    """The ``cv_*`` settings ``conf.py`` gives that no extension registered."""
    return [
        name
        for name, value in config._raw_config.items()
        # An imported module or a helper function is no setting.
        if name.startswith(PREFIX)
        and name not in config
        and not (inspect.ismodule(value) or callable(value))
    ]


def check_cv_names(app: Sphinx, config: Config) -> None:
    """Each unknown ``cv_*`` name is an error at its line in ``conf.py``."""
    known = [name for name in config.values if name.startswith(PREFIX)]
    for name in unknown_cv_names(config):
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]}?)" if close else ""
        logger.error(
            "%s is no setting of the CV engine%s, so it would be ignored; the reference "
            "lists the settings (docs/config.md)",
            name,
            hint,
            location=config_location(config, name),
            type="cv",
            subtype="config",
        )


def setup(app: Sphinx) -> None:
    # After identity (300) has noted the lines of conf.py; the extensions have
    # registered their values by the time config-inited is emitted.
    app.connect("config-inited", check_cv_names, priority=310)
