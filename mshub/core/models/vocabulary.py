"""Controlled vocabularies kept as data (stakeholder groups, organisation kinds, …).

Each forum has its own editable list (``VocabularyTerm``), seeded with the IGF's categories when the
forum is created; ``code`` is the stable key that statistics and exports use. A few vocabularies
describe facts every forum of an installation shares (the international calendar's bodies and
kinds of event): those are ``SiteVocabularyTerm``, one list for the installation.

Each concrete vocabulary names its ``vocabulary_kind`` (its address on the vocabularies page) and is
declared by its area (``mshub.core.areas.Vocabulary``); ``term.urls.vocabulary_update`` is its edit page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.i18n import localized
from mshub.core.pages import PageURLs


class Term(models.Model):
    """What every vocabulary term has: a stable code, a name in both languages, an order, in use or retired."""

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


class VocabularyTerm(Term):
    """A term of one forum's list."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="+")

    vocabulary_kind = ""  # set by each concrete vocabulary
    urls = PageURLs(
        "core", lambda t: {"forum": t.forum.slug, "kind": t.vocabulary_kind, "pk": t.pk}, "vocabulary-update"
    )

    class Meta(Term.Meta):
        abstract = True


class SiteVocabularyTerm(Term):
    """A term of an installation-wide list: ``code`` is unique across the installation."""

    code = models.SlugField(_("code"), max_length=40, unique=True)

    vocabulary_kind = ""
    # read through a forum: the terms annotated with ``forum_slug`` (the vocabularies page does)
    urls = PageURLs(
        "core", lambda t: {"forum": t.forum_slug, "kind": t.vocabulary_kind, "pk": t.pk}, "vocabulary-update"
    )

    class Meta(Term.Meta):
        abstract = True
