"""Search engines and link previews get the canonical address, Open Graph and Twitter card
tags and schema.org data of each page, in the page's language."""

import datetime
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from home.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import ProjectFundingLine
from tests.html import parse

pytestmark = pytest.mark.django_db


def structured_data(page):
    """The text of the page's (first) schema.org JSON-LD block, as written."""
    return page.select_one('script[type="application/ld+json"]').string


def head(client, url):
    page = parse(client.get(url))
    meta = {
        tag.get("property") or tag["name"]: tag["content"]
        for tag in page.select("meta[content]")
        if tag.has_attr("property") or tag.has_attr("name")
    }
    canonical = page.select_one('link[rel~="canonical"]')["href"]
    data = json.loads(structured_data(page))
    return meta, canonical, data


def test_project_page_is_described_as_a_project_with_its_funders(client, home):
    index = ProjectIndexPageFactory(parent=home)
    project = ProjectPageFactory.build(
        title="Kasvua yhteistyöllä",
        summary="Hanke lisäsi yhteistyötä.",
        start_date=datetime.date(2019, 10, 1),
        end_date=datetime.date(2022, 9, 30),
        total_budget=Decimal("1000"),
    )
    project.funding_lines = [
        ProjectFundingLine(source=FundingSourceFactory(name="Kuntarahoitus"), share=Decimal("50"))
    ]
    index.add_child(instance=project)

    meta, canonical, data = head(client, project.url)
    assert canonical == "http://testserver" + project.url
    assert meta["og:title"] == "Kasvua yhteistyöllä"
    assert meta["og:description"] == meta["twitter:description"] == "Hanke lisäsi yhteistyötä."
    assert meta["og:locale"] == "fi_FI" and meta["og:type"] == "website"
    assert data["@type"] == "Project" and data["inLanguage"] == "fi"
    assert data["foundingDate"] == "2019-10-01" and data["dissolutionDate"] == "2022-09-30"
    assert data["funder"] == [{"@type": "Organization", "name": "Kuntarahoitus"}]


def test_event_news_is_both_a_news_article_and_an_event(client, home):
    index = NewsIndexPageFactory(parent=home)
    start = timezone.make_aware(datetime.datetime(2018, 11, 6, 9))
    item = NewsPageFactory(parent=index, event_start=start, venue="Lapin yliopisto")
    meta, _canonical, data = head(client, item.url)
    article, event = data
    assert meta["og:type"] == "article"
    assert article["@type"] == "NewsArticle" and article["datePublished"] == "2018-11-07"
    assert event["@type"] == "Event" and event["location"]["name"] == "Lapin yliopisto"
    assert event["startDate"].startswith("2018-11-06T")


def test_home_page_is_a_website_in_its_language(client, home, english):
    _meta, _canonical, data = head(client, "/")
    assert data["@type"] == "WebSite" and data["inLanguage"] == "fi"
    meta, _canonical, data = head(client, "/en/")
    assert data["inLanguage"] == "en" and meta["og:locale"] == "en_GB"


def test_placeholder_points_engines_to_the_finnish_original(client, home, english):
    page = StandardPageFactory(parent=home, title="Palaute", slug="palaute")
    placeholder = page.copy_for_translation(english, copy_parents=True, alias=True)
    _meta, canonical, _data = head(client, placeholder.url)
    assert canonical == "http://testserver/palaute/"


def test_structured_data_cannot_close_its_script_element(client, home):
    page = StandardPageFactory(parent=home, title="</script><script>alert(1)</script>")
    block = structured_data(parse(client.get(page.url)))
    assert "<" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"
