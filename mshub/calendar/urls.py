from django.urls import path

from mshub.calendar.views import additions, events, feeds, imports, lists

app_name = "calendar"

urlpatterns = [
    path("calendar/", lists.UpcomingView.as_view(), name="index"),
    path("calendar/timeline/", lists.TimelineView.as_view(), name="timeline"),
    path("calendar/calendar.ics", feeds.CalendarIcsView.as_view(), name="ics"),
    path("calendar/import/", imports.ImportView.as_view(), name="import"),
    path("calendar/feeds/new/", imports.SubscriptionCreateView.as_view(), name="subscription-create"),
    path("calendar/feeds/<int:pk>/", imports.SubscriptionDetailView.as_view(), name="subscription"),
    path("calendar/feeds/<int:pk>/refresh/", imports.SubscriptionRefreshView.as_view(), name="subscription-refresh"),
    path("calendar/feeds/<int:pk>/delete/", imports.SubscriptionDeleteView.as_view(), name="subscription-delete"),
    path("calendar/<int:year>/", lists.YearView.as_view(), name="year"),
    path("calendar/<int:year>/<int:month>/", lists.MonthView.as_view(), name="month"),
    path("calendar/presence/<int:year>/", additions.PresenceTableView.as_view(), name="presence-table"),
    path("calendar/events/new/", events.EventCreateView.as_view(), name="event-create"),
    path("calendar/events/<int:pk>/", events.EventDetailView.as_view(), name="event"),
    path("calendar/events/<int:pk>/edit/", events.EventUpdateView.as_view(), name="event-update"),
    path("calendar/events/<int:pk>/presence/", additions.PresenceCreateView.as_view(), name="presence-create"),
    path(
        "calendar/events/<int:event>/presence/<int:pk>/delete/",
        additions.PresenceDeleteView.as_view(),
        name="presence-delete",
    ),
    path("calendar/events/<int:pk>/report-backs/", additions.ReportBackCreateView.as_view(), name="reportback-create"),
    path(
        "calendar/events/<int:event>/report-backs/<int:pk>/delete/",
        additions.ReportBackDeleteView.as_view(),
        name="reportback-delete",
    ),
]
