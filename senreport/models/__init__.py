"""The statutory SEND pages. One module per page family; everything is re-exported here."""

from .glossary import GlossaryPage, GlossaryTerm
from .section import SENDSectionPage
from .support import SENSupportPage

__all__ = ["GlossaryPage", "GlossaryTerm", "SENDSectionPage", "SENSupportPage"]
