"""The demo funding overview shows the sums of the seed figures in demo/content.py,
worked out here independently: amounts and shares straight from the seed lines, the year
split counted day by day. Run with -s to see the figures."""

import datetime
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal

import pytest
from wagtail.models import Page

from demo import content as c
from overview.models import FundingOverviewPage, ProjectTimelinePage
from tests.demo_content import demo_content_loaded

from .pages import amounts, fi, soup, summary, table

CENT = Decimal("0.01")
LANGUAGES = ("fi", "en")


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), demo_content_loaded():
        yield


def cents(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def days_per_year(start, end):
    days = Counter()
    day = start
    while day <= end:
        days[day.year] += 1
        day += datetime.timedelta(days=1)
    return days


def seed_figures(language):
    """{table: {row name: amount}} from the seed data, names as the page shows them."""
    ui = fi if language == "fi" else str

    def source_name(key):
        name, short_name, kind = c.FUNDING_SOURCES[key]
        name, short_name = getattr(name, language), getattr(short_name, language)
        shown = f"{name} ({short_name})" if short_name else name
        return f"{shown} ({ui('EU fund')})" if kind == "eu_fund" else shown

    clusters = {data["key"]: getattr(data["title"], language) for data in c.CLUSTERS}
    by_source, by_cluster, by_year = defaultdict(Decimal), defaultdict(Decimal), {}
    total = eu = Decimal(0)
    without_budget = []
    for project in c.PROJECTS:
        budget = project["budget"]
        if budget is None:
            without_budget.append(getattr(project["title"], language))
            continue
        total += budget
        itemised = Decimal(0)
        for key, amount, share in project["funding"]:
            if amount is None:
                amount = cents(budget * share / 100)
            by_source[source_name(key)] += amount
            itemised += amount
            if c.FUNDING_SOURCES[key][2] == "eu_fund":
                eu += amount
        if itemised < budget:
            by_source[ui("Other funding (not itemised)")] += budget - itemised
        for key in project["clusters"] or [None]:
            by_cluster[clusters[key] if key else ui("No cluster")] += budget
        days = days_per_year(project["start"], project["end"])
        parts = {year: cents(budget * n / sum(days.values())) for year, n in days.items()}
        parts[max(parts)] += budget - sum(parts.values())
        for year, part in parts.items():
            by_year[str(year)] = by_year.get(str(year), Decimal(0)) + part
    return {
        "total": total,
        "eu": eu,
        "eu_share": (eu * 100 / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
        "sources": {**by_source, ui("Total"): total},
        "clusters": dict(by_cluster),
        "years": {**dict(sorted(by_year.items())), ui("Total"): total},
        "without_budget": without_budget,
    }


def overview(client, language):
    page = FundingOverviewPage.objects.get(locale__language_code=language)
    return soup(client.get(page.url))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_overview_shows_the_sums_of_the_seed_figures(demo_site, client, language):
    expected = seed_figures(language)
    ui = fi if language == "fi" else str
    page = overview(client, language)

    shown = {
        "sources": amounts(table(page, ui("Funding by source")), language),
        "clusters": amounts(
            table(page, ui("Budgets of the projects in each cluster")), language, column=1
        ),
        "years": amounts(table(page, ui("Budgets by year")), language),
    }
    eu_rows = amounts(table(page, ui("EU funds and other funding")), language)

    print(f"\nDemo funding overview ({language}): {summary(page)}")  # noqa: T201 (-s report)
    for name, rows in shown.items():
        print(f"  by {name}:")  # noqa: T201
        for row, amount in rows.items():
            print(f"    {row}: {amount:,} €")  # noqa: T201
    print(f"  EU: {expected['eu']:,} € = {expected['eu_share']} %")  # noqa: T201

    assert shown["sources"] == expected["sources"]
    assert shown["clusters"] == expected["clusters"]
    assert shown["years"] == expected["years"]
    assert eu_rows[ui("EU funds")] == expected["eu"]
    share = f"{expected['eu_share']}".replace(".", "," if language == "fi" else ".")
    assert share in summary(page)
    missing = page.select_one("#no-budget-heading").find_parent("section")
    assert [a.get_text(strip=True) for a in missing.select("li a")] == expected["without_budget"]


@pytest.mark.django_db
def test_demo_has_both_overviews_in_both_languages(demo_site, client):
    for model in (FundingOverviewPage, ProjectTimelinePage):
        for language in LANGUAGES:
            page = model.objects.get(locale__language_code=language)
            assert page.live and page.get_parent().specific_class.__name__ == "ProjectIndexPage"
            assert client.get(page.url).status_code == 200
    assert {p.slug for p in Page.objects.type(FundingOverviewPage, ProjectTimelinePage)} == {
        "rahoitus",
        "funding",
        "aikajana",
        "timeline",
    }
