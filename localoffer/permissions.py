"""Who may work on which school's Local Offer records: the per-site permissions a school's
editors and approvers get (home/schools.py), and the questions the admin views ask."""

from wagtail.models import Site
from wagtail.permissions import policy_registry

# What a school's editors may do with their own school's Local Offer records.
SCHOOL_ACTIONS = ("add", "change", "delete")
# What only its approvers may do besides.
APPROVER_ACTIONS = ("publish", "lock", "unlock")


def local_offer_permissions():
    return [
        f"localoffer.{action}_{model}"
        for model in ("service", "organisation")
        for action in SCHOOL_ACTIONS
    ]


def local_offer_approver_permissions():
    return [
        f"localoffer.{action}_{model}"
        for model in ("service", "organisation")
        for action in APPROVER_ACTIONS
    ]


def school_sites(user, model):
    """The sites whose records of `model` this user may work on (every site for
    superusers and holders of the model's global permissions)."""
    return policy_registry.get_by_type(model).sites_user_has_any_permission_for(
        user, SCHOOL_ACTIONS
    )


def may_for_site(user, model, action, site_id):
    """May this user do `action` to a record of `model` of this school?"""
    if site_id is None:
        return False
    policy = policy_registry.get_by_type(model)
    return policy.user_has_permission_for_instance(user, action, Site(pk=site_id))
