from django.urls import path

from mshub.papers.views import dispositions, hearings, papers, publication, revisions

app_name = "papers"

urlpatterns = [
    path("papers/", papers.PaperListView.as_view(), name="index"),
    path("papers/new/<slug:group>/", papers.PaperCreateView.as_view(), name="paper-create"),
    path("papers/<int:pk>/", papers.PaperDetailView.as_view(), name="paper"),
    path("papers/<int:pk>/edit/", papers.PaperEditView.as_view(), name="paper-edit"),
    path("papers/<int:pk>/revisions/", revisions.RevisionListView.as_view(), name="revisions"),
    path("papers/<int:pk>/revisions/<int:number>/", revisions.RevisionDetailView.as_view(), name="revision"),
    path("papers/<int:pk>/compare/", revisions.CompareView.as_view(), name="compare"),
    # hearings, comments and dispositions
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
    # states, publication and submission
    path("papers/<int:pk>/state/", publication.StateView.as_view(), name="paper-state"),
    path("papers/<int:pk>/submission/", publication.SubmissionView.as_view(), name="paper-submission"),
    path("papers/<int:pk>/published/", publication.PublishedView.as_view(), name="paper-published"),
    path("papers/<int:pk>/paper.md", publication.MarkdownView.as_view(), name="paper-markdown"),
    path("papers/<int:pk>/paper.pdf", publication.PdfView.as_view(), name="paper-pdf"),
]
