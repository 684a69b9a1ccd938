from django.urls import path

from mshub.workinggroups.views import groups, plan

app_name = "workinggroups"

urlpatterns = [
    path("working-groups/", groups.GroupListView.as_view(), name="index"),
    path("working-groups/new/", groups.GroupCreateView.as_view(), name="group-create"),
    path("working-groups/<slug:slug>/", groups.GroupDetailView.as_view(), name="group"),
    path("working-groups/<slug:slug>/edit/", groups.GroupUpdateView.as_view(), name="group-update"),
    path("working-groups/<slug:slug>/members/", groups.MembersView.as_view(), name="members"),
    path(
        "working-groups/<slug:slug>/members/<int:pk>/remove/", groups.MemberRemoveView.as_view(), name="member-remove"
    ),
    path("working-groups/<slug:slug>/plan/", plan.PlanView.as_view(), name="plan"),
    path("working-groups/<slug:slug>/plan.pdf", plan.PlanPdfView.as_view(), name="plan-pdf"),
    path("working-groups/<slug:slug>/milestones/new/", plan.MilestoneFormView.as_view(), name="milestone-create"),
    path(
        "working-groups/<slug:slug>/milestones/<int:pk>/edit/",
        plan.MilestoneUpdateView.as_view(),
        name="milestone-update",
    ),
    path(
        "working-groups/<slug:slug>/milestones/<int:pk>/delete/",
        plan.MilestoneDeleteView.as_view(),
        name="milestone-delete",
    ),
]
