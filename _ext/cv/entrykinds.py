"""The kinds of CV entry beyond ``cv-entry``: grants, awards, teaching,
supervision and service.

Each is a :class:`.entry.EntryDirective`: the same :class:`.entry.cv_entry`
node, rendered by the same visitors, so every record of the CV lines up with
its neighbours in both outputs. A directive only names its options and the
head field each one fills: the organisation-like option (funder, awarding
body, institution, journal or committee) goes where ``cv-entry`` puts its
organisation, and the facts that qualify the item (a role, an amount, a
level, a degree, an outcome) go on the detail line, in the order listed.

A grant's ``:amount:`` is read strictly, ``CUR NUMBER`` with an ISO 4217
currency code (``EUR 1200000``, ``USD 450,000``), and shown with its symbol
(``€1,200,000``, ``US$450,000``): a figure in a CV must not be ambiguous. The
digits are grouped, and the symbol placed, as the CV's ``language`` writes
amounts (``1.200.000 €`` in German).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from babel.numbers import list_currencies
from docutils import nodes

from .entry import EntryDirective, add_entry_directive, text_options
from .language import format_money, format_number

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

#: Currencies shown by a symbol that says which dollar, yen or pound it is; any
#: other ISO 4217 code is shown as itself (``CHF 250,000``).
CURRENCY_SYMBOLS = {
    "EUR": "€", "GBP": "£", "USD": "US$", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$",
    "HKD": "HK$", "SGD": "S$", "JPY": "JP¥", "CNY": "CN¥",
}  # fmt: skip
#: Symbols people write for a code, to say which code to write instead.
_SYMBOL_CODES = {"€": "EUR", "£": "GBP", "$": "USD, CAD, AUD...", "¥": "JPY or CNY"}
_AMOUNT = re.compile(
    r"(?P<code>[A-Za-z]{3})\s+(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<cents>\.\d{2})?"
)
_HOW_TO_WRITE_AMOUNT = (
    "write an ISO 4217 currency code, a space and the number, such as EUR 1200000 or USD 450,000"
)


class AmountError(ValueError):
    """An amount that cannot be read; the message says how to write it."""


def display_amount(text: str) -> str:
    """``EUR 1200000`` as ``€1,200,000``; ``CHF 250000`` as ``CHF 250,000``."""
    value = text.strip()
    match = _AMOUNT.fullmatch(value)
    if not match:
        hint = next(
            (f" (for {symbol} write {code})" for symbol, code in _SYMBOL_CODES.items()
             if symbol in value),
            "",
        )  # fmt: skip
        raise AmountError(f"{text!r} is not an amount; {_HOW_TO_WRITE_AMOUNT}{hint}")
    code = match["code"]
    if code != code.upper():
        raise AmountError(f"{text!r}: write the currency code in capitals, {code.upper()}")
    if code not in list_currencies():
        raise AmountError(
            f"{text!r}: {code} is not an ISO 4217 currency code; {_HOW_TO_WRITE_AMOUNT}"
        )
    value = Decimal(match["number"].replace(",", "") + (match["cents"] or ""))
    number = format_number(value, "#,##0.00" if match["cents"] else "#,##0")
    return format_money(number, CURRENCY_SYMBOLS.get(code, code))


class CvGrantDirective(EntryDirective):
    """``cv-grant``: a grant's title, its funder, the owner's role and the amount."""

    option_spec: ClassVar[dict[str, Callable[[str], str]]] = text_options(
        "funder", "role", "amount", "location", "start", "end"
    )
    head: ClassVar[dict[str, tuple[str, ...]]] = {
        "organisation": ("funder",),
        "location": ("location",),
        "detail": ("role", "amount"),
    }

    def value_nodes(self, option: str, value: str) -> list[nodes.Node]:
        if option != "amount":
            return super().value_nodes(option, value)
        # Not Markdown: a dollar sign must not start anything.
        try:
            return [nodes.Text(display_amount(value))]
        except AmountError as error:
            title = self.arguments[0].strip()
            raise self.located_error("amount", f"{self.name} {title!r}: {error}") from None


class CvAwardDirective(EntryDirective):
    """``cv-award``: an award or honour, who gave it, and when."""

    option_spec: ClassVar[dict[str, Callable[[str], str]]] = text_options(
        "by", "date", "start", "end"
    )
    head: ClassVar[dict[str, tuple[str, ...]]] = {"organisation": ("by",)}


class CvTeachingDirective(EntryDirective):
    """``cv-teaching``: a course, where, at what level, in what role, which terms."""

    option_spec: ClassVar[dict[str, Callable[[str], str]]] = text_options(
        "institution", "level", "role", "start", "end", "terms"
    )
    head: ClassVar[dict[str, tuple[str, ...]]] = {
        "organisation": ("institution",),
        "detail": ("role", "level"),
    }


class CvSupervisionDirective(EntryDirective):
    """``cv-supervision``: a student, their degree, the owner's role, the outcome."""

    option_spec: ClassVar[dict[str, Callable[[str], str]]] = text_options(
        "degree", "institution", "role", "start", "end", "outcome"
    )
    head: ClassVar[dict[str, tuple[str, ...]]] = {
        "organisation": ("institution",),
        "detail": ("degree", "role", "outcome"),
    }


class CvServiceDirective(EntryDirective):
    """``cv-service``: a role (reviewer, committee member) for a body, in some years."""

    option_spec: ClassVar[dict[str, Callable[[str], str]]] = text_options(
        "body", "years", "start", "end"
    )
    head: ClassVar[dict[str, tuple[str, ...]]] = {"organisation": ("body",)}


def setup(app: Sphinx) -> None:
    add_entry_directive(app, "cv-grant", CvGrantDirective)
    add_entry_directive(app, "cv-award", CvAwardDirective)
    add_entry_directive(app, "cv-teaching", CvTeachingDirective)
    add_entry_directive(app, "cv-supervision", CvSupervisionDirective)
    add_entry_directive(app, "cv-service", CvServiceDirective)
