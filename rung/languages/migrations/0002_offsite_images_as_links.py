# Stored translations are re-rendered so images from other hosts become links.

from django.db import migrations


def rerender_translations(apps, schema_editor):
    from rung.core.stored_html import stored_html_rerender

    stored_html_rerender(apps.get_model("languages", "Translation"), containing="<img")


class Migration(migrations.Migration):

    dependencies = [
        ("languages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(rerender_translations, migrations.RunPython.noop, elidable=True),
    ]
