"""Loading the demo content for a group of tests and taking it away again exactly."""

import io
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection


@contextmanager
def demo_content_loaded():
    """The demo site, loaded for real, then the database put back as it was.

    wagtail-localize publishes translations on commit, so the demo content cannot live in a
    test's rolled-back transaction. Whatever the database held before — including what the
    migrations created (locales, permissions, the root collection) — is put back exactly,
    ids included, as Django's serialized rollback does.
    """
    snapshot = connection.creation.serialize_db_to_string()
    _load()
    try:
        yield
    finally:
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(snapshot)
        _reset_sequences()


def demo_site_in_transactional_test():
    """The demo site served at localhost, for a browser test with serialized rollback
    (which takes it away again): loaded, or put back from this process's rows in seconds
    when another group of tests loaded it before."""
    from wagtail.models import Site

    _load()
    Site.objects.filter(is_default_site=True).update(hostname="localhost")


# The loaded demo site as rows, kept by each test process after its first load: the next
# group of tests gets the same site back in seconds instead of building it again through
# the factories and the translation workflow.
_loaded = None


def _load():
    global _loaded
    if _loaded is None:
        call_command("load_demo_content", stdout=io.StringIO(), stderr=io.StringIO())
        _loaded = connection.creation.serialize_db_to_string()
        return
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(_loaded)
    _reset_sequences()
    # The search index is rebuilt rather than trusted to the rows: SQLite keeps it in a
    # full-text table of its own.
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())


def _reset_sequences():
    # Rows came back with their old ids; PostgreSQL's sequences must move past them.
    from django.apps import apps

    tables = set(connection.introspection.table_names())
    models = [model for model in apps.get_models() if model._meta.db_table in tables]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
