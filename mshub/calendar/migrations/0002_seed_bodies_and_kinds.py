"""The installation's first bodies and kinds of event (mshub/calendar/vocabularies.py)."""

from django.db import migrations


def seed(apps, schema_editor):
    from mshub.calendar.vocabularies import seed as seed_lists

    seed_lists(apps.get_model("calendar", "Body"), apps.get_model("calendar", "EventKind"))


class Migration(migrations.Migration):
    dependencies = [("calendar", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
