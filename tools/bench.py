"""Benchmark the CV's builds, as a user runs them, on a throwaway copy of the project.

Every figure is the wall-clock time of a fresh ``python -m sphinx`` (or ``latexmk``)
process, run several times; the table gives the median and the fastest run, for the
real CV and, beside it, a large synthetic one (a senior academic's, ``--papers`` 300
by default, written by ``tools/synthetic_cv.py`` into the same temporary folder):

(a) a clean HTML build into an empty folder;
(b) an HTML rebuild with nothing changed;
(c) an HTML rebuild after a one-page edit (the first section page of the landing
    page's table of contents that holds no bibliography; different each run);
(g) an HTML rebuild after editing the title of one paper in the bib file (the first
    publication in it; different each run);
(h) a clean HTML build with ``-j auto``;
(d) a clean PDF build (``-b latexpdf``) into an empty folder;
(e) the floor: a fresh Python that only imports the modules the HTML build imports
    (measured once, on the real CV's copy);
(f) plain ``latexmk`` runs on the LaTeX sources that Sphinx wrote for (d): one per
    document (the full CV, and each variant), as many at once as (d) runs them.

Each HTML figure is also given as a multiple of the floor: the floor is run just before
each of its runs, and the figure is the median of each run ÷ its floor (the machine's
speed drifts over the minutes a benchmark takes, and a ratio of two medians measured
minutes apart drifts with it). Then the ratios that say whether
the cost follows the change rather than the CV's size: no-change rebuild and page edit
÷ floor, bib edit ÷ clean build, ``-j auto`` ÷ ``-j 1``, PDF ÷ plain ``latexmk``, the
large CV's clean build ÷ the real one's; and the HTML bytes per paper of the page that
holds the publication list (found by the list's markup), with the marginal bytes of a
paper between the two CVs. Then the weight of the real CV's landing page (every file a
browser fetches for ``index.html``), its imports and the size of the PDF. Timings are
reported, never checked. Run ``python tools/bench.py --help`` for the options.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
# The plain latexmk run (f) uses the very options the latexpdf builder uses.
sys.path.insert(0, str(ROOT / "_ext"))
from cv.latex.builder import LATEXMK_OPTIONS  # noqa: E402

#: Never copied into the throwaway project: build output, tool caches, VCS data.
IGNORED = ("_build", ".nox", ".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache")
#: Directives that make a page show bib entries: a page with none is edited for (c).
BIBLIOGRAPHIES = re.compile(r"\{(cv-publications|cv-talks|bibliography)\}")
TOCTREE = re.compile(r"^(`{3,}|:{3,})\{toctree\}.*?\n(.*?)^\1", re.MULTILINE | re.DOTALL)
#: The class of the engine's publication list (an ``<ol>`` or ``<ul>``, one ``<li>`` a paper).
PUBLICATION_LIST = "cv-publication-list"
#: A bib file's entries, and in one its ``title`` field (not ``booktitle``, ``subtitle``).
BIB_ENTRY = re.compile(r"^@(\w+)\s*[{(]", re.MULTILINE)
BIB_TITLE = re.compile(r"^\s*title\s*=\s*[{\"]", re.MULTILINE | re.IGNORECASE)
BIB_TALK = re.compile(r"^\s*keywords\s*=.*\btalk\b", re.MULTILINE | re.IGNORECASE)
BIB_FILES = re.compile(r"^bibtex_bibfiles\s*=\s*\[([^\]]*)\]", re.MULTILINE)
#: The real CV's column in the table (the synthetic CV's is named by its papers).
REAL = "real CV"
CV_WIDTH = 11
#: Files that TeX and latexmk write; everything else in the latexpdf output is Sphinx's.
TEX_PRODUCTS = re.compile(
    r"\.(pdf|xdv|dvi|aux|log|fls|fdb_latexmk|out|toc|idx|ind|ilg|glo|gls|synctex\.gz)$"
)
RUN_NUMBER = re.compile(r"^(?:Latexmk: )?Run number \d+ of rule '([^']+)'", re.MULTILINE)
IMPORT_TIME = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)\s*$")
LABEL_WIDTH = 50
GZIP_LEVEL = 6  # zlib's default level


class CommandFailedError(Exception):
    """A build or TeX run exited non-zero; the message holds the end of its output."""


@dataclass
class Figure:
    """One measured command: its label and the wall-clock seconds of each run."""

    key: str
    label: str
    seconds: list[float] = field(default_factory=list)
    #: The floor, run just before each of these runs (HTML figures): the machine's
    #: speed drifts from minute to minute, so each run is divided by its own floor.
    floors: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def per_floor(self) -> float | None:
        """The median of each run ÷ the floor run just before it, if paired."""
        if not self.floors:
            return None
        return statistics.median(s / f for s, f in zip(self.seconds, self.floors, strict=True))

    @property
    def fastest(self) -> float:
        return min(self.seconds)


@dataclass
class ImportRecord:
    """One line of ``python -X importtime``: microseconds spent in a module's import."""

    name: str
    self_us: int
    cumulative_us: int
    depth: int


@dataclass
class Resource:
    """A file the browser fetches for the landing page."""

    path: str
    kind: str
    size: int
    gzipped: int


# -- Running commands -----------------------------------------------------------------


def run(command: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command to completion; raise with the end of its output if it fails."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-25:])
        raise CommandFailedError(f"{' '.join(command)} exited {result.returncode}:\n{tail}")
    return result


def sphinx(builder: str, outdir: str) -> list[str]:
    """The command line a user types, with this interpreter: ``python -m sphinx``."""
    return [sys.executable, "-m", "sphinx", "-b", builder, "-W", "-n", ".", outdir]


def measure(
    figure: Figure,
    runs: int,
    command: Sequence[str],
    cwd: Path,
    prepare: Callable[[int], None] | None = None,
    *,
    cv: str = REAL,
    floor: Sequence[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Time ``runs`` fresh runs of ``command``; ``prepare(i)`` runs, untimed, before each,
    and the ``floor`` command, timed on its own, just before each when given."""
    results = []
    for index in range(runs):
        if prepare is not None:
            prepare(index)
        if floor is not None:
            start = time.perf_counter()
            run(floor, cwd)
            figure.floors.append(time.perf_counter() - start)
        start = time.perf_counter()
        results.append(run(command, cwd))
        figure.seconds.append(time.perf_counter() - start)
    print(
        f"  {cv:<{CV_WIDTH}} {figure.label:<{LABEL_WIDTH}} "
        f"{' '.join(f'{s:.2f}' for s in figure.seconds)}",
        flush=True,
    )
    return results[-1]


def remove(*paths: Path) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


# -- The throwaway project --------------------------------------------------------------


def project_files(root: Path) -> list[Path] | None:
    """The project's files as git sees them (tracked and new, not ignored), or None."""
    try:
        listing = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], root)
    except (OSError, CommandFailedError):
        return None
    files = (root / name for name in listing.stdout.split("\0") if name)
    return [path for path in files if path.is_file()]


def copy_project(root: Path, destination: Path) -> None:
    """Copy the sources (never the builds or caches) into ``destination``."""
    files = project_files(root)
    if files is None:
        shutil.copytree(root, destination, ignore=shutil.ignore_patterns(*IGNORED))
        return
    for path in files:
        relative = path.relative_to(root)
        if any(part in IGNORED for part in relative.parts):
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


# -- Sphinx output ----------------------------------------------------------------------


def pages_read_and_written(output: str) -> tuple[int, int]:
    """How many sources a build read and how many pages it wrote, from its log."""
    read = len(re.findall(r"^reading sources\.\.\. \[\s*\d+%\] ", output, re.MULTILINE))
    written = len(re.findall(r"^writing output\.\.\. \[\s*\d+%\] ", output, re.MULTILINE))
    return read, written


def config_change_note(output: str) -> str | None:
    match = re.search(r"The configuration has changed \(([^)]*)\)", output)
    return match.group(1) if match else None


# -- Imports (the floor) ----------------------------------------------------------------


def import_times(stderr: str) -> list[ImportRecord]:
    records = []
    for line in stderr.splitlines():
        match = IMPORT_TIME.match(line)
        if match:
            self_us, cumulative_us, indent, name = match.groups()
            records.append(ImportRecord(name, int(self_us), int(cumulative_us), len(indent) // 2))
    return records


def top_level(name: str) -> str:
    return name.partition(".")[0]


def outermost(names: set[str]) -> set[str]:
    """The names whose parent package is not among them (``org``, not ``org.python``)."""
    return {name for name in names if name.rpartition(".")[0] not in names}


def build_imports(imported: Sequence[str], startup: set[str]) -> list[str]:
    """The modules the build imported beyond interpreter start-up, standard library aside."""
    names: dict[str, None] = {}
    for name in imported:
        if (
            name in startup
            or top_level(name) in sys.stdlib_module_names
            or name == "__main__"
            or name.startswith("_sysconfigdata")
            or name.endswith(".__main__")
        ):
            continue
        names.setdefault(name)
    return list(names)


#: Runs ``python -m sphinx ARGS`` and writes, as it exits, the names of every module
#: it imported, in their order. ``-X importtime`` cannot give them: it times only the
#: ``import`` statement, and Sphinx loads its own builders and every extension, and
#: pygments and Sphinx their entry points, through ``importlib.import_module``, which
#: it never sees (about a hundred modules, 5 % of the floor).
MODULES_SCRIPT = """\
import atexit
import json
import runpy
import sys

out = sys.argv[1]
atexit.register(lambda: open(out, "w", encoding="utf-8").write(json.dumps(list(sys.modules))))
sys.argv = ["sphinx", *sys.argv[2:]]
runpy.run_module("sphinx", run_name="__main__", alter_sys=True)
"""
STARTUP_MODULES = "import json, sys; print(json.dumps(list(sys.modules)))"


FLOOR_SCRIPT = """\
import importlib
import sys

sys.path.insert(0, {ext!r})
failed = []
for name in {names!r}:
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{{name}}: {{error!r}}")
print("\\n".join(failed))
"""


# -- Landing page weight -----------------------------------------------------------------

#: ``<link rel=...>`` values a browser fetches while loading the page.
FETCHED_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "mask-icon",
    "preload",
    "modulepreload",
    "manifest",
}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""")


class FetchedReferences(HTMLParser):
    """Collects (kind, URL) for everything in an HTML page a browser would fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[tuple[str, str]] = []
        self.icons = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & FETCHED_RELS and values.get("href"):
                kind = values.get("as") or sorted(rels & FETCHED_RELS)[0]
                self.references.append((kind, values["href"]))
                self.icons += bool(rels & {"icon", "apple-touch-icon", "mask-icon"})
        elif tag == "script" and values.get("src"):
            self.references.append(("script", values["src"]))
        elif tag in {"img", "source", "audio", "video", "iframe", "embed", "input", "track"}:
            for attribute in ("src", "poster"):
                if values.get(attribute):
                    self.references.append((tag, values[attribute]))
            for candidate in values.get("srcset", "").split(","):
                if candidate.strip():
                    self.references.append((tag, candidate.split()[0]))
        elif tag == "object" and values.get("data"):
            self.references.append(("object", values["data"]))
        elif tag == "style":
            self._in_style = True
        if values.get("style"):
            self.references.extend(("inline style", url) for url in css_references(values["style"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.references.extend(("inline style", url) for url in css_references(data))


def css_references(css: str) -> list[str]:
    urls = [
        next(group for group in match.groups() if group is not None)
        for match in CSS_URL.finditer(css)
    ]
    urls += [match.group(1) or match.group(2) for match in CSS_IMPORT.finditer(css)]
    return urls


@dataclass
class PageWeight:
    resources: list[Resource] = field(default_factory=list)
    off_site: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    inline_data_urls: int = 0
    source_maps: int = 0
    icons: int = 0


def page_weight(outdir: Path, page: str = "index.html") -> PageWeight:
    """Every file a browser fetches for ``page``, found in ``outdir``, with its size."""
    weight = PageWeight()
    seen: set[Path] = set()
    root = outdir.resolve()

    def add(path: Path, kind: str) -> None:
        data = path.read_bytes()
        relative = path.relative_to(root).as_posix()
        compressed = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
        weight.resources.append(Resource(relative, kind, len(data), len(compressed)))
        if path.suffix == ".css":
            text = data.decode("utf-8", errors="replace")
            weight.source_maps += "sourceMappingURL=" in text
            for url in css_references(text):
                follow(path.parent, "css url()", url)
        elif path.suffix == ".js":
            weight.source_maps += b"sourceMappingURL=" in data

    def follow(base: Path, kind: str, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme == "data":
            weight.inline_data_urls += 1
            return
        if parts.scheme or parts.netloc:
            weight.off_site.append(f"{kind}: {url}")
            return
        if not parts.path:
            return
        relative = unquote(parts.path)
        path = (
            (root / relative.lstrip("/")) if relative.startswith("/") else base / relative
        ).resolve()
        if path in seen:
            return
        seen.add(path)
        if not path.is_file() or not path.is_relative_to(root):
            weight.missing.append(f"{kind}: {url}")
            return
        add(path, kind)

    index = root / page
    seen.add(index)
    add(index, "page")
    parser = FetchedReferences()
    parser.feed(index.read_text(encoding="utf-8"))
    weight.icons = parser.icons
    for kind, url in parser.references:
        follow(index.parent, kind, url)
    return weight


# -- Bytes per paper ----------------------------------------------------------------------


class PublicationItems(HTMLParser):
    """Counts the papers of a page: the items of the engine's publication lists."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.papers = 0
        self._lists: list[bool] = []  # the open lists, innermost last: a publication list?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"ol", "ul"}:
            classes = next((value or "" for key, value in attrs if key == "class"), "")
            self._lists.append(PUBLICATION_LIST in classes.split())
        elif tag == "li" and self._lists and self._lists[-1]:
            self.papers += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"ol", "ul"} and self._lists:
            self._lists.pop()


@dataclass
class PublicationPage:
    """The page that holds the publication list: its size and how many papers it shows."""

    path: str
    size: int
    gzipped: int
    papers: int

    @property
    def per_paper(self) -> float:
        return self.size / self.papers


def publication_page(outdir: Path) -> PublicationPage | None:
    """The page with the most papers in the engine's lists (of those, the smallest:
    the publications page, not the one-page CV that repeats it), or None."""
    found = []
    for path in sorted(outdir.rglob("*.html")):
        data = path.read_bytes()
        if PUBLICATION_LIST.encode() not in data:
            continue
        parser = PublicationItems()
        parser.feed(data.decode("utf-8", errors="replace"))
        if parser.papers:
            gzipped = len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
            relative = path.relative_to(outdir).as_posix()
            found.append(PublicationPage(relative, len(data), gzipped, parser.papers))
    return min(found, key=lambda page: (-page.papers, page.size), default=None)


# -- Reporting ----------------------------------------------------------------------------


def first_line(command: Sequence[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return "not found"
    lines = (result.stdout or result.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def wrap_items(items: Sequence[str], width: int = 92) -> str:
    """``items`` joined by commas into indented lines, never breaking inside an item."""
    lines = [""]
    for item in items:
        if lines[-1] and len(lines[-1]) + len(item) + 2 > width - 2:
            lines[-1] += ","
            lines.append("")
        lines[-1] += f", {item}" if lines[-1] else item
    return "\n".join(f"  {line}" for line in lines)


def print_machine() -> None:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    cores = f"{os.cpu_count()}" + (f" (usable: {affinity})" if affinity is not None else "")
    print("Machine")
    print(f"  cores           {cores}")
    print(f"  platform        {platform.platform()}")
    if hasattr(os, "getloadavg"):
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"  load average    {load} (1, 5, 15 min; other work on the machine skews timings)")
    print(f"  python          {platform.python_version()} ({sys.executable})")
    print(f"  sphinx          {metadata.version('sphinx')}")
    for package in ("docutils", "myst-parser", "sphinxcontrib-bibtex", "pybtex", "furo"):
        print(f"  {package:<15} {metadata.version(package)}")
    if shutil.which("latexmk"):
        print(f"  latexmk         {first_line(['latexmk', '-v'])}")
        print(f"  xelatex         {first_line(['xelatex', '--version'])}")
    print()


#: Each figure's row, in the table's order.
LABELS = {
    "e": "(e) floor: python importing the build's modules",
    "a": "(a) clean HTML build",
    "b": "(b) HTML rebuild, nothing changed",
    "c": "(c) HTML rebuild after a page edit",
    "g": "(g) HTML rebuild after a paper's title edit",
    "h": "(h) clean HTML build, -j auto",
    "d": "(d) clean PDF build (latexpdf)",
    "f": "(f) plain latexmk on Sphinx's .tex",
}
#: The ratios the issue's acceptance names: (label, numerator, denominator); "a@real"
#: is figure (a) of the real CV.
RATIOS = (
    ("no-change rebuild ÷ floor (b/e)", "b", "e"),
    ("page edit ÷ floor (c/e)", "c", "e"),
    ("title edit ÷ clean build (g/a)", "g", "a"),
    ("-j auto ÷ -j 1 (h/a)", "h", "a"),
    ("PDF ÷ plain latexmk (d/f)", "d", "f"),
    ("clean HTML ÷ the real CV's (a/a)", "a", "a@real"),
)
COLUMN = 23  # " median min × floor" under each CV's name
#: The figures whose runs are each paired with a run of the floor just before.
PAIRED_WITH_FLOOR = frozenset("abcgh")


def print_table(figures: dict[str, dict[str, Figure]], runs: int) -> None:
    """One column per CV: each figure's median, fastest run and median × floor; then
    the ratios."""
    floor = figures[REAL]["e"]
    columns = list(figures)
    print(f"Wall-clock seconds, {runs} run{'s' * (runs != 1)} each")
    header = f"  {'figure':<{LABEL_WIDTH}}" + "".join(f" {cv:>{COLUMN - 1}}" for cv in columns)
    print(header)
    print(f"  {'':<{LABEL_WIDTH}}" + f" {'median':>7} {'min':>6} {'× floor':>7}" * len(columns))
    print("  " + "-" * (len(header) - 2))
    for key, label in LABELS.items():
        cells = []
        for cv in columns:
            figure = floor if key == "e" and cv == REAL else figures[cv].get(key)
            if figure is None:
                cells.append(f" {'':>{COLUMN - 1}}")
                continue
            ratio = figure.per_floor or figure.median / floor.median
            cells.append(f" {figure.median:>7.2f} {figure.fastest:>6.2f} {ratio:>7.2f}")
        if any(cell.strip() for cell in cells):
            print(f"  {label:<{LABEL_WIDTH}}{''.join(cells)}")
    print()
    title = "ratios (÷ floor: paired runs)"
    print(f"  {title:<{LABEL_WIDTH}}" + "".join(f" {cv:>{COLUMN - 1}}" for cv in columns))
    for label, top, bottom in RATIOS:
        cells = []
        for cv in columns:
            numerator = figures[cv].get(top)
            denominator = (
                floor
                if bottom == "e"
                else figures[REAL if bottom.endswith("@real") else cv].get(bottom.partition("@")[0])
            )
            ratio = None
            if numerator and denominator:
                paired = numerator.per_floor if bottom == "e" else None
                ratio = paired or numerator.median / denominator.median
            shown = f"{ratio:.2f}" if ratio is not None else ""
            cells.append(f" {shown:>{COLUMN - 1}}")
        if any(cell.strip() for cell in cells):
            print(f"  {label:<{LABEL_WIDTH}}{''.join(cells)}")
    for cv in columns:
        if "d" in figures[cv] and "f" in figures[cv]:
            pdf, latexmk = figures[cv]["d"].median, figures[cv]["f"].median
            print(
                f"  {cv}: the PDF build's own share (Sphinx: start-up, reading, writing "
                f"LaTeX): {pdf - latexmk:.2f} s of {pdf:.2f} s"
            )
    print()


def print_papers(pages: dict[str, PublicationPage | None]) -> None:
    """HTML bytes per paper of each CV's publication page, and the marginal bytes."""
    print("HTML bytes per paper: the page that holds the publication list (the most papers)")
    print(f"  {'':<{LABEL_WIDTH}}" + "".join(f" {cv:>{COLUMN - 1}}" for cv in pages))
    found = {cv: page for cv, page in pages.items() if page is not None}
    rows = (
        ("bytes", lambda page: f"{page.size:,}"),
        ("bytes gzipped", lambda page: f"{page.gzipped:,}"),
        ("papers on it", lambda page: f"{page.papers:,}"),
        ("bytes per paper", lambda page: f"{page.per_paper:,.0f}"),
    )
    for label, shown in rows:
        cells = "".join(
            f" {shown(found[cv]) if cv in found else 'no list':>{COLUMN - 1}}" for cv in pages
        )
        print(f"  {label:<{LABEL_WIDTH}}{cells}")
    for cv, page in found.items():
        print(f"  {cv}: {page.path}")
    real = found.get(REAL)
    for cv, page in found.items():
        if cv != REAL and real is not None and page.papers != real.papers:
            marginal = (page.size - real.size) / (page.papers - real.papers)
            print(f"  marginal bytes per paper, ({cv} - {REAL}) ÷ papers: {marginal:,.0f}")
    print()


def print_imports(records: list[ImportRecord], floor_modules: list[str]) -> None:
    packages = Counter(top_level(name) for name in floor_modules)
    listing = [
        f"{name}{' (local, _ext)' if name == 'cv' else ''} {count}"
        for name, count in packages.most_common()
    ]
    total = sum(record.cumulative_us for record in records if record.depth == 0) / 1e6
    print(f"The floor (e) imports the {len(floor_modules)} modules the HTML build imported beyond")
    print("the standard library and interpreter start-up; by package:")
    print(wrap_items(listing))
    print()
    print(f"Imports in the HTML build (python -X importtime): {total:.2f} s in all; top 10")
    print("by cumulative time (a module's own time plus what it imports):")
    for record in sorted(records, key=lambda r: r.cumulative_us, reverse=True)[:10]:
        print(f"  {record.cumulative_us / 1e6:>6.3f} s  {record.name}")
    self_time: Counter[str] = Counter()
    for record in records:
        self_time[top_level(record.name)] += record.self_us
    print("Own import time by top-level package, top 10:")
    own = [f"{name} {micro / 1e6:.3f} s" for name, micro in self_time.most_common(10)]
    print(wrap_items(own))
    print()


def print_weight(weight: PageWeight) -> None:
    total = sum(resource.size for resource in weight.resources)
    zipped = sum(resource.gzipped for resource in weight.resources)
    print(f"Landing page weight (index.html and what a browser fetches for it; gzip -{GZIP_LEVEL})")
    print(f"  {'file':<44} {'kind':<12} {'bytes':>9} {'gzipped':>9}")
    for resource in weight.resources:
        print(
            f"  {resource.path:<44} {resource.kind:<12} {resource.size:>9,} {resource.gzipped:>9,}"
        )
    print(f"  {'total (' + str(len(weight.resources)) + ' files)':<57} {total:>9,} {zipped:>9,}")
    print(f"  off-site references: {', '.join(weight.off_site) if weight.off_site else 'none'}")
    if weight.missing:
        print(f"  references to files not in the output: {', '.join(weight.missing)}")
    if weight.inline_data_urls:
        print(f"  {weight.inline_data_urls} data: URLs (inline, counted in their file)")
    if not weight.icons:
        print("  no icon is linked: browsers will also ask for /favicon.ico (not in the output)")
    if weight.source_maps:
        print(
            f"  {weight.source_maps} files name a source map (*.map); only open developer tools "
            "fetch those, not counted"
        )
    print()


# -- The benchmark ------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default: 5)")
    parser.add_argument("--skip-pdf", action="store_true", help="leave out the PDF figures")
    parser.add_argument(
        "--papers",
        type=int,
        default=300,
        help="papers of the synthetic CV measured beside the real one (tools/synthetic_cv.py, "
        "with its 80 talks and 60 entries; default: 300; 0 leaves it out)",
    )
    options = parser.parse_args(argv)
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if options.papers < 0:
        parser.error("--papers must be 0 (no synthetic CV) or more")
    runs: int = options.runs

    pdf_skipped = None
    if options.skip_pdf:
        pdf_skipped = "--skip-pdf was given"
    elif not (shutil.which("latexmk") and shutil.which("xelatex")):
        pdf_skipped = "latexmk or xelatex is not installed"

    print_machine()
    with tempfile.TemporaryDirectory(prefix="cv-bench-") as temporary:
        try:
            return benchmark(Path(temporary), runs, pdf_skipped, options.papers)
        except CommandFailedError as error:
            print(f"\nA command failed, so there are no figures:\n{error}", file=sys.stderr)
            return 1


@dataclass
class Bench:
    """The throwaway projects, the figures so far (by CV) and what the runs printed."""

    temporary: Path
    runs: int
    figures: dict[str, dict[str, Figure]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: The floor's command, paired with each run of an HTML figure once it is known.
    floor: list[str] | None = None

    @property
    def project(self) -> Path:
        """The copy of the real CV."""
        return self.temporary / "project"

    def measure(
        self,
        cv: str,
        key: str,
        command: Sequence[str],
        cwd: Path,
        prepare: Callable[[int], None] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        figure = self.figures.setdefault(cv, {})[key] = Figure(key, LABELS[key])
        floor = self.floor if key in PAIRED_WITH_FLOOR else None
        return measure(figure, self.runs, command, cwd, prepare, cv=cv, floor=floor)


def trace_imports(bench: Bench) -> tuple[list[ImportRecord], list[str], Path]:
    """Build the HTML once, untimed, under ``-X importtime`` (for the import report),
    and once more listing every module it imports; write the floor's script.

    The builds also warm the caches (bytecode of conf.py and _ext, the file system).
    Imports the build tried and that failed there too (optional packages that are not
    installed, such as ``lxml``) are left out of the floor.
    """
    # The copy has no bytecode yet; compile it first, or the trace would time the compiler.
    run([sys.executable, "-m", "compileall", "-q", "_ext"], bench.project)
    bare = run([sys.executable, "-c", STARTUP_MODULES], bench.temporary)
    startup = set(json.loads(bare.stdout))
    command = sphinx("html", str(bench.temporary / "traced"))
    traced = run([command[0], "-X", "importtime", *command[1:]], bench.project)
    records = import_times(traced.stderr)
    lister = bench.temporary / "modules.py"
    lister.write_text(MODULES_SCRIPT, encoding="utf-8")
    listed = bench.temporary / "modules.json"
    shutil.rmtree(bench.temporary / "traced")
    run([sys.executable, str(lister), str(listed), *command[3:]], bench.project)
    modules = build_imports(json.loads(listed.read_text(encoding="utf-8")), startup)
    script = bench.temporary / "floor.py"
    ext = str(bench.project / "_ext")
    script.write_text(FLOOR_SCRIPT.format(ext=ext, names=modules), encoding="utf-8")
    probe = run([sys.executable, str(script)], bench.temporary)
    failed = {line.partition(":")[0] for line in probe.stdout.splitlines() if line.strip()}
    if failed:
        modules = [name for name in modules if name not in failed]
        script.write_text(FLOOR_SCRIPT.format(ext=ext, names=modules), encoding="utf-8")
        bench.notes.append(
            f"The floor leaves out {len(failed)} imports the build attempted that failed "
            f"(optional, not installed): {', '.join(sorted(outermost(failed)))}."
        )
    return records, modules, script


def edited_page(project: Path) -> Path:
    """The page figure (c) edits: whatever the CV's sections are, one without a
    bibliography (a text edit there should not cost a re-format of the papers)."""
    toctree = TOCTREE.search((project / "index.md").read_text(encoding="utf-8"))
    names = toctree.group(2).split() if toctree else []
    for name in names:
        page = project / f"{name.removesuffix('.md')}.md"
        if page.is_file() and not BIBLIOGRAPHIES.search(page.read_text(encoding="utf-8")):
            return page
    return project / "index.md"


def edited_title(project: Path) -> tuple[Path, int] | None:
    """The bib file and offset at which figure (g) edits a title: right inside the
    ``title`` field of the file's first publication (an entry that is not a talk)."""
    conf = (project / "conf.py").read_text(encoding="utf-8")
    listed = BIB_FILES.search(conf)
    names = re.findall(r"""["']([^"']+)["']""", listed.group(1)) if listed else ["refs.bib"]
    for name in names:
        bib = project / name
        if not bib.is_file():
            continue
        text = bib.read_text(encoding="utf-8")
        starts = [match.start() for match in BIB_ENTRY.finditer(text)] + [len(text)]
        for start, end in itertools.pairwise(starts):
            entry = text[start:end]
            kind = BIB_ENTRY.match(entry)
            if kind is None or kind.group(1).lower() in {"string", "comment", "preamble"}:
                continue
            title = BIB_TITLE.search(entry)
            if title is not None and not BIB_TALK.search(entry):
                return bib, start + title.end()
    return None


def measure_html(bench: Bench, cv: str, project: Path) -> tuple[PageWeight, PublicationPage | None]:
    """Figures (a), (b), (c), (g) and (h); the landing page's weight and the publication
    page from the clean build."""
    html = project / "_build" / "html"
    command = sphinx("html", "_build/html")
    bench.measure(cv, "a", command, project, lambda _: remove(html))
    weight = page_weight(html)
    papers = publication_page(html)

    unchanged = bench.measure(cv, "b", command, project)

    page = edited_page(project)
    original = page.read_text(encoding="utf-8")

    def edit(index: int) -> None:
        page.write_text(
            f"{original.rstrip()}\n\nBenchmark edit {index + 1} at {time.time_ns()}.\n",
            encoding="utf-8",
        )

    edited = bench.measure(cv, "c", command, project, edit)
    page.write_text(original, encoding="utf-8")
    results = [("b", unchanged), ("c", edited)]
    bench.notes.append(f"{cv}: (c) edits {page.relative_to(project).as_posix()}.")

    found = edited_title(project)
    if found is None:
        bench.notes.append(f"{cv}: (g) left out: no publication with a title in its bib files.")
    else:
        bib, offset = found
        text = bib.read_text(encoding="utf-8")

        def retitle(index: int) -> None:
            words = f"Benchmark Edit {index + 1} at {time.time_ns()}: "
            bib.write_text(text[:offset] + words + text[offset:], encoding="utf-8")

        results.append(("g", bench.measure(cv, "g", command, project, retitle)))
        bib.write_text(text, encoding="utf-8")
        where = text.count("\n", 0, offset) + 1
        bench.notes.append(f"{cv}: (g) edits the title at {bib.name}:{where}.")

    parallel = [*command[:-2], "-j", "auto", *command[-2:]]
    bench.measure(cv, "h", parallel, project, lambda _: remove(html))

    for key, result in results:
        read, written = pages_read_and_written(result.stdout)
        bench.notes.append(f"{cv}: ({key}) re-read {read} source(s) and rewrote {written} page(s).")
    changed = config_change_note(unchanged.stdout)
    if changed:
        bench.notes.append(
            f"{cv}: every rebuild reports 'The configuration has changed ({changed})'."
        )
    return weight, papers


def measure_pdf(bench: Bench, cv: str, project: Path) -> tuple[str, int]:
    """Figures (d) and (f); the PDF's name and size."""
    latexpdf = project / "_build" / "latexpdf"
    bench.measure(
        cv, "d", sphinx("latexpdf", "_build/latexpdf"), project, lambda _: remove(latexpdf)
    )
    # The full CV (the first that pdfs.txt lists), and its variants' PDFs beside it.
    names = (latexpdf / "pdfs.txt").read_text(encoding="utf-8").split()
    pdf = latexpdf / names[0]
    jobnames = [Path(name).stem for name in names]
    sources = [p for p in latexpdf.iterdir() if p.is_file() and not TEX_PRODUCTS.search(p.name)]
    plain = project.parent / f"latexmk-{project.name}"

    def fresh_tex_folder(_: int) -> None:
        remove(plain)
        plain.mkdir()
        for source in sources:
            shutil.copy2(source, plain / source.name)
        (plain / "jobnames.txt").write_text("\n".join(jobnames) + "\n", encoding="utf-8")

    # Each document's latexmk, as many at once as there are processors, as (d) runs them.
    one = " ".join(["latexmk", *LATEXMK_OPTIONS, '-jobname="$0"', '"$0.tex"'])
    workers = str(max(1, min(len(jobnames), os.cpu_count() or 1)))
    command = ["xargs", "-a", "jobnames.txt", "-P", workers, "-n", "1", "sh", "-c", one]
    result = bench.measure(cv, "f", command, plain, fresh_tex_folder)
    passes = Counter(RUN_NUMBER.findall(result.stdout + result.stderr))
    rules = ", ".join(f"rule '{rule}' × {count}" for rule, count in passes.items())
    rc = (plain / "latexmkrc").read_text(encoding="utf-8", errors="replace")
    engine = re.search(r"^\$pdflatex = '(\w+)", rc, re.MULTILINE)
    via = f"; Sphinx's latexmkrc runs {engine.group(1)} for 'pdflatex'" if engine else ""
    bench.notes.append(
        f"{cv}: (f) runs latexmk on {len(jobnames)} .tex; it ran TeX "
        f"{sum(passes.values())} times per PDF ({rules}{via})."
    )
    return pdf.name, pdf.stat().st_size


def synthetic_cv(bench: Bench, papers: int) -> Path:
    """Write the large CV with ``tools/synthetic_cv.py`` beside the real CV's copy."""
    project = bench.temporary / "synthetic"
    generator = ROOT / "tools" / "synthetic_cv.py"
    run([sys.executable, str(generator), "--papers", str(papers), str(project)], ROOT)
    # As for the real CV's copy (trace_imports): no compiling inside the timed runs.
    run([sys.executable, "-m", "compileall", "-q", "_ext"], project)
    return project


def benchmark(temporary: Path, runs: int, pdf_skipped: str | None, papers: int = 0) -> int:
    bench = Bench(temporary, runs)
    copy_project(ROOT, bench.project)
    print(f"Working on a copy of {ROOT} in {bench.project}")
    projects = {REAL: bench.project}
    if papers:
        large = f"{papers} papers"
        projects[large] = synthetic_cv(bench, papers)
        print(f"and on a synthetic CV of {papers} papers in {projects[large]}")
    records, modules, floor_script = trace_imports(bench)
    bench.floor = [sys.executable, str(floor_script)]

    print("Each run, in seconds:", flush=True)
    weights, pages, pdfs = {}, {}, {}
    for cv, project in projects.items():
        weights[cv], pages[cv] = measure_html(bench, cv, project)
    if pdf_skipped is None:
        for cv, project in projects.items():
            pdfs[cv] = measure_pdf(bench, cv, project)
    floor = bench.measure(REAL, "e", [sys.executable, str(floor_script)], temporary)
    failures = [line for line in floor.stdout.splitlines() if line.strip()]
    if failures:
        bench.notes.append(f"The floor failed to import {len(failures)}: {'; '.join(failures)}")
    print()

    print_table(bench.figures, runs)
    if pdf_skipped is not None:
        print(f"The PDF figures (d) and (f) were skipped: {pdf_skipped}.")
    for note in bench.notes:
        print(textwrap.fill(note, width=92, break_on_hyphens=False))
    print()
    print_papers(pages)
    print_imports(records, modules)
    print_weight(weights[REAL])
    for cv, (name, size) in pdfs.items():
        print(f"PDF ({cv}): {name}, {size:,} bytes")
    if not pdfs:
        print("PDF: skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
