"""The site's front page, a forum's home, its settings, members and activity log."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, UpdateView

from mshub.core.areas import home_panels
from mshub.core.forms import AddMemberForm, ChangeRoleForm, ForumSettingsForm
from mshub.core.models import ActivityEntry, Forum, Membership
from mshub.core.models.events import record
from mshub.core.services import LastSecretariatError, add_member, change_role
from mshub.core.views.base import ForumView


class HomeView(ListView[Forum]):
    """Every forum the visitor may read (public ones, and those they belong to)."""

    template_name = "core/home.html"
    context_object_name = "forums"

    def get_queryset(self) -> models.QuerySet[Forum]:
        qs = Forum.objects.all()
        if self.request.user.is_authenticated:
            return qs.filter(models.Q(is_public=True) | models.Q(memberships__user=self.request.user)).distinct()
        return qs.filter(is_public=True)


class ForumHomeView(ForumView, TemplateView):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "core.view_forum"
    template_name = "core/forum_home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Each installed area may add a panel (``Area.home_panel``) with its own context."""
        context = super().get_context_data(**kwargs)
        context["home_panels"] = []
        for area in home_panels():
            if area.home_context is not None:
                context.update(area.home_context(self))
            context["home_panels"].append(area.home_panel)
        return context


class ForumSettingsView(ForumView, UpdateView[Forum, ForumSettingsForm]):
    permission_required = "core.change_forum"
    template_name = "core/forum_settings.html"
    form_class = ForumSettingsForm

    def get_object(self, queryset: Any = None) -> Forum:
        return self.forum

    def form_valid(self, form: ForumSettingsForm) -> HttpResponse:
        response = super().form_valid(form)
        record(self.forum, self.request.user, "forum.changed", self.forum, fields=sorted(form.changed_data))
        messages.success(self.request, _("Saved."))
        return response

    def get_success_url(self) -> str:
        return reverse("core:forum-settings", kwargs={"forum": self.forum.slug})


class MemberListView(ForumView, TemplateView):
    """Steering members see who belongs; the secretariat also adds, re-roles and removes."""

    permission_required = "core.view_members"
    template_name = "core/members.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["memberships"] = (
            Membership.objects.filter(forum=self.forum).select_related("user").order_by("role", "user__email")
        )
        context["can_manage"] = self.request.user.has_perm("core.manage_members", self.forum)
        context.setdefault("add_form", AddMemberForm(forum=self.forum))
        context["role_form"] = ChangeRoleForm()
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("core.manage_members", self.forum):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        here = reverse("core:members", kwargs={"forum": self.forum.slug})
        if "membership" in request.POST:
            role_form = ChangeRoleForm(request.POST)
            if role_form.is_valid():
                membership = Membership.objects.filter(
                    forum=self.forum, pk=role_form.cleaned_data["membership"]
                ).first()
                if membership is None:
                    messages.error(request, _("No such member."))
                else:
                    try:
                        change_role(membership, role_form.cleaned_data["role"] or None, actor=request.user)
                        messages.success(request, _("Saved."))
                    except LastSecretariatError as exc:
                        messages.error(request, str(exc))
            return HttpResponseRedirect(here)
        add_form = AddMemberForm(request.POST, forum=self.forum)
        if add_form.is_valid():
            data = add_form.cleaned_data
            add_member(self.forum, data["email"], data["role"], actor=request.user, display_name=data["display_name"])
            messages.success(request, _("%(email)s was added.") % {"email": data["email"]})
            return HttpResponseRedirect(here)
        return self.render_to_response(self.get_context_data(add_form=add_form), status=400)


class ActivityLogView(ForumView, ListView[ActivityEntry]):
    permission_required = "core.view_events"
    template_name = "core/events.html"
    paginate_by = 100

    def get_queryset(self) -> models.QuerySet[ActivityEntry]:
        return ActivityEntry.objects.filter(forum=self.forum).select_related("actor", "target_type")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        events = list(context["object_list"])
        # Name each record as it is now, in one query per kind of record: a model may list in
        # ``log_related`` the relations its name reads (a meeting's series), so names cost no query each.
        kinds = {e.target_type for e in events if e.target_type_id}
        lookups = []
        for kind in kinds:
            model = kind.model_class()
            if model is not None:
                lookups.append(model._default_manager.select_related(*getattr(model, "log_related", ())))
        if lookups:
            prefetch_related_objects(events, GenericPrefetch("target", lookups))
        context["object_list"] = events
        return context
