from django.urls import path

from mshub.topics import tag_views, views

app_name = "topics"

urlpatterns = [
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/new/", views.TopicCreateView.as_view(), name="topic-create"),
    path("topics/<slug:code>/", views.TopicDetailView.as_view(), name="topic"),
    path("topics/<slug:code>/edit/", views.TopicUpdateView.as_view(), name="topic-update"),
    path("topics/<slug:code>/state/", views.TopicStateView.as_view(), name="topic-state"),
    path("topics/<slug:code>/delete/", views.TopicDeleteView.as_view(), name="topic-delete"),
    path("topics/tag/<slug:kind>/<int:pk>/", tag_views.TagRecordView.as_view(), name="tag-record"),
]
