"""Start a new CV: ``nox -s new -- DEST --name "Jane Doe" --email jane@example.org``.

DEST becomes a complete CV project for that person: the engine as this
repository has it (the paths of ``_ext/cv/engine-files.txt``: the engine, its
tests, tools, reference and CI), and fresh content written from
``tools/starter/``: ``conf.py`` with the identity given here, a starter page
for each common section, a small ``refs.bib`` with each kind of entry, a
README, and the PDF named after the person. Nothing of this repository's own
CV is copied. DEST is made a git repository with every file staged (not
committed), so that the project's tests and Read the Docs' replica, which
read ``git ls-files``, work at once. Run with ``--help`` for every option.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTER = Path(__file__).with_name("starter")
# The engine's project module alone: the package would need Sphinx installed.
sys.path.insert(0, str(ROOT / "_ext" / "cv"))
from project import engine_paths, in_engine  # noqa: E402

#: Files never copied with the engine: caches and build output.
IGNORED = ("__pycache__", ".pytest_cache", ".ruff_cache", "_build", ".nox", ".venv")
#: Identity options: (option, config value, help). Each is written only when given.
IDENTITY = (
    ("full-name", "cv_full_name", "the full name, shown under the name"),
    ("honorific", "cv_honorific", 'e.g. "Dr" or "Prof."'),
    ("role", "cv_role", 'the current position, e.g. "PhD student in Physics, Example University"'),
    ("website", "cv_website", "a personal website (https://...)"),
    ("phone", "cv_phone", 'e.g. "+1 555 0100"'),
    ("affiliation", "cv_affiliation", "the current institution"),
)
PROFILES = ("orcid", "github", "scholar", "linkedin")


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="the new project's folder (empty or missing)")
    parser.add_argument("--name", required=True, help='the name as the CV shows it: "Jane Doe"')
    parser.add_argument("--email", required=True, help="the contact email address")
    for option, _name, text in IDENTITY:
        parser.add_argument(f"--{option}", default="", help=text)
    for kind in PROFILES:
        parser.add_argument(f"--{kind}", default="", help=f"the {kind} profile (id or URL)")
    parser.add_argument(
        "--address",
        action="append",
        default=[],
        help="a line of the postal address; repeat for each line",
    )
    parser.add_argument(
        "--bib-name",
        default="",
        help='the name as refs.bib writes it, "Last, First" (default: from --name)',
    )
    parser.add_argument("--language", default="en", help="the CV's language (default: en)")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    return parser.parse_args(argv)


#: Letters that Unicode does not decompose into a Latin letter and an accent.
UNDECOMPOSED = str.maketrans({
    "Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
    "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "\u0131": "i",
})  # fmt: skip


def slug(text: str) -> str:
    """``Zoë O'Brien-Ng`` → ``zoe-obrien-ng``, ``Ørjan`` → ``orjan``: for file
    names and bib keys."""
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    ascii_text = decomposed.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-") or "cv"


#: Lower-case words before a family name that belong to it (BibTeX's "von" part).
PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
    "le", "ten", "ter", "bin", "ibn", "al", "el",
})  # fmt: skip
#: Words after a family name that BibTeX keeps apart ("King, Jr., Martin").
SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def bib_name(name: str) -> str:
    """A name as bib files write it: ``Jane Q. Doe`` → ``Doe, Jane Q.``, ``Anna van
    der Berg`` → ``van der Berg, Anna``, ``Martin King Jr.`` → ``King, Jr., Martin``."""
    words = name.split()
    suffix = words.pop() if len(words) > 2 and words[-1] in SUFFIXES else ""
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    family, given = " ".join(words[start:]), " ".join(words[:start])
    parts = [family, suffix, given] if suffix else [family, given]
    return ", ".join(part for part in parts if part)


def python(value: object) -> str:
    """A value as ``ruff format`` writes it (double quotes, UTF-8 kept)."""
    return json.dumps(value, ensure_ascii=False)


def identity_block(options: argparse.Namespace, highlight: str) -> str:
    lines = [f"cv_name = {python(options.name)}"]
    values = {name: getattr(options, option.replace("-", "_")) for option, name, _ in IDENTITY}
    values["cv_email"] = options.email
    for name in ("cv_full_name", "cv_honorific", "cv_role", "cv_email", "cv_website"):
        if values[name]:
            lines.append(f"{name} = {python(values[name])}")
    for name in ("cv_phone", "cv_affiliation"):
        if values[name]:
            lines.append(f"{name} = {python(values[name])}")
    if options.address:
        # One line of the address per line (the trailing comma keeps ruff format so).
        rows = "".join(f"    {python(line)},\n" for line in options.address)
        lines.append(f"cv_address = [\n{rows}]")
    profiles = {kind: getattr(options, kind) for kind in PROFILES if getattr(options, kind)}
    if profiles:
        lines.append("# ORCID, GitHub, Google Scholar... (the reference lists every kind).")
        entries = "".join(
            f"    {python(kind)}: {python(value)},\n" for kind, value in profiles.items()
        )
        lines.append(f"cv_profiles = {{\n{entries}}}")
    lines.append("# Research topics, for the PDF's keywords and the website's metadata.")
    lines.append('cv_keywords = ["your first research interest", "your second research interest"]')
    lines.append("# Name forms set in bold in publication and talk author lists, as in refs.bib.")
    lines.append(f"cv_highlight_names = [{python(highlight)}]")
    return "\n".join(lines)


def engine_files(source: Path) -> list[Path]:
    """The engine's files in ``source``, relative to it: the tracked ones in a git
    checkout (so nothing untracked or ignored travels), else every file."""
    included, excluded = engine_paths()
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *included],
        cwd=source, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if tracked.returncode == 0 and tracked.stdout:
        paths = [Path(name) for name in tracked.stdout.split("\0") if name]
    else:
        paths = []
        for path in included:
            found = source / path
            files = [found] if found.is_file() else sorted(found.rglob("*"))
            paths += [file.relative_to(source) for file in files if file.is_file()]
    return [
        path
        for path in paths
        if not any(part in IGNORED for part in path.parts)
        and in_engine(path.as_posix(), included, excluded)
        and (source / path).is_file()
    ]


def write_starter(dest: Path, values: dict[str, str]) -> list[Path]:
    """The starter content, its ``.tmpl`` files filled in with ``values``."""
    written = []
    for path in sorted(STARTER.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        target = dest / path.relative_to(STARTER)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".tmpl":
            target = target.with_suffix("")
            text = text.format(**values)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def upstream_url(source: Path) -> str:
    """Where engine updates come from: this repository's origin, else its folder."""
    origin = subprocess.run(
        ["git", "remote", "get-url", "origin"],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    return (
        origin.stdout.strip() if origin.returncode == 0 and origin.stdout.strip() else str(source)
    )


def main(argv: list[str] | None = None) -> int:
    options = arguments(argv)
    dest: Path = options.dest.resolve()
    if dest.exists() and any(dest.iterdir()):
        print(f"new: {dest} exists and is not empty; give a new folder", file=sys.stderr)
        return 2
    if not options.name.strip() or "@" not in options.email:
        print("new: give a --name and an --email address", file=sys.stderr)
        return 2
    dest.mkdir(parents=True, exist_ok=True)
    for path in engine_files(ROOT):
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, target)
    highlight = options.bib_name or bib_name(options.name)
    person = slug(options.name)
    facts = [options.name, options.email]
    values = {
        "name": options.name,
        "identity": identity_block(options, highlight),
        "language": python(options.language),
        "tex_name": python(f"{person}-cv.tex"),
        "papersize": python(f"{options.paper}paper"),
        "pdf_name": f"{person}-cv.pdf",
        "bib_name": highlight,
        "key": slug(highlight.split(",")[0]).replace("-", ""),
        "upstream": upstream_url(ROOT),
        "facts": ",\n    ".join(python(fact) for fact in facts) + ",",
    }
    write_starter(dest, values)
    # A repository from the start: the tests and the Read the Docs replica read git.
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=dest, check=True)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)
    print(f"A new CV for {options.name} is in {dest}.")
    print("Next: edit conf.py, sections/*.md and refs.bib; build and test as its README says.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
