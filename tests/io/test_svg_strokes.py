"""SVG without non-scaling strokes: coordinates mapped by hand-computed matrices."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from natoplanner.io.svg_strokes import SVG_NS, parse_transform, without_non_scaling_strokes

# A curve in data units (years, % of GDP) inside a group that maps them to the page,
# as Qt's QSvgGenerator writes it, beside a text label in the same group.
QT_LIKE = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg xmlns="{SVG_NS}" viewBox="0 0 100 50" version="1.2" baseProfile="tiny">
<g fill="none" stroke="#ff0000" stroke-width="2" stroke-dasharray="8,4"
   transform="matrix(10,0,0,-5,-20260,40)">
<polyline fill="none" vector-effect="non-scaling-stroke" points="2026,2 2030,4 " />
<path vector-effect="non-scaling-stroke" d="M2026,1 L2027,3 C2028,3 2029,4 2030,5 Z "/>
<rect vector-effect="non-scaling-stroke" x="2026" y="0" width="2" height="1"/>
<text x="2026" y="1">label</text>
</g>
<g transform="matrix(0,-1,1,0,-4,192)">
<polyline vector-effect="non-scaling-stroke" points="0,0 9,0" />
</g>
<g transform="matrix(1,0,0,1,0,0)">
<circle vector-effect="non-scaling-stroke" cx="3" cy="4" r="4"/>
</g>
</svg>""".encode()


def elements(svg: bytes, tag: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{{{SVG_NS}}}{tag}"))


def test_no_vector_effect_is_left_and_points_are_in_page_units():
    out = without_non_scaling_strokes(QT_LIKE)
    assert b"vector-effect" not in out
    # x' = 10 x - 20260, y' = -5 y + 40 (by hand)
    first = elements(out, "polyline")[0]
    assert first.get("points") == "0,30 40,20"
    paths = elements(out, "path")
    assert paths[0].get("d") == "M 0,35 L 10,25 C 20,25 30,20 40,15 Z"
    # The rectangle becomes the path of its four mapped corners.
    assert paths[1].get("d") == "M0,40 L20,40 L20,35 L0,35 Z"
    # The label keeps the group's transform; the group has none left.
    text = elements(out, "text")[0]
    assert parse_transform(text.get("transform")) == pytest.approx((10, 0, 0, -5, -20260, 40))
    group = elements(out, "g")[0]
    assert group.get("transform") is None
    assert group.get("stroke-dasharray") == "8,4"  # page units once the transform is gone


def test_rotations_and_translations_keep_their_coordinates():
    out = without_non_scaling_strokes(QT_LIKE)
    rotated = elements(out, "polyline")[1]
    assert rotated.get("points") == "0,0 9,0"  # a rotation does not scale the stroke
    assert elements(out, "g")[1].get("transform") == "matrix(0,-1,1,0,-4,192)"
    circle = elements(out, "circle")[0]
    assert (circle.get("cx"), circle.get("cy"), circle.get("r")) == ("3", "4", "4")


def test_transform_lists_multiply_in_svg_order():
    # translate(10, 0) then scale(2): a point (1, 1) goes to (12, 2).
    a, b, c, d, e, f = parse_transform("translate(10,0) scale(2)")
    assert (a * 1 + c * 1 + e, b * 1 + d * 1 + f) == (12, 2)
    assert parse_transform("rotate(30)") is None


def test_what_cannot_be_mapped_keeps_its_transform_and_attribute():
    svg = f"""<svg xmlns="{SVG_NS}"><g transform="matrix(2,0,0,3,0,0)">
<path vector-effect="non-scaling-stroke" d="M0,0 A5,5 0 0 1 10,10"/></g></svg>""".encode()
    out = without_non_scaling_strokes(svg)
    path = elements(out, "path")[0]
    assert path.get("vector-effect") == "non-scaling-stroke"
    assert path.get("transform") == "matrix(2,0,0,3,0,0)"
