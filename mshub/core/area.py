"""Core's own entries in the area contract (mshub.core.areas): its permissions and menu entries."""

from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, MenuEntry

AREA = Area(
    label="core",
    rules="mshub.core.rules",
    menu=(
        MenuEntry(0, _("Home"), "core:forum", "core.view_forum"),
        MenuEntry(50, _("Members"), "core:members", "core.view_members", manage=True),
        MenuEntry(60, _("Activity"), "core:events", "core.view_events", manage=True),
        MenuEntry(80, _("Vocabularies"), "core:vocabulary-index", "core.view_vocabularies", manage=True),
        MenuEntry(100, _("Settings"), "core:forum-settings", "core.change_forum", manage=True),
    ),
)
