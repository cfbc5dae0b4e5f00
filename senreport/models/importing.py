from django.conf import settings
from django.db import models
from django.utils import timezone


class ReportImport(models.Model):
    """An old SEN Information Report under review: the upload parsed to sections, each
    with the item it goes to. Only the sections are kept (never the file), and only while
    the review lasts: the row goes when the draft is made or the review is cancelled, and
    reviews left for a day are cleared when the next one starts."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=500)
    kind = models.CharField(max_length=10)
    title = models.CharField(max_length=500, blank=True)
    images = models.PositiveIntegerField(default=0)
    sections = models.JSONField(default=list)

    class Meta:
        verbose_name = "SEN report import under review"

    def __str__(self):
        return f"Import of {self.source}"
