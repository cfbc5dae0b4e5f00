"""The Local Offer: the LocalOfferPage and the services directory shaped on Open Referral UK.

One module per family of models; everything is re-exported here.
"""

from .pages import LocalOfferPage
from .services import (
    AREAS_OF_NEED_TAXONOMY_ID,
    MAX_AGE,
    Organisation,
    Service,
    ServiceOpeningTime,
    ServicePhone,
    SiteFeedIdentity,
    Taxonomy,
    TaxonomyTerm,
    Weekday,
)

__all__ = [
    "AREAS_OF_NEED_TAXONOMY_ID",
    "MAX_AGE",
    "LocalOfferPage",
    "Organisation",
    "Service",
    "ServiceOpeningTime",
    "ServicePhone",
    "SiteFeedIdentity",
    "Taxonomy",
    "TaxonomyTerm",
    "Weekday",
]
