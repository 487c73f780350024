from django.urls import path

from . import views

app_name = "action_groups"
urlpatterns = [
    path("action-groups/", views.actiongroup_list, name="actiongroup_list"),
    path("action-groups/<slug:slug>/", views.actiongroup_detail, name="actiongroup_detail"),
]
