"""The world map of the pathfinder page: Natural Earth 1:110m countries as light SVG paths.

The page reads `pathfinders/data/world.json` (about 40 KB, once per process): each country's SVG
path, the globe's outline and the view box, ready to paste. `manage.py build_worldmap` wrote that
file once from Natural Earth's shapefile (public domain; source and version in
`pathfinders/data/README.md`) with the functions below: projected with Equal Earth, simplified
with Douglas–Peucker and rounded to a tenth of a map unit. The runtime needs none of them and no
shapefile, numpy or other package.
"""

import functools
import json
import math
import struct
from pathlib import Path
from typing import NamedTuple

from django_countries import countries

DATA = Path(__file__).resolve().parent / "data" / "world.json"
SCALE = 60  # map units per Equal Earth unit: the world is about 326 by 158 units
TOLERANCE = 0.3  # Douglas–Peucker tolerance in map units: coast detail a phone cannot show
LEFT_OUT = {"AQ"}  # Antarctica: a third of the map's height for no pathfinder


def _records(dbf: bytes) -> list[dict[str, str]]:
    """The attribute table of a dBase III file, every value as stripped text."""
    count, header_length, record_length = struct.unpack("<4xIHH", dbf[:12])
    fields, offset = [], 32
    while dbf[offset] != 0x0D:
        name = dbf[offset : offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[offset + 16]))
        offset += 32
    rows = []
    for index in range(count):
        position = header_length + index * record_length + 1  # skip the deletion flag
        row = {}
        for name, length in fields:
            row[name] = dbf[position : position + length].decode("utf-8", "replace").strip()
            position += length
        rows.append(row)
    return rows


def _polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings of (longitude, latitude), from a polygon shapefile."""
    shapes, offset = [], 100
    while offset < len(shp):
        (length,) = struct.unpack(">I", shp[offset + 4 : offset + 8])
        content = shp[offset + 8 : offset + 8 + length * 2]
        offset += 8 + length * 2
        if struct.unpack("<i", content[:4])[0] == 0:  # a null shape
            shapes.append([])
            continue
        parts_count, points_count = struct.unpack("<ii", content[36:44])
        parts = [*struct.unpack(f"<{parts_count}i", content[44 : 44 + 4 * parts_count])]
        start = 44 + 4 * parts_count
        coords = struct.unpack(f"<{2 * points_count}d", content[start : start + 16 * points_count])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, points_count]
        shapes.append([points[bounds[i] : bounds[i + 1]] for i in range(parts_count)])
    return shapes


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Equal Earth (Šavrič, Patterson and Jenny, 2018): true areas, a pleasant world shape."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    theta = math.asin(math.sqrt(3) / 2 * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * math.radians(longitude)
        * math.cos(theta)
        / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    )
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x * SCALE, -y * SCALE


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker: keep the points that stray more than `tolerance` from the chord."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = math.hypot(dx, dy)
    farthest, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if norm:
            distance = abs(dy * (px - x1) - dx * (py - y1)) / norm
        else:  # a closed ring: measure from its first point
            distance = math.hypot(px - x1, py - y1)
        if distance > farthest:
            farthest, index = distance, i
    if farthest <= tolerance:
        return [points[0], points[-1]]
    left = simplify(points[: index + 1], tolerance)
    return left[:-1] + simplify(points[index:], tolerance)


def ring_path(ring: list[tuple[float, float]]) -> str:
    """One closed sub-path in tenths rounded once, then relative moves (short numbers)."""
    tenths = [(round(x * 10), round(y * 10)) for x, y in ring]
    unique = [p for i, p in enumerate(tenths) if i == 0 or p != tenths[i - 1]]
    if unique[-1] == unique[0]:
        unique.pop()
    if len(unique) < 3:
        return ""  # an island smaller than the rounding: invisible at this scale
    (x0, y0), steps = unique[0], []
    for (ax, ay), (bx, by) in zip(unique, unique[1:], strict=False):
        steps.append(f"{_tenths(bx - ax)} {_tenths(by - ay)}")
    return f"M{_tenths(x0)} {_tenths(y0)}l" + " ".join(steps) + "z"


def _tenths(value: int) -> str:
    return f"{value / 10:g}"


def _code(row: dict[str, str]) -> str:
    # Natural Earth gives -99 as ISO_A2 for a few countries (France, Norway): its own
    # ADM0_A3 code is their ISO alpha-3 code, which django-countries converts.
    code = row["ISO_A2"]
    if len(code) == 2 and code.isalpha():
        return code.upper()
    return countries.alpha2(row["ADM0_A3"]) or ""


class World(NamedTuple):
    paths: dict[str, str]  # ISO 3166 alpha-2 code → SVG path data of that country
    outline: str  # the edge of the projected globe, drawn as the sea
    viewbox: str  # the land's bounding box, with a small margin


@functools.cache
def world() -> World:
    """The whole map, read from the data file once per process."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return World(data["paths"], data["outline"], data["viewbox"])


def build(*, shp: bytes, dbf: bytes) -> World:
    """The map from a Natural Earth countries shapefile (.shp and .dbf): what world.json holds."""
    paths, xs, ys = {}, [], []
    for row, rings in zip(_records(dbf), _polygons(shp), strict=True):
        code = _code(row)
        if not code or code in LEFT_OUT:
            continue
        projected = [simplify([project(*point) for point in ring], TOLERANCE) for ring in rings]
        xs += [x for ring in projected for x, _y in ring]
        ys += [y for ring in projected for _x, y in ring]
        paths[code] = paths.get(code, "") + "".join(ring_path(ring) for ring in projected)
    if not xs:
        raise ValueError("the shapefile has no country with an ISO 3166 code")
    edge = [project(180, lat) for lat in range(90, -91, -5)]
    edge += [project(-180, lat) for lat in range(-90, 91, 5)]
    left, top = math.floor(min(xs)) - 2, math.floor(min(ys)) - 2
    width, height = math.ceil(max(xs)) + 2 - left, math.ceil(max(ys)) + 2 - top
    viewbox = f"{left} {top} {width} {height}"
    return World({c: d for c, d in paths.items() if d}, ring_path(edge), viewbox)
