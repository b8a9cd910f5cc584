"""An EU-funded project shows what its programming period's publicity rules require,
worked out from its funding lines: nobody types it."""

import datetime
from decimal import Decimal

import pytest
from bs4 import NavigableString

from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import FundingSource, ProjectFundingLine
from tests.html import parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def erdf():
    return FundingSourceFactory(
        name="Euroopan aluekehitysrahasto", short_name="EAKR", kind=FundingSource.Kind.EU_FUND
    )


def project(home, source, **fields):
    index = ProjectIndexPageFactory(parent=home)
    page = ProjectPageFactory.build(title="Hanke", total_budget=Decimal("1000"), **fields)
    page.funding_lines = [ProjectFundingLine(source=source, share=Decimal("50"))]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def notice(client, url):
    """The EU publicity notice of the page, or None."""
    return parse(client.get(url)).select_one("aside.eu-publicity")


def lines(element):
    """The element's text as its lines: a <br> starts a new one."""
    found = [""]
    for node in element.descendants:
        if isinstance(node, NavigableString):
            found[-1] += node
        elif node.name == "br":
            found.append("")
    return found


def test_2014_2020_project_shows_the_emblem_european_union_and_the_fund(client, home, erdf):
    page = project(home, erdf, programming_period="2014-2020")
    shown = notice(client, page.url)
    emblem = shown.select_one("img")
    assert emblem["src"] == "/static/images/eu-emblem.svg"
    assert emblem["alt"] == "Euroopan unionin lippu"
    statement = shown.select_one("p")
    assert text(statement.strong) == "Euroopan unioni"
    assert lines(statement) == ["Euroopan unioni", "Euroopan aluekehitysrahasto"]


def test_english_page_names_the_fund_in_english(client, home, english, erdf):
    page = project(home, erdf, programming_period="2014-2020")
    fund = erdf.copy_for_translation(english)
    fund.name = "European Regional Development Fund"
    fund.save()
    translation = page.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()
    shown = notice(client, translation.url)
    statement = shown.select_one("p")
    assert text(statement.strong) == "European Union"
    assert lines(statement) == ["European Union", "European Regional Development Fund"]
    assert shown.select_one("img")["alt"] == "The flag of the European Union"


def test_2021_2027_project_is_co_funded_without_the_funds_name(client, home, erdf):
    page = project(home, erdf, programming_period="2021-2027")
    shown = notice(client, page.url)
    statement = shown.select_one("p")
    assert text(statement.strong) == "Euroopan unionin osarahoittama"
    assert lines(statement) == ["Euroopan unionin osarahoittama"]
    assert "aluekehitysrahasto" not in text(shown)


def test_period_left_empty_follows_the_start_date(client, home, erdf):
    page = project(home, erdf, start_date=datetime.date(2023, 3, 1), end_date=None)
    assert "Euroopan unionin osarahoittama" in text(notice(client, page.url))


def test_project_without_eu_funding_has_no_notice(client, home):
    municipal = FundingSourceFactory(name="Kuntarahoitus", kind=FundingSource.Kind.MUNICIPAL)
    page = project(home, municipal, programming_period="2014-2020")
    assert notice(client, page.url) is None
