"""Background tasks (django-tasks): the ImmediateBackend runs them at once in development
and tests; in production a worker (`manage.py db_worker`) runs them from the database."""

from django_tasks import task
from wagtail.models import Site

from .compliance.store import refresh_site


@task()
def refresh_compliance(site_id):
    """Run every compliance check on one school's site and store the results."""
    site = Site.objects.select_related("root_page").filter(pk=site_id).first()
    if site is None:  # deleted since
        return 0
    return len(refresh_site(site).results)
