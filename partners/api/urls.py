from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("partners", views.PartnerViewSet, basename="partners")
router.register(
    "partner-identifiers", views.PartnerIdentifierViewSet, basename="partner-identifiers"
)
router.register("applications", views.PartnershipApplicationViewSet, basename="applications")

urlpatterns = router.urls
