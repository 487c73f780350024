from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("partners/", views.partner_list, name="partner_list"),
    path("partners/export.csv", views.partner_export, name="partner_export"),
    path("join/", views.join, name="join"),
    path("join/thanks/", views.JoinThanksView.as_view(), name="join_thanks"),
]
