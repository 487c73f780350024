# The API's routes; filled by the REST API work (issue 4).
urlpatterns = []
