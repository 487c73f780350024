from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("action-groups", views.ActionGroupViewSet, basename="action-groups")
router.register("memberships", views.MembershipViewSet, basename="memberships")
router.register("work-plans", views.WorkPlanViewSet, basename="work-plans")
router.register("activities", views.ActivityViewSet, basename="activities")

urlpatterns = router.urls
