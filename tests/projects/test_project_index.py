"""Visitors filter, count, sort and page through the projects, and download what they chose."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from core.factories import OrganisationFactory
from core.filtering import is_year
from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import FundingSource, ProjectFundingLine, ProjectPage
from tests.translations import translate

pytestmark = pytest.mark.django_db

D = datetime.date


class Site:
    """Four projects: two ended, one ongoing (until 2099), one without dates or budget."""

    def __init__(self, home):
        clusters = ClusterIndexPageFactory(parent=home)
        self.clusters_index = clusters
        self.design = ClusterPageFactory(
            parent=clusters, title="Arktinen muotoilu", slug="muotoilu"
        )
        self.industry = ClusterPageFactory(
            parent=clusters, title="Arktinen teollisuus", slug="ateol"
        )
        self.erdf = FundingSourceFactory(
            name="Euroopan aluekehitysrahasto", kind=FundingSource.Kind.EU_FUND
        )
        self.municipal = FundingSourceFactory(
            name="Kuntarahoitus", kind=FundingSource.Kind.MUNICIPAL
        )
        self.council = OrganisationFactory(name="Lapin liitto")
        self.developer = OrganisationFactory(name="Rovaniemen kehitys")
        self.index = ProjectIndexPageFactory(parent=home)
        self.alpha = self.project(
            "Alpha",
            D(2017, 2, 20),
            D(2018, 12, 31),
            "432760",
            lead=self.council,
            clusters=[self.design],
            lines=[(self.erdf, None, "88.1")],
        )
        self.beta = self.project(
            "Beta",
            D(2019, 10, 1),
            D(2022, 9, 30),
            "170250",
            lead=self.developer,
            clusters=[self.design, self.industry],
            lines=[(self.erdf, "136200", None), (self.municipal, "34050", None)],
        )
        self.gamma = self.project(
            "Gamma",
            D(2021, 1, 1),
            D(2099, 12, 31),
            "50000",
            lead=self.council,
            clusters=[self.industry],
            lines=[(self.municipal, "50000", None)],
        )
        self.delta = self.project("Delta", None, None, None, lead=None, clusters=[], lines=[])

    def project(self, title, start, end, budget, lead, clusters, lines):
        page = ProjectPageFactory.build(
            title=title,
            slug=slugify(title),
            start_date=start,
            end_date=end,
            total_budget=Decimal(budget) if budget else None,
            lead_organisation=lead,
        )
        page.funding_lines = [
            ProjectFundingLine(
                source=source,
                amount=Decimal(amount) if amount else None,
                share=Decimal(share) if share else None,
            )
            for source, amount, share in lines
        ]
        page.clusters = clusters
        self.index.add_child(instance=page)
        page.save_revision().publish()
        return page


@pytest.fixture
def site(home):
    return Site(home)


def titles(response):
    return [project.title for project in response.context["projects"]]


def facet(response, name):
    found = next(f for f in response.context["facets"] if f.name == name)
    return {value.label: (value.count, value.selected) for value in found.values}


def test_the_index_lists_every_project_newest_first_with_its_count(client, site):
    response = client.get(site.index.url)

    assert response.status_code == 200
    assert titles(response) == ["Gamma", "Beta", "Alpha", "Delta"]
    assert "4 hanketta" in response.content.decode()


def test_a_filter_narrows_the_list_and_the_other_filters_count_what_it_leaves(client, site):
    response = client.get(site.index.url, {"cluster": "muotoilu"})

    assert titles(response) == ["Beta", "Alpha"]
    assert "2/4 hankkeesta vastaa rajauksia" in response.content.decode()
    assert facet(response, "status") == {"Päättynyt": (2, False)}
    assert facet(response, "lead") == {"Lapin liitto": (1, False), "Rovaniemen kehitys": (1, False)}
    # A facet counts as the others narrow: choosing a second cluster would give three.
    assert facet(response, "cluster") == {
        "Arktinen muotoilu": (2, True),
        "Arktinen teollisuus": (2, False),
    }


def test_values_of_one_filter_are_alternatives_and_filters_combine(client, site):
    either = client.get(site.index.url, {"status": ["ended", "ongoing"]})
    both = client.get(
        site.index.url, {"status": ["ended", "ongoing"], "funding": str(site.municipal.pk)}
    )

    assert sorted(titles(either)) == ["Alpha", "Beta", "Gamma"]
    assert sorted(titles(both)) == ["Beta", "Gamma"]


def test_lead_organisation_and_funding_source_filters(client, site):
    led = client.get(site.index.url, {"lead": str(site.council.pk)})
    eu = client.get(site.index.url, {"funding": str(site.erdf.pk)})

    assert sorted(titles(led)) == ["Alpha", "Gamma"]
    assert sorted(titles(eu)) == ["Alpha", "Beta"]
    assert facet(eu, "funding") == {
        "Euroopan aluekehitysrahasto": (2, True),
        "Kuntarahoitus": (2, False),
    }


def test_a_year_range_keeps_the_projects_active_at_some_time_in_it(client, site):
    response = client.get(site.index.url, {"from": "2018", "to": "2019"})

    assert sorted(titles(response)) == ["Alpha", "Beta"]
    years = dict(response.context["year_options"])
    # The year options count as the other filters narrow them, each year on its own.
    assert years[2017] == 1 and years[2020] == 1 and years[2021] == 2


def test_a_reversed_year_range_is_swapped_and_said_so(client, site):
    response = client.get(site.index.url, {"from": "2019", "to": "2018"})

    assert sorted(titles(response)) == ["Alpha", "Beta"]
    assert "Alkuvuosi oli loppuvuoden jälkeen" in response.content.decode()


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("start-desc", ["Gamma", "Beta", "Alpha", "Delta"]),
        ("start-asc", ["Alpha", "Beta", "Gamma", "Delta"]),
        ("end-asc", ["Alpha", "Beta", "Gamma", "Delta"]),
        ("end-desc", ["Gamma", "Beta", "Alpha", "Delta"]),
        ("budget-desc", ["Alpha", "Beta", "Gamma", "Delta"]),
        ("budget-asc", ["Gamma", "Beta", "Alpha", "Delta"]),
    ],
)
def test_sorting_puts_projects_without_the_figure_last(client, site, sort, expected):
    response = client.get(site.index.url, {"sort": sort})

    assert titles(response) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"cluster": "<script>alert(1)</script>"},
        {"status": "bogus", "funding": "999999", "lead": "x" * 5000},
        {"from": "abc", "to": "-1", "sort": "title; DROP TABLE"},
        {"page": "999999", "from": "99999999999999999999"},
    ],
)
def test_bad_filter_values_are_ignored_with_a_notice(client, site, params):
    response = client.get(site.index.url, params)

    assert response.status_code == 200
    assert len(response.context["projects"].object_list) >= 1
    assert "jätettiin pois" in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_pages_of_a_filtered_list_keep_the_filters(client, site):
    for number in range(14):
        site.project(f"Lisä {number:02}", D(2016, 1, 1), D(2016, 12, 31), "1000", None, [], [])

    response = client.get(site.index.url, {"to": "2016"})
    next_link = 'href="?to=2016&amp;page=2"'

    assert response.context["projects"].paginator.count == 14
    assert next_link in response.content.decode()
    second = client.get(site.index.url, {"to": "2016", "page": "2"})
    assert len(second.context["projects"].object_list) == 2


def test_the_filter_form_works_without_javascript(client, site):
    html = client.get(site.index.url).content.decode()

    assert (
        f'<form class="search-facets project-filters" method="get" action="{site.index.url}"'
        in html
    )
    assert '<button type="submit"' in html
    assert 'name="sort"' in html and 'name="from"' in html and 'name="to"' in html


def test_the_english_index_filters_by_english_names(
    client, site, english, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    translate(site.erdf, english, capture, name="European Regional Development Fund")
    translate(site.municipal, english, capture, name="Municipal funding")
    translate(site.council, english, capture, name="Regional Council of Lapland")
    translate(site.developer, english, capture, name="Rovaniemi Development")
    for page in (site.clusters_index, site.design, site.industry, site.index):
        translate(page, english, capture)
    english_design = site.design.get_translation(english)
    english_design.slug = "design"
    english_design.save_revision().publish()
    for project in (site.alpha, site.beta):
        translate(project, english, capture)
    english_index = site.index.get_translation(english)
    english_erdf = site.erdf.get_translation(english)

    response = client.get(english_index.url, {"cluster": "design", "funding": str(english_erdf.pk)})

    assert sorted(titles(response)) == ["Alpha", "Beta"]
    assert all(p.locale == english for p in response.context["projects"])
    assert "European Regional Development Fund" in facet(response, "funding")
    assert "Regional Council of Lapland" in facet(response, "lead")


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_export_has_one_row_per_funding_line_of_the_filtered_projects(client, site):
    response = client.get(site.index.url + "export/csv/", {"cluster": "muotoilu"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="hankkeet.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert [(r["title"], r["funding_source"], r["funding_amount_eur"]) for r in rows] == [
        ("Beta", "Euroopan aluekehitysrahasto", "136200.00"),
        ("Beta", "Kuntarahoitus", "34050.00"),
        ("Alpha", "Euroopan aluekehitysrahasto", "381261.56"),
        ("Alpha", "", "51498.44"),
    ]
    alpha = rows[2]
    assert alpha["funding_share_percent"] == "88.10"
    assert alpha["eu_contribution_eur"] == "381261.56"
    assert alpha["co_financing_rate_percent"] == "88.1"
    assert alpha["lead_organisation"] == "Lapin liitto"
    assert alpha["clusters"] == "Arktinen muotoilu"
    assert alpha["status"] == "ended"
    assert alpha["start_date"] == "2017-02-20"
    assert rows[3]["funding_source_kind"] == "unitemised"


def test_a_project_without_funding_lines_still_has_its_row(client, site):
    rows = read_csv(client.get(site.index.url + "export/csv/", {"sort": "budget-asc"}))

    delta = [row for row in rows if row["title"] == "Delta"]
    assert (
        len(delta) == 1 and delta[0]["funding_source"] == "" and delta[0]["total_budget_eur"] == ""
    )


def test_the_json_export_follows_the_filters_and_the_sort(client, site):
    response = client.get(
        site.index.url + "export/json/", {"funding": str(site.municipal.pk), "sort": "budget-desc"}
    )

    data = json.loads(response.content)
    assert data["language"] == "fi"
    assert data["count"] == 2
    assert [p["title"] for p in data["projects"]] == ["Beta", "Gamma"]
    beta = data["projects"][0]
    assert beta["total_budget"] == "170250.00"
    assert beta["funding"] == [
        {
            "source": "Euroopan aluekehitysrahasto",
            "kind": "eu_fund",
            "amount": "136200.00",
            "share": "80.00",
        },
        {"source": "Kuntarahoitus", "kind": "municipal", "amount": "34050.00", "share": "20.00"},
    ]
    assert beta["url"].endswith("/hankkeet/beta/")


def test_the_export_links_carry_the_list_filters(client, site):
    html = client.get(site.index.url, {"status": "ended", "sort": "budget-asc"}).content.decode()

    assert 'href="/hankkeet/export/csv/?status=ended&amp;sort=budget-asc"' in html
    assert 'href="/hankkeet/export/json/?status=ended&amp;sort=budget-asc"' in html


def test_the_exports_cost_the_same_queries_at_3_and_30_projects(client, site):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(site.index.url + "export/csv/").status_code == 200
        return len(context)

    queries()  # the first request fills per-process caches (site root paths, locales)
    small = queries()
    for number in range(27):
        site.project(
            f"Lisä {number}",
            D(2016, 1, 1),
            D(2016, 12, 31),
            "1000",
            site.developer,
            [site.design],
            [(site.erdf, "500", None)],
        )
    assert ProjectPage.objects.live().count() == 31
    assert queries() == small


@pytest.mark.parametrize("params", [{"from": "²"}, {"to": "١٩٩٩"}, {"from": "2018", "to": "³"}])
def test_digits_that_are_not_ascii_years_are_ignored(client, site, params):
    for url in (site.index.url, site.index.url + "export/csv/"):
        assert client.get(url, params).status_code == 200


def test_a_year_in_other_digits_is_left_out_not_read_as_a_year(client, site):
    """Python takes "١٩٩٩" for four decimal digits and int() reads it as 1999; it is still no
    year of the address (found by mutation testing: only the status code was checked)."""
    response = client.get(site.index.url, {"to": "١٩٩٩"})

    assert titles(response) == ["Gamma", "Beta", "Alpha", "Delta"]
    assert "jätettiin pois" in response.content.decode()


@pytest.mark.parametrize(
    "value, is_one",
    [
        ("1900", True),
        ("2100", True),
        ("2018", True),
        ("1899", False),
        ("2101", False),
        ("١٩٩٩", False),
        ("abcd", False),
        ("19999", False),
    ],
)
def test_a_year_is_four_ascii_digits_from_1900_to_2100(value, is_one):
    assert is_year(value) is is_one


def test_the_form_sent_with_any_year_narrows_nothing_and_says_nothing(client, site):
    """The form's selects send "from=&to=" when left on "Kaikki": blank values are no choice
    at all, not unknown ones (found by mutation testing)."""
    response = client.get(site.index.url, {"from": "", "to": " ", "cluster": ""})

    assert titles(response) == ["Gamma", "Beta", "Alpha", "Delta"]
    assert "jätettiin pois" not in response.content.decode()
