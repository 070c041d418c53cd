#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    from rung import embedded

    # Before the settings load: they read the signing key this keeps in var/.
    embedded.prepare()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rung.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
