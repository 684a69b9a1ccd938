from .agenda import AgendaItem, ItemOutcome, Material, MaterialVersion, Presenter, PresenterAnswer, TopicProposal
from .meeting import Meeting, MeetingStatus
from .minutes import ActionItem, ActionStatus, Attendance, Decision, Footnote, Intervention, InterventionKind
from .registration import (
    AttendanceMode,
    DeliveryStatus,
    MailDelivery,
    RegistrantMail,
    Registration,
    RegistrationStatus,
)
from .reports import ReportVersion
from .series import MeetingSeries, SeriesVisibility
from .survey import ItemRating, SurveyResponse

__all__ = [
    "ActionItem",
    "ActionStatus",
    "AgendaItem",
    "Attendance",
    "AttendanceMode",
    "Decision",
    "DeliveryStatus",
    "Footnote",
    "Intervention",
    "InterventionKind",
    "ItemOutcome",
    "ItemRating",
    "MailDelivery",
    "Material",
    "MaterialVersion",
    "Meeting",
    "MeetingSeries",
    "MeetingStatus",
    "Presenter",
    "PresenterAnswer",
    "RegistrantMail",
    "Registration",
    "RegistrationStatus",
    "ReportVersion",
    "SeriesVisibility",
    "SurveyResponse",
    "TopicProposal",
]
