from django.urls import path, re_path

from . import views

app_name = "pathfinders"
urlpatterns = [
    path("pathfinders/", views.pathfinder_list, name="pathfinder_list"),
    # Either case matches; the view redirects upper case to the lower-case address.
    re_path(
        r"^pathfinders/(?P<iso2>[A-Za-z]{2})/$", views.pathfinder_detail, name="pathfinder_detail"
    ),
]
