from django.urls import path

from mshub.consultations.views import feeds, pages

app_name = "consultations"

urlpatterns = [
    path("consultations/", pages.ConsultationListView.as_view(), name="index"),
    path("consultations/calendar.ics", feeds.ConsultationIcsView.as_view(), name="ics"),
    path("consultations/new/", pages.ConsultationCreateView.as_view(), name="create"),
    path("consultations/<int:pk>/", pages.ConsultationDetailView.as_view(), name="detail"),
    path("consultations/<int:pk>/edit/", pages.ConsultationUpdateView.as_view(), name="update"),
    path("consultations/<int:pk>/response/", pages.ResponseUpdateView.as_view(), name="response"),
    path("consultations/<int:pk>/response/proof/", pages.ProofFileView.as_view(), name="proof"),
    path("radar/", pages.RadarView.as_view(), name="radar"),
    path("radar/digest/", feeds.DigestView.as_view(), name="digest"),
]
