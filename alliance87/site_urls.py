# The home page; filled by the public site work (issue 3).
urlpatterns = []
