"""Small monochrome icons for the header's contacts, drawn once for both outputs.

Each icon is a few SVG paths on a 16 × 16 grid (y pointing down, as in SVG).
The website writes them as inline ``<svg>`` (hidden from screen readers: the
text beside an icon says what it is); the PDF draws the same paths with TikZ
through ``\\cvicon`` (see ``cvsphinx.sty``), so no icon
font is needed and nothing lands in the PDF's text layer. A stroked path takes
the colour of the text around it (the link colour); the ORCID mark keeps its
green circle.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple


class Shape(NamedTuple):
    """One path of an icon: ``stroke`` (a 1.5-wide line in the text's colour),
    ``fill`` (filled with ``colour``) or ``knockout`` (a white line over a fill)."""

    d: str
    paint: str = "stroke"
    colour: str = ""


ORCID_GREEN = "A6CE39"

#: A circle as two arcs, for paths.
_CIRCLE = "M {x} {top} a {r} {r} 0 1 1 0 {d} a {r} {r} 0 1 1 0 -{d} z"


def _circle(x: float, y: float, r: float) -> str:
    return _CIRCLE.format(x=x, top=round(y - r, 2), r=r, d=2 * r)


ICONS: dict[str, tuple[Shape, ...]] = {
    "email": (
        Shape("M 3 3.5 h 10 a 1.5 1.5 0 0 1 1.5 1.5 v 6 a 1.5 1.5 0 0 1 -1.5 1.5 h -10 "
              "a 1.5 1.5 0 0 1 -1.5 -1.5 v -6 a 1.5 1.5 0 0 1 1.5 -1.5 z"),
        Shape("M 2 4.5 L 8 9 L 14 4.5"),
    ),
    "phone": (
        Shape("M 6 1.5 h 4 a 1.5 1.5 0 0 1 1.5 1.5 v 10 a 1.5 1.5 0 0 1 -1.5 1.5 h -4 "
              "a 1.5 1.5 0 0 1 -1.5 -1.5 v -10 a 1.5 1.5 0 0 1 1.5 -1.5 z"),
        Shape("M 7 12 h 2"),
    ),
    "website": (
        Shape(_circle(8, 8, 6.5)),
        Shape("M 8 1.5 C 5.6 3.5 5.6 12.5 8 14.5 C 10.4 12.5 10.4 3.5 8 1.5 z"),
        Shape("M 1.5 8 h 13"),
    ),
    "address": (
        Shape("M 8 14.5 C 8 14.5 3.2 9.9 3.2 6.3 a 4.8 4.8 0 0 1 9.6 0 "
              "C 12.8 9.9 8 14.5 8 14.5 z"),
        Shape(_circle(8, 6.3, 1.7)),
    ),
    "link": (
        Shape("M 6.6 9.4 a 3 3 0 0 0 4.2 0 l 2.3 -2.3 a 3 3 0 0 0 -4.2 -4.2 l -1 1"),
        Shape("M 9.4 6.6 a 3 3 0 0 0 -4.2 0 l -2.3 2.3 a 3 3 0 0 0 4.2 4.2 l 1 -1"),
    ),
    # The ORCID iD: a green circle, a white "i" and "D".
    "orcid": (
        Shape(_circle(8, 8, 7.5), "fill", ORCID_GREEN),
        Shape("M 5.1 4.6 v 0.01", "knockout"),
        Shape("M 5.1 6.8 v 5", "knockout"),
        Shape("M 7.6 6.8 v 5 h 1.5 a 2.5 2.5 0 0 0 0 -5 z", "knockout"),
    ),
    # Code, for GitHub and GitLab: </>.
    "code": (Shape("M 5 4.5 L 1.5 8 L 5 11.5"), Shape("M 11 4.5 L 14.5 8 L 11 11.5"),
             Shape("M 9.2 3 L 6.8 13")),
    # A mortarboard, for scholarly profiles.
    "scholar": (
        Shape("M 8 3 L 1 6.5 L 8 10 L 15 6.5 z"),
        Shape("M 4 8 v 3.2 C 6.4 13.4 9.6 13.4 12 11.2 V 8"),
        Shape("M 15 6.5 v 4"),
    ),
    # A person, for LinkedIn.
    "person": (
        Shape(_circle(8, 5.3, 2.8)),
        Shape("M 2.5 14.5 C 3.1 11.5 5.3 9.9 8 9.9 C 10.7 9.9 12.9 11.5 13.5 14.5"),
    ),
    # A speech bubble, for Mastodon and Bluesky.
    "social": (
        Shape("M 3 2.5 h 10 a 1.5 1.5 0 0 1 1.5 1.5 v 6 a 1.5 1.5 0 0 1 -1.5 1.5 h -5.5 "
              "l -3 2.5 v -2.5 h -1.5 a 1.5 1.5 0 0 1 -1.5 -1.5 v -6 "
              "a 1.5 1.5 0 0 1 1.5 -1.5 z"),
    ),
}  # fmt: skip


def svg_icon(name: str) -> str:
    """The icon as inline SVG, hidden from assistive technology."""
    paths = []
    for shape in ICONS[name]:
        if shape.paint == "fill":
            paths.append(f'<path d="{shape.d}" fill="#{shape.colour}" stroke="none"/>')
        elif shape.paint == "knockout":
            paths.append(f'<path d="{shape.d}" stroke="#fff" stroke-width="1.6"/>')
        else:
            paths.append(f'<path d="{shape.d}"/>')
    return (
        f'<svg class="cv-icon cv-icon-{name}" viewBox="0 0 16 16" width="1em" height="1em" '
        'fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" '
        f'stroke-linejoin="round" aria-hidden="true" focusable="false">{"".join(paths)}</svg>'
    )


_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)")
_ARGUMENTS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "A": 7, "Z": 0}


def outline(d: str) -> list[tuple[str, tuple[float, ...]]]:
    """SVG path data as absolute ``M``, ``L``, ``C`` and ``Z`` steps: arcs become
    cubic curves (TikZ's own ``svg`` paths ignore an arc's direction flags)."""
    tokens = _TOKEN.findall(d)
    steps: list[tuple[str, tuple[float, ...]]] = []
    x = y = start_x = start_y = 0.0
    control: tuple[float, float] | None = None
    index = 0
    command = ""
    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
        upper = command.upper()
        count = _ARGUMENTS[upper]
        args = [float(token) for token in tokens[index : index + count]]
        index += count
        relative = command.islower()
        if upper == "Z":
            steps.append(("Z", ()))
            x, y, control = start_x, start_y, None
            continue
        if upper == "H":
            args = [args[0] + (x if relative else 0), y]
        elif upper == "V":
            args = [x, args[0] + (y if relative else 0)]
        elif relative and upper != "A":
            args = [value + (x if position % 2 == 0 else y) for position, value in enumerate(args)]
        elif relative:
            args[5:7] = [args[5] + x, args[6] + y]
        if upper == "M":
            steps.append(("M", tuple(args)))
            x, y = start_x, start_y = args
            command = "l" if relative else "L"  # further pairs are lines
            control = None
        elif upper in "LHV":
            steps.append(("L", tuple(args)))
            x, y = args
            control = None
        elif upper in "CS":
            if upper == "S":
                first = (2 * x - control[0], 2 * y - control[1]) if control else (x, y)
                args = [*first, *args]
            steps.append(("C", tuple(args)))
            control = (args[2], args[3])
            x, y = args[4], args[5]
        else:  # an arc
            steps.extend(_arc(x, y, args))
            x, y = args[5], args[6]
            control = None
    return steps


def _arc(x1: float, y1: float, arc: list[float]) -> list[tuple[str, tuple[float, ...]]]:
    """An SVG arc from ``(x1, y1)`` (the ``A`` command's seven arguments, the end
    point absolute) as cubic curves of at most a quarter turn (SVG 1.1, F.6.5)."""
    rx, ry, angle, large, sweep, x2, y2 = arc
    phi = math.radians(angle)
    cos_phi, sin_phi = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p = cos_phi * dx + sin_phi * dy
    y1p = -sin_phi * dx + cos_phi * dy
    rx, ry = abs(rx), abs(ry)
    scale = x1p**2 / rx**2 + y1p**2 / ry**2
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    numerator = rx**2 * ry**2 - rx**2 * y1p**2 - ry**2 * x1p**2
    factor = math.sqrt(max(0.0, numerator / (rx**2 * y1p**2 + ry**2 * x1p**2)))
    if large == sweep:
        factor = -factor
    cxp, cyp = factor * rx * y1p / ry, -factor * ry * x1p / rx
    cx = cos_phi * cxp - sin_phi * cyp + (x1 + x2) / 2
    cy = sin_phi * cxp + cos_phi * cyp + (y1 + y2) / 2
    start = math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx)
    end = math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx)
    delta = end - start
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    pieces = max(1, math.ceil(abs(delta) / (math.pi / 2) - 1e-9))
    step = delta / pieces
    handle = 4 / 3 * math.tan(step / 4)

    def point(theta: float) -> tuple[float, float]:
        px, py = rx * math.cos(theta), ry * math.sin(theta)
        return cos_phi * px - sin_phi * py + cx, sin_phi * px + cos_phi * py + cy

    def tangent(theta: float) -> tuple[float, float]:
        px, py = -rx * math.sin(theta), ry * math.cos(theta)
        return cos_phi * px - sin_phi * py, sin_phi * px + cos_phi * py

    curves = []
    for piece in range(pieces):
        a, b = start + piece * step, start + (piece + 1) * step
        (ax, ay), (bx, by) = point(a), point(b)
        (tax, tay), (tbx, tby) = tangent(a), tangent(b)
        curves.append(
            ("C", (ax + handle * tax, ay + handle * tay, bx - handle * tbx, by - handle * tby,
                   bx, by))
        )  # fmt: skip
    return curves


def _tikz_path(d: str) -> str:
    """The path in TikZ's own syntax, in the icon's 16 × 16 grid (the picture is
    flipped by ``\\cvicon`` so that y points down, as in SVG)."""

    def number(value: float) -> str:
        text = f"{value:.3f}".rstrip("0").rstrip(".")
        return "0" if text in {"", "-0"} else text

    def at(x: float, y: float) -> str:
        return f"({number(x)},{number(y)})"

    parts = []
    for command, args in outline(d):
        if command == "M":
            parts.append(at(*args))
        elif command == "L":
            parts.append("--" + at(*args))
        elif command == "C":
            parts.append(f"..controls{at(*args[0:2])}and{at(*args[2:4])}..{at(*args[4:6])}")
        else:
            parts.append("--cycle")
    return "".join(parts)


def tikz_icon(name: str) -> str:
    """The icon as the argument of ``\\cvicon``: TikZ path commands."""
    commands = []
    for shape in ICONS[name]:
        path = _tikz_path(shape.d)
        if shape.paint == "fill":
            commands.append(rf"\fill[fill={{rgb,255:{_rgb(shape.colour)}}}]{path};")
        elif shape.paint == "knockout":
            commands.append(rf"\draw[cv knockout]{path};")
        else:
            commands.append(rf"\draw{path};")
    return "".join(commands)


def _rgb(colour: str) -> str:
    red, green, blue = (int(colour[index : index + 2], 16) for index in (0, 2, 4))
    return f"red,{red};green,{green};blue,{blue}"
