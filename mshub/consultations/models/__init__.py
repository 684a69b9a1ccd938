"""Public consultations: shared facts (the consultation, its documents, questions and history) and
what each forum adds (its response, the reminders sent for it). docs/consultations.md describes the whole."""

from .consultation import (
    Consultation,
    ConsultationDocument,
    ConsultationQuestion,
    ConsultationRevision,
    ConsultationState,
)
from .digest import DigestDelivery, DigestSubscription
from .forum import ConsultationResponse, DeadlineReminder, ResponseDecision

__all__ = [
    "Consultation",
    "ConsultationDocument",
    "ConsultationQuestion",
    "ConsultationResponse",
    "ConsultationRevision",
    "ConsultationState",
    "DeadlineReminder",
    "DigestDelivery",
    "DigestSubscription",
    "ResponseDecision",
]
