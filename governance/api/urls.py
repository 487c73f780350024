from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("constituencies", views.ConstituencyViewSet, basename="constituencies")
router.register("seats", views.SeatViewSet, basename="seats")
router.register("seat-terms", views.SeatTermViewSet, basename="seat-terms")
router.register("office-terms", views.OfficeTermViewSet, basename="office-terms")
router.register("offices", views.OfficeViewSet, basename="offices")
router.register("events", views.EventViewSet, basename="events")
router.register("pledges", views.PledgeViewSet, basename="pledges")
router.register("pledge-assessments", views.PledgeAssessmentViewSet, basename="pledge-assessments")
router.register("global-estimates", views.GlobalEstimateViewSet, basename="global-estimates")

urlpatterns = router.urls
