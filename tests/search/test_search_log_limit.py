"""One client's searches fill the editors' Search terms report only up to a limit."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from search.models import SearchWithoutResults

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(home):
    index = ProjectIndexPageFactory(parent=home)
    return ProjectPageFactory(parent=index, title="Arctic Smartness Portfolio")


def test_a_scanners_junk_terms_are_answered_but_logged_only_up_to_the_limit(
    client, project, settings
):
    settings.SEARCH_LOG_LIMIT_PER_CLIENT = 5
    answers = [client.get("/haku/", {"q": f"roskaa{n}"}) for n in range(12)]

    assert all(answer.status_code == 200 for answer in answers)
    assert Query.objects.count() == 5
    assert SearchWithoutResults.objects.count() == 5
    # Another visitor's searches are still counted.
    client.get("/haku/", {"q": "portfolio"}, REMOTE_ADDR="10.0.0.2")
    assert Query.objects.filter(query_string="portfolio").exists()


def test_over_the_limit_the_editors_promoted_results_still_show(client, project, settings):
    settings.SEARCH_LOG_LIMIT_PER_CLIENT = 1
    SearchPromotion.objects.create(
        query=Query.get("salkku"), page=project, description="Koko salkku", sort_order=0
    )
    client.get("/haku/", {"q": "ensimmäinen"})

    html = client.get("/haku/", {"q": "salkku"}).content.decode()

    assert "Koko salkku" in html
    assert Query.objects.get(query_string="salkku").hits == 0
