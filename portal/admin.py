from django.contrib import admin

from core.admin import RegistryAdmin

from .models import SecretariatContact


@admin.register(SecretariatContact)
class SecretariatContactAdmin(RegistryAdmin):
    """One row: the address, e-mail and telephone the contact page shows."""

    fields = ("email", "postal_address", "phone", "note", "created", "updated")

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SecretariatContact.objects.exists()

    def has_delete_permission(self, request, obj=None):
        # Emptied rather than deleted, so its history stays with one record.
        return False
