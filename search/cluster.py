"""The search backend on a search cluster: modelsearch's OpenSearch backend, with Finnish and
English analysis.

modelsearch puts all pages in one index (one per root model) and analyses every text field
with the index's default analyser, so out of the box a Finnish and an English page are both
split into words and lower-cased, and neither is stemmed. One index per language would need
modelsearch to route each object to an index by its locale, which it cannot. This backend
instead gives every full-text field two language sub-fields, analysed as Finnish
(`<field>.fi`: Finnish stop words and Snowball stemmer) and as English (`<field>.en`:
possessives, stop words, Porter-style stemmer), and searches the sub-field of the visitor's
language together with the unstemmed field. A Finnish visitor's "hankkeiden" thus finds
"hanke" and "hankkeet", an English visitor's "projects" finds "project"; exact words still
match in either. The search view limits the results to the visitor's language, so the other
language's sub-field is indexed but not asked.

What it does not do: split Finnish compound words ("aluekehityshanke" is not found by
"kehitys" or "hanke"; OpenSearch has no Finnish decompounder without a plug-in such as
Voikko), and the autocomplete field keeps modelsearch's edge n-grams, which fold "ä" to "a".
"""

from copy import deepcopy
from functools import lru_cache
from importlib import import_module

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.utils import deep_update

ENGINES = {
    "opensearch2": "modelsearch.backends.opensearch2",
    "opensearch3": "modelsearch.backends.opensearch3",
}

# Analysis for the language sub-fields, added to the index settings modelsearch creates each
# index with. No ASCII folding in Finnish: "sää" and "saa" are different words.
ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "finnish_stop": {"type": "stop", "stopwords": "_finnish_"},
                "finnish_stemmer": {"type": "stemmer", "language": "finnish"},
                "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
                "english_stop": {"type": "stop", "stopwords": "_english_"},
                "english_stemmer": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                "finnish_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "finnish_stop", "finnish_stemmer"],
                },
                "english_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "english_possessive_stemmer",
                        "lowercase",
                        "english_stop",
                        "english_stemmer",
                    ],
                },
            },
        }
    }
}
DEFAULT_LANGUAGE_ANALYZERS = {"fi": "finnish_text", "en": "english_text"}


def with_language_fields(properties, analyzers):
    """Mapping properties with a sub-field per language on each plain full-text field."""
    for mapping in properties.values():
        if mapping.get("type") == "nested":
            with_language_fields(mapping["properties"], analyzers)
        elif mapping.get("type") == "text" and "analyzer" not in mapping:
            mapping["fields"] = {
                language: {"type": "text", "analyzer": analyzer}
                for language, analyzer in analyzers.items()
            }
    return properties


def in_language(fields, language):
    """Each field's language sub-field first, then the field itself for exact words."""
    if language is None:
        return fields
    return [
        variant
        for field in fields
        for variant in (Field(f"{field.field_name}.{language}", field.boost), field)
    ]


@lru_cache
def backend_class(engine, analyzers):
    try:
        base = import_module(ENGINES[engine]).SearchBackend
    except KeyError:
        choices = ", ".join(ENGINES)
        raise ImproperlyConfigured(f"Search engine {engine!r} is not one of {choices}.") from None
    analyzers = dict(analyzers)

    class Mapping(base.mapping_class):
        def get_mapping(self):
            mapping = super().get_mapping()
            with_language_fields(mapping["properties"], analyzers)
            return mapping

    class QueryCompiler(base.query_compiler_class):
        mapping_class = Mapping

        def _remap_fields(self, fields):
            language = (translation.get_language() or "").split("-")[0]
            return in_language(
                super()._remap_fields(fields), language if language in analyzers else None
            )

    class LanguageAwareSearchBackend(base):
        mapping_class = Mapping
        query_compiler_class = QueryCompiler
        settings = deep_update(deepcopy(base.settings), deepcopy(ANALYSIS))
        language_analyzers = analyzers

    return LanguageAwareSearchBackend


def SearchBackend(params):  # noqa: N802 (modelsearch looks the backend up by this name)
    engine = params.pop("ENGINE", "opensearch3")
    analyzers = params.pop("LANGUAGE_ANALYZERS", DEFAULT_LANGUAGE_ANALYZERS)
    return backend_class(engine, tuple(sorted(analyzers.items())))(params)
