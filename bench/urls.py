"""The benchmark's URLconf: the project's routes plus the yardsticks of bench/views.py.

Only `make bench` serves it (bench/settings.py); the project's own URLconf never routes them.
"""

from django.urls import path

from alliance87.urls import urlpatterns as project_urlpatterns

from . import views

urlpatterns = [
    path("bench/floor/", views.floor, name="bench_floor"),
    path("bench/reference/", views.reference, name="bench_reference"),
    path("bench/reference.json", views.reference_json, name="bench_reference_json"),
    *project_urlpatterns,
]
