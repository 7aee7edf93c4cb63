"""Template adjustments to the HTML theme, shipped with the extension.

``templates/`` holds overrides that extend the theme's own templates (for
example a heading on the search page, which accessibility checkers require).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

TEMPLATES = Path(__file__).with_name("templates")


def add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_templates)
