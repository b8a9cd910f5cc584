"""The OpenSearch backend as the settings build it: analysers, mapping and queries, without a
server (none runs in the test environment; nothing here connects to one)."""

import pytest
from django.utils import translation
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from news.models import NewsPage


@pytest.fixture
def cluster_backend(settings, settings_with):
    built = settings_with({"OPENSEARCH_URL": "https://os1.example.fi:9200"})
    settings.WAGTAILSEARCH_BACKENDS = built["WAGTAILSEARCH_BACKENDS"]
    return get_search_backend()


def test_index_is_created_with_finnish_and_english_analysers(cluster_backend):
    analysis = cluster_backend.settings["settings"]["analysis"]

    assert analysis["analyzer"]["finnish_text"]["filter"] == [
        "lowercase",
        "finnish_stop",
        "finnish_stemmer",
    ]
    assert analysis["filter"]["finnish_stemmer"] == {"type": "stemmer", "language": "finnish"}
    assert analysis["filter"]["english_stemmer"] == {"type": "stemmer", "language": "english"}
    assert "english_stop" in analysis["analyzer"]["english_text"]["filter"]
    # modelsearch's own analysers (autocomplete) are still there.
    assert "edgengram_analyzer" in analysis["analyzer"]
    assert cluster_backend.es.transport.hosts[0]["host"] == "os1.example.fi"
    assert cluster_backend.get_index_for_model(Page).name == "arctic_wagtailcore_page"


def test_every_full_text_field_gets_a_sub_field_per_language(cluster_backend):
    properties = cluster_backend.mapping_class(NewsPage).get_mapping()["properties"]

    languages = {"fi": {"type": "text", "analyzer": "finnish_text"}}
    languages["en"] = {"type": "text", "analyzer": "english_text"}
    assert properties["_all_text"]["fields"] == languages
    assert properties["title"]["fields"] == languages
    assert properties["news_newspage__summary"]["fields"] == languages
    # Autocomplete keeps its edge n-grams; filters stay exact keywords.
    assert "fields" not in properties["_edgengrams"]
    assert properties["live_filter"]["type"] == "boolean"


@pytest.mark.parametrize("language", ["fi", "en"])
def test_query_reads_the_visitors_language(cluster_backend, language):
    with translation.override(language):
        results = cluster_backend.search("hankkeiden tulokset", Page.objects.all())
        query = results.query_compiler.get_query()

    fields = query["bool"]["must"]["multi_match"]["fields"]
    # The stemmed sub-field of the visitor's language, then the field's exact words.
    assert fields[:2] == [f"_all_text.{language}", "_all_text"]
    assert f"_all_text_boost_2_0.{language}^2.0" in fields


def test_query_in_a_language_without_analyser_uses_plain_fields(cluster_backend):
    with translation.override("sv"):
        compiler = cluster_backend.search("projekt", Page.objects.all()).query_compiler

    assert [field.field_name for field in compiler.remapped_fields][0] == "_all_text"
    assert not any("." in field.field_name for field in compiler.remapped_fields)
