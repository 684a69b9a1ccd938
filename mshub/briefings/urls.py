from django.urls import path

from mshub.briefings.views import builder, pages

app_name = "briefings"

urlpatterns = [
    path("briefings/", pages.BriefingListView.as_view(), name="list"),
    path("briefings/new/", pages.BriefingCreateView.as_view(), name="create"),
    path("briefings/<int:pk>/", pages.BriefingDetailView.as_view(), name="detail"),
    path("briefings/<int:pk>/builder/", builder.BuilderView.as_view(), name="builder"),
    path("briefings/<int:pk>/publish/", pages.PublishView.as_view(), name="publish"),
    path("briefings/<int:pk>/attach/", pages.AttachView.as_view(), name="attach"),
    path("briefings/<int:pk>/slides/", pages.SlidesView.as_view(), name="slides"),
    path("briefings/<int:pk>/briefing.md", pages.MarkdownView.as_view(), name="markdown"),
    path("briefings/<int:pk>/briefing.pdf", pages.PdfView.as_view(), name="pdf"),
    path("briefings/<int:pk>/versions/", pages.VersionListView.as_view(), name="versions"),
    path("briefings/<int:pk>/versions/<int:version>/", pages.VersionView.as_view(), name="version"),
    path("briefings/<int:pk>/versions/<int:version>/slides/", pages.SlidesView.as_view(), name="version-slides"),
    path(
        "briefings/<int:pk>/versions/<int:version>/briefing.md", pages.MarkdownView.as_view(), name="version-markdown"
    ),
    path("briefings/<int:pk>/versions/<int:version>/briefing.pdf", pages.PdfView.as_view(), name="version-pdf"),
]
