"""A cluster page lists the cluster's projects by itself, in the visitor's language.

Nobody lists them by hand: a project names its clusters and the cluster page finds the
live projects that name it. An English project keeps the clusters of its Finnish source
(wagtail-localize synchronises the relation), so it points at the Finnish cluster page;
the English cluster page must still find it.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from tests.translations import translate

pytestmark = pytest.mark.django_db


class Clusters:
    """Two Finnish clusters and their projects: two live ones of design (one shared with
    industry), one of industry only and a draft of design."""

    def __init__(self, home):
        self.index = ClusterIndexPageFactory(parent=home)
        self.design = ClusterPageFactory(
            parent=self.index, title="Arktinen muotoilu", slug="arktinen-muotoilu"
        )
        self.industry = ClusterPageFactory(
            parent=self.index, title="Arktinen teollisuus", slug="arktinen-teollisuus"
        )
        self.projects = ProjectIndexPageFactory(parent=home)
        self.older = self.project("Muotoilu matkailuun", 2018, [self.design])
        self.newer = self.project("Muotoilu ja teollisuus", 2020, [self.design, self.industry])
        self.industry_only = self.project("Kaivosten kiertotalous", 2021, [self.industry])
        self.draft = self.project("Keskeneräinen muotoiluhanke", 2022, [self.design], live=False)

    def project(self, title, year, clusters, live=True):
        page = ProjectPageFactory.build(
            title=title,
            slug=slugify(title),
            start_date=datetime.date(year, 1, 1),
            end_date=datetime.date(year + 2, 12, 31),
            live=live,
        )
        page.clusters = clusters
        self.projects.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return page


@pytest.fixture
def site(home):
    return Clusters(home)


@pytest.fixture
def in_english(site, english, django_capture_on_commit_callbacks):
    """The clusters and the live projects translated into English."""
    capture = django_capture_on_commit_callbacks
    translate(site.index, english, capture, title="Clusters", slug="clusters")
    translate(site.projects, english, capture, title="Projects", slug="projects")
    translate(site.design, english, capture, title="Arctic Design", slug="arctic-design")
    translate(site.industry, english, capture, title="Arctic Industry", slug="arctic-industry")
    for project, title in (
        (site.older, "Design for tourism"),
        (site.newer, "Design and industry"),
        (site.industry_only, "Circular economy of mines"),
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


def test_a_cluster_page_lists_its_live_projects_newest_first(client, site):
    assert listed_projects(client, site.design) == [
        ("Muotoilu ja teollisuus", site.newer.url),
        ("Muotoilu matkailuun", site.older.url),
    ]


def test_a_cluster_page_leaves_out_drafts_and_projects_of_other_clusters(client, site):
    titles = [title for title, _ in listed_projects(client, site.design)]

    assert "Keskeneräinen muotoiluhanke" not in titles
    assert "Kaivosten kiertotalous" not in titles
    assert [title for title, _ in listed_projects(client, site.industry)] == [
        "Kaivosten kiertotalous",
        "Muotoilu ja teollisuus",
    ]


def test_a_cluster_without_projects_says_so(client, site):
    lonely = ClusterPageFactory(parent=site.index, title="Arktinen turvallisuus")

    html = BeautifulSoup(client.get(lonely.url).content, "html.parser")
    section = html.find("section", attrs={"aria-labelledby": "projects-heading"})

    assert section.select(".card") == []
    assert section.p.get_text(strip=True) == "Klusteriin ei ole vielä liitetty hankkeita."


def test_the_english_cluster_page_lists_the_english_translations_of_its_projects(
    client, in_english, english
):
    site = in_english
    english_design = site.design.get_translation(english)

    listed = listed_projects(client, english_design)

    assert english_design.url == "/en/clusters/arctic-design/"
    assert listed == [
        ("Design and industry", "/en/projects/design-and-industry/"),
        ("Design for tourism", "/en/projects/design-for-tourism/"),
    ]


def test_the_english_cluster_page_leaves_out_projects_of_other_clusters(
    client, in_english, english
):
    english_industry = in_english.industry.get_translation(english)

    assert [title for title, _ in listed_projects(client, english_industry)] == [
        "Circular economy of mines",
        "Design and industry",
    ]


def test_a_cluster_with_many_projects_shows_the_newest_and_links_to_all_of_them(client, site):
    from projects.linked import CARDS_SHOWN

    for number in range(CARDS_SHOWN):
        site.project(f"Muotoiluhanke {number:02}", 2000 + number, [site.design])
    total = CARDS_SHOWN + 2  # with the two of the fixture

    html = BeautifulSoup(client.get(site.design.url).content, "html.parser")
    section = html.find("section", attrs={"aria-labelledby": "projects-heading"})
    titles = [link.get_text(strip=True) for link in section.select(".card__title a")]
    more = section.select_one(".more-projects")
    link = more.find("a")

    # The newest twelve: the fixture's projects of 2020 and 2018, then 2011 back to 2002.
    assert titles == ["Muotoilu ja teollisuus", "Muotoilu matkailuun"] + [
        f"Muotoiluhanke {number:02}" for number in range(CARDS_SHOWN - 1, 1, -1)
    ]
    assert " ".join(more.get_text(" ", strip=True).split()).startswith(
        f"Näytetään {CARDS_SHOWN} uusinta, hankkeita on kaikkiaan {total}."
    )
    assert link["href"] == f"{site.projects.url}?cluster=arktinen-muotoilu"
    listed = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    assert listed.select_one(".result-count").get_text(strip=True).startswith(f"{total}/")


def test_a_cluster_with_few_projects_has_no_link_to_more(client, site):
    html = BeautifulSoup(client.get(site.design.url).content, "html.parser")

    assert html.select(".more-projects") == []
