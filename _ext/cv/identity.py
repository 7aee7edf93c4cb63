"""The CV owner's identity, declared once as ``cv_*`` config values.

``{cv}`name``` puts a value into the text (the landing page's title uses it)
and the ``cv-header`` directive renders the contact block under it. Both read
the configuration when the page is written, so a changed address shows on the
next build without editing any page.

Besides the name, role, email, website and links, an owner may declare:

- ``cv_honorific`` (text, such as ``"Dr"``): shown before the full name in the
  header of both outputs (not in page titles), and as the JSON-LD
  ``honorificPrefix``;
- ``cv_phone`` (text): digits, spaces, a ``+`` at the start and ``- . ( ) /``,
  at least five digits; shown as a ``tel:`` link (JSON-LD ``telephone``);
- ``cv_address`` (a list of the postal address's lines): shown on one line,
  joined by ", ". A single string is an error, as for the other lists: write
  ``["Main Street 1", "12345 Town"]``;
- ``cv_profiles`` (a dict, profile kind → identifier or full address): the
  kinds in :data:`PROFILES`, each with its canonical address; an ORCID iD's
  check digit is checked. Anything else goes in ``cv_links``;
- ``cv_initials`` (one to three letters; by default the initials of the first
  and last words of ``cv_name``): drawn on the site's icon (see :mod:`.theme`).

The values are checked when ``conf.py`` has been read: each must have its
type, hold no control character, and every address must be one a reader can
safely follow (``cv_email`` an email address, ``cv_website`` and the
``cv_links`` http(s), mailto or tel, each profile on its site's host). A
mistake is an error that names the line of ``conf.py`` and the value; the
value is then left out, and the build fails. Every output escapes the values
for where they land.
"""

from __future__ import annotations

import ast
import re
import unicodedata
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote, unquote, urlsplit

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .bibentries import read_person
from .icons import svg_icon, tikz_icon
from .language import N_, _
from .links import (
    EXTERNAL_REL,
    LINK_SCHEMES,
    WEB_SCHEMES,
    is_external,
    scheme_of,
    web_address_problem,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

logger = logging.getLogger(__name__)

#: Config values a ``{cv}`` role may name: the text fields of the identity.
TEXT_FIELDS = (
    "name", "full_name", "honorific", "role", "email", "phone", "website", "affiliation",
    "initials",
)  # fmt: skip
LIST_FIELDS = ("alumni_of", "keywords", "highlight_names", "address")
#: What a list holds and how it is written, for the message when it is not one.
_LIST_EXAMPLES = {"address": ("the address's lines", "['Main Street 1', '12345 Town']")}
_PHONE = re.compile(r"\+?[0-9 ()./-]+")
_EMAIL = re.compile(r"[^@\s<>\"'(),;:]+@[^@\s<>\"'(),;:]+\.[^@\s<>\"'(),;:.]+")
_conf_lines: weakref.WeakKeyDictionary[Config, dict[str, str]] = weakref.WeakKeyDictionary()


def config_location(config: Config, name: str) -> str:
    """Where ``conf.py`` sets ``name``: ``/path/conf.py:12``, for messages."""
    if name in config.overrides:
        return "the command line (-D)"
    places = _conf_lines.get(config, {})
    base = name.split("[", 1)[0]
    return places.get(base) or places.get("", "conf.py")


def read_conf_lines(app: Sphinx, config: Config) -> None:
    """Note the line of each top-level assignment in ``conf.py``."""
    if app.confdir is None:
        return
    path = Path(app.confdir, "conf.py")
    places = {"": str(path)}
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        tree = ast.Module(body=[], type_ignores=[])
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        for target in targets:
            if isinstance(target, ast.Name):
                # The last assignment is the one that counts.
                places[target.id] = f"{path}:{statement.lineno}"
    _conf_lines[config] = places


def _control_character(value: str) -> str | None:
    for char in value:
        if unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs"} and char not in "\t\n":
            return f"U+{ord(char):04X}"
    return None


def _problem(config: Config, name: str, message: str) -> None:
    logger.error(
        "%s %s", name, message, location=config_location(config, name), type="cv", subtype="config"
    )


def check_identity(app: Sphinx, config: Config) -> None:
    """Check every ``cv_*`` value; report each mistake, and leave the value out."""
    read_conf_lines(app, config)
    for field in TEXT_FIELDS:
        name = f"cv_{field}"
        value = config[name]
        if not isinstance(value, str):
            _problem(config, name, f"must be text (a string), not {type(value).__name__}")
            config[name] = ""
        elif bad := _control_character(value):
            _problem(config, name, f"{value!r} holds the control character {bad}; remove it")
            config[name] = ""
        else:
            # Line breaks in a value read as spaces, in every output.
            config[name] = " ".join(value.split())
    for field in LIST_FIELDS:
        name = f"cv_{field}"
        value = config[name]
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            what, example = _LIST_EXAMPLES.get(field, ("texts", "['one', 'two']"))
            _problem(config, name, f"must be a list of {what}, such as {example}, not {value!r}")
            config[name] = []
            continue
        kept = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or _control_character(item):
                _problem(config, f"{name}[{index}]", f"must be plain text, not {item!r}")
            else:
                kept.append(" ".join(item.split()))
        # An empty line of an address would show as a stray comma.
        config[name] = [item for item in kept if item] if field == "address" else kept
    if config.cv_email and not _EMAIL.fullmatch(config.cv_email):
        # Kept (a mailto: link opens nothing harmful): the header still has an email.
        _problem(config, "cv_email", f"{config.cv_email!r} is not an email address")
    if config.cv_website and (found := web_address_problem(config.cv_website, WEB_SCHEMES)):
        _problem(config, "cv_website", f"{config.cv_website!r}: {found}")
        config.cv_website = ""
    if config.cv_phone and not _phone_number(config.cv_phone):
        _problem(
            config,
            "cv_phone",
            f"{config.cv_phone!r} is not a phone number: write its digits with spaces and "
            "+ - . ( ) / only, such as '+1 574 555 0123'",
        )
        config.cv_phone = ""
    config.cv_links = _checked_links(config)
    config.cv_highlight_names = _checked_names(config)
    config.cv_profiles = _checked_profiles(config)
    config.cv_initials = _checked_initials(config)


def _phone_number(value: str) -> bool:
    return bool(_PHONE.fullmatch(value)) and sum(char.isdigit() for char in value) >= 5


def phone_href(phone: str) -> str:
    """``tel:`` and the number's digits, its leading ``+`` kept: ``tel:+15745550123``."""
    digits = "".join(char for char in phone if char.isdigit())
    return f"tel:{'+' if phone.startswith('+') else ''}{digits}"


def initials_of(name: str) -> str:
    """The first letters of a name's first and last words: ``Jane Q. Doe`` → ``JD``."""
    firsts = [next((char for char in word if char.isalpha()), "") for word in name.split()]
    firsts = [char for char in firsts if char]
    if not firsts:
        return ""
    return (firsts[0] + (firsts[-1] if len(firsts) > 1 else "")).upper()


def _checked_initials(config: Config) -> str:
    value = config.cv_initials.replace(" ", "")
    if not value:
        return initials_of(config.cv_name)
    if len(value) > 3 or not value.isalpha():
        _problem(
            config,
            "cv_initials",
            f"{config.cv_initials!r} must be one to three letters, such as 'JD'; or leave it "
            "out for the initials of cv_name",
        )
        return initials_of(config.cv_name)
    return value


def _checked_links(config: Config) -> list[tuple[str, str]]:
    value = config.cv_links
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        _problem(config, "cv_links", f"must be a list of (label, address) pairs, not {value!r}")
        return []
    links = []
    for index, item in enumerate(value):
        name = f"cv_links[{index}]"
        pair = isinstance(item, (list, tuple)) and len(item) == 2
        if not pair or not all(isinstance(part, str) and part.strip() for part in item):
            _problem(
                config,
                name,
                "must be a (label, address) pair, such as ('GitHub', "
                f"'https://github.com/you'), not {item!r}",
            )
            continue
        label, url = (" ".join(part.split()) for part in item)
        if bad := _control_character(label + url):
            _problem(config, name, f"{item!r} holds the control character {bad}; remove it")
        elif found := web_address_problem(url, LINK_SCHEMES):
            _problem(config, name, f"{url!r}: {found}")
        else:
            links.append((label, url))
    return links


class ProfileKind(NamedTuple):
    """A kind of profile page ``cv_profiles`` knows."""

    label: str  #: as the header names it
    host: str  #: where its pages are, for messages; "" for any host (Mastodon)
    hosts: str  #: a pattern for the hosts of its addresses
    template: str  #: the address of an identifier; "" when only an address will do
    ident: str  #: a pattern for an identifier
    noun: str  #: what an identifier is called
    shown: str  #: a pattern for the address's path, group 1 shown after the label
    icon: str  #: its icon in :mod:`.icons`
    example: str


_ORCID = r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]"
_ANY_NAME = r"/([^/]+)/?"
PROFILES = {
    "orcid": ProfileKind(
        "ORCID", "orcid.org", r"(www\.)?orcid\.org", "https://orcid.org/{}", _ORCID, "iD",
        f"/({_ORCID})/?", "orcid", "0000-0002-1825-0097",
    ),
    "github": ProfileKind(
        "GitHub", "github.com", r"(www\.)?github\.com", "https://github.com/{}",
        r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?", "user name", _ANY_NAME, "code", "ada",
    ),
    "gitlab": ProfileKind(
        "GitLab", "gitlab.com", r"(www\.)?gitlab\.com", "https://gitlab.com/{}",
        r"\w[\w.-]*", "user name", _ANY_NAME, "code", "ada",
    ),
    "scholar": ProfileKind(
        "Google Scholar", "scholar.google.com", r"scholar\.google\.[a-z]{2,3}(\.[a-z]{2})?",
        "https://scholar.google.com/citations?user={}", r"[\w-]+", "user id", "", "scholar",
        "AbCdEfGhIjKL",
    ),
    "linkedin": ProfileKind(
        "LinkedIn", "www.linkedin.com", r"([a-z]{2,3}\.)?linkedin\.com",
        "https://www.linkedin.com/in/{}", r"[\w-]+", "profile name", r"/in/([^/]+)/?",
        "person", "ada-lovelace",
    ),
    "dblp": ProfileKind(
        "dblp", "dblp.org", r"dblp\.(org|uni-trier\.de)", "", "", "", "", "scholar",
        "https://dblp.org/pid/12/3456",
    ),
    "researchgate": ProfileKind(
        "ResearchGate", "www.researchgate.net", r"(www\.)?researchgate\.net",
        "https://www.researchgate.net/profile/{}", r"[\w.-]+", "profile name", "", "scholar",
        "Ada-Lovelace",
    ),
    "semanticscholar": ProfileKind(
        "Semantic Scholar", "www.semanticscholar.org", r"(www\.)?semanticscholar\.org",
        "https://www.semanticscholar.org/author/{}", r"\d+", "author id", "", "scholar",
        "12345678",
    ),
    "mastodon": ProfileKind(
        "Mastodon", "", r"[^/]+", "", "", "", r"/(@[^/@]+)/?", "social",
        "https://mastodon.social/@ada",
    ),
    "bluesky": ProfileKind(
        "Bluesky", "bsky.app", r"(www\.)?bsky\.app", "https://bsky.app/profile/{}",
        r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}|did:plc:[a-z2-7]{24}", "handle",
        r"/profile/([^/]+)/?", "social", "ada.bsky.social",
    ),
}  # fmt: skip


def orcid_check_digit(digits: str) -> str:
    """The ISO 7064 11,2 check character of an ORCID iD's first 15 digits."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


class _ProfileError(ValueError):
    """Why a ``cv_profiles`` value gives no profile address."""


def _checked_profiles(config: Config) -> dict[str, str]:
    """``cv_profiles`` as kind → the profile's address, in the order written."""
    value = config.cv_profiles
    if not isinstance(value, dict):
        _problem(
            config,
            "cv_profiles",
            "must be a dict of profile kind → identifier or address, such as "
            f"{{'orcid': '0000-0002-1825-0097', 'github': 'you'}}, not {value!r}",
        )
        return {}
    profiles = {}
    for key, item in value.items():
        name = f"cv_profiles[{key!r}]"
        kind = key.strip().lower() if isinstance(key, str) else key
        if kind not in PROFILES:
            _problem(
                config,
                name,
                f"is not a kind of profile the CV knows; the kinds are {', '.join(PROFILES)}. "
                "Put any other link in cv_links, as a (label, address) pair",
            )
        elif not isinstance(item, str) or not item.strip():
            _problem(config, name, f"must be an identifier or an address (text), not {item!r}")
        elif bad := _control_character(item):
            _problem(config, name, f"{item!r} holds the control character {bad}; remove it")
        else:
            try:
                profiles[kind] = profile_address(kind, item.strip())
            except _ProfileError as problem:
                _problem(config, name, str(problem))
    return profiles


def profile_address(kind: str, value: str) -> str:
    """The address of a profile given by its identifier or its address."""
    spec = PROFILES[kind]
    if kind == "orcid":
        return _orcid_address(value)
    ident = value.removeprefix("@")
    if spec.template and re.fullmatch(spec.ident, ident):
        return spec.template.format(quote(ident, safe="@:"))
    if scheme_of(value) in WEB_SCHEMES or "/" in value:
        return _on_host(spec, value)
    if spec.template:
        raise _ProfileError(
            f"{value!r} is neither a {spec.label} {spec.noun} nor an address on {spec.host}"
        )
    if kind == "mastodon" and (handle := re.fullmatch(r"@?([^@/\s]+)@([^@/\s]+)", value)):
        user, host = handle.groups()
        raise _ProfileError(
            f"{value!r}: write the address of the profile, 'https://{host}/@{user}'"
        )
    raise _ProfileError(
        f"{value!r}: write the address of the {spec.label} profile, such as {spec.example!r}"
    )


def _on_host(spec: ProfileKind, url: str) -> str:
    if found := web_address_problem(url, WEB_SCHEMES):
        raise _ProfileError(f"{url!r}: {found}")
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not re.fullmatch(spec.hosts, host):
        raise _ProfileError(f"{url!r}: {spec.label} profiles are on {spec.host}, not {host}")
    if not parts.path.strip("/"):
        example = spec.example if "/" in spec.example else spec.template.format(spec.example)
        raise _ProfileError(
            f"{url!r} names no profile; write its whole address, such as {example!r}"
        )
    return url


def _orcid_address(value: str) -> str:
    ident = value
    if scheme_of(value) in WEB_SCHEMES or "/" in value:
        _on_host(PROFILES["orcid"], value)
        ident = urlsplit(value).path.strip("/")
    ident = ident.upper()
    if not re.fullmatch(_ORCID, ident):
        raise _ProfileError(
            f"{value!r} is neither an ORCID iD, such as '0000-0002-1825-0097', nor the "
            "address of one on orcid.org"
        )
    digits = ident.replace("-", "")
    if (expected := orcid_check_digit(digits[:15])) != digits[15]:
        raise _ProfileError(
            f"{value!r} is not a valid ORCID iD: its last character should be {expected!r}, "
            f"not {digits[15]!r}; copy the iD from your ORCID record"
        )
    return f"https://orcid.org/{ident}"


def profile_parts(kind: str, url: str) -> tuple[str, str]:
    """What the header shows of a profile: its label, and the identifier read off
    its address (``ada``, ``0000-0002-1825-0097``) or "" for the label alone."""
    spec = PROFILES[kind]
    parts = urlsplit(url)
    match = re.fullmatch(spec.shown, parts.path) if spec.shown else None
    if not match:
        return spec.label, ""
    shown = unquote(match.group(1))
    if kind == "mastodon":
        shown += f"@{parts.hostname}"
    return spec.label, shown


def _checked_names(config: Config) -> list[str]:
    names = []
    for index, name in enumerate(config.cv_highlight_names):
        if read_person(name) is None:
            _problem(
                config,
                f"cv_highlight_names[{index}]",
                f"{name!r} has too many commas; write a name as 'Last, First'",
            )
        else:
            names.append(name)
    return names


def shown_identity(config: Config) -> list[tuple[str, str]]:
    """``(config name, text)`` for each value the PDF's header and footer set."""
    shown = [(f"cv_{field}", config[f"cv_{field}"]) for field in ("name", "full_name", "role")]
    shown += [("cv_honorific", config.cv_honorific)]
    shown += [(name, label + text) for name, _kind, label, text, _href in contacts(config)]
    return [(name, text) for name, text in shown if text]


class cv_header(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """The contact block under the CV owner's name; its content comes from config."""


class CvHeaderDirective(SphinxDirective):
    """``cv-header``: the owner's full name, role and contact links, from config."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        missing = [f"cv_{field}" for field in ("name", "email") if not self.config[f"cv_{field}"]]
        if missing:
            raise self.error(f"cv-header needs {' and '.join(missing)} set in conf.py")
        return [cv_header()]


class CvValueRole(SphinxRole):
    """``{cv}`name``` gives the value of ``cv_name`` as text."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        field = self.text.strip()
        if field not in TEXT_FIELDS:
            message = self.inliner.reporter.error(
                f"unknown CV field {field!r}; known fields: {', '.join(TEXT_FIELDS)}",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        value = self.config[f"cv_{field}"]
        # As written in conf.py: not turned into typographic quotes or dashes.
        return [nodes.inline(value, value, support_smartquotes=False)], []


def website_label(url: str) -> str:
    """A URL as a person reads it: ``https://example.org/`` → ``example.org``."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") or url


class Contact(NamedTuple):
    """One item of the header's contact line."""

    name: str  #: the config value it comes from, for messages
    kind: str  #: ``email``, ``phone``, ``website``, ``address``, ``link`` or a profile kind
    label: str  #: a name shown before the text ("ORCID"), or ""
    text: str  #: the value as shown
    href: str  #: where it links to; "" for the address


def contacts(config: Config) -> list[Contact]:
    """The header's contacts, in the order they are shown: email, phone, website,
    address, each profile (in the order of ``cv_profiles``), each link."""
    found = []
    if config.cv_email:
        found.append(Contact("cv_email", "email", "", config.cv_email, f"mailto:{config.cv_email}"))
    if config.cv_phone:
        found.append(Contact("cv_phone", "phone", "", config.cv_phone, phone_href(config.cv_phone)))
    if config.cv_website:
        label = website_label(config.cv_website)
        found.append(Contact("cv_website", "website", "", label, config.cv_website))
    if config.cv_address:
        found.append(Contact("cv_address", "address", "", ", ".join(config.cv_address), ""))
    for kind, url in config.cv_profiles.items():
        label, shown = profile_parts(kind, url)
        found.append(Contact(f"cv_profiles[{kind!r}]", kind, label, shown, url))
    found.extend(
        Contact(f"cv_links[{index}]", "link", "", label, url)
        for index, (label, url) in enumerate(config.cv_links)
    )
    return found


def icon_of(kind: str) -> str:
    """The name of a contact's icon in :mod:`.icons`."""
    return PROFILES[kind].icon if kind in PROFILES else kind


def visit_cv_header_html(self: HTML5Translator, node: cv_header) -> None:
    config = self.builder.config
    self.body.append('<div class="cv-header">')
    # The honorific goes before the full name, or before the name when there is none.
    if config.cv_full_name or config.cv_honorific:
        honorific = (
            f'<span class="cv-header-honorific">{self.encode(config.cv_honorific)}</span> '
            if config.cv_honorific
            else ""
        )
        name = self.encode(config.cv_full_name or config.cv_name)
        self.body.append(f'<p class="cv-header-fullname">{honorific}{name}</p>')
    if config.cv_role:
        self.body.append(f'<p class="cv-header-role">{self.encode(config.cv_role)}</p>')
    self.body.append('<ul class="cv-header-contacts">')
    for contact in contacts(config):
        self.body.append(f"<li>{contact_html(self, contact)}</li>")
    self.body.append("</ul>")
    # Filled in by the download module; none on a page of a build with no PDF.
    links = node.get("downloads", [])
    if len(links) == 1 and node.get("single"):
        href = self.attval(links[0][1])
        label = self.encode(_("Download PDF"))
        self.body.append(
            f'<p class="cv-header-download"><a class="cv-download" href="{href}" '
            f'type="application/pdf">{label}</a></p>'
        )
    elif links:
        anchors = '<span class="cv-download-separator"> \u00b7 </span>'.join(
            f'<a class="cv-download" href="{self.attval(href)}" type="application/pdf">'
            f"{self.encode(label)}</a>"
            for label, href in links
        )
        # Translators: {links} is the list of links: "full CV · short CV · résumé".
        line = self.encode(_("Download: {links}")).replace("{links}", anchors)
        self.body.append(f'<p class="cv-header-download">{line}</p>')
    self.body.append("</div>\n")
    raise nodes.SkipNode


#: Read out before the value of a contact whose text does not say what it is.
_SPOKEN = {"email": N_("Email"), "phone": N_("Phone")}


def contact_html(self: HTML5Translator, contact: Contact) -> str:
    """A contact: its icon (hidden from screen readers) and its text, as a link."""
    kind, label, text, href = contact.kind, contact.label, contact.text, contact.href
    classes = f"cv-contact-{kind}"
    if kind in PROFILES:
        classes = f"cv-contact-profile {classes}"
    content = svg_icon(icon_of(kind))
    if label:
        content += f'<span class="cv-contact-label">{self.encode(label)}</span>'
        if text:
            content += " "
    content += self.encode(text)
    if not href:
        return f'<span class="{classes}">{content}</span>'
    attributes = f'class="{classes}" href="{self.attval(href)}"'
    if kind in _SPOKEN:
        attributes += f' aria-label="{self.attval(_(_SPOKEN[kind]))} {self.attval(text)}"'
    elif is_external(href):
        attributes += f' rel="{EXTERNAL_REL}"'
    return f"<a {attributes}>{content}</a>"


def visit_cv_header_latex(self: LaTeXTranslator, node: cv_header) -> None:
    config = self.builder.config
    items = []
    icons: dict[str, str] = {}
    for contact in contacts(config):
        icon = icon_of(contact.kind)
        icons.setdefault(icon, rf"\cvdefineicon{{{icon}}}{{{tikz_icon(icon)}}}")
        text = self.encode(contact.label + (" " if contact.label and contact.text else ""))
        text += self.encode(contact.text)
        item = rf"\cvcontact{{{icon}}}{{{text}}}"
        if contact.href:
            item = rf"\href{{{self.encode_uri(contact.href)}}}{{{item}}}"
        items.append(item)
    full_name = self.encode(config.cv_full_name)
    if config.cv_honorific:
        # Tied spaces: no line break inside "Prof. Dr. Name", no sentence space after "Prof.".
        words = [*config.cv_honorific.split(), config.cv_full_name or config.cv_name]
        full_name = "~".join(self.encode(word) for word in words)
    fields = (self.encode(config.cv_name), full_name, self.encode(config.cv_role))
    encoded = "".join(f"{{{field}}}" for field in fields)
    definitions = "".join(f"\n{definition}%" for definition in icons.values())
    contact_line = "\\cvcontactsep\n".join(items)
    self.body.append(f"\n{definitions}\n\\cvheader{encoded}{{%\n{contact_line}}}\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.connect("config-inited", check_identity, priority=300)
    app.add_config_value("cv_name", "", "env", str)
    app.add_config_value("cv_full_name", "", "env", str)
    app.add_config_value("cv_role", "", "env", str)
    app.add_config_value("cv_email", "", "env", str)
    app.add_config_value("cv_website", "", "env", str)
    app.add_config_value("cv_affiliation", "", "env", str)
    app.add_config_value("cv_alumni_of", [], "env", list)
    app.add_config_value("cv_links", [], "env", list)
    app.add_config_value("cv_keywords", [], "env", list)
    app.add_config_value("cv_honorific", "", "env", str)
    app.add_config_value("cv_phone", "", "env", str)
    app.add_config_value("cv_address", [], "env", list)
    app.add_config_value("cv_profiles", {}, "env", dict)
    app.add_config_value("cv_initials", "", "html", str)
    app.add_node(
        cv_header,
        html=(visit_cv_header_html, None),
        latex=(visit_cv_header_latex, None),
    )
    app.add_directive("cv-header", CvHeaderDirective)
    app.add_role("cv", CvValueRole())
