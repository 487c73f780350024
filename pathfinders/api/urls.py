from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("pathfinders", views.PathfinderCountryViewSet)
router.register("stage-changes", views.StageChangeViewSet)
router.register("road-maps", views.RoadMapViewSet)
router.register("milestones", views.MilestoneViewSet)
router.register("annual-reports", views.AnnualReportViewSet)

urlpatterns = router.urls
