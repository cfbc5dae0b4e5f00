"""What trust staff (a multi-academy trust or a local authority running many schools) need
beyond one school's editors."""

from wagtail.models import Site


class School(Site):
    """Every school's website, seen from the trust: it carries the permission to open the
    trust overview and every school's compliance dashboard."""

    class Meta:
        proxy = True
        default_permissions = ()
        permissions = [
            (
                "view_trust_overview",
                "Can see the trust overview and every school's SEND compliance",
            )
        ]
        verbose_name = "school"
