"""The funding overview sums the projects' own funding figures, in each language."""

from decimal import Decimal

import pytest
from wagtail.test.utils import WagtailPageTestCase

from overview.charts import VALUE_ROOM, WIDTH
from overview.figures import projects_beside, summarise_funding
from overview.models import FundingOverviewPage, ProjectTimelinePage
from projects.models import ProjectIndexPage, ProjectPage
from tests.html import parse, text

from .pages import amounts, fi, soup, summary, table

pytestmark = pytest.mark.django_db


def sources_fi():
    return {
        f"Euroopan aluekehitysrahasto (EAKR) ({fi('EU fund')})": Decimal("160000"),
        "Lapin liitto": Decimal("150000"),
        fi("Other funding (not itemised)"): Decimal("40000"),
        fi("Total"): Decimal("350000"),
    }


def years_fi():
    return {
        "2019": Decimal("100000"),
        # 200 000 € over 365 days, 184 of them in 2020: 100 821.917… rounded to the cent.
        "2020": Decimal("100821.92"),
        "2021": Decimal("99178.08"),
        fi("Dates not given"): Decimal("50000"),
        fi("Total"): Decimal("350000"),
    }


def test_overview_sums_budgets_by_source_cluster_and_year(client, site):
    page = soup(client.get(site["funding"].url))

    sources = table(page, fi("Funding by source"))
    assert amounts(sources) == sources_fi()
    assert [cells[1] for cells in sources.values()] == [
        "45,7\xa0%",
        "42,9\xa0%",
        "11,4\xa0%",
        "100,0\xa0%",
    ]

    clusters = table(page, fi("Budgets of the projects in each cluster"))
    # A project in two clusters counts in full in both; the one without a budget in none.
    assert {name: cells[:2] for name, cells in clusters.items()} == {
        "Arktinen muotoilu": ["2", "300\xa0000\xa0€"],
        "Arktinen turvallisuus": ["1", "200\xa0000\xa0€"],
        fi("No cluster"): ["1", "50\xa0000\xa0€"],
    }

    assert amounts(table(page, fi("Budgets by year"))) == years_fi()

    eu = table(page, fi("EU funds and other funding"))
    assert amounts(eu) == {
        fi("EU funds"): Decimal("160000"),
        fi("Other funding"): Decimal("190000"),
        fi("Total"): Decimal("350000"),
    }
    assert eu[fi("EU funds")][1] == "45,7\xa0%"


def test_summary_sentence_gives_total_and_eu_share_and_reports_missing_budget(client, site):
    page = soup(client.get(site["funding"].url))
    # The wording is the catalogue's; the figures are Finnish-formatted.
    sentence = summary(page)
    assert sentence.startswith("3 ")
    assert "350\xa0000\xa0€" in sentence and "160\xa0000\xa0€ (45,7\xa0%)" in sentence
    assert "\n1 " in "\n" + sentence.split(". ", 1)[1]  # then the one project without a budget
    missing = page.select_one("#no-budget-heading").find_parent("section")
    assert [text(link) for link in missing.select("li a")] == ["Tulevaisuus"]
    assert missing.select_one("a")["href"] == site["projects"][3].url


def test_english_overview_names_sources_and_clusters_in_english(client, site):
    page = soup(client.get(site["english_funding"].url))

    assert text(page.select_one("h1")) == "Funding overview"
    assert summary(page) == (
        "3 projects with a combined budget of €350,000; €160,000 (45.7%) from EU funds. "
        "1 project gives no budget and is not included in the figures."
    )
    assert amounts(table(page, "Funding by source"), "en") == {
        "European Regional Development Fund (ERDF) (EU fund)": Decimal("160000"),
        "Regional Council of Lapland": Decimal("150000"),
        "Other funding (not itemised)": Decimal("40000"),
        "Total": Decimal("350000"),
    }
    clusters = table(page, "Budgets of the projects in each cluster")
    assert list(clusters) == ["Arctic Design", "Arctic Safety and Security", "No cluster"]
    assert "By funding source" in text(page)
    assert "How the figures are calculated" in text(page)
    missing = page.select_one("#no-budget-heading").find_parent("section")
    assert [text(link) for link in missing.select("li a")] == ["Future"]


def test_charts_are_labelled_images_followed_by_their_tables(client, site):
    page = soup(client.get(site["funding"].url))
    charts = page.select("svg.chart")
    assert len(charts) == 4
    for chart in charts:
        assert chart["role"] == "img"
        title_id, desc_id = chart["aria-labelledby"].split()
        assert text(chart.select_one(f"#{title_id}"))
        assert text(chart.select_one(f"#{desc_id}"))
        assert chart["viewbox"].startswith(f"0 0 {WIDTH} ")
        assert chart["width"] == "100%"
        # The same figures follow as a table whose caption is the chart's title.
        following = chart.find_next("table")
        assert text(following.caption) == text(chart.select_one(f"#{title_id}"))
        assert following.select("th[scope=col]") and following.select("th[scope=row]")
    sources = charts[0]
    labels = [text(label) for label in sources.select(".chart__label")]
    assert labels == [
        "Euroopan aluekehitysrahasto (EAKR)",
        "Lapin liitto",
        fi("Other funding (not itemised)"),
    ]
    widths = [float(bar["width"]) for bar in sources.select("rect")]
    plot = WIDTH - VALUE_ROOM  # the largest bar leaves room for its figure
    assert widths[0] == plot
    assert widths[1] == pytest.approx(plot * 150 / 160, abs=0.1)
    # Coordinates are never written with a Finnish decimal comma.
    assert "," not in sources["viewbox"] and all("," not in str(w) for w in widths)


def test_sums_equal_the_project_pages_own_funding_tables(site, finnish):
    projects = list(projects_beside(site["funding"]))
    for project in projects:
        assert project.funding_table == ProjectPage.objects.get(pk=project.pk).funding_table
    summary_ = summarise_funding(projects, finnish)
    eu_from_pages = sum(
        (p.eu_contribution or 0 for p in ProjectPage.objects.filter(locale=finnish)),
        Decimal(0),
    )
    budgets = ProjectPage.objects.filter(locale=finnish, total_budget__isnull=False)
    assert summary_.eu_total == eu_from_pages - Decimal("0")  # the no-budget line has no amount
    assert summary_.total == sum(p.total_budget for p in budgets)


def test_each_language_counts_its_own_projects_once(site, english):
    english_projects = list(projects_beside(site["english_funding"]))
    assert sorted(p.title for p in english_projects) == [
        "Competence",
        "Future",
        "Growth",
        "Networks",
    ]
    figures = summarise_funding(english_projects, english)
    assert figures.total == Decimal("350000")
    assert [p.title for p in figures.without_budget] == ["Future"]


def test_overview_without_projects_says_so(client, home):
    from overview.factories import FundingOverviewPageFactory
    from projects.factories import ProjectIndexPageFactory

    index = ProjectIndexPageFactory(parent=home)
    page = soup(client.get(FundingOverviewPageFactory(parent=index).url))
    assert summary(page) == fi("No projects have been published yet.")
    assert not page.select("svg.chart")


def test_overview_tree_rules():
    case = WagtailPageTestCase()
    for model in (FundingOverviewPage, ProjectTimelinePage):
        case.assertAllowedParentPageTypes(model, {ProjectIndexPage})
        case.assertAllowedSubpageTypes(model, {})


def test_only_one_of_each_overview_per_project_index(site):
    index = site["funding"].get_parent()
    assert not FundingOverviewPage.can_create_at(index)
    assert not ProjectTimelinePage.can_create_at(index)


def test_project_index_can_link_to_its_overviews(rf, site):
    from django.template.loader import render_to_string

    index = site["funding"].get_parent().specific
    html = render_to_string(
        "overview/includes/overview_links.html", {"page": index, "request": rf.get("/")}
    )
    links = parse(html).select("nav.overview-links a")
    assert [(text(a), a["href"]) for a in links] == [
        ("Rahoituskatsaus", site["funding"].url),
        ("Hankkeiden aikajana", site["timeline"].url),
    ]
