from django.apps import AppConfig


class LocalOfferConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "localoffer"
    verbose_name = "Local Offer"

    def ready(self):
        # Services and organisations belong to one school (Site): Wagtail's per-site
        # permission policy lets a group add, change or delete them for chosen sites only.
        # Registered here, before any admin view asks for the default policy.
        from wagtail.permission_policies.sites import SitePermissionPolicy
        from wagtail.permissions import register_permission_policy

        from .models import Organisation, Service

        for model in (Service, Organisation):
            register_permission_policy(model, SitePermissionPolicy(model))

        # The directory, the service pages and the feed show these: changes purge the cache.
        from . import cache

        cache.connect()
