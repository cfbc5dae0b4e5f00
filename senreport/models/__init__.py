"""The statutory SEND pages. One module per page family; everything is re-exported here."""

from .disability import FACILITIES, DisabilityAccessPage
from .editions import Edition
from .equality import EqualityObjective, EqualityPage, ObjectiveStatus
from .glossary import GlossaryPage, GlossaryTerm
from .importing import ReportImport
from .inclusion import (
    FundingSource,
    InclusionActivity,
    InclusionBarrier,
    InclusionStrategyPage,
    WhoFor,
)
from .ops import (
    ComplianceResult,
    LinkCheck,
    LinkKind,
    ReminderThreshold,
    ReviewReminder,
)
from .plan import AccessibilityPlanAction, AccessibilityPlanPage, ActionStatus, Strand
from .report import EasyReadLine, SENInformationReportPage
from .section import SENDSectionPage
from .statutory import StatutoryInformationPage
from .support import SENSupportPage
from .trust import School

__all__ = [
    "FACILITIES",
    "AccessibilityPlanAction",
    "AccessibilityPlanPage",
    "ActionStatus",
    "ComplianceResult",
    "DisabilityAccessPage",
    "Edition",
    "EqualityObjective",
    "EqualityPage",
    "GlossaryPage",
    "FundingSource",
    "GlossaryTerm",
    "InclusionActivity",
    "InclusionBarrier",
    "InclusionStrategyPage",
    "LinkCheck",
    "LinkKind",
    "ObjectiveStatus",
    "ReminderThreshold",
    "ReportImport",
    "ReviewReminder",
    "SENDSectionPage",
    "EasyReadLine",
    "SENInformationReportPage",
    "SENSupportPage",
    "School",
    "StatutoryInformationPage",
    "Strand",
    "WhoFor",
]
