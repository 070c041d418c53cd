
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('qa', '0013_context_company_level'),
        ('qa', '0013_topics_in_two_languages'),
    ]

    operations = [
    ]
