from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("partners", views.PartnerViewSet)
router.register("partner-identifiers", views.PartnerIdentifierViewSet)
router.register("applications", views.PartnershipApplicationViewSet)

urlpatterns = router.urls
