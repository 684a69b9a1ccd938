from django.urls import include, path

from mshub.meetings.views import (
    agenda,
    checkin,
    feeds,
    manage,
    memo,
    proposals,
    public,
    registrants,
    registration,
    reports,
    series,
    statistics,
    survey,
)

app_name = "meetings"

meeting_patterns = [
    path("", public.MeetingDetailView.as_view(), name="meeting"),
    path("meeting.ics", feeds.MeetingIcsView.as_view(), name="meeting-ics"),
    path("register/", registration.RegisterView.as_view(), name="register"),
    path("cancel/<str:token>/", registration.CancelRegistrationView.as_view(), name="registration-cancel"),
    path("my-registration/", registration.MyRegistrationView.as_view(), name="my-registration"),
    path("edit/", manage.MeetingUpdateView.as_view(), name="meeting-update"),
    path("status/", manage.MeetingStatusView.as_view(), name="meeting-status"),
    path("agenda/", agenda.AgendaManageView.as_view(), name="agenda"),
    path("agenda/<int:pk>/", agenda.AgendaItemView.as_view(), name="item"),
    path("memo/", memo.MemoView.as_view(), name="memo"),
    path("proposals/", proposals.ProposalsView.as_view(), name="proposals"),
    path("survey/<str:token>/", survey.SurveyView.as_view(), name="survey"),
    path("survey-results/", survey.SurveyResultsView.as_view(), name="survey-results"),
    path("materials/<int:pk>/", memo.MaterialDownloadView.as_view(), name="material"),
    path("registrations/", checkin.RegistrationListView.as_view(), name="registrations"),
    path("registrations.csv", registrants.RegistrationCsvView.as_view(), name="registrations-csv"),
    path("registrations/badges.pdf", registrants.BadgesPdfView.as_view(), name="registrations-badges"),
    path("registrations/mail/", registrants.RegistrantMailView.as_view(), name="registrations-mail"),
    path("registrations/<int:pk>/", registrants.RegistrationManageView.as_view(), name="registration-manage"),
    path("check-in/", checkin.CheckInView.as_view(), name="checkin"),
    path("report/", reports.ReportView.as_view(), name="report"),
    path("report/v<int:version>/", reports.ReportView.as_view(), name="report-version"),
    path("report.md", reports.ReportMarkdownView.as_view(), name="report-md"),
    path("report.pdf", reports.ReportPdfView.as_view(), name="report-pdf"),
    path("publish/", reports.PublishReportView.as_view(), name="publish"),
]

urlpatterns = [
    path("meetings/", public.MeetingIndexView.as_view(), name="index"),
    path("meetings/new/", manage.MeetingCreateView.as_view(), name="meeting-create"),
    path("meetings/new/series/", series.SeriesCreateView.as_view(), name="series-create"),
    path("meetings/calendar.ics", feeds.ForumIcsView.as_view(), name="forum-ics"),
    path("meetings/reports.atom", feeds.ReportsFeedView.as_view(), name="reports-feed"),
    path("meetings/statistics/", statistics.StatisticsView.as_view(), name="statistics"),
    path("meetings/statistics.csv", statistics.StatisticsCsvView.as_view(), name="statistics-csv"),
    path("meetings/<slug:series>/", public.SeriesDetailView.as_view(), name="series"),
    path("meetings/<slug:series>/calendar.ics", feeds.SeriesIcsView.as_view(), name="series-ics"),
    path("meetings/<slug:series>/edit/", series.SeriesUpdateView.as_view(), name="series-update"),
    path("meetings/<slug:series>/<int:number>/", include(meeting_patterns)),
]
