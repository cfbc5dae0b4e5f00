"""Parents' messages in the admin: marking them read from the admin home's "From parents"
panel (senreport/home_panels.py). A plain form post: no JavaScript needed."""

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from wagtail.contrib.forms.utils import get_forms_for_user

from .models import FeedbackSubmission


def mark_feedback_read(request):
    """POST `submission=<id>` (or `all=1` for every message the person may read)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    submissions = FeedbackSubmission.objects.filter(
        page__in=get_forms_for_user(request.user), read_at__isnull=True
    )
    if not request.POST.get("all"):
        submission_id = request.POST.get("submission", "")
        submissions = submissions.filter(pk=int(submission_id) if submission_id.isdigit() else 0)
    submissions.update(read_at=timezone.now())
    return redirect("wagtailadmin_home")
