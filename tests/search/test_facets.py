"""Visitors narrow search results by content type, cluster, project status, funding source
and year: combinable, counted, in the address, without JavaScript."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import ProjectFundingLine
from tests.html import checked_values, facet_counts, search_result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    clusters = ClusterIndexPageFactory(parent=home)
    design = ClusterPageFactory(parent=clusters, title="Muotoiluklusteri", slug="muotoilu")
    ClusterPageFactory(parent=clusters, title="Teollisuusklusteri", slug="teollisuus")
    erdf = FundingSourceFactory(name="Aluekehitysrahasto", kind="eu_fund")
    projects = ProjectIndexPageFactory(parent=home)

    ended = ProjectPageFactory.build(
        title="Revontulihanke päättynyt",
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2018, 12, 31),
        total_budget=Decimal("1000"),
    )
    ended.clusters = [design]
    ended.funding_lines = [ProjectFundingLine(source=erdf, share=Decimal("50"))]
    projects.add_child(instance=ended)
    ended.save_revision().publish()

    planned = ProjectPageFactory.build(
        title="Revontulihanke tuleva", start_date=datetime.date(2099, 1, 1), end_date=None
    )
    projects.add_child(instance=planned)
    planned.save_revision().publish()

    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, title="Kaamosuutinen", date=datetime.date(2018, 11, 7))
    return {"design": design, "erdf": erdf}


def test_facets_count_the_results_by_type_status_cluster_funding_and_year(client, site):
    html = client.get("/haku/", {"q": "Revontulihanke"}).content.decode()
    assert sorted(search_result_titles(html)) == [
        "Revontulihanke päättynyt",
        "Revontulihanke tuleva",
    ]
    assert facet_counts(html, "type") == {"Hankkeet": 2}
    assert facet_counts(html, "status") == {"Suunnitteilla": 1, "Päättynyt": 1}
    assert facet_counts(html, "cluster") == {"Muotoiluklusteri": 1}
    assert facet_counts(html, "funding") == {"Aluekehitysrahasto": 1}
    assert facet_counts(html, "year") == {"2099": 1, "2018": 1, "2017": 1}


def test_facets_combine_and_live_in_the_address(client, site):
    html = client.get(
        "/haku/", {"q": "Revontulihanke", "status": "ended", "cluster": "muotoilu"}
    ).content.decode()
    assert search_result_titles(html) == ["Revontulihanke päättynyt"]
    # The chosen values stay ticked, so the form reproduces the address.
    assert "ended" in checked_values(html, "status")
    assert "muotoilu" in checked_values(html, "cluster")

    html = client.get("/haku/", {"q": "Revontulihanke", "status": "planned"}).content.decode()
    assert search_result_titles(html) == ["Revontulihanke tuleva"]


def test_year_facet_finds_news_of_the_year_and_projects_active_in_it(client, site):
    html = client.get("/haku/", {"q": "Revontulihanke", "year": "2018"}).content.decode()
    assert search_result_titles(html) == ["Revontulihanke päättynyt"]
    html = client.get("/haku/", {"q": "Kaamosuutinen", "year": "2018"}).content.decode()
    assert search_result_titles(html) == ["Kaamosuutinen"]


def test_type_facet_values_within_a_facet_are_alternatives(client, site):
    html = client.get(
        "/haku/", {"q": "Revontulihanke", "type": ["project", "news"]}
    ).content.decode()
    assert len(search_result_titles(html)) == 2


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"cluster": "no-such-cluster"},
        {"status": "'; DROP TABLE x; --"},
        {"funding": "999999"},
        {"year": "abc"},
        {"year": "²"},
        {"year": "-1"},
        {"year": "99999999999999999999"},
        {"type": "x" * 10_000},
    ],
)
def test_unknown_facet_values_are_left_out_with_a_message(client, site, params):
    response = client.get("/haku/", {"q": "Revontulihanke", **params})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Osa osoitteen rajauksista jätettiin pois" in html
    assert len(search_result_titles(html)) == 2  # the search itself is unharmed


def test_filters_that_leave_nothing_say_so(client, site):
    html = client.get("/haku/", {"q": "Revontulihanke", "type": "news"}).content.decode()
    assert search_result_titles(html) == []
    assert "Ei tuloksia näillä rajauksilla" in html


def test_each_facet_count_is_the_number_of_results_its_value_gives(client, site, home):
    """Found in a browser walk: two news items of one year were counted as one."""
    news = NewsIndexPageFactory(parent=home, slug="uutiset-2")
    NewsPageFactory(parent=news, title="Kaamos toinen", date=datetime.date(2018, 1, 7))
    NewsPageFactory(parent=news, title="Kaamos kolmas", date=datetime.date(2018, 3, 7))

    html = client.get("/haku/", {"q": "Kaamos"}).content.decode()
    for facet, shown in (
        ("year", facet_counts(html, "year")),
        ("type", facet_counts(html, "type")),
    ):
        soup = BeautifulSoup(html, "html.parser")
        for box in soup.select(f'input[name="{facet}"]'):
            label = soup.select_one(f'label[for="{box["id"]}"]').contents[0].strip()
            ticked = client.get("/haku/", {"q": "Kaamos", facet: box["value"]})
            assert len(search_result_titles(ticked)) == shown[label], (facet, label)
    assert facet_counts(html, "year")["2018"] >= 2  # two items of one year, counted apart


def test_a_search_that_finds_nothing_offers_no_filters(client, site):
    soup = BeautifulSoup(client.get("/haku/", {"q": "zzzqqq"}).content, "html.parser")
    assert soup.select('input[type="checkbox"]') == []
    assert soup.find(id="facets-heading") is None


def test_each_facet_has_its_name_and_the_years_come_newest_first(client, site):
    """Found by mutation testing: the counts were compared as dicts, so neither the order of
    the years nor the facets' legends were checked."""
    soup = BeautifulSoup(client.get("/haku/", {"q": "Revontulihanke"}).content, "html.parser")

    legends = [legend.get_text(strip=True) for legend in soup.select("fieldset legend")]
    assert legends == ["Sisältötyyppi", "Klusteri", "Hankkeen tila", "Rahoituslähde", "Vuosi"]
    years = [box["value"] for box in soup.select('input[name="year"]')]
    assert years == ["2099", "2018", "2017"]
