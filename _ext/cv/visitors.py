"""Visitors that several of the engine's nodes share."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docutils import nodes


def visit_passthrough(self: object, node: nodes.Element) -> None:
    """A node that only holds its children: they render as if it were not there."""


def depart_passthrough(self: object, node: nodes.Element) -> None:
    pass


PASSTHROUGH = (visit_passthrough, depart_passthrough)
