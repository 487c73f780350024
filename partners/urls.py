# Public pages of this app; filled by the public site work (issue 3).
app_name = "partners"
urlpatterns = []
