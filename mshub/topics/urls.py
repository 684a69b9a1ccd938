from django.urls import path

from mshub.topics import suggest_views, tag_views, trend_views, views

app_name = "topics"

urlpatterns = [
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/new/", views.TopicCreateView.as_view(), name="topic-create"),
    # Before <slug:code>/, which would take "suggest" or "trends" for a topic's code (the form reserves them).
    path("topics/suggest/", suggest_views.TopicSuggestView.as_view(), name="topic-suggest"),
    path("topics/trends/", trend_views.TrendsOverviewView.as_view(), name="trends"),
    path("topics/<slug:code>/", views.TopicDetailView.as_view(), name="topic"),
    path("topics/<slug:code>/edit/", views.TopicUpdateView.as_view(), name="topic-update"),
    path("topics/<slug:code>/state/", views.TopicStateView.as_view(), name="topic-state"),
    path("topics/<slug:code>/delete/", views.TopicDeleteView.as_view(), name="topic-delete"),
    path("topics/trends.csv", trend_views.TrendsOverviewCsvView.as_view(), name="trends-csv"),
    path("topics/<slug:code>/trends/", trend_views.TopicTrendsView.as_view(), name="topic-trends"),
    path("topics/<slug:code>/trends.csv", trend_views.TopicTrendsCsvView.as_view(), name="topic-trends-csv"),
    path("topics/tag/<slug:kind>/<int:pk>/", tag_views.TagRecordView.as_view(), name="tag-record"),
]
