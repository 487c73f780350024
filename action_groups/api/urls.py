from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("action-groups", views.ActionGroupViewSet)
router.register("memberships", views.MembershipViewSet)
router.register("work-plans", views.WorkPlanViewSet)
router.register("activities", views.ActivityViewSet)

urlpatterns = router.urls
