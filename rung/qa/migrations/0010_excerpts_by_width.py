# Stored card excerpts are cut again by display width, so Chinese ones stop running twice as
# long as English ones (rung/core/text_width.py).

from django.db import migrations

BATCH = 500


def recut_excerpts(apps, schema_editor):
    from rung.core.markdown import excerpt

    Question = apps.get_model("qa", "Question")
    changed = []
    for question in Question.objects.only("pk", "body", "excerpt").iterator(chunk_size=BATCH):
        cut = excerpt(question.body, 240)
        if cut != question.excerpt:
            question.excerpt = cut
            changed.append(question)
        if len(changed) >= BATCH:
            Question.objects.bulk_update(changed, ["excerpt"])
            changed = []
    Question.objects.bulk_update(changed, ["excerpt"])


class Migration(migrations.Migration):

    dependencies = [
        ("qa", "0009_moderation"),
    ]

    operations = [
        migrations.RunPython(recut_excerpts, migrations.RunPython.noop, elidable=True),
    ]
