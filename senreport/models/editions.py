"""The yearly record: each version of a statutory page that the governors approved.

An edition is kept when a page is published with a new approval date (the governors'
approval date where the page has one, else its "last reviewed" date): see
senreport/editions.py. It holds the published revision's content itself, so it stays
readable after old revisions are purged.
"""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.documents import get_document_model_string
from wagtail.models import Page


class Edition(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="editions")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The revision's content (kept: revisions may be purged).
    content = models.JSONField(encoder=DjangoJSONEncoder)
    title = models.CharField(max_length=255)
    approved_on = models.DateField("approved on")
    approved_by = models.CharField("approved by", max_length=150, blank=True)
    published_at = models.DateTimeField()
    replaced_on = models.DateField("replaced on", null=True, blank=True)
    minutes = models.ForeignKey(
        get_document_model_string(),
        verbose_name="minutes or signed document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Optional: the governors' minute or the signed approval, as a document.",
    )

    class Meta:
        ordering = ["page", "-approved_on", "-published_at"]
        indexes = [models.Index(fields=["page", "-approved_on"])]

    def __str__(self):
        return f"{self.title}, approved {self.approved_on:%d %B %Y}"

    def get_url(self):
        return f"/versions/{self.pk}/"

    def get_pdf_url(self):
        return f"/versions/{self.pk}.pdf"

    def get_changes_url(self):
        return f"/versions/{self.pk}/changes/"

    def as_page(self):
        """The page as this edition published it (with its rows), not saved."""
        specific = self.page.specific_class
        page = specific.from_serializable_data(self.content)
        page.pk = page.id = self.page_id
        return page
