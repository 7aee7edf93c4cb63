"""``python -m cv.latex [--strict] JOBNAME``: check TeX's log after a run of
``latexmk`` (the Makefile of ``sphinx-build -M latexpdf`` calls it)."""

from __future__ import annotations

import sys

from .texlog import main

sys.exit(main(sys.argv[1:]))
