
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('ladder', '0003_company_levels'),
        ('ladder', '0003_content_in_two_languages'),
    ]

    operations = [
    ]
