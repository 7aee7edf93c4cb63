"""Score a built website with Lighthouse: each page kind, all four categories.

Given an HTML output folder (it builds nothing), this serves the folder on a free
port of 127.0.0.1 and runs Lighthouse (its mobile defaults) in headless Chromium on
one page of each kind the CV's site has:

- the landing page, ``index.html``;
- the one-page CV, ``full-cv.html``, if the site has it;
- the publications page: the page, other than those two, that holds a publication
  list (found by its markup, whatever the page is called);
- a section page: the first page of the landing page's navigation that holds no
  publication list.

It prints the four scores (performance, accessibility, best practices, SEO) of each
page, the audits that kept a score under 100 (``--all``: also the hints that count in
no score), and exits with 1 if any score is under 100 (2 if Lighthouse could not run).
The server is Python's own, as ``python -m http.server`` serves (HTTP/1.0, nothing
compressed): harsher than a real host, which compresses and keeps connections open;
``--compress`` serves as Read the Docs and GitHub Pages do (gzip, HTTP/1.1).
With ``--runs N`` each page is scored N times and the worst score of each category
counts, since the performance score varies a little from run to run (more on a busy
machine: Lighthouse scales the CPU time it measures).

Lighthouse comes from npm (``nox -s lighthouse`` installs a pinned version); the
binary is taken from ``--lighthouse``, else ``$LIGHTHOUSE``, else ``lighthouse`` on
the ``PATH``. Chromium is taken from ``--chrome``, else ``$CHROME_PATH``, else the
first of ``chromium``, ``chromium-browser``, ``google-chrome`` on the ``PATH``.
Nothing leaves the machine: the browser starts with its background networking off.
Run ``python tools/lighthouse.py --help`` for the options.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
HEADERS = ("performance", "accessibility", "best practices", "SEO")
#: The markup of a publication list (the ``cv-publications`` directive's ``<ol>``).
PUBLICATION_LIST = "cv-publication-list"
#: Pages Sphinx writes beside the CV's own, never scored as a section page.
NOT_SECTIONS = {"search.html", "genindex.html", "py-modindex.html", "404.html"}
#: The flags every headless Chromium of the project starts with (the browser tests'
#: too); ``--headless`` is added where the browser is started by hand.
CHROME_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: An audit in one of these modes has no pass or fail.
UNSCORED = {"informative", "manual", "notApplicable"}


@dataclass
class Result:
    """The scores of one page: the worst of each category over the runs."""

    page: str
    scores: dict[str, float] = field(default_factory=dict)
    #: Audit id -> (title, display value, weighted, score) of the run it scored worst in,
    #: for the audits under 1 in any run.
    failing: dict[str, tuple[str, str, bool, float]] = field(default_factory=dict)

    def add(self, report: dict[str, Any]) -> None:
        weights: dict[str, float] = {}
        for name in CATEGORIES:
            category = report["categories"][name]
            score = category["score"] if category["score"] is not None else 0.0
            self.scores[name] = min(self.scores.get(name, 1.0), score)
            for ref in category["auditRefs"]:
                weights[ref["id"]] = max(weights.get(ref["id"], 0.0), ref.get("weight", 0.0))
        for audit_id, weight in weights.items():
            audit = report["audits"].get(audit_id, {})
            mode = audit.get("scoreDisplayMode")
            score = audit.get("score")
            if mode in UNSCORED or (mode != "error" and (score is None or score >= 1)):
                continue
            score = score or 0.0
            if audit_id in self.failing and self.failing[audit_id][3] <= score:
                continue
            shown = audit.get("displayValue") or audit.get("errorMessage") or ""
            self.failing[audit_id] = (audit.get("title", audit_id), shown, weight > 0, score)

    def passed(self) -> bool:
        return all(round(self.scores.get(name, 0.0) * 100) == 100 for name in CATEGORIES)


class _Links(HTMLParser):
    """The ``href`` of every internal link of the navigation, and the page's classes."""

    def __init__(self) -> None:
        super().__init__()
        self.nav: list[str] = []
        self.classes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        self.classes.update(classes)
        href = values.get("href")
        if tag == "a" and href and "reference" in classes and "internal" in classes:
            self.nav.append(href)


def read(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(root: Path) -> dict[str, str]:
    """The page of each kind, as a path relative to ``root``: kind -> path."""
    if not (root / "index.html").is_file():
        raise SystemExit(f"{root} has no index.html: is it a built HTML folder?")
    found = {"landing page": "index.html"}
    if (root / "full-cv.html").is_file():
        found["one-page CV"] = "full-cv.html"
    candidates = sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if not path.relative_to(root).parts[0].startswith("_")
    )
    for page in candidates:
        if page not in found.values() and PUBLICATION_LIST in read(root / page).classes:
            found["publications page"] = page
            break
    # The landing page's navigation, in its order, made relative to the root.
    for href in read(root / "index.html").nav:
        page = urlsplit(urljoin("index.html", href)).path
        if (
            page.endswith(".html")
            and page not in found.values()
            and page not in NOT_SECTIONS
            and (root / page).is_file()
            and PUBLICATION_LIST not in read(root / page).classes
        ):
            found["section page"] = page
            break
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


#: What a host compresses: text, not images or PDFs (already compressed).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _HostLikeHandler(_QuietHandler):
    """As Read the Docs and GitHub Pages serve: HTTP/1.1 with connections kept open,
    and text sent gzip-compressed to a browser that accepts it."""

    protocol_version = "HTTP/1.1"

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def served(root: Path, *, like_a_host: bool = False) -> Iterator[str]:
    """Serve ``root`` on a free port of 127.0.0.1; the base URL."""
    handler = _HostLikeHandler if like_a_host else _QuietHandler
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def find_program(given: str | None, env: str, names: Sequence[str], option: str) -> str:
    """The program given by ``option``, else by the variable ``env``, else on the PATH."""
    for candidate in (given, os.environ.get(env), *names):
        if candidate and (found := shutil.which(candidate)):
            return found
    raise SystemExit(f"not found: {' or '.join(names)} (give its path with {option})")


def lighthouse(binary: str, chrome: str, url: str, timeout: float) -> dict[str, Any]:
    """One Lighthouse run on ``url`` in a fresh browser profile; its JSON report."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-profile-") as profile:
        flags = " ".join(("--headless", *CHROME_FLAGS, f"--user-data-dir={profile}"))
        command = [
            binary,
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ]
        env = {**os.environ, "CHROME_PATH": chrome}
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=timeout, check=False
        )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr.strip()}")
    report: dict[str, Any] = json.loads(done.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse failed on {url}: {report['runtimeError']}")
    return report


def table(results: dict[str, Result]) -> str:
    rows = [("page", "file", *HEADERS)]
    for kind, result in results.items():
        rows.append(
            (kind, result.page, *(str(round(result.scores[name] * 100)) for name in CATEGORIES))
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path, help="the built HTML folder (e.g. _build/html)")
    parser.add_argument("--lighthouse", help="the lighthouse binary (default: on the PATH)")
    parser.add_argument("--chrome", help="the Chromium binary (default: $CHROME_PATH, PATH)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the worst counts")
    parser.add_argument("--json", type=Path, help="a folder to keep each run's JSON report in")
    parser.add_argument("--timeout", type=float, default=180, help="seconds per run")
    parser.add_argument(
        "--all", action="store_true", help="list the hints that count in no score too"
    )
    parser.add_argument(
        "--compress",
        action="store_true",
        help="serve as a real host does: gzip, connections kept open (default: as "
        "python -m http.server serves)",
    )
    args = parser.parse_args(argv)

    binary = find_program(args.lighthouse, "LIGHTHOUSE", ["lighthouse"], "--lighthouse")
    chrome = find_program(
        args.chrome, "CHROME_PATH", ["chromium", "chromium-browser", "google-chrome"], "--chrome"
    )
    root = args.html.resolve()
    kinds = pages(root)
    results: dict[str, Result] = {}
    with served(root, like_a_host=args.compress) as base:
        for kind, page in kinds.items():
            result = results[kind] = Result(page)
            for run in range(args.runs):
                try:
                    report = lighthouse(binary, chrome, base + page, args.timeout)
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    print(error, file=sys.stderr)
                    return 2
                result.add(report)
                if args.json:
                    args.json.mkdir(parents=True, exist_ok=True)
                    name = f"{Path(page).stem}-{run + 1}.json"
                    (args.json / name).write_text(json.dumps(report), encoding="utf-8")
    print(table(results))
    for kind, result in results.items():
        if not result.failing:
            continue
        shown_audits = [
            (audit_id, title, shown, weighted)
            for audit_id, (title, shown, weighted, _) in result.failing.items()
            if weighted or args.all
        ]
        if not shown_audits:
            continue
        print(f"\n{kind} ({result.page}): audits under 1 (* counts in a score)")
        for audit_id, title, shown, weighted in shown_audits:
            detail = f": {shown}" if shown else ""
            print(f"  {'*' if weighted else ' '} {audit_id} ({title}){detail}")
    return 0 if all(result.passed() for result in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
