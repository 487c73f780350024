"""Write pathfinders/data/world.json, the world map's shapes, from a Natural Earth shapefile.

    manage.py build_worldmap --source path/to/ne_110m_admin_0_countries.shp [--output FILE]

Run once when the map should change (another Natural Earth release, another tolerance): the page
only reads the JSON, so the runtime needs neither the shapefile nor a package to read it.
"""

import json
import struct
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pathfinders.worldmap import DATA, SCALE, TOLERANCE, build

SOURCE = (
    "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (ne_110m_admin_0_countries), "
    "https://www.naturalearthdata.com/"
)
LICENCE = "Public domain (Natural Earth terms of use: https://www.naturalearthdata.com/about/terms-of-use/)"


class Command(BaseCommand):
    help = (
        "Projects and simplifies a Natural Earth countries shapefile "
        "into pathfinders/data/world.json."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            required=True,
            help="the .shp file of ne_110m_admin_0_countries (its .dbf must lie beside it)",
        )
        parser.add_argument("--output", default=str(DATA), help=f"where to write (default {DATA})")
        parser.add_argument(
            "--source-version",
            dest="source_version",
            default="",
            help="the Natural Earth version for the file's notes (default: VERSION.txt beside it)",
        )

    def handle(self, *, source, output, source_version, **options):
        shp = Path(source).with_suffix(".shp")
        dbf = shp.with_suffix(".dbf")
        for path in (shp, dbf):
            if not path.is_file():
                raise CommandError(f"{path} not found (give the .shp; the .dbf must be beside it)")
        version_file = shp.with_name(f"{shp.stem}.VERSION.txt")
        if not source_version and version_file.is_file():
            source_version = version_file.read_text().strip()
        try:
            world = build(shp=shp.read_bytes(), dbf=dbf.read_bytes())
        except (ValueError, IndexError, UnicodeDecodeError, struct.error) as error:
            message = f"{shp} is not a Natural Earth countries shapefile: {error}"
            raise CommandError(message) from error
        data = {
            "source": SOURCE + (f", version {source_version}" if source_version else ""),
            "licence": LICENCE,
            "made_by": (
                f"manage.py build_worldmap: Equal Earth projection x {SCALE}, "
                f"Douglas-Peucker tolerance {TOLERANCE}, rounded to tenths; Antarctica left out"
            ),
            "viewbox": world.viewbox,
            "outline": world.outline,
            "paths": world.paths,  # in the shapefile's order, the order the page draws them
        }
        text = json.dumps(data, ensure_ascii=False, indent=0) + "\n"
        Path(output).write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {output}: {len(world.paths)} countries, {len(text):,} bytes.")
