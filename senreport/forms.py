"""The editor form of the statutory pages: drafts always save; publishing is guarded by the
publish guard every page type shares (home.forms)."""

from home.forms import SchoolPageForm


class StatutoryPageForm(SchoolPageForm):
    """The form of the statutory pages: the shared guard, which runs their own *must*
    compliance checks (registered by senreport) and the privacy check."""
