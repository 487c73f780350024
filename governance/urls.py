from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("governance/", views.gcg, name="gcg"),
    path("events/", views.event_list, name="event_list"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
]
