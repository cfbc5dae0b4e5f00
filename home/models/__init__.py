"""The site shell's models. One module per family; everything is re-exported here."""

from .accessibility import AccessibilityStatementPage, ComplianceStatus
from .feedback import FeedbackFormField, FeedbackFormPage, FeedbackSubmission
from .shell import (
    MAINSTREAM_TYPES,
    HomePage,
    SchoolSettings,
    SchoolType,
    StandardPage,
)

__all__ = [
    "MAINSTREAM_TYPES",
    "AccessibilityStatementPage",
    "ComplianceStatus",
    "FeedbackFormField",
    "FeedbackFormPage",
    "FeedbackSubmission",
    "HomePage",
    "SchoolSettings",
    "SchoolType",
    "StandardPage",
]
