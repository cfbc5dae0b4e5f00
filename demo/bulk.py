"""Build many complete schools quickly: `manage.py seed_schools N`.

A school here is what the trust overview and the public site need: a site and its school
details; a home page, a complaints procedure, a feedback form and an accessibility
statement; the SEND section with the SEN Information Report, the disability and access
page, the accessibility plan and its actions, the inclusion strategy with its barriers and
activities, the Local Offer page and services, the
glossary and the statutory-information page; editors and approvers with their
permissions. The pages come from the same builders as `seed_demo` (demo/home.py, senreport.py,
localoffer.py).

Pages are put in the tree one by one (treebeard gives each its path; Wagtail's page
models cannot be bulk-inserted, being a table per page type). Everything else is
bulk-inserted a batch of schools at a time: sites, school details, plan actions, the
inclusion strategies' rows, form
fields, organisations, services with their phones, opening times and areas of need,
groups and permissions, one published revision per page (Wagtail's own publish would
save each page twice more and write its log), and the pages' search index entries (one
insert per page type instead of one task per page). Each batch is one transaction.
"""

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import COMMENTS_RELATION_NAME, Page, Revision, Site
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler

from home.models import FeedbackFormField, HomePage, SchoolSettings
from home.schools import ensure_schools_groups
from localoffer.models import Organisation, Service, ServiceOpeningTime, ServicePhone
from localoffer.models import TaxonomyTerm as Term
from senreport.models import (
    AccessibilityPlanAction,
    EqualityObjective,
    InclusionActivity,
    InclusionBarrier,
)

from .home import (
    build_accessibility_statement,
    build_complaints_procedure,
    build_feedback_form,
    build_policies,
    feedback_form_fields,
    fill_home,
    fill_settings,
)
from .localoffer import (
    ORGANISATIONS,
    build_local_offer_page,
    build_organisation,
    build_service,
    services_for,
)
from .schools import generated_school
from .senreport import (
    build_disability_page,
    build_equality_page,
    build_inclusion_strategy,
    build_plan,
    build_report,
    build_send_section,
    build_statutory_page,
    equality_objectives,
    inclusion_rows,
    needs_inclusion_strategy,
    plan_actions,
)
from .support import build_glossary_page, seed_glossary_terms

BATCH_SIZE = 50


@dataclass
class NewSchool:
    school: object
    home: HomePage
    pages: list = field(default_factory=list)
    site: Site = None


def missing_schools(count):
    """The generated schools 1..count whose site does not exist yet."""
    schools = [generated_school(number) for number in range(1, count + 1)]
    existing = set(
        Site.objects.filter(hostname__in=[s.hostname for s in schools]).values_list(
            "hostname", flat=True
        )
    )
    return [school for school in schools if school.hostname not in existing]


def create_schools(schools, progress=None):
    """Create every school in `schools` (DemoSchool profiles), a batch at a time."""
    seed_glossary_terms(lambda message: None)  # shared by every school
    for start in range(0, len(schools), BATCH_SIZE):
        with transaction.atomic(), search_index_in_bulk() as indexed:
            indexed.extend(_create_batch(schools[start : start + BATCH_SIZE], progress))


@contextmanager
def search_index_in_bulk():
    """Index the pages created inside, together at the end, instead of one by one as each
    is saved. Yields the list to put the new pages in."""
    models = [m for m in get_indexed_models() if issubclass(m, Page)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    pages = []
    try:
        yield pages
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, objs in by_model.items():
            backend.add_bulk(model, objs)


def _add(parent, page, slug, new):
    page.slug = slug
    parent.add_child(instance=page)
    new.pages.append(page)
    return page


def _create_batch(schools, progress):
    root = Page.get_first_root_node()
    built, plans, forms, strategies, equalities = [], [], [], [], []
    for school in schools:
        home = fill_home(HomePage(), school)
        new = NewSchool(school, home)
        _add(root, home, school.home_slug, new)
        policies = _add(home, build_policies(), "policies", new)
        complaints = _add(policies, build_complaints_procedure(), "complaints-procedure", new)
        feedback = _add(home, build_feedback_form(with_fields=False), "feedback", new)
        _add(home, build_accessibility_statement(feedback), "accessibility", new)
        section = _add(home, build_send_section(school), "send", new)
        home.send_page = section
        report = build_report(home, school, complaints=complaints)
        _add(section, report, "sen-information-report", new)
        _add(section, build_disability_page(school), "disability-and-access", new)
        plan = _add(section, build_plan(school, with_actions=False), "accessibility-plan", new)
        if needs_inclusion_strategy(school):
            strategy = build_inclusion_strategy(school, with_rows=False)
            strategies.append((_add(section, strategy, "inclusion-strategy", new), school))
        equality = build_equality_page(school, with_objectives=False)
        equalities.append((_add(section, equality, "equality", new), school))
        _add(section, build_statutory_page(), "statutory-information", new)
        _add(section, build_local_offer_page(school), "local-offer", new)
        _add(section, build_glossary_page(), "glossary", new)
        plans.append((plan, school))
        forms.append(feedback)
        built.append(new)
        if progress is not None:
            progress.update(1)

    _create_sites(built)
    _create_children(plans, forms, equalities)
    _create_inclusion_rows(strategies)
    _create_services(built)
    ensure_schools_groups([(new.site, new.school.name) for new in built])
    pages = [page for new in built for page in new.pages]
    _publish(pages)
    return pages


def _create_sites(built):
    sites = Site.objects.bulk_create(
        Site(
            hostname=new.school.hostname,
            port=new.school.port,
            site_name=new.school.name,
            root_page=new.home,
        )
        for new in built
    )
    for new, site in zip(built, sites, strict=True):
        new.site = site
    # bulk_create sends no signals: forget the cached list of sites, as Site.save() would.
    Site.clear_site_root_paths_cache()
    SchoolSettings.objects.bulk_create(
        fill_settings(SchoolSettings(site=new.site), new.school) for new in built
    )


def _create_children(plans, forms, equalities=()):
    """The plans' actions, the equality objectives and the feedback forms' fields, kept on
    the pages in memory too so that their revisions hold them."""
    actions = {}
    for plan, school in plans:
        actions[plan.pk] = plan_actions(school)
        for order, action in enumerate(actions[plan.pk]):
            action.page = plan
            action.sort_order = order
            # Translatable rows (issue 20): bulk_create does not give them their page's locale.
            action.locale_id = plan.locale_id
    AccessibilityPlanAction.objects.bulk_create(a for rows in actions.values() for a in rows)
    for plan, _ in plans:
        plan.actions = actions[plan.pk]

    objectives = {}
    for page, school in equalities:
        objectives[page.pk] = equality_objectives(school)
        for order, objective in enumerate(objectives[page.pk]):
            objective.page = page
            objective.sort_order = order
            objective.locale_id = page.locale_id
    EqualityObjective.objects.bulk_create(o for rows in objectives.values() for o in rows)
    for page, _ in equalities:
        page.objectives = objectives[page.pk]

    fields = {}
    for form in forms:
        fields[form.pk] = feedback_form_fields()
        for order, form_field in enumerate(fields[form.pk]):
            form_field.page = form
            form_field.sort_order = order
            # FeedbackFormField.save() would name the field; bulk_create does not call it.
            form_field.clean_name = form_field.get_field_clean_name()
    FeedbackFormField.objects.bulk_create(f for rows in fields.values() for f in rows)
    for form in forms:
        form.form_fields = fields[form.pk]


def _create_inclusion_rows(strategies):
    """The inclusion strategies' barriers and activities, kept on the pages in memory too
    so that their revisions hold them."""
    rows = {}
    for strategy, school in strategies:
        rows[strategy.pk] = inclusion_rows(school)
        for kind in rows[strategy.pk]:
            for order, row in enumerate(kind):
                row.page, row.sort_order = strategy, order
                row.locale_id = strategy.locale_id
    InclusionBarrier.objects.bulk_create(b for barriers, _ in rows.values() for b in barriers)
    InclusionActivity.objects.bulk_create(a for _, activities in rows.values() for a in activities)
    for strategy, _ in strategies:
        strategy.barriers, strategy.activities = rows[strategy.pk]


def _create_services(built):
    terms = {term.slug: term.pk for term in Term.objects.areas_of_need()}
    organisations = {}
    for new in built:
        organisations[new.site.pk] = {
            key: build_organisation(new.site, new.school, key, values)
            for key, values in ORGANISATIONS.items()
        }
    Organisation.objects.bulk_create(o for orgs in organisations.values() for o in orgs.values())

    services, specs = [], []
    for new in built:
        for spec in services_for(new.school):
            services.append(build_service(new.site, new.school, spec, organisations[new.site.pk]))
            specs.append(spec)
    # The phones and opening times are held in memory by each service until it is saved.
    phones = [list(service.phones.all()) for service in services]
    times = [list(service.opening_times.all()) for service in services]
    Service.objects.bulk_create(services)
    for service, service_phones, service_times in zip(services, phones, times, strict=True):
        for order, row in enumerate(service_phones):
            row.service, row.sort_order = service, order
        for order, row in enumerate(service_times):
            row.service, row.sort_order = service, order
    ServicePhone.objects.bulk_create(row for rows in phones for row in rows)
    ServiceOpeningTime.objects.bulk_create(row for rows in times for row in rows)
    through = Service.taxonomy_terms.through
    through.objects.bulk_create(
        through(service_id=service.pk, taxonomyterm_id=terms[slug])
        for service, spec in zip(services, specs, strict=True)
        for slug in spec["areas"]
        if slug in terms
    )


def _publish(pages):
    """One revision per page, published: what save_revision().publish() records, written
    in bulk."""
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(Page)
    for page in pages:
        # A new page has no comments: say so, rather than have each revision ask.
        setattr(page, COMMENTS_RELATION_NAME, [])
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=ContentType.objects.get_for_model(type(page)),
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=now,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
        page.latest_revision_created_at = page.first_published_at = now
        page.last_published_at = now
        page.live = True
        page.has_unpublished_changes = False
    Page.objects.bulk_update(
        pages,
        [
            "latest_revision",
            "live_revision",
            "latest_revision_created_at",
            "first_published_at",
            "last_published_at",
            "live",
            "has_unpublished_changes",
        ],
        batch_size=500,
    )
    HomePage.objects.bulk_update([p for p in pages if isinstance(p, HomePage)], ["send_page"])
