"""SVG that draws the same in every viewer: no ``vector-effect="non-scaling-stroke"``.

Qt's ``QSvgGenerator`` writes each plotted curve in data units (years, % of
GDP) inside a group whose ``transform`` maps them to the page, and keeps the
line one pixel wide with SVG Tiny 1.2's ``vector-effect="non-scaling-stroke"``.
Inkscape, LibreOffice, PowerPoint and Word ignore that attribute: they scale the
stroke with the transform (a curve drawn 32 × 25 times too thick, or dashes the
width of the plot). This module rewrites such a document so it needs no
``vector-effect``: the coordinates of every line, path, rectangle and circle are
mapped to page units and the group's transform is moved onto the elements it
still concerns (text keeps its own transform). Where the group transform is a
rotation or translation only, the attribute has no effect and is dropped.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET  # noqa: N817 - the documented alias

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
NON_SCALING = "non-scaling-stroke"

_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TRANSFORM = re.compile(r"(matrix|translate|scale)\s*\(([^)]*)\)")
_PATH_TOKEN = re.compile(rf"[A-Za-z]|{_NUMBER}")
#: Path commands whose arguments are all absolute (x, y) points.
_POINT_COMMANDS = frozenset("MLCQST")

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def without_non_scaling_strokes(svg: bytes) -> bytes:
    """``svg`` rewritten so that no element needs ``vector-effect`` (UTF-8 bytes).

    Elements whose geometry cannot be mapped (an arc command, an ellipse under a
    shear) keep their transform and attribute, so nothing is drawn wrong in
    viewers that honour it.
    """
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    for group in list(root.iter(f"{{{SVG_NS}}}g")):
        _flatten_group(group)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _flatten_group(group: ET.Element) -> None:
    if not any(child.get("vector-effect") == NON_SCALING for child in group):
        return
    matrix = parse_transform(group.get("transform", ""))
    if matrix is None:
        return
    if _keeps_lengths(matrix):
        # A rotation or translation draws every stroke at its own width anyway.
        for child in group:
            child.attrib.pop("vector-effect", None)
        return
    for child in group:
        if child.get("vector-effect") == NON_SCALING and _map_geometry(child, matrix):
            child.attrib.pop("vector-effect")
        else:
            own = child.get("transform", "")
            child.set("transform", f"{_format_matrix(matrix)} {own}".strip())
    group.attrib.pop("transform")


def parse_transform(text: str) -> Matrix | None:
    """The matrix of an SVG transform list (matrix, translate, scale); None if other."""
    matrix = IDENTITY
    rest = _TRANSFORM.sub("", text).strip(" ,")
    if rest:
        return None  # rotate(), skewX() …: Qt does not write them; leave the group alone
    for kind, arguments in _TRANSFORM.findall(text):
        values = [float(v) for v in re.findall(_NUMBER, arguments)]
        if kind == "matrix" and len(values) == 6:
            step = tuple(values)
        elif kind == "translate" and len(values) in (1, 2):
            step = (1.0, 0.0, 0.0, 1.0, values[0], values[1] if len(values) == 2 else 0.0)
        elif kind == "scale" and len(values) in (1, 2):
            step = (values[0], 0.0, 0.0, values[-1], 0.0, 0.0)
        else:
            return None
        matrix = _multiply(matrix, step)  # type: ignore[arg-type]
    return matrix


def _multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix of applying ``then`` and then ``first`` (SVG's list order)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _keeps_lengths(matrix: Matrix, tolerance: float = 1e-9) -> bool:
    a, b, c, d, _e, _f = matrix
    return (
        abs(math.hypot(a, b) - 1) < tolerance
        and abs(math.hypot(c, d) - 1) < tolerance
        and abs(a * c + b * d) < tolerance
    )


def _similarity_scale(matrix: Matrix, tolerance: float = 1e-9) -> float | None:
    """The scale of a rotation-and-uniform-scale matrix, None for any other."""
    a, b, c, d, _e, _f = matrix
    scale = math.hypot(a, b)
    if (
        scale
        and abs(math.hypot(c, d) - scale) < tolerance * scale
        and abs(a * c + b * d) < (tolerance * scale * scale)
    ):
        return scale
    return None


def _format_number(value: float) -> str:
    return f"{value:.6g}"


def _format_point(x: float, y: float) -> str:
    return f"{_format_number(x)},{_format_number(y)}"


def _format_matrix(matrix: Matrix) -> str:
    return "matrix(" + ",".join(_format_number(v) for v in matrix) + ")"


def _map_geometry(element: ET.Element, matrix: Matrix) -> bool:
    """Map ``element``'s coordinates through ``matrix`` in place; False if it cannot."""
    tag = element.tag.removeprefix(f"{{{SVG_NS}}}")
    if tag in ("polyline", "polygon"):
        numbers = [float(v) for v in re.findall(_NUMBER, element.get("points", ""))]
        if len(numbers) % 2:
            return False
        points = [_apply(matrix, x, y) for x, y in zip(numbers[::2], numbers[1::2], strict=True)]
        element.set(
            "points", " ".join(f"{_format_number(x)},{_format_number(y)}" for x, y in points)
        )
        return True
    if tag == "path":
        mapped = _map_path(element.get("d", ""), matrix)
        if mapped is None:
            return False
        element.set("d", mapped)
        return True
    if tag == "rect" and not (element.get("rx") or element.get("ry")):
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        width, height = float(element.get("width", 0)), float(element.get("height", 0))
        corners = [(x, y), (x + width, y), (x + width, y + height), (x, y + height)]
        points = [_apply(matrix, px, py) for px, py in corners]
        element.tag = f"{{{SVG_NS}}}path"
        for name in ("x", "y", "width", "height"):
            element.attrib.pop(name, None)
        element.set(
            "d",
            "M" + " L".join(_format_point(px, py) for px, py in points) + " Z",
        )
        return True
    if tag == "circle":
        scale = _similarity_scale(matrix)
        if scale is None:
            return False
        cx, cy = _apply(matrix, float(element.get("cx", 0)), float(element.get("cy", 0)))
        element.set("cx", _format_number(cx))
        element.set("cy", _format_number(cy))
        element.set("r", _format_number(float(element.get("r", 0)) * scale))
        return True
    return False


def _map_path(data: str, matrix: Matrix) -> str | None:
    """Path data with every point mapped; None when it has relative or arc commands."""
    out: list[str] = []
    pending: list[float] = []
    for token in _PATH_TOKEN.findall(data):
        if token.isalpha():
            if pending:
                return None  # an odd number of coordinates
            if token in ("Z", "z"):
                out.append("Z")
                continue
            if token not in _POINT_COMMANDS:
                return None  # H, V, A and relative commands: not written by Qt
            out.append(token)
            continue
        pending.append(float(token))
        if len(pending) == 2:
            x, y = _apply(matrix, *pending)
            out.append(_format_point(x, y))
            pending.clear()
    if pending:
        return None
    return " ".join(out)
