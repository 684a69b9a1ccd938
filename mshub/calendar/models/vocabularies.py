"""The calendar's vocabularies: installation-wide, because the events they describe are.

Seeded by the migration ``0002_seed_bodies_and_kinds``; edited afterwards (``code`` is the stable
key that filters and exports use; a term is retired, ``active = False``, rather than deleted).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.fields import WebURLField
from mshub.core.models import SiteVocabularyTerm


class Body(SiteVocabularyTerm):
    """An organisation or process that holds international events: the IGF, ICANN, the ITU, a ministry."""

    shown_in_every_forum = True  # every forum's calendar shows it (mshub.core.pagecache)
    vocabulary_kind = "bodies"

    short_name = models.CharField(_("abbreviation"), max_length=40, blank=True, help_text=_("e.g. IGF, ICANN"))
    website = WebURLField(_("website"), blank=True)

    class Meta(SiteVocabularyTerm.Meta):
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    @property
    def label(self) -> str:
        """The abbreviation where there is one (lists are narrow), else the name."""
        return self.short_name or self.name


class EventKind(SiteVocabularyTerm):
    """Meeting, summit, workshop, deadline, milestone."""

    shown_in_every_forum = True
    vocabulary_kind = "event-kinds"

    class Meta(SiteVocabularyTerm.Meta):
        verbose_name = _("kind of event")
        verbose_name_plural = _("kinds of event")
