"""Write a large synthetic CV: ``python tools/synthetic_cv.py --papers 300 DEST``.

DEST becomes a complete CV project of a fictional senior academic, laid out as
``nox -s new`` lays out a new user's (``tools/new_cv.py``: the engine's files
copied, the starter's pages and ``conf.py``), then filled with a long record:

- ``--papers N`` publications of every common kind (journal articles, conference
  papers, preprints, chapters, books and edited volumes, theses, reports, a
  patent, software and data sets), over about thirty years; about one in ten
  with 30 to 45 authors; DOIs (the ``10.5555`` example prefix) and links
  (``example.org``) on many. Each entry is written the way one exporter writes
  it: DBLP (``{\\"{o}}``, ``{-}``, aligned fields), Google Scholar (``title={…}``,
  ``{\\"o}``, ``and others``), Zotero's BibTeX and BibLaTeX (UTF-8, ``month =
  mar``, ``journaltitle``, ``file``), or by hand (biblatex's ``author+an``);
  the owner's name comes in one of the forms ``cv_highlight_names`` lists.
- ``--talks N`` talks (bib entries with the keyword ``talk``), some invited,
  a few keynotes and untitled seminars.
- ``--entries N`` CV entries (appointments, degrees, grants, awards, courses,
  students, service) spread over the starter's section pages.

The same seed writes the same files, byte for byte. Nobody in it is real: the
names are drawn from invented syllables. The publications page groups by kind;
the variants are a two-page short CV and a CV for funding applications, with
limits that hold at any size. It builds ``-W -n`` clean, HTML and PDF. The
benchmark (``tools/bench.py``) measures it beside the real CV. Run with
``--help`` for the options.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import random
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
import new_cv

#: The newest year of the record: fixed, so that a seed writes the same CV every year.
LAST_YEAR = 2025
FIRST_YEAR = 1995  # her first paper; the master's thesis is older

NAME = "Henrike Adebayo-Strömqvist"
FULL_NAME = "Henrike Maren Adebayo-Strömqvist"
GIVEN, FAMILY = "Henrike", "Adebayo-Strömqvist"
INSTITUTION = "University of Examplia"
IDENTITY = [
    "--name", NAME,
    "--email", "h.adebayo-stromqvist@example.org",
    "--full-name", FULL_NAME,
    "--honorific", "Prof. Dr.",
    "--role", f"Professor of Computational Hydrology, {INSTITUTION}",
    "--website", "https://example.org/has/",
    "--affiliation", INSTITUTION,
    "--address", "Department of Earth Systems, University of Examplia",
    "--address", "12 Riverside Lane, Northport 40123, Examplia",
]  # fmt: skip
#: The forms of her name that bib files use, as ``cv_highlight_names`` lists them.
HIGHLIGHT_NAMES = [
    f"{FAMILY}, {GIVEN}",
    f"{FAMILY}, {GIVEN} M.",
    f"{FAMILY}, H. M.",
    f"{FAMILY}, H.",
]
KEYWORDS = ["computational hydrology", "flood forecasting", "river and coastal modelling"]

# -- Invented people ------------------------------------------------------------------

GIVEN_NAMES = (
    "Aino", "Bastian", "Chidi", "Dagny", "Emeka", "Fenna", "Goran", "Hana", "Ilse", "Joaquín",
    "Kwame", "Lieke", "Matteo", "Nadia", "Oskar", "Priya", "Quentin", "Rosalind", "Søren",
    "Tomasz", "Ulla", "Valentina", "Wen", "Ximena", "Yusuf", "Zoë", "Anneke", "Björn",
    "Camille", "Dmitri", "Élodie", "Farid", "Greta", "Hiroshi", "Ines", "Jarek", "Kaja",
    "Leonie", "Mikael", "Noor", "Olamide", "Paulo", "Rania", "Sanna", "Thijs", "Uma",
    "Vikram", "Wiebke", "Yara", "Zeynep", "Łucja", "Andrés", "Mei", "Ruth", "Tariq",
)  # fmt: skip
SURNAME_HEADS = (
    "Ald", "Bren", "Cas", "Dorv", "Elm", "Fenn", "Gald", "Harv", "Isk", "Jorv", "Kell",
    "Lund", "Marv", "Nors", "Ost", "Pell", "Quarn", "Ross", "Selv", "Torv", "Ulm", "Vand",
    "Wess", "Yarr", "Zell", "Brand", "Hald", "Krov", "Mald", "Sten",
)  # fmt: skip
SURNAME_TAILS = (
    "ani", "beck", "court", "dahl", "enko", "ford", "gaard", "holm", "ides", "kov", "ley",
    "mann", "ner", "oya", "ová", "quist", "rsen", "stad", "ton", "uchi", "vik", "wick",
    "yama", "zić", "elli", "ør", "inger", "aro", "escu", "ström",
)  # fmt: skip
PARTICLES = ("van der", "de", "van", "da", "von")


@dataclass(frozen=True)
class Person:
    """A coauthor (or the owner): given names and family name, in Unicode."""

    given: str
    family: str
    owner: bool = False

    def initials(self) -> str:
        return " ".join(f"{part[0]}." for part in self.given.replace("-", " ").split())


class People:
    """A pool of invented coauthors: a core group who write often with her, and
    many who write once or twice; each is drawn with its own weight."""

    def __init__(self, rng: random.Random, size: int = 240) -> None:
        self.rng = rng
        seen: set[tuple[str, str]] = set()
        self.pool: list[Person] = []
        while len(self.pool) < size:
            family = rng.choice(SURNAME_HEADS) + rng.choice(SURNAME_TAILS)
            if rng.random() < 0.06:
                family = f"{rng.choice(PARTICLES)} {family}"
            given = rng.choice(GIVEN_NAMES)
            if rng.random() < 0.15:
                given += f" {rng.choice('ABCDEFGHJKLMNPRST')}."
            if (given, family) not in seen:
                seen.add((given, family))
                self.pool.append(Person(given, family))
        # A core of twenty collaborators write most of the papers with her.
        self.weights = [12.0 if index < 20 else 1.0 for index in range(size)]

    def draw(self, count: int) -> list[Person]:
        chosen: list[Person] = []
        while len(chosen) < count:
            person = self.rng.choices(self.pool, self.weights)[0]
            if person not in chosen:
                chosen.append(person)
        return chosen

    def students(self, count: int) -> list[Person]:
        """People outside the core group, for supervision entries."""
        return self.rng.sample(self.pool[20:], count)


OWNER = Person(GIVEN, FAMILY, owner=True)

# -- How exporters write LaTeX ----------------------------------------------------------

#: Accented letters as BibTeX writes them: (the short form, DBLP's form).
ACCENTS = {
    "á": (r"{\'a}", r"{\'{a}}"), "é": (r"{\'e}", r"{\'{e}}"), "í": (r"{\'i}", r"{\'{\i}}"),
    "ó": (r"{\'o}", r"{\'{o}}"), "ú": (r"{\'u}", r"{\'{u}}"), "É": (r"{\'E}", r"{\'{E}}"),
    "è": (r"{\`e}", r"{\`{e}}"), "ö": (r"{\"o}", r"{\"{o}}"), "ä": (r"{\"a}", r"{\"{a}}"),
    "ü": (r"{\"u}", r"{\"{u}}"), "ë": (r"{\"e}", r"{\"{e}}"), "Ö": (r"{\"O}", r"{\"{O}}"),
    "ï": (r"{\"\i}", r"{\"{\i}}"), "ø": (r"{\o}", r"{\o}"), "å": (r"{\aa}", r"{\aa}"),
    "ñ": (r"{\~n}", r"{\~{n}}"), "ç": (r"{\c c}", r"{\c{c}}"), "ć": (r"{\'c}", r"{\'{c}}"),
    "Ł": (r"{\L}", r"{\L}"), "ł": (r"{\l}", r"{\l}"),
}  # fmt: skip
ACRONYM = re.compile(r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,}s?)\b")


def tex(text: str, style: str, *, protect: bool = False) -> str:
    """``text`` as an exporter writes it into a field: ``dblp`` and ``scholar``
    spell accents as commands (``{\\"{o}}``, ``{\\"o}``), ``zotero`` keeps UTF-8;
    all escape ``&`` and ``%``; ``protect`` braces acronyms (``{GPU}``), as DBLP and
    Zotero do in titles."""
    text = text.replace("&", r"\&").replace("%", r"\%").replace("—", "---").replace("–", "--")
    if protect:
        text = ACRONYM.sub(r"{\1}", text)
    if style == "zotero":
        return text
    form = 1 if style == "dblp" else 0
    return "".join(ACCENTS[char][form] if char in ACCENTS else char for char in text)


def ascii_word(text: str) -> str:
    """``Adebayo-Strömqvist`` → ``AdebayoStromqvist``, for citation keys."""
    flat = unicodedata.normalize("NFKD", text.translate(new_cv.UNDECOMPOSED))
    return re.sub(r"[^A-Za-z0-9]", "", flat.encode("ascii", "ignore").decode())


def name_as(person: Person, style: str, rng: random.Random) -> str:
    """A name as one exporter writes it: DBLP ``Given Family`` with ``{-}`` for a
    hyphen, Scholar ``Family, Given`` or initials without stops, Zotero ``Family,
    Given`` in UTF-8. The owner is written in one of ``HIGHLIGHT_NAMES``' forms."""
    given, family = person.given, person.family
    if person.owner:
        # Google Scholar drops the full stops of initials.
        forms = ("H. M.", "H.") if style != "scholar" else ("HM", "H")
        given = rng.choice((GIVEN, f"{GIVEN} M{'.' if style != 'scholar' else ''}", *forms))
    elif style == "scholar" and rng.random() < 0.4:
        given = "".join(part[0] for part in given.replace("-", " ").split())
    if style == "dblp":
        return tex(f"{given} {family}", style).replace("-", "{-}")
    return f"{tex(family, style)}, {tex(given, style)}"


# -- Invented titles, venues and places ----------------------------------------------------

ADJECTIVES = (
    "Scalable", "Probabilistic", "Physics-Informed", "Adaptive", "Multi-Scale", "Robust",
    "Data-Driven", "Coupled", "Stochastic", "Hierarchical", "Lagrangian", "Ensemble-Based",
    "Na\u00efve", "High-Resolution", "Sparse", "Differentiable", "Bayesian", "Fast",
)  # fmt: skip
METHODS = (
    "Data Assimilation", "Surrogate Models", "Kalman Filtering", "Graph Neural Networks",
    "Finite-Volume Schemes", "Reduced-Order Models", "Particle Filters", "GPU Solvers",
    "Shallow-Water Solvers", "Uncertainty Quantification", "LSTM Networks",
    "Gaussian Processes", "Mesh Refinement", "Transfer Learning", "Model Coupling",
)  # fmt: skip
PROBLEMS = (
    "Flood Forecasting", "Rainfall–Runoff Modelling", "Sediment Transport",
    "Groundwater Recharge", "Estuarine Mixing", "Storm-Surge Prediction", "Drought Monitoring",
    "Snowmelt Runoff", "River Discharge Estimation", "Coastal Erosion", "Saltwater Intrusion",
    "Reservoir Operation", "Urban Drainage", "Flash-Flood Warning", "Wetland Dynamics",
)  # fmt: skip
SETTINGS = (
    "Ungauged Basins", "Braided Rivers", "the Fjärden Basin", "Tidal Estuaries",
    "Alpine Catchments", "Karst Aquifers", "Deltas & Floodplains", "Mediterranean Catchments",
    "Permafrost Regions", "Urban Catchments", "the Northport Delta", "Monsoon Climates",
    "Semi-Arid Régimes", "Lowland Polders", "Glacier-Fed Rivers",
)  # fmt: skip
PHENOMENA = (
    "Hysteresis", "Non-Stationarity", "Extreme Events", "Scale Effects", "Compound Flooding",
    "Memory Effects", "Tipping Points", "Connectivity",
)  # fmt: skip
TITLE_FORMS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"{r.choice(ADJECTIVES)} {r.choice(METHODS)} for {r.choice(PROBLEMS)}",
    lambda r: f"{r.choice(PROBLEMS)} in {r.choice(SETTINGS)} with {r.choice(METHODS)}",
    lambda r: f"On {r.choice(PHENOMENA)} in {r.choice(PROBLEMS)}",
    lambda r: (
        f"{r.choice(PHENOMENA)} in {r.choice(SETTINGS)}: "
        f"Evidence from {r.randint(3, 60)} Years of Records"
    ),
    lambda r: f"Towards {r.choice(ADJECTIVES)} {r.choice(PROBLEMS)}",
    lambda r: f"{r.choice(METHODS)} Revisited: {r.choice(ADJECTIVES)} {r.choice(PROBLEMS)}",
    lambda r: f"What Controls {r.choice(PHENOMENA)} in {r.choice(SETTINGS)}?",
)


@dataclass(frozen=True)
class Journal:
    name: str
    short: str
    publisher: str
    issn: str
    #: How its DOIs are formed: ``.`` or, as some publishers do, ``_``.
    separator: str = "."


JOURNALS = (
    Journal("Journal of Computational Hydrology", "jch", "Meridian Academic", "1234-5670"),
    Journal("Water Systems Letters", "wsl", "Halden & Crane", "2345-6781", "_"),
    Journal("Estuarine & Coastal Examples", "ece", "Northport Scientific", "3456-7892"),
    Journal("Transactions on Environmental Modelling", "tem", "Examplia Press", "4567-8903"),
    Journal("Hydrological Examples", "hex", "Meridian Academic", "5678-9014"),
    Journal("Advances in River Science", "ars", "Halden & Crane", "6789-0125", "_"),
    Journal("Geoscientific Model Examples", "gme", "Open Examples Society", "7890-1236"),
    Journal("Annals of Applied Hydrodynamics", "aah", "Northport Scientific", "8901-2347"),
    Journal("Journal of Flood Risk Examples", "jfre", "Examplia Press", "9012-3458"),
    Journal("Nature of Examples", "noe", "Meridian Academic", "0123-4569"),
    Journal("Environmental Data Science Review", "edsr", "Open Examples Society", "1357-9246"),
)
CONFERENCES = (
    ("ICCH", "International Conference on Computational Hydrology", 1988),
    ("HydroML", "Workshop on Machine Learning for Hydrology", 2016),
    ("SNMW", "Symposium on Numerical Methods in Water Examples", 1979),
    ("EnvInf", "International Symposium on Environmental Informatics", 1992),
    ("RFX", "River Flow Examples Conference", 2002),
    ("GeoComp", "Conference on Geocomputation and Modelling", 1996),
)
CITIES = (
    "Northport, Examplia", "Southbay, Examplia", "Lisbon, Portugal", "Delft, Netherlands",
    "Vienna, Austria", "Kyoto, Japan", "Boulder, CO, USA", "Trondheim, Norway",
    "Nairobi, Kenya", "Melbourne, Australia", "Zurich, Switzerland", "Montréal, Canada",
    "Cape Town, South Africa", "Valparaíso, Chile", "Online",
)  # fmt: skip
HOSTS = (
    "Department of Civil Engineering, University of Westmark",
    "Institute for Water Studies, Southbay Polytechnic",
    "School of Geosciences, Eastholm University",
    "Hydrology Seminar, Coastal Institute of Technology",
    "Centre for Climate Examples, Northport",
    "Water Resources Colloquium, University of Lakeside",
)
PUBLISHER_PLACES = {
    "Meridian Academic": "Cham",
    "Halden & Crane": "Abingdon",
    "Northport Scientific": "Northport",
    "Examplia Press": "Northport",
    "Open Examples Society": "Göttingen",
}
SUBJECTS = ("Hydrology", "Machine learning", "Floods", "Numerical methods", "Remote sensing")


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


# -- Bib entries -----------------------------------------------------------------------------


@dataclass
class Entry:
    """One bib entry: its type, fields (values as written) and the exporter's style."""

    bibtype: str
    key: str
    style: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    year: int = 0
    #: Fields written without braces (BibTeX macros such as ``month = mar``).
    bare: tuple[str, ...] = ()

    def add_keyword(self, word: str) -> None:
        for index, (name, value) in enumerate(self.fields):
            if name == "keywords":
                self.fields[index] = (name, f"{value}, {word}")
                return
        self.fields.append(("keywords", word))

    def render(self) -> str:
        if self.style == "dblp":
            # DBLP aligns the values and breaks author lists after each "and".
            lines = []
            for name, value in self.fields:
                shown = value.replace(" and ", " and\n" + " " * 18)
                lines.append(f"  {name:<12} = {{{shown}}}")
            return f"@{self.bibtype}{{{self.key},\n" + ",\n".join(lines) + "\n}\n"
        if self.style == "scholar":
            # Google Scholar: no spaces around "=", no comma after the last field.
            lines = [f"  {name}={{{value}}}" for name, value in self.fields]
            return f"@{self.bibtype}{{{self.key},\n" + ",\n".join(lines) + "\n}\n"
        if self.style == "zotero":
            lines = [
                f"\t{name} = {value if name in self.bare else '{' + value + '}'},"
                for name, value in self.fields
            ]
            return f"@{self.bibtype}{{{self.key},\n" + "\n".join(lines) + "\n}\n"
        width = max(len(name) for name, _ in self.fields)
        lines = [f"  {name:<{width}} = {{{value}}}," for name, value in self.fields]
        return f"@{self.bibtype}{{{self.key},\n" + "\n".join(lines) + "\n}\n"


#: Publication kinds and their share of the list (theses are added apart).
KIND_SHARES = (
    ("journal", 0.50),
    ("conference", 0.27),
    ("preprint", 0.07),
    ("chapter", 0.05),
    ("report", 0.03),
    ("book", 0.03),
    ("software", 0.02),
    ("dataset", 0.01),
    ("patent", 0.01),
    ("online", 0.01),
)
MANY_AUTHORS = (30, 45)


def apportion(total: int, shares: Sequence[tuple[str, float]], minimum: int = 0) -> dict[str, int]:
    """``total`` split by ``shares`` (largest remainders), each at least ``minimum``
    while the total allows, in the order of ``shares``."""
    weight = sum(share for _, share in shares)
    exact = {name: total * share / weight for name, share in shares}
    counts = {name: math.floor(value) for name, value in exact.items()}
    by_remainder = sorted(exact, key=lambda name: counts[name] - exact[name])
    for name in by_remainder[: total - sum(counts.values())]:
        counts[name] += 1
    for name, _ in shares:
        while counts[name] < minimum:
            donor = max(counts, key=lambda other: counts[other])
            if counts[donor] <= minimum:
                return counts
            counts[donor] -= 1
            counts[name] += 1
    return counts


@dataclass(frozen=True)
class Work:
    """The facts of one publication, before an exporter writes them."""

    title: str
    year: int
    pages: str = ""
    doi: str = ""
    volume: str = ""
    number: str = ""
    #: A conference paper's proceedings, its conference and the conference's acronym.
    venue: str = ""
    event: str = ""
    acronym: str = ""


class Writer:
    """Writes the publications and talks of one seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = People(rng)
        self.keys: set[str] = set()
        self.titles: set[str] = set()
        self.dois = 0

    # -- pieces -----------------------------------------------------------------------

    def title(self) -> str:
        for _ in range(1000):
            text = self.rng.choice(TITLE_FORMS)(self.rng)
            if text not in self.titles:
                self.titles.add(text)
                return text
        text = f"{text}, Part {len(self.titles)}"
        self.titles.add(text)
        return text

    def year(self, first: int = FIRST_YEAR) -> int:
        """A year, more papers in later ones, as a career grows."""
        years = list(range(first, LAST_YEAR + 1))
        return self.rng.choices(years, [1 + (y - FIRST_YEAR) * 0.3 for y in years])[0]

    def authors(self, many: bool, first_author: bool | None = None) -> list[Person]:
        count = (
            self.rng.randint(*MANY_AUTHORS)
            if many
            else self.rng.choices((1, 2, 3, 4, 5, 6, 7), (3, 10, 14, 12, 8, 4, 2))[0]
        )
        others = self.people.draw(count - 1)
        place = 0 if first_author else self.rng.randrange(count)
        if first_author is None and not many and self.rng.random() < 0.35:
            place = count - 1  # a senior author often comes last
        return [*others[:place], OWNER, *others[place:]]

    def key(self, style: str, authors: list[Person], year: int, title: str, venue: str) -> str:
        family = ascii_word(authors[0].family.split()[-1])
        word = next(
            (w.lower() for w in re.findall(r"[A-Za-z]{4,}", title) if w.lower() not in STOP),
            "paper",
        )
        if style == "dblp":
            initials = "".join(ascii_word(p.family.split()[-1])[:1] for p in authors[1:4])
            base = f"DBLP:{venue}/{family}{initials}{year % 100:02d}"
        elif style == "scholar":
            base = f"{family.lower()}{year}{word}"
        elif style == "zotero":
            base = f"{family.lower()}_{word}_{year}"
        else:
            base = f"{family.lower()}{year}{word}"
        key, suffix = base, 0
        while key in self.keys:
            suffix += 1
            key = (
                f"{base}{'abcdefghijklmnopqrstuvwxyz'[(suffix - 1) % 26]}{(suffix - 1) // 26 or ''}"
            )
        self.keys.add(key)
        return key

    def doi(self, journal: str, year: int, separator: str = ".") -> str:
        self.dois += 1
        return f"10.5555/{journal}{separator}{year}{separator}{self.dois:04d}"

    def names(self, people: list[Person], style: str, others: bool = False) -> str:
        text = " and ".join(name_as(person, style, self.rng) for person in people)
        return f"{text} and others" if others else text

    # -- one publication ----------------------------------------------------------------

    def publication(self, kind: str, many: bool, selected: bool) -> Entry:
        rng = self.rng
        style = rng.choices(("dblp", "scholar", "zotero", "biblatex"), (3, 4, 3, 2))[0]
        if kind in {"thesis", "book", "patent"}:
            style = rng.choice(("scholar", "biblatex"))
        if kind == "preprint" and style == "dblp":
            style = "arxiv"
        maker = getattr(self, f"_{kind}")
        entry: Entry = maker(style, many)
        if selected:
            if entry.style == "biblatex":
                entry.fields.append(("selected", "true"))  # al-folio's mark
            else:
                entry.add_keyword("selected")
        return entry

    def _people_fields(
        self, style: str, people: list[Person], many: bool
    ) -> tuple[str, list[tuple[str, str]]]:
        """The author field, and biblatex's marks (``author+an``) on a few entries."""
        # Google Scholar cuts long lists short; her name stays among those it keeps.
        cut = style == "scholar" and many
        if cut:
            mine = people.index(OWNER)
            people = people[: max(mine + 1, 20)]
        extra: list[tuple[str, str]] = []
        if style == "biblatex" and 1 < len(people) <= 8 and self.rng.random() < 0.5:
            marks = [f'{people.index(OWNER) + 1}="corresponding"']
            students = [i for i, p in enumerate(people) if not p.owner]
            if students:
                marks.insert(0, f'{self.rng.choice(students) + 1}="student"')
            extra.append(("author+an", "; ".join(sorted(marks))))
        return self.names(people, style, others=cut), extra

    def _common(
        self,
        style: str,
        bibtype: str,
        venue_key: str,
        authors: list[Person],
        work: Work,
    ) -> Entry:
        """The entry with its key, authors and title, in the exporter's order."""
        year, title = work.year, work.title
        key = self.key(style, authors, year, title, venue_key)
        author, marks = self._people_fields(style, authors, len(authors) >= MANY_AUTHORS[0])
        entry = Entry(bibtype, key, "zotero" if style == "zotero-bibtex" else style, year=year)
        shown_title = tex(title, style, protect=style in {"dblp", "zotero", "zotero-bibtex"})
        if style == "scholar":
            entry.fields += [("title", shown_title), ("author", author)]
        elif entry.style == "zotero":
            entry.fields += [("title", shown_title)]
            entry.fields += [("author", author)]
        else:
            entry.fields += [("author", author), *marks, ("title", shown_title)]
        return entry

    def _journal(self, style: str, many: bool) -> Entry:
        rng = self.rng
        journal = rng.choice(JOURNALS)
        year = self.year()
        start = rng.randint(1, 900)
        work = Work(
            title=self.title(),
            year=year,
            pages=f"{start}--{start + rng.randint(6, 30)}",
            doi=self.doi(journal.short, year, journal.separator) if year >= 2000 else "",
            volume=str(max(1, year - 1985 + JOURNALS.index(journal))),
            number=str(rng.randint(1, 12)),
        )
        if style == "zotero" and rng.random() < 0.5:
            style = "zotero-bibtex"
        venue = f"journals/{journal.short}"
        entry = self._common(style, "article", venue, self.authors(many), work)
        writer = {
            "dblp": self._article_dblp,
            "scholar": self._article_scholar,
            "zotero": self._article_zotero,
            "zotero-bibtex": self._article_zotero,
        }.get(style, self._article_biblatex)
        writer(entry, style, journal, work)
        return entry

    def _article_dblp(self, entry: Entry, style: str, journal: Journal, work: Work) -> None:
        rng, f = self.rng, entry.fields
        f += [("journal", tex(journal.name, style)), ("volume", work.volume)]
        f += [("number", work.number), ("pages", work.pages), ("year", str(work.year))]
        if work.doi:
            # DBLP escapes the underscores of a DOI.
            f += [("url", f"https://doi.org/{work.doi}"), ("doi", work.doi.replace("_", r"\_"))]
        day = (
            f"{WEEKDAYS[work.year % 7]}, {rng.randint(10, 28)} Mar {min(work.year + 1, LAST_YEAR)}"
        )
        f += [("timestamp", f"{day} 14:{rng.randint(10, 59)}:00 +0100")]
        f += [("biburl", f"https://example.org/dblp/rec/{entry.key[5:]}.bib")]
        f += [("bibsource", "dblp computer science bibliography, https://example.org/dblp")]

    def _article_scholar(self, entry: Entry, style: str, journal: Journal, work: Work) -> None:
        rng, f = self.rng, entry.fields
        f += [("journal", tex(journal.name, style)), ("volume", work.volume)]
        if rng.random() < 0.7:
            f += [("number", work.number)]
        if rng.random() < 0.2:
            f += [("pages", f"e{rng.randint(1000, 9999)}")]  # an article number as pages
        else:
            f += [("pages", work.pages.replace("--", rng.choice(("--", "-"))))]
        f += [("year", str(work.year)), ("publisher", tex(journal.publisher, style))]

    def _article_zotero(self, entry: Entry, style: str, journal: Journal, work: Work) -> None:
        """Zotero's field order; its BibLaTeX export keeps UTF-8 and writes dates."""
        rng, f = self.rng, entry.fields
        biblatex = style == "zotero"
        f += [("volume", work.volume)]
        if work.doi:
            f += [("issn", journal.issn)]
            f += [("url", f"https://example.org/articles/{work.doi.rpartition('/')[2]}")]
            f += [("doi", work.doi)]
        if rng.random() < 0.4:
            f += [("abstract", tex(abstract(rng, work.title), style))]
        f += [("langid", "english") if biblatex else ("language", "en")]
        f += [("number", work.number)]
        visited = f"{min(work.year + 2, LAST_YEAR)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        f += [("urldate", visited)]
        f += [("journaltitle" if biblatex else "journal", tex(journal.name, style))]
        month = rng.randint(1, 12)
        if biblatex:
            f += [("date", f"{work.year}-{month:02d}")]
            f += [("pages", work.pages.replace("--", "\u2013"))]
        else:
            f += [("month", MONTHS[month - 1]), ("year", str(work.year)), ("pages", work.pages)]
            entry.bare = ("month",)
        f += [("keywords", ", ".join(rng.sample(SUBJECTS, 2)))]
        folder = entry.key[:8].upper()
        f += [
            (
                "file",
                f"Full Text PDF:/home/henrike/Zotero/storage/{folder}/paper.pdf:application/pdf",
            )
        ]

    def _article_biblatex(self, entry: Entry, style: str, journal: Journal, work: Work) -> None:
        """Written by hand, as al-folio's users do: links to the paper's material."""
        rng, f = self.rng, entry.fields
        f += [("journaltitle", tex(journal.name, style)), ("volume", work.volume)]
        f += [("number", work.number), ("pages", work.pages)]
        f += [("date", f"{work.year}-{rng.randint(1, 12):02d}")]
        if work.doi:
            f += [("doi", work.doi)]
        if rng.random() < 0.4:
            f += [("pdf", f"https://example.org/has/papers/{entry.key}.pdf")]
        if rng.random() < 0.2:
            f += [("code", f"https://example.org/has/code/{entry.key}")]

    def _conference(self, style: str, many: bool) -> Entry:
        rng = self.rng
        acronym, name, founded = rng.choice(CONFERENCES)
        year = self.year(max(FIRST_YEAR, founded + 1))
        start = rng.randint(1, 400)
        work = Work(
            title=self.title(),
            year=year,
            pages=f"{start}--{start + rng.randint(4, 12)}",
            doi=self.doi(acronym.lower(), year) if year >= 2005 and rng.random() < 0.8 else "",
            venue=f"Proceedings of the {ordinal(year - founded)} {name} ({acronym} {year})",
            event=name,
            acronym=acronym,
        )
        if style == "zotero" and rng.random() < 0.5:
            style = "zotero-bibtex"
        venue = f"conf/{acronym.lower()}"
        entry = self._common(style, "inproceedings", venue, self.authors(many), work)
        writer = {
            "dblp": self._paper_dblp,
            "scholar": self._paper_scholar,
            "zotero": self._paper_zotero,
            "zotero-bibtex": self._paper_zotero,
        }.get(style, self._paper_biblatex)
        writer(entry, style, work)
        return entry

    def _paper_dblp(self, entry: Entry, style: str, work: Work) -> None:
        f = entry.fields
        f += [("booktitle", tex(f"{work.acronym} {work.year}", style, protect=True))]
        f += [("pages", work.pages), ("publisher", tex("Examplia Press", style))]
        f += [("year", str(work.year))]
        if work.doi:
            f += [("url", f"https://doi.org/{work.doi}"), ("doi", work.doi)]
        f += [("biburl", f"https://example.org/dblp/rec/{entry.key[5:]}.bib")]
        f += [("bibsource", "dblp computer science bibliography, https://example.org/dblp")]

    def _paper_scholar(self, entry: Entry, style: str, work: Work) -> None:
        f = entry.fields
        f += [("booktitle", tex(work.venue, style)), ("pages", work.pages)]
        f += [("year", str(work.year))]
        f += [("organization", tex(self.rng.choice(("IEEE", "ACM", "Examplia Press")), style))]

    def _paper_zotero(self, entry: Entry, style: str, work: Work) -> None:
        rng, f = self.rng, entry.fields
        biblatex = style == "zotero"
        f += [("booktitle", tex(work.venue, style))]
        if work.doi:
            f += [("doi", work.doi)]
        f += [("publisher", tex("Halden & Crane", style))]
        f += [("location" if biblatex else "address", "Northport")]
        if biblatex:
            f += [("eventtitle", tex(work.event, style))]
            f += [("date", f"{work.year}-{rng.randint(5, 9):02d}-{rng.randint(10, 28)}")]
        else:
            f += [("month", MONTHS[rng.randint(4, 8)]), ("year", str(work.year))]
            entry.bare = ("month",)
        f += [("pages", work.pages)]
        if rng.random() < 0.4:
            f += [("abstract", tex(abstract(rng, work.title), style))]

    def _paper_biblatex(self, entry: Entry, style: str, work: Work) -> None:
        rng, f = self.rng, entry.fields
        f += [("booktitle", tex(work.venue, style))]
        f += [("editor", self.names(self.people.draw(2), style))]
        f += [("publisher", "Examplia Press"), ("location", "Northport")]
        f += [("pages", work.pages), ("year", str(work.year))]
        if work.doi:
            f += [("doi", work.doi)]
        if rng.random() < 0.3:
            f += [("slides", f"https://example.org/has/slides/{entry.key}.pdf")]
        if rng.random() < 0.15:
            f += [("video", f"https://example.org/has/video/{entry.key}")]

    def _preprint(self, style: str, many: bool) -> Entry:
        rng = self.rng
        year = self.year(2016)
        title = self.title()
        authors = self.authors(many)
        eprint = f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}"
        if style == "scholar":
            entry = self._common(style, "article", "journals/corr", authors, Work(title, year))
            entry.fields += [("journal", f"arXiv preprint arXiv:{eprint}"), ("year", str(year))]
        elif style == "arxiv":
            entry = self._common("biblatex", "misc", "journals/corr", authors, Work(title, year))
            entry.fields += [("eprint", eprint), ("archiveprefix", "arXiv")]
            entry.fields += [
                ("primaryclass", rng.choice(("physics.ao-ph", "cs.LG", "physics.flu-dyn")))
            ]
            entry.fields += [("year", str(year))]
            entry.fields += [("url", f"https://arxiv.org/abs/{eprint}")]
        elif style == "biblatex" and rng.random() < 0.5:
            entry = self._common(style, "unpublished", "", authors, Work(title, year))
            state = rng.choice(("submitted", "underreview", "inpreparation"))
            entry.fields += [("pubstate", state)]
            if state == "submitted":
                entry.fields += [
                    ("addendum", f"Submitted to {tex(rng.choice(JOURNALS).name, style)}")
                ]
        else:
            entry = self._common(style, "article", "journals/corr", authors, Work(title, year))
            server = rng.choice(("EarthArXiv", "Authorea Preprints"))
            entry.fields += [("journal", f"{server}"), ("year", str(year))]
            entry.fields += [("doi", self.doi("essoar", year))]
        return entry

    def _chapter(self, style: str, many: bool) -> Entry:
        rng = self.rng
        year = self.year(2000)
        title = self.title()
        authors = self.authors(False)
        book = f"Handbook of {rng.choice(PROBLEMS)}"
        start = rng.randint(1, 500)
        entry = self._common(style, "incollection", "books/hb", authors, Work(title, year))
        f = entry.fields
        f += [
            ("booktitle", tex(book, entry.style)),
            ("editor", self.names(self.people.draw(3), entry.style)),
        ]
        f += [("publisher", tex(rng.choice(list(PUBLISHER_PLACES)), entry.style))]
        f += [
            ("chapter", str(rng.randint(2, 24))),
            ("pages", f"{start}--{start + rng.randint(15, 40)}"),
        ]
        f += [("year", str(year))]
        if year >= 2005:
            f += [("doi", self.doi("hb", year))]
        return entry

    def _book(self, style: str, many: bool) -> Entry:
        rng = self.rng
        year = self.year(2003)
        publisher = rng.choice(list(PUBLISHER_PLACES))
        if rng.random() < 0.5:
            # An edited volume: the proceedings of a conference she chaired.
            acronym, name, founded = rng.choice(CONFERENCES)
            year = max(year, founded + 1)
            title = f"Proceedings of the {ordinal(year - founded)} {name}"
            editors = [OWNER, *self.people.draw(rng.randint(1, 3))]
            key = self.key(style, editors, year, f"{acronym} proceedings", "conf")
            entry = Entry("proceedings", key, style, year=year)
            entry.fields += [("editor", self.names(editors, style)), ("title", tex(title, style))]
            entry.fields += [("publisher", tex(publisher, style)), ("year", str(year))]
            entry.fields += [("isbn", isbn(rng))]
            return entry
        title = f"{rng.choice(METHODS)} in {rng.choice(PROBLEMS)}"
        authors = [OWNER, *self.people.draw(rng.randint(0, 2))]
        entry = self._common(style, "book", "books", authors, Work(title, year))
        f = entry.fields
        if rng.random() < 0.5:
            f += [("edition", str(rng.randint(2, 3)))]
        f += [
            ("series", "Examplia Lecture Notes in Earth Sciences"),
            ("number", str(rng.randint(3, 90))),
        ]
        f += [
            ("publisher", tex(publisher, entry.style)),
            ("address", tex(PUBLISHER_PLACES[publisher], entry.style)),
        ]
        f += [("year", str(year)), ("isbn", isbn(rng))]
        return entry

    def _report(self, style: str, many: bool) -> Entry:
        rng = self.rng
        year = self.year(1998)
        entry = self._common(
            style, "techreport", "tr", self.authors(False), Work(self.title(), year)
        )
        institution = rng.choice((INSTITUTION, "Examplia Water Agency", "Northport Flood Board"))
        entry.fields += [("institution", tex(institution, entry.style))]
        entry.fields += [("number", f"EWA-TR-{year}-{rng.randint(1, 40):02d}"), ("year", str(year))]
        if rng.random() < 0.5:
            entry.fields += [("url", f"https://example.org/reports/{year}/{rng.randint(100, 999)}")]
        return entry

    def _thesis(self, style: str, many: bool, *, degree: str = "phd") -> Entry:
        year = 1997 if degree == "phd" else 1993
        title = (
            "Coupled Surface–Subsurface Flow in Lowland Catchments"
            if degree == "phd"
            else "Numerical Experiments on Tidal Mixing in the Fj\u00e4rden Basin"
        )
        self.titles.add(title)
        key = self.key(style, [OWNER], year, title, "thesis")
        if degree == "phd":
            entry = Entry("phdthesis", key, style, year=year)
            entry.fields += [
                ("author", name_as(OWNER, style, self.rng)),
                ("title", tex(title, style)),
            ]
            entry.fields += [("school", "University of Westmark"), ("address", "Westmark")]
            entry.fields += [("year", str(year)), ("url", "https://example.org/has/thesis.pdf")]
        else:
            entry = Entry("thesis", key, "biblatex", year=year)
            entry.fields += [("author", name_as(OWNER, "biblatex", self.rng))]
            entry.fields += [("title", tex(title, "biblatex")), ("type", "mathesis")]
            entry.fields += [("institution", "University of Westmark"), ("date", f"{year}-06")]
        return entry

    def _patent(self, style: str, many: bool) -> Entry:
        rng = self.rng
        year = self.year(2005)
        title = f"Device for {rng.choice(PROBLEMS)}"
        self.titles.add(title)
        authors = [OWNER, *self.people.draw(rng.randint(1, 3))]
        entry = self._common("biblatex", "patent", "patent", authors, Work(title, year))
        entry.fields += [("type", rng.choice(("patentus", "patenteu")))]
        entry.fields += [
            ("number", f"{rng.randint(10, 11)},{rng.randint(100, 999)},{rng.randint(100, 999)}")
        ]
        entry.fields += [("holder", "{University of Examplia}")]
        entry.fields += [("date", f"{year}-{rng.randint(1, 12):02d}-{rng.randint(10, 28)}")]
        return entry

    def _software(self, style: str, many: bool) -> Entry:
        rng = self.rng
        year = self.year(2010)
        name = rng.choice(("hydro", "flood", "river", "delta")) + rng.choice(("kit", "cast", "sim"))
        title = f"{name}: {rng.choice(METHODS)} in Python"
        self.titles.add(title)
        authors = [OWNER, *self.people.draw(rng.randint(1, 4))]
        entry = self._common("biblatex", "software", "software", authors, Work(title, year))
        entry.fields += [
            ("version", f"{rng.randint(1, 4)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}")
        ]
        entry.fields += [("organization", "Hydrological Modelling Group")]
        entry.fields += [
            ("year", str(year)),
            ("repository", f"https://example.org/has/code/{name}"),
        ]
        entry.fields += [("doi", self.doi("zenodo", year))]
        return entry

    def _dataset(self, style: str, many: bool) -> Entry:
        rng = self.rng
        year = self.year(2010)
        first = rng.randint(1950, 2000)
        title = f"Daily Discharge of {rng.randint(12, 480)} Rivers in Examplia, {first}--{year - 1}"
        self.titles.add(title)
        authors = [OWNER, *self.people.draw(rng.randint(1, 3))]
        entry = self._common("biblatex", "dataset", "data", authors, Work(title, year))
        entry.fields += [
            ("version", str(rng.randint(1, 4))),
            ("publisher", "Examplia Data Archive"),
        ]
        entry.fields += [("year", str(year)), ("doi", self.doi("eda", year))]
        return entry

    def _online(self, style: str, many: bool) -> Entry:
        rng = self.rng
        year = self.year(2012)
        entry = self._common("biblatex", "online", "blog", [OWNER], Work(self.title(), year))
        entry.fields += [("organization", "The Examplia Water Blog")]
        entry.fields += [("date", f"{year}-{rng.randint(1, 12):02d}-{rng.randint(10, 28)}")]
        entry.fields += [("url", f"https://example.org/blog/{entry.key}")]
        return entry

    # -- talks ---------------------------------------------------------------------------

    def talk(self, index: int) -> Entry:
        rng = self.rng
        year = self.year(2000)
        month, day = rng.randint(1, 12), rng.randint(1, 25)
        kind = rng.choices(("invited", "keynote", "seminar", "contributed"), (35, 8, 10, 47))[0]
        if index == 0:
            kind = "invited"  # the short CV lists invited talks: have one at any size
        speakers = [OWNER]
        if kind == "contributed" and rng.random() < 0.6:
            speakers = self.authors(False)
        key = f"talk{year}{ascii_word(rng.choice(SURNAME_HEADS)).lower()}"
        while key in self.keys:
            key += rng.choice("abcdefghijklmnopqrstuvwxyz")
        self.keys.add(key)
        entry = Entry("misc", key, "biblatex", year=year)
        entry.fields += [("author", self.names(speakers, "biblatex"))]
        if kind == "seminar":
            entry.fields += [("eventtitle", tex(rng.choice(HOSTS), "biblatex"))]
            entry.fields += [("date", f"{year}-{month:02d}-{day:02d}")]
            entry.fields += [("keywords", "talk, invited")]
            return entry
        title = self.title()
        acronym, name, founded = rng.choice(CONFERENCES)
        event = f"{name} ({acronym} {year})" if year > founded else rng.choice(HOSTS)
        entry.fields += [("title", tex(title, "biblatex")), ("eventtitle", tex(event, "biblatex"))]
        entry.fields += [("venue", tex(rng.choice(CITIES), "biblatex"))]
        if kind in {"contributed", "keynote"}:
            entry.fields += [
                ("date", f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{day + 3:02d}")
            ]
        else:
            entry.fields += [("date", f"{year}-{month:02d}-{day:02d}")]
        entry.fields += [
            ("keywords", {"invited": "talk, invited", "keynote": "talk, keynote"}.get(kind, "talk"))
        ]
        if rng.random() < 0.2:
            entry.fields += [("slides", f"https://example.org/has/slides/{key}.pdf")]
        return entry


STOP = frozenset({"with", "from", "towards", "what", "controls", "revisited", "years", "evidence"})
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def abstract(rng: random.Random, title: str) -> str:
    return (
        f"We study {title[0].lower()}{title[1:]}. "
        f"Across {rng.randint(3, 200)} catchments and {rng.randint(5, 40)} years of records, "
        f"the method reduces the forecast error by {rng.randint(5, 45)}% "
        "while running faster than the operational model & keeping its physical consistency."
    )


def isbn(rng: random.Random) -> str:
    """An ISBN-13 of the 978-0-00 block, with its check digit."""
    digits = f"978000{rng.randint(0, 999999):06d}"
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return f"{digits[:3]}-{digits[3]}-{digits[4:6]}-{digits[6:12]}-{check}"


def bibliography(rng: random.Random, papers: int, talks: int) -> str:
    """The refs.bib text: ``papers`` publications, then ``talks`` talks."""
    writer = Writer(rng)
    entries: list[Entry] = []
    theses = ["phd"] if papers >= 4 else []
    if papers >= 40:
        theses.append("master")
    for degree in theses:
        entries.append(writer._thesis(rng.choice(("scholar", "biblatex")), False, degree=degree))
    counts = apportion(papers - len(theses), KIND_SHARES)
    kinds = [kind for kind, count in counts.items() for _ in range(count)]
    rng.shuffle(kinds)
    open_kinds = [
        i for i, kind in enumerate(kinds) if kind in {"journal", "conference", "preprint"}
    ]
    many = set(rng.sample(open_kinds, min(len(open_kinds), round(papers / 10))))
    chosen = set(rng.sample(range(len(kinds)), min(len(kinds), max(1, papers // 25))))
    entries += [
        writer.publication(kind, index in many, index in chosen) for index, kind in enumerate(kinds)
    ]
    # As a bib file grows: newest first, the way most people paste new entries on top.
    entries.sort(key=lambda entry: -entry.year)
    spoken = sorted((writer.talk(index) for index in range(talks)), key=lambda e: -e.year)
    head = (
        "% Publications and talks. Pasted from DBLP, Google Scholar and Zotero over the years;\n"
        '% the talks (keyword "talk") follow the publications.\n\n'
    )
    return (
        head
        + "\n".join(e.render() for e in entries)
        + "\n% Talks\n\n"
        + "\n".join(e.render() for e in spoken)
    )


# -- Section pages --------------------------------------------------------------------------

#: Each entry kind: its page, its share of ``--entries``.
ENTRY_SHARES = (
    ("appointment", 0.12),
    ("education", 0.05),
    ("grant", 0.18),
    ("award", 0.12),
    ("teaching", 0.15),
    ("supervision", 0.20),
    ("service", 0.18),
)
HOME = "Northport, Examplia"
APPOINTMENTS = (
    ("Professor of Computational Hydrology", INSTITUTION, HOME, "2014-09", "present"),
    ("Head of Department of Earth Systems", INSTITUTION, HOME, "2019-01", "2023-12"),
    ("Associate Professor", INSTITUTION, HOME, "2008-09", "2014-08"),
    ("Visiting Professor", "Institute for Water Studies, Southbay Polytechnic",
     "Southbay, Examplia", "2012-02", "2012-07"),
    ("Assistant Professor", "Coastal Institute of Technology", "Eastholm, Examplia",
     "2002-09", "2008-08"),
    ("Postdoctoral Fellow", "Centre for Climate Examples", HOME, "1999-10", "2002-08"),
    ("Research Associate", "University of Westmark", "Westmark", "1997-10", "1999-09"),
    ("Visiting Researcher", "Hydraulics Laboratory, University of Lakeside", "Lakeside",
     "1996-04", "1996-09"),
    ("Research Intern", "Examplia Water Agency", HOME, "1992-06", "1992-09"),
)  # fmt: skip
DEGREES = (
    ("PhD in Civil Engineering (Hydrology)", "University of Westmark", "1993-10", "1997-09",
     "Thesis: *Coupled Surface–Subsurface Flow in Lowland Catchments*."),
    ("MSc in Environmental Engineering", "University of Westmark", "1991-10", "1993-09",
     "Thesis: *Numerical Experiments on Tidal Mixing in the Fjärden Basin*."),
    ("BSc in Physics", "Eastholm University", "1988-09", "1991-07", ""),
    ("Habilitation in Hydrology", INSTITUTION, "2006-01", "2007-11", ""),
)  # fmt: skip
FUNDERS = (
    ("Examplia Research Council", "EUR"), ("Open Science Foundation", "USD"),
    ("Examplia Water Agency", "EUR"), ("Northport Flood Board", "EUR"),
    ("International Examples Programme", "EUR"),
)  # fmt: skip
AWARD_NAMES = (
    ("Medal for Hydrological Modelling", "International Society for Water Examples"),
    ("Best Paper Award", "International Conference on Computational Hydrology"),
    ("Fellow", "Examplia Academy of Sciences"),
    ("Teaching Excellence Award", INSTITUTION),
    ("Early Career Award", "Examplia Geoscience Union"),
    ("Outstanding Reviewer Award", "Journal of Computational Hydrology"),
    ("Distinguished Lecturer", "Open Examples Society"),
)
COURSES = (
    ("Hydrology", "Undergraduate"), ("Numerical Methods for Water Flows", "Graduate"),
    ("Data Assimilation", "Graduate"), ("Fluid Mechanics", "Undergraduate"),
    ("Machine Learning for Earth Sciences", "Graduate"),
    ("Field Course in River Science", "Undergraduate"),
    ("Statistics for Engineers", "Undergraduate"), ("Coastal Processes", "Graduate"),
)  # fmt: skip
SERVICE = (
    ("Associate Editor", "*Journal of Computational Hydrology*"),
    ("Editor-in-Chief", "*Water Systems Letters*"),
    ("Program Committee Member", "International Conference on Computational Hydrology"),
    ("Reviewer", "Examplia Research Council"),
    ("Panel Member", "Open Science Foundation"),
    ("Member, Faculty Board", INSTITUTION),
    ("Chair, Scientific Committee", "Workshop on Machine Learning for Hydrology"),
    ("Reviewer", "*Hydrological Examples*"),
    ("External Examiner", "University of Lakeside"),
)


def directive(name: str, argument: str, options: Sequence[tuple[str, str]], body: str = "") -> str:
    lines = [f":::{{{name}}} {argument}", *(f":{key}: {value}" for key, value in options if value)]
    if body:
        lines += ["", body]
    return "\n".join([*lines, ":::"]) + "\n"


def term(rng: random.Random, year: int) -> str:
    return f"{rng.choice(('Spring', 'Fall'))} {year}"


def appointments(rng: random.Random, count: int) -> list[str]:
    chosen = sorted(APPOINTMENTS[:count], key=lambda item: item[3], reverse=True)
    return [
        directive(
            "cv-entry",
            title,
            [("organisation", place), ("location", town), ("start", start), ("end", end)],
            "\n".join(f"- {bullet}" for bullet in rng.sample(BULLETS, rng.randint(1, 3))),
        )
        for title, place, town, start, end in chosen
    ]


def degrees(count: int) -> list[str]:
    chosen = sorted(DEGREES[:count], key=lambda item: item[2], reverse=True)
    return [
        directive(
            "cv-entry", title, [("organisation", place), ("start", start), ("end", end)], body
        )
        for title, place, start, end, body in chosen
    ]


def newest_first(items: list[tuple[int, str]]) -> list[str]:
    return [text for _, text in sorted(items, key=lambda item: -item[0])]


def grants(rng: random.Random, count: int) -> list[str]:
    items = []
    for _ in range(count):
        start = rng.randint(2000, LAST_YEAR - 1)
        funder, currency = rng.choice(FUNDERS)
        end = start + rng.randint(2, 5)
        items.append((start, directive(
            "cv-grant",
            f"{rng.choice(ADJECTIVES)} {rng.choice(PROBLEMS)}",
            [("funder", funder), ("role", rng.choice(("PI", "PI", "Co-PI", "Co-I"))),
             ("amount", f"{currency} {rng.randint(8, 250) * 10_000:,}"),
             ("start", f"{start}-{rng.randint(1, 12):02d}"),
             ("end", "present" if end > LAST_YEAR else f"{end}-{rng.randint(1, 12):02d}")],
        )))  # fmt: skip
    return newest_first(items)


def awards(rng: random.Random, count: int) -> list[str]:
    items = []
    for _ in range(count):
        year = rng.randint(1998, LAST_YEAR)
        name, by = rng.choice(AWARD_NAMES)
        date = f"{year}-{rng.randint(1, 12):02d}"
        items.append((year, directive("cv-award", name, [("by", by), ("date", date)])))
    return newest_first(items)


def courses(rng: random.Random, count: int) -> list[str]:
    items = []
    for index in range(count):
        course, level = COURSES[index % len(COURSES)]
        if index >= len(COURSES):
            course = f"{course} {'II' if index < 2 * len(COURSES) else 'III'}"
        start = rng.randint(1998, LAST_YEAR - 2)
        end = "present" if rng.random() < 0.3 else term(rng, rng.randint(start + 1, LAST_YEAR))
        items.append((start, directive(
            "cv-teaching", course,
            [("institution", INSTITUTION if start >= 2008 else "Coastal Institute of Technology"),
             ("level", level), ("role", "Instructor"), ("start", f"Fall {start}"), ("end", end)],
        )))  # fmt: skip
    return newest_first(items)


def students(rng: random.Random, count: int) -> list[str]:
    items = []
    for person in People(rng, size=400).students(count):
        start = rng.randint(2000, LAST_YEAR - 1)
        degree = rng.choice(("PhD", "PhD", "MSc", "Postdoc"))
        length = {"PhD": 4, "MSc": 1, "Postdoc": 2}[degree]
        ongoing = start + length > LAST_YEAR
        end = "present" if ongoing else f"{start + length}-{rng.randint(1, 12):02d}"
        outcome = "" if ongoing else rng.choice(OUTCOMES)
        items.append((start, directive(
            "cv-supervision", f"{person.given} {person.family}",
            [("degree", degree), ("institution", INSTITUTION),
             ("role", rng.choice(("Main supervisor", "Co-supervisor"))),
             ("start", f"{start}-{rng.randint(1, 12):02d}"), ("end", end), ("outcome", outcome)],
        )))  # fmt: skip
    return newest_first(items)


def service(rng: random.Random, count: int) -> list[str]:
    items = []
    for index in range(count):
        role, body = SERVICE[index % len(SERVICE)]
        start = rng.randint(2000, LAST_YEAR - 1)
        if rng.random() < 0.5:
            years = sorted(rng.sample(range(start, LAST_YEAR + 1), min(3, LAST_YEAR + 1 - start)))
            options = [("body", body), ("years", ", ".join(map(str, years)))]
        else:
            end = "present" if rng.random() < 0.3 else str(rng.randint(start, LAST_YEAR))
            options = [("body", body), ("start", str(start)), ("end", end)]
        items.append((start, directive("cv-service", role, options)))
    return newest_first(items)


def page(title: str, *parts: tuple[str, list[str]]) -> str:
    """A section page: its title, then each part under its heading (none for "")."""
    lines = [f"# {title}\n"]
    for heading, texts in parts:
        if texts:
            lines += [f"## {heading}\n"] if heading else []
            lines += texts
    return "\n".join(lines)


def section_pages(rng: random.Random, entries: int) -> dict[str, str]:
    """The section pages, by file name under ``sections/``."""
    counts = apportion(entries, ENTRY_SHARES, minimum=1)
    # Her career has as many appointments and degrees as it has; the rest supervise.
    for kind, limit in (("appointment", len(APPOINTMENTS)), ("education", len(DEGREES))):
        if counts[kind] > limit:
            counts["supervision"] += counts[kind] - limit
            counts[kind] = limit
    interests = "".join(f"- {topic}\n" for topic in RESEARCH_INTERESTS)
    return {
        "experience.md": page("Appointments", ("", appointments(rng, counts["appointment"]))),
        "education.md": page("Education", ("", degrees(counts["education"]))),
        "awards.md": page(
            "Grants and Awards",
            ("Research Grants", grants(rng, counts["grant"])),
            ("Awards and Honours", awards(rng, counts["award"])),
        ),
        "teaching.md": page(
            "Teaching",
            ("", courses(rng, counts["teaching"])),
            ("Supervision", students(rng, counts["supervision"])),
        ),
        "service.md": page("Service", ("", service(rng, counts["service"]))),
        "research-interests.md": f"# Research Interests\n\n{interests}",
        "skills.md": SKILLS,
        "publications.md": "# Publications\n\n:::{cv-publications}\n:group-by: kind\n:::\n",
    }


BULLETS = (
    "Leads the Hydrological Modelling Group (15 members).",
    "Built the national flood-forecasting chain now run by the Examplia Water Agency.",
    "Founded the graduate programme in Water Systems.",
    "Coordinated a consortium of nine partners across four countries.",
    "Taught the core hydrology sequence to 200 students a year.",
    "Set up the department's high-performance computing cluster.",
)
OUTCOMES = (
    "now Lecturer at Northport Polytechnic",
    "now Senior Scientist, Examplia Water Agency",
    "thesis: Ensemble Forecasts for Small Rivers",
    "now Assistant Professor, University of Lakeside",
    "now in industry",
)
RESEARCH_INTERESTS = (
    "Flood forecasting and early warning",
    "Data assimilation in river and coastal models",
    "Machine learning and physics-based hydrological models",
    "Uncertainty in water-resources planning",
)
SKILLS = """\
# Skills

- **Programming:** Python, Fortran, C++, Julia
- **Modelling:** shallow-water and groundwater solvers, ensemble data assimilation
- **Languages:** English, German, Swedish, Yoruba (conversational)
"""

CONF_VARIANTS = """\
cv_variants = {
    # For grant and fellowship applications: at most two pages.
    "short": {
        "title": "Short CV",
        "label": "short CV",
        "sections": {
            "sections/education": None,
            "sections/experience": {"limit": 4, "bullets": 0},
            "sections/awards": {"limit": 4},
            "sections/publications": {"keywords": ["selected"], "limit": 8},
            "sections/talks": {"keywords": ["invited", "keynote"], "limit": 4},
        },
        "titles": {
            "sections/publications": "Selected Publications",
            "sections/talks": "Selected Talks",
        },
        "max_pages": 2,
    },
    # A funder's format: the latest of each, journal and conference papers only.
    "funding": {
        "title": "CV for Funding Applications",
        "label": "funding CV",
        "sections": {
            "sections/experience": {"limit": 5, "bullets": 1},
            "sections/education": None,
            "sections/awards": {"limit": 8},
            "sections/publications": {"kinds": ["journal", "conference"], "limit": 20},
            "sections/teaching": {"limit": 8},
        },
        "max_pages": 5,
    },
}
"""


def configure(conf: str) -> str:
    """The starter's ``conf.py`` with her name forms, topics and variants."""
    highlight = (
        "cv_highlight_names = [\n" + "".join(f'    "{name}",\n' for name in HIGHLIGHT_NAMES) + "]"
    )
    keywords = "cv_keywords = [" + ", ".join(f'"{k}"' for k in KEYWORDS) + "]"
    replacements = (
        (re.compile(r"^cv_highlight_names = .*$", re.MULTILINE), highlight),
        (re.compile(r"^cv_keywords = .*$", re.MULTILINE), keywords),
        (re.compile(r"^cv_variants = \{\n.*?^\}\n", re.MULTILINE | re.DOTALL), CONF_VARIANTS),
    )
    for pattern, text in replacements:
        conf, found = pattern.subn(lambda _match, text=text: text, conf)
        if found != 1:
            raise RuntimeError(f"the starter's conf.py has no {pattern.pattern!r} to replace")
    return conf


# -- The command ------------------------------------------------------------------------------


def generate(dest: Path, papers: int, talks: int, entries: int, seed: int) -> None:
    """Write the CV into ``dest`` (missing or empty)."""
    with contextlib.redirect_stdout(io.StringIO()):
        status = new_cv.main([str(dest), *IDENTITY])
    if status != 0:
        raise SystemExit(status)
    rng = random.Random(seed)
    (dest / "refs.bib").write_text(bibliography(rng, papers, talks), encoding="utf-8")
    for name, text in section_pages(rng, entries).items():
        (dest / "sections" / name).write_text(text, encoding="utf-8")
    conf = dest / "conf.py"
    conf.write_text(configure(conf.read_text(encoding="utf-8")), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)


def arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="the project's folder (empty or missing)")
    parser.add_argument("--papers", type=int, default=300, help="publications (default: 300)")
    parser.add_argument("--talks", type=int, default=80, help="talks (default: 80)")
    parser.add_argument("--entries", type=int, default=60, help="CV entries (default: 60)")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default: 1)")
    options = parser.parse_args(argv)
    # The pages list publications, talks and every kind of entry: none may be empty.
    if options.papers < 1 or options.talks < 1:
        parser.error("--papers and --talks must be at least 1")
    if options.entries < len(ENTRY_SHARES):
        parser.error(f"--entries must be at least {len(ENTRY_SHARES)}, one of each kind")
    return options


def main(argv: Sequence[str] | None = None) -> int:
    options = arguments(argv)
    generate(options.dest.resolve(), options.papers, options.talks, options.entries, options.seed)
    print(
        f"A synthetic CV ({options.papers} papers, {options.talks} talks, "
        f"{options.entries} entries, seed {options.seed}) is in {options.dest}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
