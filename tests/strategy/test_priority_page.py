"""A strategy priority page lists the projects that advance it, in the visitor's language.

Nobody lists them by hand: a project names the priorities it advances and the priority page
finds the live projects that name it. An English project keeps the priorities of its Finnish
source (wagtail-localize synchronises the relation), so it points at the Finnish priority
page; the English priority page must still find it.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify

from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from strategy.factories import StrategyPageFactory, StrategyPriorityPageFactory
from tests.translations import translate

pytestmark = pytest.mark.django_db


class Strategy:
    """A Finnish strategy with two priorities and their projects: two live ones of the
    circular economy (one shared with tourism), one of tourism only and a draft of the
    circular economy."""

    def __init__(self, home):
        self.strategy = StrategyPageFactory(parent=home, slug="strategia-2018-2022")
        self.circular = StrategyPriorityPageFactory(
            parent=self.strategy, title="Kiertotalous", slug="kiertotalous"
        )
        self.tourism = StrategyPriorityPageFactory(
            parent=self.strategy, title="Kestävä matkailu", slug="kestava-matkailu"
        )
        self.projects = ProjectIndexPageFactory(parent=home)
        self.older = self.project("Sivuvirrat hyötykäyttöön", 2018, [self.circular])
        self.newer = self.project("Kiertotalous matkailussa", 2020, [self.circular, self.tourism])
        self.tourism_only = self.project("Matkailun saavutettavuus", 2021, [self.tourism])
        self.draft = self.project("Keskeneräinen kiertotaloushanke", 2022, [self.circular], False)

    def project(self, title, year, priorities, live=True):
        page = ProjectPageFactory.build(
            title=title,
            slug=slugify(title),
            start_date=datetime.date(year, 1, 1),
            end_date=datetime.date(year + 2, 12, 31),
            live=live,
        )
        page.priorities = priorities
        self.projects.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return page


@pytest.fixture
def site(home):
    return Strategy(home)


@pytest.fixture
def in_english(site, english, django_capture_on_commit_callbacks):
    """The strategy, its priorities and the live projects translated into English."""
    capture = django_capture_on_commit_callbacks
    translate(site.strategy, english, capture, title="Strategy", slug="strategy-2018-2022")
    translate(site.projects, english, capture, title="Projects", slug="projects")
    translate(site.circular, english, capture, title="Circular economy", slug="circular-economy")
    translate(site.tourism, english, capture, title="Sustainable tourism", slug="tourism")
    for project, title in (
        (site.older, "Side streams put to use"),
        (site.newer, "Circular economy in tourism"),
        (site.tourism_only, "Accessible tourism"),
    ):
        translate(project, english, capture, title=title, slug=slugify(title))
    return site


def listed_projects(client, page):
    """The projects the page lists: (title, address) of each card, in order."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    section = html.find("section", attrs={"aria-labelledby": "projects-heading"})
    return [(link.get_text(strip=True), link["href"]) for link in section.select(".card__title a")]


def test_a_priority_page_lists_the_live_projects_advancing_it_newest_first(client, site):
    assert listed_projects(client, site.circular) == [
        ("Kiertotalous matkailussa", site.newer.url),
        ("Sivuvirrat hyötykäyttöön", site.older.url),
    ]


def test_a_priority_page_leaves_out_drafts_and_projects_of_other_priorities(client, site):
    titles = [title for title, _ in listed_projects(client, site.circular)]

    assert "Keskeneräinen kiertotaloushanke" not in titles
    assert "Matkailun saavutettavuus" not in titles
    assert [title for title, _ in listed_projects(client, site.tourism)] == [
        "Matkailun saavutettavuus",
        "Kiertotalous matkailussa",
    ]


def test_a_priority_without_projects_says_so(client, site):
    lonely = StrategyPriorityPageFactory(parent=site.strategy, title="Uudet nousevat alat")

    html = BeautifulSoup(client.get(lonely.url).content, "html.parser")
    section = html.find("section", attrs={"aria-labelledby": "projects-heading"})

    assert section.select(".card") == []
    assert section.p.get_text(strip=True) == "Painopisteeseen ei ole vielä liitetty hankkeita."


def test_the_english_priority_page_lists_the_english_translations_of_its_projects(
    client, in_english, english
):
    english_circular = in_english.circular.get_translation(english)

    listed = listed_projects(client, english_circular)

    assert english_circular.url == "/en/strategy-2018-2022/circular-economy/"
    assert listed == [
        ("Circular economy in tourism", "/en/projects/circular-economy-in-tourism/"),
        ("Side streams put to use", "/en/projects/side-streams-put-to-use/"),
    ]


def test_the_english_priority_page_leaves_out_projects_of_other_priorities(
    client, in_english, english
):
    english_tourism = in_english.tourism.get_translation(english)

    assert [title for title, _ in listed_projects(client, english_tourism)] == [
        "Accessible tourism",
        "Circular economy in tourism",
    ]
