"""The stakeholder registry: people, organisations, and who was where when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Concat, Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from mshub.core.concurrency import version_field
from mshub.core.fields import WebURLField
from mshub.core.i18n import current_language, localized
from mshub.core.models import VocabularyTerm
from mshub.core.pages import Page, PageURLs
from mshub.core.text import kana_variants


class StakeholderGroup(VocabularyTerm):
    """Government, private sector, civil society, … (IGF categories, editable per forum)."""

    vocabulary_kind = "stakeholder-groups"

    igf_category = models.CharField(
        _("IGF statistics category"),
        max_length=40,
        blank=True,
        help_text=_("The category this group is counted under when reporting to the global IGF."),
    )

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")
        constraints = [models.UniqueConstraint(fields=["forum", "code"], name="stakeholder_group_code_unique")]


class OrganizationKind(VocabularyTerm):
    """Ministry, company, association, university, … (editable per forum)."""

    vocabulary_kind = "organization-kinds"

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("kind of organisation")
        verbose_name_plural = _("kinds of organisation")
        constraints = [models.UniqueConstraint(fields=["forum", "code"], name="organization_kind_code_unique")]


class Gender(VocabularyTerm):
    """Gender categories used only for aggregate statistics (IGF: female, male, other/undisclosed)."""

    vocabulary_kind = "genders"

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("gender category")
        verbose_name_plural = _("gender categories")
        constraints = [models.UniqueConstraint(fields=["forum", "code"], name="gender_code_unique")]


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def search(self, text: str) -> OrganizationQuerySet:
        q = Q()
        for word in text.split():
            q &= Q(name_ja__icontains=word) | Q(name_en__icontains=word) | Q(short_name__icontains=word)
        return self.filter(q)

    def unclassified(self) -> OrganizationQuerySet:
        """Organisations no one has put in a stakeholder group yet."""
        return self.filter(stakeholder_group__isnull=True)


class Organization(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="organizations")
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    short_name = models.CharField(_("abbreviation"), max_length=40, blank=True, help_text=_("e.g. JPNIC, MIC"))
    kind = models.ForeignKey(
        OrganizationKind,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("kind"),
    )
    stakeholder_group = models.ForeignKey(
        StakeholderGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("stakeholder group"),
        help_text=_("Empty: to be classified (e.g. created by an archive import)."),
    )
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_("Other forms of the name found in documents, e.g. the full name beside an abbreviation."),
    )
    country = CountryField(_("country"), blank=True)
    website = WebURLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name_en", "name_ja"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(condition=~Q(name_ja="", name_en=""), name="organization_has_a_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def get_absolute_url(self) -> str:
        return self.urls.organization_detail

    urls = PageURLs(
        "people", lambda o: {"forum": o.forum.slug, "pk": o.pk}, "organization-detail", "organization-update"
    )


class AffiliationQuerySet(models.QuerySet["Affiliation"]):
    def valid_on(self, day: dt.date) -> AffiliationQuerySet:
        """Affiliations that held on ``day`` (open-ended at either side)."""
        return self.filter(held_on(day))

    def best_first(self) -> AffiliationQuerySet:
        """Primary affiliations first, then the most recently begun."""
        return self.order_by(*best_first_order())


def held_on(day: dt.date, path: str = "") -> Q:
    """An affiliation (at ``path``, e.g. ``"person__affiliations__"``) that held on ``day``."""
    return (Q(**{f"{path}start__isnull": True}) | Q(**{f"{path}start__lte": day})) & (
        Q(**{f"{path}end__isnull": True}) | Q(**{f"{path}end__gte": day})
    )


def best_first_order(path: str = "") -> tuple[Any, ...]:
    """``best_first``'s ordering, of the affiliation at ``path`` (e.g. a filtered relation's ``"held__"``)."""
    return (models.F(f"{path}is_primary").desc(), models.F(f"{path}start").desc(nulls_last=True), f"-{path}pk")


class PersonQuerySet(models.QuerySet["Person"]):
    def search(self, text: str, with_email: bool = False) -> PersonQuerySet:
        """Every word must match a name; a Japanese full name typed without a space (高野葵) matches too."""
        q = Q()
        qs = self.annotate(
            _full_ja=Concat("family_name_ja", "given_name_ja"), _full_kana=Concat("family_name_kana", "given_name_kana")
        )
        for word in text.split():
            w = (
                Q(_full_ja__icontains=word)
                | Q(family_name_ja__icontains=word)
                | Q(given_name_ja__icontains=word)
                | Q(family_name_latin__icontains=word)
                | Q(given_name_latin__icontains=word)
            )
            for reading in kana_variants(word):  # やまだ finds a reading stored as ヤマダ, and back
                w |= Q(_full_kana__icontains=reading)
                w |= Q(family_name_kana__icontains=reading) | Q(given_name_kana__icontains=reading)
            if with_email:
                w |= Q(email__icontains=word)
            q &= w
        return qs.filter(q)

    def with_affiliations_on(self, day: dt.date) -> PersonQuerySet:
        """Prefetch each person's affiliations valid on ``day`` into ``affiliations_then``."""
        return self.prefetch_related(
            models.Prefetch(
                "affiliations",
                queryset=Affiliation.objects.valid_on(day)
                .best_first()
                .select_related("organization__stakeholder_group"),
                to_attr="affiliations_then",
            )
        )


class Person(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="persons")
    family_name_ja = models.CharField(_("family name (Japanese)"), max_length=100, blank=True)
    given_name_ja = models.CharField(_("given name (Japanese)"), max_length=100, blank=True)
    family_name_kana = models.CharField(_("family name (reading)"), max_length=100, blank=True)
    given_name_kana = models.CharField(_("given name (reading)"), max_length=100, blank=True)
    family_name_latin = models.CharField(_("family name (Latin script)"), max_length=100, blank=True)
    given_name_latin = models.CharField(_("given name (Latin script)"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    gender = models.ForeignKey(
        Gender,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gender"),
        help_text=_("Optional; used only for aggregate statistics, never shown per person."),
    )
    consent_listing = models.BooleanField(
        _("may appear in participant lists"),
        default=False,
        help_text=_("The person agreed that their name and affiliation appear in published participant lists."),
    )
    consent_contact = models.BooleanField(
        _("may be contacted by the secretariat"),
        default=False,
        help_text=_("The person agreed to receive mail from the forum's secretariat."),
    )
    consent_updated_at = models.DateTimeField(_("consent last changed"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("account"),
    )
    notes = models.TextField(_("secretariat notes"), blank=True)
    version = version_field()  # optimistic concurrency of the edit form (mshub/core/concurrency.py)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        # Japanese names sort by their reading (あいかわ before やまだ, whatever the romaji says); people
        # without a reading follow, by their Japanese name, then those with a Latin name only.
        ordering = [
            models.Case(
                models.When(~Q(family_name_kana="", given_name_kana=""), then=models.Value(0)),
                models.When(~Q(family_name_ja="", given_name_ja=""), then=models.Value(1)),
                default=models.Value(2),
            ).asc(),
            "family_name_kana",
            "given_name_kana",
            "family_name_ja",
            "given_name_ja",
            Lower("family_name_latin"),
            Lower("given_name_latin"),
            "pk",
        ]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "email"],
                condition=~Q(email=""),
                name="person_email_unique_in_forum",
                violation_error_message=_("Another person in this forum already has this email address."),
            ),
            models.UniqueConstraint(
                fields=["forum", "user"],
                condition=Q(user__isnull=False),
                name="person_user_unique_in_forum",
                violation_error_message=_("This account is already linked to another person in this forum."),
            ),
            models.CheckConstraint(
                condition=~Q(family_name_ja="", given_name_ja="", family_name_latin="", given_name_latin=""),
                name="person_has_a_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name_ja(self) -> str:
        return f"{self.family_name_ja} {self.given_name_ja}".strip()

    @property
    def name_latin(self) -> str:
        return f"{self.given_name_latin} {self.family_name_latin}".strip()

    @property
    def name(self) -> str:
        """The name as a reader of the current language expects it."""
        return self.display_name(self.family_name_ja, self.given_name_ja, self.family_name_latin, self.given_name_latin)

    # The fields ``display_name`` reads, for pages that read names as values (no Person made).
    NAME_FIELDS = ("family_name_ja", "given_name_ja", "family_name_latin", "given_name_latin")

    @staticmethod
    def display_name(
        family_ja: str, given_ja: str, family_latin: str, given_latin: str, language: str | None = None
    ) -> str:
        """``name`` from the four name fields (``NAME_FIELDS``), for ``language`` (else the current one)."""
        name_ja = f"{family_ja} {given_ja}".strip()
        name_latin = f"{given_latin} {family_latin}".strip()
        if (language or current_language()) == "en":
            return name_latin or name_ja
        return name_ja or name_latin

    @property
    def other_name(self) -> str:
        """The name in the other script, shown beside the main one."""
        other = self.name_ja if self.name == self.name_latin else self.name_latin
        return "" if other == self.name else other

    def get_absolute_url(self) -> str:
        return self.urls.person_detail

    # person.urls.person_update, .person_merge …; .affiliation_create adds an affiliation to this person
    urls = PageURLs(
        "people",
        lambda p: {"forum": p.forum.slug, "pk": p.pk},
        "person-detail",
        "person-update",
        "person-merge",
        "person-export",
        "person-erase",
        Page("affiliation-create", lambda p: {"forum": p.forum.slug, "person": p.pk}),
    )

    def affiliations_on(self, day: dt.date) -> list[Affiliation]:
        """Every affiliation that held on ``day``, the best first."""
        prefetched: list[Affiliation] | None = getattr(self, "affiliations_then", None)
        if prefetched is not None:
            return prefetched
        if "affiliations" in getattr(self, "_prefetched_objects_cache", {}):
            # All affiliations were prefetched (e.g. for meetings on different dates): filter here.
            held = [a for a in self.affiliations.all() if a.holds_on(day)]
            return sorted(held, key=lambda a: (not a.is_primary, -(a.start.toordinal() if a.start else 0), -a.pk))
        return list(self.affiliations.valid_on(day).best_first().select_related("organization"))

    def affiliation_on(self, day: dt.date) -> Affiliation | None:
        """Where this person was on ``day``: what reports print as the affiliation "as at the time"."""
        found = self.affiliations_on(day)
        return found[0] if found else None


class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="affiliations", verbose_name=_("organisation")
    )
    department_ja = models.CharField(_("department (Japanese)"), max_length=200, blank=True)
    department_en = models.CharField(_("department (English)"), max_length=200, blank=True)
    title_ja = models.CharField(_("role or title (Japanese)"), max_length=200, blank=True)
    title_en = models.CharField(_("role or title (English)"), max_length=200, blank=True)
    start = models.DateField(_("from"), null=True, blank=True, help_text=_("Empty if not known."))
    end = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty while it lasts."))
    is_primary = models.BooleanField(_("main affiliation"), default=True)

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        ordering = [models.F("start").desc(nulls_last=True), "-pk"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="affiliation_ends_after_it_starts",
                violation_error_message=_("An affiliation cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.organization}"

    @property
    def forum(self) -> Any:
        return self.person.forum

    @property
    def department(self) -> str:
        return localized(self, "department")

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def label(self) -> str:
        """Organisation and department as a report prints it."""
        return " ".join(part for part in (self.organization.name, self.department) if part)

    # affiliation.urls.affiliation_update (read through the person: list them from person.affiliations)
    urls = PageURLs(
        "people",
        lambda a: {"forum": a.person.forum.slug, "person": a.person_id, "pk": a.pk},
        "affiliation-update",
    )

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)
