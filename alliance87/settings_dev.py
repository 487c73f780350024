"""The settings of a developer's machine: alliance87/settings.py with debug on unless the
environment says otherwise (DJANGO_DEBUG=0 still turns it off).

pytest uses this module (pyproject.toml), so `.venv/bin/pytest` alone runs without a secret key;
pytest-django still turns DEBUG off while tests run. Servers use alliance87.settings.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from .settings import *  # noqa: E402, F403
