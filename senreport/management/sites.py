"""The sites a scheduled command works on: all of them, or those named by `--site`."""

from django.core.management.base import CommandError
from wagtail.models import Site


def add_site_argument(parser):
    parser.add_argument(
        "--site",
        metavar="HOSTNAME",
        help="Only this site (its hostname as in Settings > Sites). Default: every site.",
    )


def selected_sites(hostname=None):
    sites = Site.objects.select_related("root_page").order_by("hostname", "port")
    if hostname:
        sites = sites.filter(hostname__iexact=hostname)
        if not sites:
            known = ", ".join(Site.objects.order_by("hostname").values_list("hostname", flat=True))
            raise CommandError(f"No site has the hostname {hostname!r}. Sites: {known or 'none'}.")
    return list(sites)
