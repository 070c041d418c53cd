# Stored post HTML is re-rendered so images from other hosts become links (rung/core/markdown.py).

from django.db import migrations


def rerender_posts(apps, schema_editor):
    from rung.core.stored_html import stored_html_rerender

    for name in ("Question", "Answer"):
        stored_html_rerender(apps.get_model("qa", name), containing="<img")


class Migration(migrations.Migration):

    dependencies = [
        ("qa", "0005_post_language_locked"),
    ]

    operations = [
        migrations.RunPython(rerender_posts, migrations.RunPython.noop, elidable=True),
    ]
