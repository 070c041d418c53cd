# Outcomes: the asker's "what happened?" follow-up (rung/qa/outcomes.py).
#
# Questions already older than the prompt age when this runs were asked before anyone
# could be prompted; they are marked as prompted so that an upgrade does not send a burst
# of prompts about old questions. Newer ones are prompted when their time comes.

import datetime

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def mark_old_questions_prompted(apps, schema_editor):
    Question = apps.get_model("qa", "Question")
    now = django.utils.timezone.now()
    cutoff = now - datetime.timedelta(weeks=settings.RUNG_OUTCOME_PROMPT_WEEKS)
    Question.objects.filter(created_at__lte=cutoff).update(outcome_prompted_at=now)


class Migration(migrations.Migration):

    dependencies = [
        ('ladder', '0002_rating_scale_owner'),
        ('qa', '0010_excerpts_by_width'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Outcome',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('promoted', 'Promoted'), ('offer_accepted', 'Offer accepted'), ('still_working', 'Still working on it'), ('changed_course', 'Changed course'), ('other', 'Other')], max_length=20, verbose_name='what happened')),
                ('note', models.TextField(blank=True, max_length=1000, verbose_name='note')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('edited_at', models.DateTimeField(blank=True, null=True)),
            ],
        ),
        migrations.AddField(
            model_name='question',
            name='outcome_prompted_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name='question',
            index=models.Index(fields=['outcome_prompted_at', 'is_deleted', 'visibility', 'created_at', 'id'], name='question_outcome_due_idx'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='question',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='outcome', to='qa.question'),
        ),
        migrations.RunPython(mark_old_questions_prompted, migrations.RunPython.noop),
    ]
