"""What every property test asserts of a response, and the database fingerprint that shows
whether a request wrote anything."""

from django.apps import apps
from django.db import connection
from hypothesis import settings
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import SearchWithoutResults

# Searching is logged for the editors' search reports (Reports → Search terms, Searches
# without results): a search may write to these tables, and only to these.
SEARCH_LOG = [Query, QueryDailyHits, SearchWithoutResults]
# The SQLite counter of rows inserted, updated or deleted on the connection.
SQLITE_CHANGES = "sqlite:total_changes"


def examples(share):
    """A test's number of examples: `share` of the active profile's, at least ten."""
    return settings(max_examples=max(10, round(settings.default.max_examples * share)))


def _tables():
    tables = set(connection.introspection.table_names())
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in tables
        }
    )


def fingerprint():
    """{table: row count} of every model's table, and the database's own count of rows
    written: per table on PostgreSQL (this transaction's inserts, updates and deletes, so an
    UPDATE shows as well), in total on SQLite. Two queries whatever the number of models."""
    tables = _tables()
    quote = connection.ops.quote_name
    counts = " UNION ALL ".join(
        # Table names from the models, quoted: nothing of a request goes into this SQL.
        f"SELECT {index}, COUNT(*) FROM {quote(table)}"  # noqa: S608
        for index, table in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(counts)
        found = {tables[index]: count for index, count in cursor.fetchall()}
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables"
            )
            found |= {
                f"{table}:written": written
                for table, written in cursor.fetchall()
                if table in found
            }
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT total_changes()")
            found[SQLITE_CHANGES] = cursor.fetchone()[0]
    return found


def changes(before, after):
    """{key: (before, after)} of what differs between two fingerprints."""
    return {
        key: (before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def assert_unchanged(before, allowed=()):
    """Nothing was written since `before` except to the tables of the `allowed` models."""
    allowed_tables = {model._meta.db_table for model in allowed}
    ignored = {SQLITE_CHANGES} if allowed_tables else set()
    for table in allowed_tables:
        ignored |= {table, f"{table}:written"}
    changed = {
        key: values for key, values in changes(before, fingerprint()).items() if key not in ignored
    }
    assert not changed, f"the request wrote to the database: {changed}"


def assert_served(response):
    """No server error, and an HTML page is whole: it rendered to its end, no traceback."""
    assert response.status_code < 500, response.status_code
    if response.streaming:
        return
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html") and response.content:
        html = response.content.decode()
        assert "Traceback" not in html
        assert html.rstrip().endswith("</html>"), html[-300:]
