"""The world map: its countries' codes, simplified rings and SVG paths."""

from pathfinders.worldmap import ring_path, simplify, world


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
