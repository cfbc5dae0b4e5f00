"""A Local Offer service shown as running must be one families can reach: it needs an
e-mail address or a phone number, and its last day (`runs_until`) must not have passed.

Checked by the service's form when the editor publishes or submits it (drafts always
save), and by `Service.publish` on every other route (workflow approval, scheduled
publishing). Records imported from a council's feed are the council's to correct.
"""

import logging

from django.urls import reverse
from django.utils import timezone

from home.publishing import SCHEDULED_LOG_ACTION, PublishRefused

logger = logging.getLogger(__name__)

RUNNING = "active"


def open_service_problems(status, email, phone_numbers, runs_until, imported=False, today=None):
    """[(field, reason)] that stop a service being published as running."""
    if status != RUNNING or imported:
        return []
    today = today or timezone.localdate()
    problems = []
    if not ((email or "").strip() or any((number or "").strip() for number in phone_numbers)):
        problems.append(
            (
                "email",
                "A running service needs an e-mail address or a phone number, so families "
                "can get in touch. Add one, or mark the service as not running.",
            )
        )
    if runs_until and runs_until < today:
        problems.append(
            (
                "runs_until",
                f"It ran until {runs_until:%-d %B %Y}, which has passed. Give a new date, "
                "or mark the service as not running.",
            )
        )
    return problems


def service_problems(service):
    return open_service_problems(
        service.status,
        service.email,
        [phone.number for phone in service.phones.all()],
        service.runs_until,
        imported=service.is_imported,
    )


def refuse_closed_as_open(service, log_action=None):
    """True if `service` (the version about to go live) may be published. Otherwise
    raises `PublishRefused` naming the problems, or, for scheduled publishing (no one to
    tell), logs them and returns False."""
    problems = service_problems(service)
    if not problems:
        return True
    message = f"“{service.name}” cannot be published as running: " + " ".join(
        reason for _, reason in problems
    )
    if log_action == SCHEDULED_LOG_ACTION:
        logger.warning("Scheduled publishing refused for service %s: %s", service.pk, message)
        return False
    refusal = PublishRefused(service, [], message=message)
    refusal.redirect_to = reverse(service.snippet_viewset.get_url_name("edit"), args=[service.pk])
    raise refusal
