from django.urls import path

from . import site_views

urlpatterns = [
    path("", site_views.home, name="home"),
]
