import os

from django.core.wsgi import get_wsgi_application

from rung import embedded

# Before the settings load: they read the signing key this keeps in var/.
embedded.prepare()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rung.settings")
application = get_wsgi_application()
