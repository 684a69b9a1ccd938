from django.urls import path

from mshub.papers.views import publication

app_name = "papers"

urlpatterns = [
    path("papers/<int:pk>/state/", publication.StateView.as_view(), name="paper-state"),
    path("papers/<int:pk>/submission/", publication.SubmissionView.as_view(), name="paper-submission"),
    path("papers/<int:pk>/published/", publication.PublishedView.as_view(), name="paper-published"),
    path("papers/<int:pk>/paper.md", publication.MarkdownView.as_view(), name="paper-markdown"),
    path("papers/<int:pk>/paper.pdf", publication.PdfView.as_view(), name="paper-pdf"),
]
