"""The site shell's models. One module per family; everything is re-exported here."""

from .accessibility import AccessibilityStatementPage, ComplianceStatus
from .feedback import FeedbackFormField, FeedbackFormPage, FeedbackSubmission
from .school import MAINSTREAM_TYPES, SchoolSettings, SchoolType
from .shell import HomePage, StandardPage
from .translation import SourceSync, TranslationRecord

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
    "SourceSync",
    "StandardPage",
    "TranslationRecord",
]
