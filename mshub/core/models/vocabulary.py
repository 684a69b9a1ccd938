"""Controlled vocabularies kept as data (stakeholder groups, organisation kinds, …).

Each forum has its own editable list, seeded with the IGF's categories when the
forum is created; ``code`` is the stable key that statistics and exports use.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.i18n import localized


class VocabularyTerm(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(_("code"), max_length=40)
    name_ja = models.CharField(_("name (Japanese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")
