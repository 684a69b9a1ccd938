"""The calendar's vocabularies in the admin (staff) too; the secretariat edits them on the forum's
Vocabularies page (mshub/core/views/vocabularies.py). Events are edited only through the calendar's
pages, which keep their history."""

from django.contrib import admin

from mshub.calendar.models import Body, EventKind, FeedSubscription

admin.site.register(Body, list_display=["code", "short_name", "name_ja", "name_en", "website", "order", "active"])
admin.site.register(EventKind, list_display=["code", "name_ja", "name_en", "order", "active"])

# Subscriptions are made on the calendar's import page; the admin can delete one (its runs go with it).
admin.site.register(FeedSubscription, list_display=["name", "url", "timezone", "active", "forum", "created_at"])
