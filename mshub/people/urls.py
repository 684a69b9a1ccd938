from django.urls import path

from mshub.people.views import organizations as org
from mshub.people.views import persons, search

app_name = "people"

urlpatterns = [
    path("people/", persons.PersonListView.as_view(), name="person-list"),
    path("people/search/", search.PersonSearchView.as_view(), name="person-search"),
    path("people/new/", persons.PersonCreateView.as_view(), name="person-create"),
    path("people/<int:pk>/", persons.PersonDetailView.as_view(), name="person-detail"),
    path("people/<int:pk>/edit/", persons.PersonUpdateView.as_view(), name="person-update"),
    path("people/<int:pk>/merge/", persons.PersonMergeView.as_view(), name="person-merge"),
    path("people/<int:pk>/export.json", persons.PersonExportView.as_view(), name="person-export"),
    path("people/<int:pk>/erase/", persons.PersonEraseView.as_view(), name="person-erase"),
    path("people/<int:person>/affiliations/new/", org.AffiliationCreateView.as_view(), name="affiliation-create"),
    path("people/<int:person>/affiliations/<int:pk>/", org.AffiliationUpdateView.as_view(), name="affiliation-update"),
    path("organizations/", org.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/search/", search.OrganizationSearchView.as_view(), name="organization-search"),
    path("organizations/new/", org.OrganizationCreateView.as_view(), name="organization-create"),
    path("organizations/<int:pk>/", org.OrganizationDetailView.as_view(), name="organization-detail"),
    path("organizations/<int:pk>/edit/", org.OrganizationUpdateView.as_view(), name="organization-update"),
    path("stakeholder-groups/", org.StakeholderGroupListView.as_view(), name="stakeholdergroup-list"),
]
