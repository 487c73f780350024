from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("pathfinders", views.PathfinderCountryViewSet, basename="pathfinders")
router.register("stage-changes", views.StageChangeViewSet, basename="stage-changes")
router.register("road-maps", views.RoadMapViewSet, basename="road-maps")
router.register("milestones", views.MilestoneViewSet, basename="milestones")
router.register("annual-reports", views.AnnualReportViewSet, basename="annual-reports")

urlpatterns = router.urls
