"""Working groups, their members and their work plans (docs/papers.md).

A working group belongs to one forum; its members are people of that forum's registry (with an
account link, which gives a chair the group's rights: workinggroups/rules.py). A milestone of the
work plan is dated by a month or a day and may aim at an international event or a consultation's
deadline (shared records): it is *slipped* while not done and its target comes before it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mshub.core.i18n import localized
from mshub.core.pages import PageURLs


class GroupState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    CONCLUDED = "concluded", _("Concluded")


class WorkingGroup(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="working_groups")
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(
        _("short name in addresses"), max_length=60, help_text=_("Lower-case letters, digits and hyphens.")
    )
    charter_ja = models.TextField(_("charter (Japanese)"), blank=True, max_length=20000)
    charter_en = models.TextField(_("charter (English)"), blank=True, max_length=20000)
    state = models.CharField(_("state"), max_length=12, choices=GroupState.choices, default=GroupState.PROPOSED)
    mailing_list = models.EmailField(_("mailing-list address"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["forum", "slug"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.UniqueConstraint(fields=["forum", "slug"], name="working_group_slug_unique_in_forum"),
            models.CheckConstraint(condition=~Q(name_ja="", name_en=""), name="working_group_has_a_name"),
        ]

    urls = PageURLs(
        "workinggroups",
        lambda g: {"forum": g.forum.slug, "slug": g.slug},
        "group",
        "group-update",
        "members",
        "plan",
        "plan-pdf",
        "milestone-create",
    )

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def charter(self) -> str:
        return localized(self, "charter")

    @property
    def is_active(self) -> bool:
        return self.state == GroupState.ACTIVE

    @property
    def is_concluded(self) -> bool:
        return self.state == GroupState.CONCLUDED

    def get_absolute_url(self) -> str:
        return self.urls.group


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Member")


class MemberQuerySet(models.QuerySet["WorkingGroupMember"]):
    def current(self) -> MemberQuerySet:
        return self.filter(left__isnull=True)

    def acting_for(self, user: Any) -> MemberQuerySet:
        """The memberships ``user`` acts for: their own account, or (none set) their person's account."""
        return self.filter(Q(user=user) | Q(user__isnull=True, person__user=user))


class WorkingGroupMember(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="working_groups", verbose_name=_("person")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
        help_text=_("The account that acts for this member (by default the person's own)."),
    )
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)
    joined = models.DateField(_("joined"), null=True, blank=True)
    left = models.DateField(_("left"), null=True, blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["group", "role", "pk"]
        verbose_name = _("working-group member")
        verbose_name_plural = _("working-group members")

    urls = PageURLs(
        "workinggroups",
        lambda m: {"forum": m.group.forum.slug, "slug": m.group.slug, "pk": m.pk},
        "member-remove",
    )

    def __str__(self) -> str:
        return str(self.person)

    @property
    def is_chair(self) -> bool:
        return self.role == MemberRole.CHAIR

    @property
    def is_current(self) -> bool:
        return self.left is None


class MilestoneKind(models.TextChoices):
    DRAFT = "draft", _("Draft")
    HEARING = "hearing", _("Hearing")
    CONSOLIDATION = "consolidation", _("Consolidation")
    SUBMISSION = "submission", _("Submission")
    REPORT_BACK = "report-back", _("Report-back")
    OTHER = "other", _("Other")


class Milestone(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("kind"), max_length=15, choices=MilestoneKind.choices, default=MilestoneKind.DRAFT)
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    month = models.DateField(_("month"), null=True, blank=True, help_text=_("The first day of the month."))
    day = models.DateField(_("exact date"), null=True, blank=True)
    target_event = models.ForeignKey(
        "calendar.ExternalEvent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aims at the event"),
    )
    target_consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aims at the consultation's deadline"),
    )
    done = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("day").asc(nulls_last=True), "month", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.CheckConstraint(
                condition=Q(month__isnull=False) | Q(day__isnull=False), name="milestone_has_a_month_or_day"
            ),
            models.CheckConstraint(
                condition=Q(target_event__isnull=True) | Q(target_consultation__isnull=True),
                name="milestone_one_target",
            ),
        ]

    urls = PageURLs(
        "workinggroups",
        lambda m: {"forum": m.group.forum.slug, "slug": m.group.slug, "pk": m.pk},
        "milestone-update",
        "milestone-delete",
    )

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def when(self) -> dt.date:
        """The milestone's date: the exact day, or the first of its month."""
        found = self.day or self.month
        assert found is not None
        return found

    @property
    def month_start(self) -> dt.date:
        return self.when.replace(day=1)

    @property
    def is_month_only(self) -> bool:
        return self.day is None

    @property
    def is_done(self) -> bool:
        return self.done is not None

    @property
    def target(self) -> Any:
        return self.target_event or self.target_consultation

    @property
    def target_day(self) -> dt.date | None:
        """The day the target falls on: the event's first day, the consultation's closing day (issuer's zone)."""
        if self.target_event is not None:
            return self.target_event.first_day
        if self.target_consultation is not None:
            return self.target_consultation.local_closes.date()
        return None

    @property
    def is_slipped(self) -> bool:
        """Not done, and its target (event or deadline) comes before the milestone's date. A report-back
        reports on its event, so it comes after it by design: never slipped."""
        if self.done is not None or self.kind == MilestoneKind.REPORT_BACK:
            return False
        target = self.target_day
        return target is not None and target < self.when

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.month is None and self.day is None:
            errors["month"] = _("Give a month or an exact date.")
        if self.month is not None and self.month.day != 1:
            self.month = self.month.replace(day=1)
        if self.target_event_id and self.target_consultation_id:
            errors["target_consultation"] = _("Aim at an event or a consultation, not both.")
        if not (self.title_ja or self.title_en):
            errors["title_ja"] = _("Give a title in Japanese or English.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.month is not None and self.month.day != 1:
            self.month = self.month.replace(day=1)
        if self.day is not None:
            self.month = self.day.replace(day=1)
        super().save(*args, **kwargs)
