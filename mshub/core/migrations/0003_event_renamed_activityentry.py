"""``core.Event`` becomes ``core.ActivityEntry``: the table is renamed, every row kept.

The word "event" is left for the international events to come. The log's rows, ids, content type
and index are renamed in place (no copy); the admin and the pages keep their labels.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_events_without_personal_data"),
    ]

    operations = [
        migrations.RenameModel(old_name="Event", new_name="ActivityEntry"),
        migrations.RenameIndex(
            model_name="activityentry",
            new_name="core_activi_target__e01ae6_idx",
            old_name="core_event_target__3ab014_idx",
        ),
        migrations.AlterField(
            model_name="activityentry",
            name="forum",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="activity_entries", to="core.forum"
            ),
        ),
    ]
