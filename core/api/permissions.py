"""Reads are open; writes need the Django model permission of the authenticated user."""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


class ModelPermissions(DjangoModelPermissions):
    """Django model permissions for writes, with reads open to anyone.

    A viewset can tighten or loosen this with attributes:
    - `private_reads = True`: reading needs the `view` permission (applications hold contacts);
    - `anonymous_create = True`: anyone may create (the public application form's twin);
    - `action_permissions = {"approve": [...]}`: the permissions a business operation needs.
    """

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request, view):
        action_map = getattr(view, "action_map", None)
        if action_map is not None and request.method.lower() not in action_map:
            return True  # the view answers 405 next
        action = getattr(view, "action", None)
        needed = getattr(view, "action_permissions", {}).get(action)
        if needed is not None:
            return bool(request.user and request.user.is_authenticated) and request.user.has_perms(
                needed
            )
        if request.method == "OPTIONS":
            return True
        if request.method in SAFE_METHODS and not getattr(view, "private_reads", False):
            return True
        if action == "create" and getattr(view, "anonymous_create", False):
            return True
        if getattr(view, "queryset", None) is None:
            # An operations-only viewset (offices): its actions name their permissions.
            return bool(request.user and request.user.is_authenticated)
        return super().has_permission(request, view)
