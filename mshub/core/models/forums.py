"""Forums and who belongs to them.

One installation hosts several forums (a national IGF, its steering group's
workspace, a task force). Everything a forum owns carries a ``forum`` foreign
key and is reached only through :class:`ForumScopedQuerySet.for_forum`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.i18n import localized
from mshub.core.timezones import validate_timezone

if TYPE_CHECKING:
    from mshub.accounts.models import User

# URL segments that a forum slug may not take, because the site uses them.
RESERVED_SLUGS = frozenset(
    {"accounts", "admin", "api", "i18n", "media", "static", "tz", "healthz", "favicon.ico", "robots.txt"}
)


def validate_forum_slug(value: str) -> None:
    from django.core.exceptions import ValidationError

    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved by the site."), params={"slug": value})


class Role(models.TextChoices):
    """A member's role in one forum, from most to least rights."""

    SECRETARIAT = "secretariat", _("Secretariat")
    STEERING = "steering", _("Steering group member")
    WG_CHAIR = "wg_chair", _("Working-group chair")
    MEMBER = "member", _("Member")

    @property
    def rank(self) -> int:
        return ROLE_RANK[self]


ROLE_RANK = {Role.SECRETARIAT: 40, Role.STEERING: 30, Role.WG_CHAIR: 20, Role.MEMBER: 10}
PUBLIC_RANK = 0


class Forum(models.Model):
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=40,
        unique=True,
        validators=[validate_forum_slug],
        help_text=_("Lower-case letters, digits and hyphens, e.g. “igf-japan”."),
    )
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    short_name = models.CharField(_("abbreviation"), max_length=40, blank=True)
    description_ja = models.TextField(_("description (Japanese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Tokyo",
        validators=[validate_timezone],
        help_text=_("IANA zone where the forum usually meets, e.g. Asia/Tokyo."),
    )
    accent_color = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#1d4f91",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour such as #1d4f91."))],
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Visitors who are not members can read what the forum publishes."),
    )
    mailing_list = models.EmailField(_("mailing-list address"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Raised (never by a form or ``save()``) whenever anything the forum's pages show changes: the
    # page cache's keys and validators carry it (mshub.core.pagecache).
    content_version = models.PositiveBigIntegerField(default=0, db_default=0, editable=False)

    members: models.ManyToManyField[User, Membership] = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="forums"
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        constraints = [models.CheckConstraint(condition=~models.Q(name_ja="", name_en=""), name="forum_has_a_name")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Saving the settings never writes ``content_version`` back: the copy in memory may be old."""
        if self.pk is not None and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name != "content_version"
            ]
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("core:forum", kwargs={"forum": self.slug})


class Membership(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("member since"), auto_now_add=True)

    class Meta:
        ordering = ["forum", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["forum", "user"], name="one_membership_per_forum")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.forum}"

    @property
    def rank(self) -> int:
        return ROLE_RANK[Role(self.role)]


class ForumScopedQuerySet(models.QuerySet[Any]):
    """Queryset base for everything a forum owns."""

    def for_forum(self, forum: Forum) -> ForumScopedQuerySet:
        return self.filter(forum=forum)
