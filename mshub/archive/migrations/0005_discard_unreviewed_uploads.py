from django.db import migrations


def discard(apps, schema_editor):
    """Uploads that failed or were stored keep no copy of the uploaded file (see tasks.discard_upload)."""
    items = apps.get_model("archive", "ImportItem").objects.filter(status__in=["failed", "stored"]).exclude(file="")
    for item in items.iterator():
        item.file.storage.delete(item.file.name)
    items.update(file="")


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0004_private_file_names"),
    ]

    operations = [migrations.RunPython(discard, migrations.RunPython.noop)]
