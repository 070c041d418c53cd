from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # The table behind the "limits" cache when no Redis is configured; it skips existing ones.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_rate_counter")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
