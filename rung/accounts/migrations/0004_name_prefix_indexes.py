# Expression indexes on members' usernames and display names, lower-cased, for mentions and
# the editor's member suggestions (rung/accounts/selectors.py). PostgreSQL's carry the "C"
# collation, so a prefix is one range of the index; SQLite compares by code point anyway.
# They differ between the databases, so they are SQL here rather than Meta.indexes, which
# would give both the same definition.

from django.db import migrations

INDEXES = {
    "user_username_lower_idx": "username",
    "user_display_name_lower_idx": "display_name",
}


def create_indexes(apps, schema_editor):
    connection = schema_editor.connection
    table = schema_editor.quote_name(apps.get_model("accounts", "User")._meta.db_table)
    for name, column in INDEXES.items():
        expression = f"lower({schema_editor.quote_name(column)})"
        if connection.vendor == "postgresql":
            expression = f'({expression} COLLATE "C")'
        elif connection.vendor != "sqlite":
            continue
        schema_editor.execute(f"CREATE INDEX {name} ON {table} ({expression})")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor not in ("postgresql", "sqlite"):
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_bio"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
