"""PostgreSQL full-text search with each language's own stemming (see search/backends.py)."""

import copy
import re
from collections import defaultdict

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

UNSTEMMED = "simple"
# Stems shorter than this are matched exactly: "hank" as a prefix would find "hanna".
MIN_STEM_FOR_PREFIX = 6


class LanguageAwareIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index each object with its language's configuration: modelsearch reads the
        configuration from the backend, so each language's objects go through a copy of
        the backend set to that language."""
        backend = self.backend
        by_config = defaultdict(list)
        for obj in objs:
            by_config[backend.config_for_object(obj)].append(obj)
        try:
            for config, group in by_config.items():
                self.backend = copy.copy(backend)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = backend


class LanguageAwareQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for_language(get_language())

    def build_tsquery_content(self, query, config=None, invert=False):
        """Each word also matches the words that begin like its stem, less one letter.

        PostgreSQL's Finnish stemmer leaves consonant gradation and stem changes alone:
        "kiertotaloudessa" stems to "kiertotaloud", which misses "kiertotalous". Matching
        the prefix "kiertotalou" finds both; ranking keeps exact matches first. Short stems
        are left exact, where a prefix would match unrelated words.
        """
        if not isinstance(query, PlainText) or invert or config in (None, UNSTEMMED):
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        if not terms:
            return None
        combined = None
        for term, stem in zip(terms, self._stems(terms, config), strict=True):
            lexeme = Lexeme(term)
            if len(stem) >= MIN_STEM_FOR_PREFIX:
                lexeme = lexeme | Lexeme(stem[:-1], prefix=True)
            if combined is None:
                combined = lexeme
            elif query.operator == "and":
                combined = combined & lexeme
            else:
                combined = combined | lexeme
        return SearchQuery(combined, search_type="raw", config=config)

    def _stems(self, terms, config):
        """Each term's stem in `config`, in one query ("" for a stop word)."""
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(
                "SELECT plainto_tsquery(%s::regconfig, term)::text "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS terms(term, position) "
                "ORDER BY position",
                [config, terms],
            )
            rows = [row[0] for row in cursor.fetchall()]
        return [(re.findall(r"'([^']+)'", row) or [""])[0] for row in rows]


class LanguageAwareResults(PostgresSearchResults):
    pass


class LanguageAwarePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageAwareIndex
    query_compiler_class = LanguageAwareQueryCompiler
    results_class = LanguageAwareResults

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = params.get("LANGUAGE_CONFIGS", {})
        self._language_of_locale = None

    def config_for_language(self, language_code):
        if not language_code:
            return UNSTEMMED
        return self.language_configs.get(
            language_code, self.language_configs.get(language_code.split("-")[0], UNSTEMMED)
        )

    def config_for_object(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            from django.conf import settings

            return self.config_for_language(settings.LANGUAGE_CODE)
        if self._language_of_locale is None or locale_id not in self._language_of_locale:
            from wagtail.models import Locale

            self._language_of_locale = dict(Locale.objects.values_list("pk", "language_code"))
        return self.config_for_language(self._language_of_locale.get(locale_id))
