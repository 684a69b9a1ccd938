"""A numbered series of meetings (the regular forum meeting, the steering group, …)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.i18n import current_language, localized
from mshub.core.models.forums import PUBLIC_RANK, ROLE_RANK, Role
from mshub.core.pages import PageURLs
from mshub.core.timezones import validate_timezone

RESERVED_SERIES_SLUGS = frozenset({"new", "statistics", "calendar", "reports", "actions"})


def validate_series_slug(value: str) -> None:
    from django.core.exceptions import ValidationError

    if value in RESERVED_SERIES_SLUGS:
        raise ValidationError(_("“%(slug)s” is used by the site."), params={"slug": value})


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st …"""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class SeriesVisibility(models.TextChoices):
    """Who may see a series' meetings, agendas, materials and reports (pages, feeds, .ics, API)."""

    PUBLIC = "public", _("Public (announced meetings and published reports)")
    MEMBERS = "members", _("Forum members")
    STEERING = "steering", _("Steering group and secretariat")

    @property
    def rank(self) -> int:
        """The least role rank that sees the series."""
        return {"public": PUBLIC_RANK, "members": ROLE_RANK[Role.MEMBER], "steering": ROLE_RANK[Role.STEERING]}[
            self.value
        ]

    @classmethod
    def seen_at(cls, rank: int) -> list[str]:
        """The visibilities a reader of ``rank`` sees."""
        return [v.value for v in cls if v.rank <= rank]

    @classmethod
    def seen_by(cls, user: Any, forum: Any) -> list[str]:
        """The visibilities ``user`` sees in ``forum``, by their role there (lists, feeds, the API)."""
        from mshub.core.permissions import role_rank

        return cls.seen_at(role_rank(user, forum))


class MeetingSeries(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="meeting_series")
    slug = models.SlugField(_("short name in addresses"), max_length=40, validators=[validate_series_slug])
    name_ja = models.CharField(_("name (Japanese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    is_steering = models.BooleanField(
        _("steering meetings"),
        default=False,
        help_text=_("Memos of these meetings record attendees, distributed materials, decisions and action items."),
    )
    visibility = models.CharField(
        _("visible to"),
        max_length=10,
        choices=SeriesVisibility.choices,
        default=SeriesVisibility.PUBLIC,
        help_text=_("Steering-group meetings are usually seen by the steering group and the secretariat only."),
    )
    mailing_list = models.EmailField(_("announcement address"), blank=True)
    timezone = models.CharField(
        _("usual time zone"), max_length=64, default="Asia/Tokyo", validators=[validate_timezone]
    )
    default_venue_ja = models.CharField(_("usual venue (Japanese)"), max_length=200, blank=True)
    default_venue_en = models.CharField(_("usual venue (English)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        constraints = [models.UniqueConstraint(fields=["forum", "slug"], name="series_slug_unique_in_forum")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def visible_from_rank(self) -> int:
        return SeriesVisibility(self.visibility).rank

    def get_absolute_url(self) -> str:
        return self.urls.series

    urls = PageURLs(
        "meetings", lambda s: {"forum": s.forum.slug, "series": s.slug}, "series", "series-ics", "series-update"
    )

    def numbered(self, number: int, language: str | None = None) -> str:
        """ "第11回" in Japanese, "11th" in English."""
        lang = language or current_language()
        return f"第{number}回" if lang == "ja" else ordinal(number)

    def numbered_name(self, number: int, language: str | None = None) -> str:
        """ "第11回IGCJ会合" in Japanese, "11th IGCJ meeting" in English: a meeting's name across series."""
        lang = language or current_language()
        name = localized(self, "name", lang)
        sep = "" if lang == "ja" else " "
        return f"{self.numbered(number, lang)}{sep}{name}"
