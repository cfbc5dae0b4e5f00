"""Service records for the school's Local Offer, shaped on Open Referral UK 3.0 (ORUK).

Every record belongs to one Wagtail Site (one school), so a school's feed and directory
never show another school's services. Records the school writes itself are published in
its ORUK feed; records imported from a council's feed carry their source, are shown in
the directory and are read-only in the admin except for the school's local notes.

Services and organisations have drafts, revisions and the school's approval workflow, as
pages do (approval.py): the database row holds the live version, a draft waits in a
revision until an approver publishes it, and the public directory and feed show only
live records (`live=True`).
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    Site,
    WorkflowMixin,
)

from home.privacy import pupil_data_errors, refuse_pupil_data

from ..open_rules import refuse_closed_as_open
from .approval import SchoolApprovalMixin

# The Code of Practice's four broad areas of need: a taxonomy created by migration 0002
# with these fixed ids, so that every school publishes the same term ids.
AREAS_OF_NEED_TAXONOMY_ID = uuid.UUID("1015a2af-97a3-4ff7-813a-041fc6c29303")

# Ages in the directory filter and the admin go up to 25: the SEND system's upper age.
MAX_AGE = 120


def default_site_id():
    """The default Site: where records go while the install has only one school."""
    site = Site.objects.filter(is_default_site=True).only("pk").first()
    return site.pk if site else None


class Taxonomy(models.Model):
    """A vocabulary of terms (ORUK `taxonomy`), such as the four broad areas of need."""

    oruk_id = models.UUIDField("Open Referral id", unique=True, default=uuid.uuid4)
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    uri = models.URLField("URI", max_length=500, blank=True)
    version = models.CharField(max_length=50, blank=True)
    source = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where an imported taxonomy came from; empty for the site's own.",
    )

    class Meta:
        verbose_name_plural = "taxonomies"
        ordering = ["name"]

    def __str__(self):
        return self.name


class TaxonomyTermQuerySet(models.QuerySet):
    def areas_of_need(self):
        return self.filter(taxonomy__oruk_id=AREAS_OF_NEED_TAXONOMY_ID)

    def published(self):
        """Terms of the site's own vocabularies: the ones its feed publishes."""
        return self.filter(taxonomy__source="")


class TaxonomyTerm(models.Model):
    """One term of a taxonomy (ORUK `taxonomy_term`), linked to services as attributes."""

    oruk_id = models.UUIDField("Open Referral id", unique=True, default=uuid.uuid4)
    taxonomy = models.ForeignKey(
        Taxonomy, null=True, blank=True, on_delete=models.CASCADE, related_name="terms"
    )
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    slug = models.SlugField(
        max_length=80, blank=True, help_text="Used in the directory's filter links."
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    term_uri = models.URLField("term URI", max_length=500, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = TaxonomyTermQuerySet.as_manager()

    class Meta:
        ordering = ["taxonomy_id", "sort_order", "name"]

    def __str__(self):
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class Organisation(
    SchoolApprovalMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    models.Model,
):
    """Who runs a service when it is not the school: the NHS, a council team, a charity."""

    # An imported organisation's draft may change only this (see SchoolApprovalMixin).
    editable_when_imported = ("kind",)

    class Kind(models.TextChoices):
        NHS = "nhs", "NHS"
        COUNCIL = "council", "Council service"
        CHARITY = "charity", "Charity or voluntary group"
        OTHER = "other", "Other"

    site = models.ForeignKey(
        Site,
        verbose_name="school website",
        on_delete=models.CASCADE,
        related_name="+",
        default=default_site_id,
    )
    oruk_id = models.UUIDField("Open Referral id", default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=255, help_text="For example, Westmere CAMHS.")
    kind = models.CharField(
        "type of organisation", max_length=20, choices=Kind.choices, default=Kind.OTHER
    )
    description = models.TextField(
        blank=True, help_text="One or two sentences on who they are and what they do."
    )
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField(max_length=500, blank=True)
    source = models.CharField(
        max_length=500,
        blank=True,
        editable=False,
        help_text="The feed or file this organisation was imported from.",
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "oruk_id"], name="localoffer_organisation_unique_oruk_id"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # An imported organisation's words were checked when imported; only its type can
        # change here.
        if not (self.pk and self.source):
            refuse_pupil_data(self)

    @property
    def origin_text(self):
        return f"Imported from {self.source}" if self.source else "Added by the school"


class ServiceQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def live(self):
        """Published services whose organisation, if any, is published too: a new record
        waiting for approval is not live, and its draft is never shown."""
        return self.filter(
            models.Q(provider__isnull=True) | models.Q(provider__live=True), live=True
        )

    def public(self, site):
        """What the school's directory shows: its live services, written or imported."""
        return self.live().filter(site=site)

    def published(self, site):
        """The services this school's ORUK feed publishes: the live ones it wrote itself.

        Imported services belong to the council's feed; publishing them again would give
        aggregators two copies of one record under one id.
        """
        return self.live().filter(site=site, source="")

    def with_details(self):
        """Everything a full record or a directory entry shows, in a fixed number of queries."""
        return self.select_related("provider").prefetch_related(
            models.Prefetch(
                "taxonomy_terms",
                queryset=TaxonomyTerm.objects.select_related("taxonomy", "parent"),
            ),
            "phones",
            "opening_times",
        )

    def for_directory(self):
        """What a directory entry shows, in a fixed number of queries: as `with_details`,
        but an area of need is only its name (no taxonomy nor parent term to build)."""
        return self.select_related("provider").prefetch_related(
            models.Prefetch(
                "taxonomy_terms",
                queryset=TaxonomyTerm.objects.only("name", "taxonomy_id", "sort_order"),
            ),
            "phones",
            "opening_times",
        )


class Service(
    SchoolApprovalMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ClusterableModel,
):
    """One service in the Local Offer (ORUK `service`, with its location and contact)."""

    # An imported service's draft may change only the school's note (SchoolApprovalMixin).
    editable_when_imported = ("local_notes",)

    class Status(models.TextChoices):
        ACTIVE = "active", "Running"
        TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
        INACTIVE = "inactive", "Not running at the moment"
        DEFUNCT = "defunct", "Closed for good"

    class Where(models.TextChoices):
        SCHOOL = "school", "At the school"
        ELSEWHERE = "elsewhere", "At another address"
        ONLINE = "online", "Online or by phone"

    site = models.ForeignKey(
        Site,
        verbose_name="school website",
        on_delete=models.CASCADE,
        related_name="+",
        default=default_site_id,
    )
    oruk_id = models.UUIDField("Open Referral id", default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=255, help_text="The name families know it by.")
    description = models.TextField(
        blank=True,
        help_text="What the service does and who it is for, in plain English.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    provider = models.ForeignKey(
        Organisation,
        verbose_name="run by",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="services",
        help_text="Leave empty if the school runs this service itself.",
    )
    # Parental: a draft's areas of need are kept in its revision until it is published.
    taxonomy_terms = ParentalManyToManyField(
        TaxonomyTerm,
        verbose_name="areas of need",
        blank=True,
        related_name="services",
        help_text="The broad areas of need from the SEND Code of Practice that it helps with.",
    )
    minimum_age = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)], help_text="In years."
    )
    maximum_age = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)], help_text="In years."
    )

    url = models.URLField("website", max_length=500, blank=True)
    email = models.EmailField("e-mail", blank=True)
    contact_name = models.CharField(max_length=150, blank=True)
    contact_title = models.CharField(
        "contact's job title", max_length=150, blank=True, help_text="For example, SENCO."
    )
    fees = models.TextField("cost", blank=True, help_text="Say 'Free' if families pay nothing.")
    languages = models.CharField(
        max_length=255,
        blank=True,
        help_text="Languages it is offered in, separated by commas: English, Polish, BSL.",
    )
    schedule = models.TextField(
        "when it runs",
        blank=True,
        help_text="In words, for example 'Tuesday afternoons in term time'.",
    )
    runs_until = models.DateField(
        "runs until",
        null=True,
        blank=True,
        help_text=(
            "The last day it runs, if it ends. A running service whose last day has passed "
            "cannot be published: give a new date or mark it as not running."
        ),
    )

    location = models.CharField(
        "where", max_length=20, choices=Where.choices, default=Where.SCHOOL
    )
    location_name = models.CharField(
        "place name",
        max_length=150,
        blank=True,
        help_text="For another address: the building, for example Westmere Health Centre.",
    )
    address = models.TextField(
        blank=True, help_text="For another address: one line per line, without the postcode."
    )
    postcode = models.CharField(max_length=10, blank=True)
    accessibility = models.TextField(
        "accessibility notes",
        blank=True,
        help_text="Step-free access, quiet rooms, hearing loops, parking and the like.",
    )
    location_oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)
    service_at_location_oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)

    assured_date = models.DateField(
        "last checked",
        null=True,
        blank=True,
        help_text="The date someone last checked these details with the service.",
    )
    assurer_email = models.EmailField(
        "checked by (e-mail)", blank=True, help_text="Who checked them."
    )
    local_notes = models.TextField(
        "note from the school",
        blank=True,
        help_text="Shown to families under the service, for example how to ask for a referral.",
    )

    source = models.CharField(
        max_length=500,
        blank=True,
        editable=False,
        help_text="The feed or file this service was imported from; empty if the school wrote it.",
    )
    source_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_modified = models.DateTimeField(auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "oruk_id"], name="localoffer_service_unique_oruk_id"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # An imported record's own words were checked when imported, and only the
        # school's note can change here.
        errors = pupil_data_errors(self, ("local_notes",) if self.pk and self.source else None)
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            errors["maximum_age"] = "The maximum age must be the same as or above the minimum age."
        if errors:
            raise ValidationError(errors)

    @property
    def is_imported(self):
        return bool(self.source)

    def publish(self, revision, *args, **kwargs):
        """Every route that makes a version live (publish, approval, scheduled publishing)
        first checks it can be shown as running (localoffer/open_rules.py); the editor's
        form checks the same before it gets here."""
        if not refuse_closed_as_open(revision.as_object(), kwargs.get("log_action")):
            return None
        return super().publish(revision, *args, **kwargs)

    @property
    def anchor(self):
        return f"service-{self.oruk_id}"

    @property
    def age_range_text(self):
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None:
            return f"Ages {low} to {high}" if low != high else f"Age {low}"
        if low is not None:
            return f"From age {low}"
        if high is not None:
            return f"Up to age {high}"
        return "All ages"

    @property
    def language_list(self):
        return [name.strip() for name in self.languages.split(",") if name.strip()]

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def place_text(self):
        """Where a service away from the school and not online happens, on one line."""
        parts = [self.location_name, *self.address_lines, self.postcode]
        return ", ".join(part for part in parts if part)

    @property
    def areas_of_need_text(self):
        return ", ".join(term.name for term in self.taxonomy_terms.all())

    @property
    def provider_name(self):
        return self.provider.name if self.provider_id else "The school"

    @property
    def phone_numbers_text(self):
        return "; ".join(phone.display for phone in self.phones.all())

    @property
    def opening_times_text(self):
        return "; ".join(str(slot) for slot in self.opening_times.all())

    @property
    def origin_text(self):
        return f"Imported from {self.source}" if self.source else "Written by the school"

    def accepts_age(self, age):
        low = self.minimum_age if self.minimum_age is not None else 0
        high = self.maximum_age if self.maximum_age is not None else MAX_AGE
        return low <= age <= high


class ServicePhone(Orderable):
    """A phone number for a service (HSDS `phone`)."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="phones")
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)
    number = models.CharField(max_length=30)
    description = models.CharField(
        max_length=150, blank=True, help_text="For example, 'Appointments' or 'Text only'."
    )

    def __str__(self):
        return self.display

    @property
    def display(self):
        return f"{self.number} ({self.description})" if self.description else self.number

    @property
    def tel(self):
        return "".join(ch for ch in self.number if ch.isdigit() or ch == "+")


class Weekday(models.TextChoices):
    # iCalendar day codes, as ORUK schedules use them in `byday`.
    MONDAY = "MO", "Monday"
    TUESDAY = "TU", "Tuesday"
    WEDNESDAY = "WE", "Wednesday"
    THURSDAY = "TH", "Thursday"
    FRIDAY = "FR", "Friday"
    SATURDAY = "SA", "Saturday"
    SUNDAY = "SU", "Sunday"


class ServiceOpeningTime(Orderable):
    """A weekly opening time (an ORUK `schedule` with `freq` WEEKLY)."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="opening_times")
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)
    weekday = models.CharField(max_length=2, choices=Weekday.choices)
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    note = models.CharField(max_length=150, blank=True, help_text="For example, 'term time only'.")

    def __str__(self):
        text = f"{self.get_weekday_display()} {_clock(self.opens_at)} to {_clock(self.closes_at)}"
        return f"{text} ({self.note})" if self.note else text

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError(
                {"closes_at": "The closing time must be after the opening time."}
            )


def _clock(value):
    """9:30am, 1pm: the way the school's pages write times."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}:{value.minute:02d}{suffix}" if value.minute else f"{hour}{suffix}"


class SiteFeedIdentity(models.Model):
    """The ids the school itself has in its feed: as an organisation and as a location.

    Random, stored once per site, so they never change and never collide with another
    school's (an id derived from the site's number would repeat across installations).
    """

    site = models.OneToOneField(Site, on_delete=models.CASCADE, primary_key=True, related_name="+")
    organisation_oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)
    location_oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = "site feed identity"
        verbose_name_plural = "site feed identities"

    def __str__(self):
        return f"Feed ids for {self.site}"

    @classmethod
    def for_site(cls, site):
        identity, _ = cls.objects.get_or_create(site=site)
        return identity
