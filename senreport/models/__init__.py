"""The statutory SEND pages. One module per page family; everything is re-exported here."""

from .disability import FACILITIES, DisabilityAccessPage
from .plan import AccessibilityPlanAction, AccessibilityPlanPage, ActionStatus, Strand
from .report import SENInformationReportPage
from .section import SENDSectionPage
from .statutory import StatutoryInformationPage

__all__ = [
    "FACILITIES",
    "AccessibilityPlanAction",
    "AccessibilityPlanPage",
    "ActionStatus",
    "DisabilityAccessPage",
    "SENDSectionPage",
    "SENInformationReportPage",
    "StatutoryInformationPage",
    "Strand",
]
