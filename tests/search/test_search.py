import pytest

from home.factories import StandardPageFactory
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(home):
    index = ProjectIndexPageFactory(parent=home)
    return ProjectPageFactory(parent=index, title="Arctic Smartness Portfolio", acronym="ASP")


def test_visitor_finds_a_project_by_its_title(client, project):
    response = client.get("/haku/", {"q": "Portfolio"})
    assert response.status_code == 200
    assert "Arctic Smartness Portfolio" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 10_000,
        "& | ! : * ( ) ' \"",
        "'; DROP TABLE wagtailcore_page; --",
        "a\x00b",
        "%E0%A4%A",
        "portfolio",
    ],
)
@pytest.mark.parametrize("page", ["1", "-1", "abc", "999999999"])
def test_bad_search_input_never_fails(client, project, query, page):
    response = client.get("/haku/", {"q": query, "page": page})
    assert response.status_code == 200


def test_empty_query_asks_for_words(client, home):
    response = client.get("/haku/", {"q": "  "})
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()


def test_few_results_point_to_matches_in_the_other_language(client, project, english):
    response = client.get("/en/search/", {"q": "Portfolio"})
    html = response.content.decode()
    # No English pages match; the Finnish project does.
    assert "No results" in html
    assert '<a href="/haku/?q=Portfolio" hreflang="fi">1 result in Finnish</a>' in html


def test_enough_results_need_no_pointer(client, home):
    from home.factories import StandardPageFactory

    for number in range(3):
        StandardPageFactory(parent=home, title=f"Portfolio {number}")
    html = client.get("/haku/", {"q": "Portfolio"}).content.decode()
    assert "search-elsewhere" not in html


def test_editors_promoted_result_comes_first_in_the_visitors_language(
    client, project, english, django_capture_on_commit_callbacks
):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail_localize.models import Translation, TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(project.get_parent())
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.create(source=source, target_locale=english).save_target()
    source, _ = TranslationSource.get_or_create_from_instance(project)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.create(source=source, target_locale=english).save_target()
    SearchPromotion.objects.create(
        query=Query.get("rahoitus"), page=project, description="Hankkeen rahoitus."
    )

    html = client.get("/haku/", {"q": "rahoitus"}).content.decode()
    assert 'id="promotions-heading">Suositellut' in html
    assert f'<a href="{project.url}">Arctic Smartness Portfolio</a>' in html

    english_url = project.get_translation(english).url
    html = client.get("/en/search/", {"q": "rahoitus"}).content.decode()
    assert f'<a href="{english_url}">' in html and english_url.startswith("/en/")


def test_result_shows_the_matching_text_marked_and_the_project_period(client, home):
    import datetime

    from wagtail.rich_text import RichText

    index = ProjectIndexPageFactory(parent=home)
    ProjectPageFactory(
        parent=index,
        title="Arktinen hanke",
        summary="Lyhyt kuvaus.",
        start_date=datetime.date(2019, 10, 1),
        end_date=datetime.date(2022, 9, 30),
        body=[("paragraph", RichText("<p>Hanke rakensi <b>revontulimatkailua</b> Lappiin.</p>"))],
    )
    html = client.get("/haku/", {"q": "revontulimatkailua"}).content.decode()
    assert "<mark>revontulimatkailua</mark>" in html
    assert '<time datetime="2019-10-01">1.10.2019</time>' in html


def test_result_excerpt_escapes_what_editors_typed(client, home):
    from home.factories import StandardPageFactory

    StandardPageFactory(parent=home, title="Merkit", summary="Vaarallinen <script>x</script> sana")
    html = client.get("/haku/", {"q": "vaarallinen"}).content.decode()
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_word_found_everywhere_lists_only_the_most_relevant(client, home, monkeypatch):
    from search import views

    monkeypatch.setattr(views, "MOST_RELEVANT", 2)
    for number in range(4):
        StandardPageFactory(parent=home, title=f"Kiertotalous {number}")

    response = client.get("/haku/", {"q": "kiertotalous"})

    assert response.context["search_results"].paginator.count == 2
    assert "Yli 2 tulosta haulla ”kiertotalous”" in response.content.decode()
