from django.urls import path

from mshub.trends.views import feeds, items

app_name = "trends"

urlpatterns = [
    path("trends/", items.TrendListView.as_view(), name="index"),
    path("trends/new/", items.TrendItemCreateView.as_view(), name="item-create"),
    path("trends/<int:pk>/", items.TrendItemView.as_view(), name="item"),
    path("trends/<int:pk>/edit/", items.TrendItemUpdateView.as_view(), name="item-update"),
    path("trends/<int:pk>/delete/", items.TrendItemDeleteView.as_view(), name="item-delete"),
    path("trends/feeds/", feeds.FeedListView.as_view(), name="feeds"),
    path("trends/feeds/new/", feeds.FeedCreateView.as_view(), name="feed-create"),
    path("trends/feeds/<int:pk>/", feeds.FeedView.as_view(), name="feed"),
    path("trends/feeds/<int:pk>/edit/", feeds.FeedUpdateView.as_view(), name="feed-update"),
    path("trends/feeds/<int:pk>/poll/", feeds.FeedPollView.as_view(), name="feed-poll"),
    path("trends/feeds/<int:pk>/delete/", feeds.FeedDeleteView.as_view(), name="feed-delete"),
]
