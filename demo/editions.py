"""Last year's approved SEN Information Report of a demo school, so that the report shows
"Previous versions" and "What changed since the last approved version" (issue 19).

The current version's edition is kept by the publish itself (senreport/editions.py); this
adds the one it replaced: the same report approved a year earlier, with a few passages
that the school has since reworded.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from senreport.models import Edition

from .home import p

# What last year's report said where this year's says something else (in the school's
# own words, adapted to each demo school by `school.adapt`).
LAST_YEAR = {
    "introduction": p(
        "This report tells you how Hollins Brook Primary School helps children with special "
        "educational needs and disabilities (SEND). Please talk to us if anything is unclear."
    ),
    "activities": p(
        "Every club and trip is open to every child. We talk to families before a trip so "
        "that we can plan any help a child needs."
    ),
    "pupils": p(
        "Children tell us what helps them at their review meetings, with an adult they "
        "know beside them."
    ),
}


def seed_previous_edition(report, school, log):
    """Add last year's approved version of `report`, once."""
    if Edition.objects.filter(page_id=report.pk, replaced_on__isnull=False).exists():
        return None
    report = type(report).objects.get(pk=report.pk)  # as published
    current = report.live_revision
    if current is None or report.governors_approved_on is None:
        return None
    approved_on = report.governors_approved_on - timedelta(days=364)
    content = dict(current.content)
    for name, value in LAST_YEAR.items():
        if name in content:
            content[name] = school.adapt(value.source)
    content["governors_approved_on"] = approved_on.isoformat()
    content["last_reviewed"] = (approved_on - timedelta(days=7)).isoformat()
    content["next_review"] = None
    published = timezone.make_aware(datetime.combine(approved_on, time(9)))
    edition = Edition.objects.create(
        page_id=report.pk,
        revision=None,
        content=content,
        title=report.title,
        approved_on=approved_on,
        approved_by="the full governing board",
        published_at=published,
        replaced_on=report.governors_approved_on,
    )
    log(f"Kept last year's approved version of {report.url_path}")
    return edition
