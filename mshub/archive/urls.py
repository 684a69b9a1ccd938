from django.urls import path

from mshub.archive import views

app_name = "archive"

urlpatterns = [
    path("archive/", views.ArchiveIndexView.as_view(), name="index"),
    path("archive/batches/<int:pk>/", views.BatchView.as_view(), name="batch"),
    path("archive/batches/<int:pk>/publish/", views.BatchPublishView.as_view(), name="batch-publish"),
    path("archive/files/<int:pk>/", views.ReviewView.as_view(), name="review"),
    path("archive/documents/<int:pk>/", views.DocumentView.as_view(), name="document"),
    path("archive/documents/<int:pk>/original", views.DocumentFileView.as_view(), name="document-file"),
    path("archive/documents/<int:pk>/remove/", views.DocumentRemoveView.as_view(), name="document-remove"),
]
