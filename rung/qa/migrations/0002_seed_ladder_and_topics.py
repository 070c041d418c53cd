from django.db import migrations

from rung.ladder.services import ladder_sync
from rung.qa.topics import topics_sync


def seed(apps, schema_editor):
    ladder_sync(apps)
    topics_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0001_initial"),
        ("ladder", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
