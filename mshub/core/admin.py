from django.contrib import admin

from mshub.core.models import ActivityEntry, Forum, Membership


class MembershipInline(admin.TabularInline[Membership, Forum]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin[Forum]):
    list_display = ["slug", "name_ja", "name_en", "timezone", "is_public"]
    inlines = [MembershipInline]


@admin.register(ActivityEntry)
class ActivityEntryAdmin(admin.ModelAdmin[ActivityEntry]):
    list_display = ["at", "forum", "actor", "verb", "summary"]
    list_filter = ["forum", "verb"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
