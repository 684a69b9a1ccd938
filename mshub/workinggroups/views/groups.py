"""The working groups' pages: the list, a group, the forms; writes go through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Case, Prefetch, Value, When
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from mshub.core.permissions import is_secretariat
from mshub.core.views.base import ForumView
from mshub.people.models import Person
from mshub.workinggroups.forms import GroupForm, MemberForm
from mshub.workinggroups.models import GroupState, MemberRole, Milestone, WorkingGroup, WorkingGroupMember
from mshub.workinggroups.plan import milestones_of
from mshub.workinggroups.services import (
    WorkingGroupError,
    add_member,
    create_group,
    remove_member,
    update_group,
)
from mshub.workinggroups.views.base import GroupView, members_of

# active groups first, then proposed ones, then those that concluded
STATE_ORDER = Case(
    When(state=GroupState.ACTIVE, then=Value(0)), When(state=GroupState.PROPOSED, then=Value(1)), default=Value(2)
)


class GroupListView(ForumView, TemplateView):
    page_cache = True
    permission_required = "workinggroups.view_workinggroup"
    template_name = "workinggroups/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        chairs = WorkingGroupMember.objects.filter(role=MemberRole.CHAIR, left__isnull=True).select_related("person")
        milestones = Milestone.objects.select_related("target_event", "target_consultation")
        groups = list(
            WorkingGroup.objects.filter(forum=self.forum)
            .select_related("forum")
            .prefetch_related(
                Prefetch("members", queryset=chairs, to_attr="chair_rows"),
                Prefetch("milestones", queryset=milestones, to_attr="milestone_rows"),
            )
            .order_by(STATE_ORDER, "slug")
        )
        for group in groups:
            rows = group.milestone_rows
            group.slipped_count = sum(1 for m in rows if m.is_slipped)  # type: ignore[attr-defined]
            upcoming = sorted((m for m in rows if not m.is_done), key=lambda m: (m.when, m.pk))
            group.next_milestone = upcoming[0] if upcoming else None  # type: ignore[attr-defined]
        context.update(
            groups=groups,
            can_add=self.request.user.has_perm("workinggroups.add_workinggroup", self.forum),
        )
        return context


class GroupDetailView(GroupView, TemplateView):
    page_cache = True
    permission_required = "workinggroups.view_workinggroup"
    template_name = "workinggroups/group.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        members = members_of(self.group)
        milestones = milestones_of(self.group, self.forum)
        context.update(
            chairs=[m for m in members if m.is_chair],
            members=members,
            can_view_members=self.request.user.has_perm("workinggroups.view_members", self.group),
            milestones=milestones,
            slipped=[m for m in milestones if m.is_slipped],
        )
        return context


class GroupFormView(ForumView, FormView[GroupForm]):
    template_name = "workinggroups/group_form.html"
    form_class = GroupForm
    instance: WorkingGroup | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum, "instance": self.instance}

    def save(self, form: GroupForm) -> WorkingGroup:
        raise NotImplementedError

    def form_valid(self, form: GroupForm) -> HttpResponse:
        try:
            group = self.save(form)
        except WorkingGroupError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(group.urls.group)


class GroupCreateView(GroupFormView):
    permission_required = "workinggroups.add_workinggroup"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "proposing": not is_secretariat(self.request.user, self.forum)}

    def save(self, form: GroupForm) -> WorkingGroup:
        user = self.request.user
        if is_secretariat(user, self.forum):
            return create_group(self.forum, user, **form.values())
        # A WG chair proposes the group and chairs it: through their entry in the registry.
        person = Person.objects.filter(forum=self.forum, user__pk=user.pk).first() if user.pk else None
        if person is None:
            raise WorkingGroupError(
                _("Your account is not linked to a person of this forum's registry; ask the secretariat to link it.")
            )
        return create_group(self.forum, user, chair=person, **(form.values() | {"state": GroupState.PROPOSED}))


class GroupUpdateView(GroupView, GroupFormView):
    permission_required = "workinggroups.change_workinggroup"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.instance = self.group
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        # the form edits a copy: the page's heading keeps the saved name while the form is wrong
        saved = WorkingGroup.objects.get(pk=self.group.pk)
        # a proposed group is made active by the secretariat, not by the chair who proposed it
        proposing = saved.state == GroupState.PROPOSED and not is_secretariat(self.request.user, self.forum)
        return {**super().get_form_kwargs(), "instance": saved, "proposing": proposing}

    def save(self, form: GroupForm) -> WorkingGroup:
        return update_group(self.forum, self.request.user, self.group, **form.values())


class MembersView(GroupView, FormView[MemberForm]):
    """The group's members, past ones too, and the form that adds one (or changes a role)."""

    permission_required = "workinggroups.change_workinggroup"
    template_name = "workinggroups/members.html"
    form_class = MemberForm

    def get_form_kwargs(self) -> dict[str, Any]:
        with_accounts = is_secretariat(self.request.user, self.forum)
        return {**super().get_form_kwargs(), "forum": self.forum, "with_accounts": with_accounts}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["members"] = members_of(self.group, current=False)
        return context

    def form_valid(self, form: MemberForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            add_member(
                self.forum, self.request.user, self.group, data["person"], role=data["role"], user=data.get("user")
            )
        except WorkingGroupError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(self.group.urls.members)


class MemberRemoveView(GroupView, View):
    """POST: the member leaves the group (``pk``: the membership row)."""

    permission_required = "workinggroups.change_workinggroup"
    http_method_names = ["post"]

    def get_permission_object(self) -> Any:
        """The membership row, in this group of this forum (another's is not found, whatever the method)."""
        member = WorkingGroupMember.objects.filter(group=self.group, forum=self.forum, pk=self.kwargs["pk"]).first()
        if member is None:
            raise Http404("No such member")
        member.group = self.group
        self.member = member
        return member

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        remove_member(self.forum, request.user, self.member)
        messages.success(request, _("The member has left the group."))
        return HttpResponseRedirect(self.group.urls.members)
