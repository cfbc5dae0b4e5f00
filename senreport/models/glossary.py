"""The SEND glossary: terms (snippets, shared by every site) and the A–Z page that lists them."""

from itertools import groupby

from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import SHORT_TEXT_FEATURES
from home.forms import StatutoryPageForm
from home.models.base import SchoolPageMixin
from home.privacy import refuse_pupil_data


class GlossaryTerm(index.Indexed, models.Model):
    """One word or abbreviation that parents meet in SEND information, explained plainly."""

    term = models.CharField(
        max_length=120,
        unique=True,
        help_text="The words in full, e.g. 'Education, Health and Care plan'.",
    )
    abbreviation = models.CharField(
        max_length=30,
        blank=True,
        help_text=(
            "The short form parents see, written exactly as it appears, e.g. 'EHC plan' or "
            "'SENCO'. Leave empty if there is none. The first time it appears on a SEND page, "
            "it links to this explanation."
        ),
    )
    definition = models.TextField(
        help_text=(
            "What it means, in one to three short sentences, for a parent who has never met "
            "the term."
        )
    )
    # Made from the abbreviation (or the term) on every save: the glossary entry's anchor.
    slug = models.SlugField(max_length=140, unique=True, editable=False)

    panels = [FieldPanel("term"), FieldPanel("abbreviation"), FieldPanel("definition")]
    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("abbreviation"),
        index.AutocompleteField("abbreviation"),
        index.SearchField("definition"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = "glossary term"
        constraints = [
            models.UniqueConstraint(
                fields=["abbreviation"],
                condition=~Q(abbreviation=""),
                name="senreport_glossaryterm_unique_abbreviation",
                violation_error_message="Another glossary term already uses this abbreviation.",
            )
        ]

    def __str__(self):
        return f"{self.term} ({self.abbreviation})" if self.abbreviation else self.term

    def save(self, *args, **kwargs):
        self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        refuse_pupil_data(self)

    def _unique_slug(self):
        base = slugify(self.abbreviation or self.term)[:130] or "term"
        others = GlossaryTerm.objects.exclude(pk=self.pk)
        slug, number = base, 1
        while others.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    @property
    def anchor(self):
        """The id of this term's entry on the glossary page."""
        return anchor_for(self.slug)

    def matches(self, words):
        """Whether every word appears in the term, its abbreviation or its explanation."""
        text = f"{self.term} {self.abbreviation} {self.definition}".casefold()
        return all(word in text for word in words.casefold().split())

    @property
    def letter(self):
        first = self.term[:1].upper()
        return first if first.isalpha() else "#"


# The glossary page's filters, read from the address (no JavaScript needed).
LETTER_PARAMETER = "letter"
SEARCH_PARAMETER = "q"


def anchor_for(slug):
    return f"term-{slug}"


class GlossaryPage(SchoolPageMixin, Page):
    """Every glossary term, A to Z, each with an anchor that SEND pages link to."""

    introduction = RichTextField(
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="A sentence or two for parents. The terms themselves are edited under Glossary.",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    base_form_class = StatutoryPageForm
    template = "senreport/glossary_page.html"
    parent_page_types = ["senreport.SENDSectionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "glossary page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        letters = self.terms_by_letter()
        chosen = request.GET.get(LETTER_PARAMETER, "").strip().upper()[:1]
        words = " ".join(request.GET.get(SEARCH_PARAMETER, "").split())[:100]
        shown = letters
        if chosen:
            shown = [entry for entry in shown if entry[0] == chosen]
        if words:
            shown = [
                (letter, anchor, found)
                for letter, anchor, terms in shown
                if (found := [term for term in terms if term.matches(words)])
            ]
        context.update(
            {
                "letters": letters,
                "shown_letters": shown,
                "chosen_letter": chosen if any(e[0] == chosen for e in letters) else "",
                "glossary_query": words,
                "filtered": bool(chosen or words),
                "shown_count": sum(len(terms) for _, _, terms in shown),
            }
        )
        return context

    @staticmethod
    def terms_by_letter():
        """[(letter, anchor, [terms])] in A–Z order, from one query."""
        terms = sorted(GlossaryTerm.objects.all(), key=lambda t: (t.letter, t.term.casefold()))
        return [
            (letter, f"letter-{slugify(letter) or 'other'}", list(group))
            for letter, group in groupby(terms, key=lambda t: t.letter)
        ]
