from django.urls import path

from . import feeds, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("partners/<slug:slug>/", views.partner_detail, name="partner_detail"),
    path("events/", views.event_list, name="event_list"),
    path("events/feed.rss", feeds.event_feed_rss, name="event_feed_rss"),
    path("events/feed.atom", feeds.event_feed_atom, name="event_feed_atom"),
    path("events/calendar.ics", feeds.event_calendar, name="event_calendar"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("contact/", views.contact, name="contact"),
    path("data/", views.data, name="data"),
    path("data/datapackage.json", views.datapackage_json, name="datapackage"),
    path("data/<slug:name>.csv", views.data_csv, name="data_csv"),
]
