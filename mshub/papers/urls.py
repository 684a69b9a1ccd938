from django.urls import URLPattern

app_name = "papers"

urlpatterns: list[URLPattern] = []

# ---- hearings, comments and dispositions (h/hear) --------------------------------------------------
from django.urls import path  # noqa: E402

from mshub.papers.views import dispositions, hearings  # noqa: E402

urlpatterns += [
    path("papers/<int:pk>/hearings/new/", hearings.HearingCreateView.as_view(), name="hearing-create"),
    path("papers/<int:pk>/hearings/<int:hearing>/", hearings.HearingView.as_view(), name="hearing"),
    path(
        "papers/<int:pk>/hearings/<int:hearing>/comments/",
        hearings.CommentCreateView.as_view(),
        name="comment-create",
    ),
    path("papers/<int:pk>/hearings/<int:hearing>/dispositions/", dispositions.DisposeView.as_view(), name="dispose"),
    path("papers/<int:pk>/dispositions/", dispositions.DispositionsView.as_view(), name="dispositions"),
    path("papers/<int:pk>/dispositions.csv", dispositions.DispositionsCsvView.as_view(), name="dispositions-csv"),
]
