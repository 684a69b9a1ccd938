from django.contrib import admin

from mshub.people.models import Affiliation, Gender, Organization, OrganizationKind, Person, StakeholderGroup


class AffiliationInline(admin.TabularInline[Affiliation, Person]):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ["__str__", "forum", "email"]
    list_filter = ["forum"]
    search_fields = ["family_name_ja", "given_name_ja", "family_name_latin", "given_name_latin", "email"]
    inlines = [AffiliationInline]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin[Organization]):
    list_display = ["__str__", "forum", "stakeholder_group", "kind", "country"]
    list_filter = ["forum", "stakeholder_group"]
    search_fields = ["name_ja", "name_en", "short_name"]


for vocabulary in (StakeholderGroup, OrganizationKind, Gender):
    admin.site.register(
        vocabulary, list_display=["code", "name_ja", "name_en", "forum", "order", "active"], list_filter=["forum"]
    )
