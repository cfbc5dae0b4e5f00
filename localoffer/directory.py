"""The public services directory on the Local Offer page: a GET form, no JavaScript needed."""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When

from .models.services import Service, TaxonomyTerm

# The directory asks for a child's age; the SEND system covers 0 to 25.
DIRECTORY_MAX_AGE = 25

STATUS_CHOICES = [
    ("", "Running or temporarily closed"),
    (Service.Status.ACTIVE, "Running now"),
    (Service.Status.TEMPORARILY_CLOSED, "Temporarily closed"),
    ("all", "All, including services that have stopped"),
]
SHOWN_BY_DEFAULT = (Service.Status.ACTIVE, Service.Status.TEMPORARILY_CLOSED)


def keyword_filter(words):
    """Services whose name, description, area of need or provider holds every word."""
    condition = Q()
    for word in words.split():
        condition &= (
            Q(name__icontains=word)
            | Q(description__icontains=word)
            | Q(taxonomy_terms__name__icontains=word)
            | Q(provider__name__icontains=word)
        )
    return condition


def open_first(services):
    """Running services before temporarily closed ones, then those that stopped; by name."""
    return services.annotate(
        closed_order=Case(
            When(status=Service.Status.ACTIVE, then=Value(0)),
            When(status=Service.Status.TEMPORARILY_CLOSED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("closed_order", "name")


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label="Search services",
        required=False,
        max_length=100,
        help_text="A name, a need (such as 'speech' or 'autism') or who runs it.",
        error_messages={"max_length": "Enter at most 100 characters."},
    )
    need = forms.MultipleChoiceField(
        label="Area of need",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose areas of need from the list."},
    )
    age = forms.IntegerField(
        label="Child's age in years",
        required=False,
        min_value=0,
        max_value=DIRECTORY_MAX_AGE,
        error_messages={
            "invalid": f"Enter the age as a whole number, from 0 to {DIRECTORY_MAX_AGE}.",
            "min_value": f"Enter an age from 0 to {DIRECTORY_MAX_AGE}.",
            "max_value": f"Enter an age from 0 to {DIRECTORY_MAX_AGE}.",
        },
    )
    status = forms.ChoiceField(
        label="Show",
        required=False,
        choices=STATUS_CHOICES,
        initial="",
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose which services to show from the list."},
    )

    def __init__(self, data, terms):
        super().__init__(data)
        self.fields["need"].choices = [(term.slug, term.name) for term in terms]

    @property
    def error_links(self):
        """(id, message) for the error summary: each links to the field (or the first
        option of a group of checkboxes or radios)."""
        links = []
        for name in self.fields:
            target = self[name].auto_id
            if isinstance(
                self.fields[name].widget, forms.RadioSelect | forms.CheckboxSelectMultiple
            ):
                target = f"{target}_0"
            links.extend((target, message) for message in self.errors.get(name, []))
        return links

    def filter_value(self, name):
        """A field's cleaned value; its empty value when unbound or invalid, so that one
        wrong answer (an age of "ten") leaves the other filters working."""
        empty = {"q": "", "need": [], "age": None, "status": ""}[name]
        if not self.is_bound or name in self.errors:
            return empty
        value = self.cleaned_data.get(name)
        return empty if value is None else value


@dataclass
class Directory:
    form: DirectoryFilterForm
    services: list
    school_name: str
    filtered: bool
    filter_summary: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.services)

    @property
    def count_text(self):
        if not self.services:
            return "No services match"
        return "1 service" if self.count == 1 else f"{self.count} services"


def build_directory(site, data, school=None):
    """The site's services filtered by the GET data, with everything the page shows."""
    terms = list(TaxonomyTerm.objects.areas_of_need())
    form = DirectoryFilterForm(data or None, terms)
    form.is_valid()
    needs = form.filter_value("need")
    age = form.filter_value("age")
    status = form.filter_value("status")
    words = " ".join(form.filter_value("q").split())

    services = Service.objects.public(site).for_directory()
    summary = []
    if words:
        matching = Service.objects.public(site).filter(keyword_filter(words)).values("pk")
        services = services.filter(pk__in=matching)
        summary.append(f"matching “{words}”")
    if needs:
        services = services.filter(taxonomy_terms__slug__in=needs).distinct()
        names = [term.name for term in terms if term.slug in needs]
        summary.append("helping with " + " or ".join(names))
    if age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
        )
        summary.append(f"for a child aged {age}")
    if status == "all":
        summary.append("including services that have stopped")
    elif status:
        services = services.filter(status=status)
        summary.append(dict(STATUS_CHOICES)[status].lower())
    else:
        services = services.filter(status__in=SHOWN_BY_DEFAULT)
    return Directory(
        form=form,
        services=list(open_first(services)),
        school_name=school.school_name if school else "",
        filtered=bool(summary),
        filter_summary=summary,
    )


def authority_links(school):
    """Each local authority's Local Offer and Ordinarily Available Provision links."""
    links = []
    for block in school.local_authorities:
        value = block.value
        if not value.get("local_offer_url"):
            continue
        links.append(
            {
                "name": value["name"],
                "local_offer_url": value["local_offer_url"],
                "oap_url": value.get("ordinarily_available_provision_url") or "",
            }
        )
    return links
