"""Bib entries as reference managers and search engines read them.

A schema.org ``ScholarlyArticle`` (JSON-LD) and an OpenURL ContextObject in a
COinS span (what Zotero detects on a page), both made from the bib entry
itself so that they say what the formatted publication says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from .bibentries import is_arxiv, is_others, name_parts
from .bibmarkup import plain
from .bibstyle import entry_year
from .dates import EdtfDate

if TYPE_CHECKING:
    from pybtex.database import Entry, Person


def person_name(person: Person) -> str:
    return plain(" ".join(name_parts(person)))


def authors(entry: Entry) -> list[Person]:
    """The named authors; ``and others`` ("et al.") is no person."""
    return [person for person in entry.persons.get("author", []) if not is_others(person)]


def publication_date(entry: Entry) -> str:
    """The ISO date of publication, as precise as the entry gives it."""
    if "date" in entry.fields:
        return EdtfDate.parse(entry.fields["date"]).start.iso()
    return entry_year(entry)


def scholarly_article(entry: Entry) -> dict[str, object]:
    """A publication as a schema.org ``ScholarlyArticle``."""
    fields = entry.fields
    article: dict[str, object] = {
        "@type": "ScholarlyArticle",
        "headline": plain(fields["title"]),
        "name": plain(fields["title"]),
        "author": [{"@type": "Person", "name": person_name(p)} for p in authors(entry)],
        "datePublished": publication_date(entry),
    }
    venue = fields.get("journal") or fields.get("booktitle")
    if venue:
        kind = "Periodical" if "journal" in fields else "Event"
        article["isPartOf" if kind == "Periodical" else "recordedAt"] = {
            "@type": kind,
            "name": plain(venue),
        }
    if "doi" in fields:
        article["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": fields["doi"],
        }
        article["sameAs"] = f"https://doi.org/{fields['doi']}"
    elif is_arxiv(entry):
        article["sameAs"] = f"https://arxiv.org/abs/{fields['eprint']}"
    if "url" in fields:
        article["url"] = fields["url"]
    if "pages" in fields:
        article["pagination"] = plain(fields["pages"])
    return article


def coins(entry: Entry) -> str:
    """The entry as an OpenURL ContextObject (COinS) ``title`` attribute."""
    fields = entry.fields
    journal = "journal" in fields
    pairs = [
        ("ctx_ver", "Z39.88-2004"),
        ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{'journal' if journal else 'book'}"),
        (
            "rft.genre",
            "article" if journal else "proceeding" if "booktitle" in fields else "preprint",
        ),
        ("rft.atitle", plain(fields["title"])),
        ("rft.date", publication_date(entry)),
    ]
    if journal:
        pairs.append(("rft.jtitle", plain(fields["journal"])))
    elif "booktitle" in fields:
        pairs.append(("rft.btitle", plain(fields["booktitle"])))
    for name, key in (("volume", "rft.volume"), ("number", "rft.issue"), ("pages", "rft.pages")):
        if name in fields:
            pairs.append((key, plain(fields[name])))
    pairs.extend(("rft.au", person_name(p)) for p in authors(entry))
    if "doi" in fields:
        pairs.append(("rft_id", f"info:doi/{fields['doi']}"))
    if is_arxiv(entry):
        pairs.append(("rft_id", f"https://arxiv.org/abs/{fields['eprint']}"))
    return urlencode(pairs)
