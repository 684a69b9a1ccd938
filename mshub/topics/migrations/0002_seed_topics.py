from django.db import migrations


def seed(apps, schema_editor):
    from mshub.topics.taxonomy import seed_topics

    Forum = apps.get_model("core", "Forum")
    Topic = apps.get_model("topics", "Topic")
    for forum_id in Forum.objects.values_list("pk", flat=True):
        seed_topics(forum_id, Topic)


class Migration(migrations.Migration):
    dependencies = [("topics", "0001_initial"), ("core", "0005_forum_content_version")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
