"""Two indexes the public pages use once a forum has years of meetings (docs/scaling.md).

``meeting_forum_end_idx``: the upcoming meetings (``end >= now``) of the forum's home and meeting
list, a few rows, instead of reading the forum's whole history. ``report_version_published_idx``:
the reports' Atom feed reads the latest 30 publications instead of sorting every report version.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0005_forum_content_version'),
        ('meetings', '0013_meeting_awaiting_publication'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['forum', 'end'], name='meeting_forum_end_idx'),
        ),
        migrations.AddIndex(
            model_name='reportversion',
            index=models.Index(fields=['-published_at'], name='report_version_published_idx'),
        ),
    ]
