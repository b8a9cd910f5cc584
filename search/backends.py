"""The site's search backend: modelsearch's database backend, language-aware on PostgreSQL.

PostgreSQL stems words with a text search configuration, and modelsearch takes one
(`SEARCH_CONFIG`) per backend. Finnish and English pages share one index table, so one
configuration for both would stem one language with the other's rules. This backend keeps
modelsearch's table, ranking and queries and changes only the choice of configuration:

- each object is indexed with the configuration of its own language (a Finnish page with
  `finnish`, its English translation with `english`), and
- each query is parsed with the configuration of the visitor's language, which is also the
  language the search view filters the results to.

`LANGUAGE_CONFIGS` in the backend's settings maps language codes to configurations; a
language without one gets `simple`, which matches words exactly, and an object without a
language (an image, a document) gets the default language's. Finnish words also match by
the prefix of their stem (search/postgres.py says why). On SQLite the search stays
modelsearch's (FTS5, no stemming).
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 (modelsearch looks the backend up by this name)
    if connection.vendor == "postgresql":
        from .postgres import LanguageAwarePostgresSearchBackend

        return LanguageAwarePostgresSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)
