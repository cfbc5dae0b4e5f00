"""The statutory SEND pages. One module per page family; everything is re-exported here."""

from .section import SENDSectionPage

__all__ = ["SENDSectionPage"]
