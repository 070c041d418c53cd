from django.db import migrations

from rung.accounts.company_domains import starter_domains_add


def forwards(apps, schema_editor):
    starter_domains_add(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_employers_signup_network"),
        ("ladder", "0004_merge_company_levels_content"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
