"""The four broad areas of need of the SEND Code of Practice (paragraphs 6.28 to 6.35), as
an Open Referral taxonomy. The ids are fixed so that every school publishes the same ones.
"""

import uuid

from django.db import migrations

TAXONOMY = {
    "oruk_id": uuid.UUID("1015a2af-97a3-4ff7-813a-041fc6c29303"),
    "name": "SEND Code of Practice: broad areas of need",
    "description": (
        "The four broad areas of special educational need that the SEND Code of Practice "
        "(0 to 25 years) uses to plan support. A child may have needs in more than one."
    ),
    "uri": "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
    "version": "2015",
}

TERMS = [
    (
        "7a05bbc5-633f-42c0-885f-50ac09bb7d76",
        "communication-and-interaction",
        "Communication and interaction",
        "Difficulties with speech, language and communication, including understanding "
        "others, being understood and social communication; includes autism.",
    ),
    (
        "790a18ca-a15f-453b-9e4b-6fcc5999c524",
        "cognition-and-learning",
        "Cognition and learning",
        "Learning at a slower pace than others of the same age, or specific difficulties "
        "such as dyslexia, dyscalculia or dyspraxia.",
    ),
    (
        "fdc0c692-53d0-48a0-9db9-20b9e3ed8d64",
        "social-emotional-and-mental-health",
        "Social, emotional and mental health",
        "Difficulties that may show as anxiety, low mood, withdrawal or behaviour that "
        "is hard to manage; includes attention difficulties such as ADHD.",
    ),
    (
        "315ca6e0-3652-4ab5-a4e8-ab5af857a139",
        "sensory-and-physical",
        "Sensory and/or physical needs",
        "Hearing or vision impairment, multi-sensory impairment, or a physical "
        "disability that means a child needs extra equipment or support.",
    ),
]


def create(apps, schema_editor):
    Taxonomy = apps.get_model("localoffer", "Taxonomy")
    TaxonomyTerm = apps.get_model("localoffer", "TaxonomyTerm")
    taxonomy, _ = Taxonomy.objects.update_or_create(
        oruk_id=TAXONOMY["oruk_id"], defaults={**TAXONOMY, "source": ""}
    )
    for order, (oruk_id, slug, name, description) in enumerate(TERMS):
        TaxonomyTerm.objects.update_or_create(
            oruk_id=uuid.UUID(oruk_id),
            defaults={
                "taxonomy": taxonomy,
                "slug": slug,
                "name": name,
                "description": description,
                "sort_order": order,
            },
        )


def remove(apps, schema_editor):
    Taxonomy = apps.get_model("localoffer", "Taxonomy")
    Taxonomy.objects.filter(oruk_id=TAXONOMY["oruk_id"]).delete()


class Migration(migrations.Migration):
    dependencies = [("localoffer", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
