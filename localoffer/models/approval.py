"""Services and organisations go through their school's approval workflow, as its pages do.

Wagtail gives a snippet model one workflow for every record (assigned to its content type,
under Settings > Workflows), whereas each school has its own workflow for its pages, whose
task is "Approval by <school> approvers" (home/schools.py). A record here names its school
(`site`), so `get_workflow` returns the workflow of that school's home page: the one its
pages use, with the same approvers, the same e-mails and the same "awaiting your review"
list on the dashboard. School A's editors therefore submit to A's approvers, and B's
approvers are not in A's task's group, so they cannot approve A's records (nor open them:
the admin refuses another school's records, localoffer/viewsets.py). A school without
a workflow of its own falls back to the one assigned to the model, if any.

Chosen over a custom task that looks the approvers up from the record's site: that would
need its own e-mails and dashboard listing, and a second list of approvers to keep in step
with the pages' one.

Records imported from a council's feed are published as they are imported. The school may
change a few fields of them (`editable_when_imported`), through a draft like any other; when
such a draft is published, every other field keeps the value of the latest import, so an
older draft never brings back data the council has since changed.
"""

from django.conf import settings
from wagtail.models import Page


class SchoolApprovalMixin:
    editable_when_imported = ()

    def get_workflow(self):
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return None
        if getattr(self, "site_id", None) is None:
            return super().get_workflow()
        cached = getattr(self, "_school_workflow", None)
        if cached is None or cached[0] != self.site_id:
            self._school_workflow = (self.site_id, school_workflow(self.site_id))
        return self._school_workflow[1] or super().get_workflow()

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        if self.pk is None or not self.source:
            return obj
        # Imported: everything but the school's own fields stays as last imported.
        for field in self._meta.concrete_fields:
            if field.name not in self.editable_when_imported and not field.primary_key:
                setattr(obj, field.attname, getattr(self, field.attname))
        for relation in ("phones", "opening_times"):
            if hasattr(self, relation):
                setattr(obj, relation, list(getattr(self, relation).all()))
        if hasattr(self, "taxonomy_terms"):
            obj.taxonomy_terms = list(self.taxonomy_terms.all())
        return obj


def school_workflow(site_id):
    """The active workflow of the school's home page (or of a page above it), or None."""
    root = Page.objects.filter(sites_rooted_here__id=site_id).first()
    return root.get_workflow() if root is not None else None
