from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("constituencies", views.ConstituencyViewSet)
router.register("seats", views.SeatViewSet)
router.register("seat-terms", views.SeatTermViewSet)
router.register("office-terms", views.OfficeTermViewSet)
router.register("offices", views.OfficeViewSet, basename="offices")
router.register("events", views.EventViewSet)
router.register("pledges", views.PledgeViewSet)
router.register("pledge-assessments", views.PledgeAssessmentViewSet)
router.register("global-estimates", views.GlobalEstimateViewSet)

urlpatterns = router.urls
