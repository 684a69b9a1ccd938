from django.urls import path

from mshub.core.views import forums, vocabularies

app_name = "core"

urlpatterns = [
    path("", forums.HomeView.as_view(), name="home"),
    path("<slug:forum>/", forums.ForumHomeView.as_view(), name="forum"),
    path("<slug:forum>/settings/", forums.ForumSettingsView.as_view(), name="forum-settings"),
    path("<slug:forum>/members/", forums.MemberListView.as_view(), name="members"),
    path("<slug:forum>/events/", forums.ActivityLogView.as_view(), name="events"),
    path("<slug:forum>/vocabularies/", vocabularies.VocabularyIndexView.as_view(), name="vocabulary-index"),
    path("<slug:forum>/vocabularies/<slug:kind>/new/", vocabularies.TermCreateView.as_view(), name="vocabulary-create"),
    path(
        "<slug:forum>/vocabularies/<slug:kind>/<int:pk>/",
        vocabularies.TermUpdateView.as_view(),
        name="vocabulary-update",
    ),
]
