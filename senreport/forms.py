"""The editor form of the statutory pages: drafts always save; publishing is guarded."""

import logging

from home.forms import SchoolPageForm

logger = logging.getLogger(__name__)


class StatutoryPageForm(SchoolPageForm):
    """Runs the page's own *must* compliance checks when the editor publishes or submits
    for moderation. Saving a draft defers them, as Wagtail defers required fields."""

    def _post_clean(self):
        super()._post_clean()
        if self.is_deferred_validation:
            return
        site = self._site()
        if site is None:
            return
        from .compliance import publish_problems

        problems = publish_problems(self.instance, site, children=self._pending_children())
        if not problems:
            return
        names = []
        for result in problems:
            name_on_page = result.check.name_on_page
            names.append(name_on_page(self.instance) if name_on_page else result.check.title)
        # The summary first: the admin lists the form's errors in the order they were added.
        noun = self.instance._meta.verbose_name
        self.add_error(
            None,
            f"This {noun} cannot be published until "
            + ("this item is" if len(names) == 1 else f"these {len(names)} items are")
            + " filled in: "
            + "; ".join(f"“{name}”" for name in names)
            + ". You can still save a draft.",
        )
        # Each reason beside the field it concerns, or under the summary if it has none.
        for result in problems:
            marked = [name for name in result.fields if name in self.fields]
            for field_name in marked:
                if field_name not in self.errors:
                    self.add_error(field_name, result.reason)
            if not marked:
                self.add_error(None, result.reason)
        logger.info(
            "Publish refused for %s %r: %s",
            noun,
            self.instance.title,
            ", ".join(r.check.id for r in problems),
        )

    def _pending_children(self):
        """The InlinePanel rows the editor submitted, without saving them."""
        children = {}
        for name, formset in self.formsets.items():
            if name == "comments" or not formset.is_valid():
                continue
            children[name] = [
                form.instance
                for form in formset.forms
                if form.has_changed() or form.instance.pk
                if not (formset.can_delete and formset._should_delete_form(form))
            ]
        return children

    def _site(self):
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return parent.get_site() if parent is not None else None
