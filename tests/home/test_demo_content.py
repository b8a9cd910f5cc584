"""The demo site: complete in both languages, its English pages linking only to English
pages, and loading it again changes nothing."""

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import Translation

from clusters.models import ClusterPage
from core.models import Organisation, Person
from feedback.models import FeedbackFormPage
from home.models import StandardPage
from news.models import NewsPage
from overview.models import FundingOverviewPage, ProjectTimelinePage
from projects.models import FundingSource, ProjectPage
from strategy.models import StrategyPriorityPage
from tests.demo_content import demo_content_loaded


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), demo_content_loaded():
        yield


def counts():
    return {
        model.__name__: (
            model.objects.filter(locale__language_code="fi").count(),
            model.objects.filter(locale__language_code="en").count(),
        )
        for model in (
            ClusterPage,
            ProjectPage,
            NewsPage,
            StrategyPriorityPage,
            StandardPage,
            FeedbackFormPage,
            FundingOverviewPage,
            ProjectTimelinePage,
            Organisation,
            Person,
            FundingSource,
        )
    }


@pytest.mark.django_db
def test_demo_content_has_the_page_tree_an_editor_expects(demo_site):
    assert counts() == {
        "ClusterPage": (5, 5),
        "ProjectPage": (4, 4),
        "NewsPage": (3, 3),
        "StrategyPriorityPage": (4, 4),
        "StandardPage": (3, 3),
        "FeedbackFormPage": (1, 1),
        "FundingOverviewPage": (1, 1),
        "ProjectTimelinePage": (1, 1),
        "Organisation": (14, 14),
        "Person": (3, 3),
        "FundingSource": (5, 5),
    }
    titles = set(NewsPage.objects.values_list("title", flat=True))
    assert "Missä mennään Arctic Smartness -yhteistyössä?" in titles
    assert "Discovering the Arctic Future – as Part of Europe" in titles


@pytest.mark.django_db
def test_english_pages_are_wagtail_localize_translations(demo_site):
    translated = Translation.objects.filter(target_locale__language_code="en").count()
    assert translated >= 45
    english = ProjectPage.objects.get(locale__language_code="en", slug="growth-through-cooperation")
    assert english.goals.first().text == "Increase cooperation between Lapland's industries."


@pytest.mark.django_db
def test_loading_the_demo_content_twice_creates_no_duplicates(demo_site):
    before = (counts(), Page.objects.count(), Translation.objects.count())
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert (counts(), Page.objects.count(), Translation.objects.count()) == before


@pytest.mark.django_db
def test_every_demo_page_renders_in_both_languages(demo_site, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() == 2 * 27
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


@pytest.mark.django_db
def test_tree_is_consistent_after_translation(demo_site, client):
    # Regression: translations published in one outer transaction left stale child counts,
    # so English section pages had no reachable children.
    for page in Page.objects.all():
        children = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1)
        assert page.numchild == children.count(), page.url_path
    assert client.get("/en/clusters/arctic-design/").status_code == 200


@pytest.mark.django_db
def test_visitor_sees_the_seed_figures(demo_site, client):
    html = client.get("/hankkeet/growth-through-cooperation/").content.decode()
    for figure in (
        "136\xa0200\xa0€",
        "21\xa0200\xa0€",
        "5\xa0000\xa0€",
        "7\xa0850\xa0€",
        "170\xa0250\xa0€",
        "1.10.2019",
        "30.9.2022",
    ):
        assert figure in html
    cluster = client.get("/klusterit/arktinen-muotoilu/").content.decode()
    assert "Lapin yliopisto" in cluster
    assert "Arctic Smartness Portfolio" in cluster  # its projects are found automatically
    priority = client.get("/strategia-2018-2022/kiertotalous/").content.decode()
    assert "Growth through Cooperation" in priority
    assert "Arktinen teollisuus ja kiertotalous" in priority
    event = client.get("/ajankohtaista/missa-mennaan-arctic-smartness-yhteistyossa/")
    assert "Lapin yliopisto, Rovaniemi" in event.content.decode()
    english = client.get("/en/projects/growth-through-cooperation/").content.decode()
    assert "€136,200" in english and "European Regional Development Fund" in english


# Addresses that are the same in both languages: files, not pages (config/urls.py serves
# them outside the language prefixes).
LANGUAGE_NEUTRAL = ("/static/", "/media/", "/documents/")

# What an English page links with, by where the link sits; each must be read for the test
# to mean anything (a menu or a button writes `class` before `href`).
LINK_KINDS = {
    "main menu": "nav.main-nav a",
    "brand": "a.brand",
    "breadcrumbs": "nav.breadcrumbs a",
    "buttons": "a.button",
    "cards": ".card__title a",
    "footer": "footer a",
}


def english_addresses():
    """Every live English page, the English sitemap and English searches (one of which
    finds Finnish results too)."""
    pages = Page.objects.filter(locale__language_code="en", depth__gt=1).live()
    return [page.url for page in pages] + [
        "/en/sitemap/",
        "/en/search/?q=arctic",
        "/en/search/?q=matkailu",
    ]


def links_to_finnish(url, link):
    """The address of a link on the English page `url` if it leads to a Finnish page.

    Finnish pages and views live at the root, English ones under /en/. A link marked
    `hreflang="fi"` says it goes to Finnish: the language switcher's link to the Finnish
    version and the search's "N results in Finnish".
    """
    address = urlsplit(urljoin(f"http://testserver{url}", link["href"]))
    if address.scheme not in ("http", "https") or address.netloc != "testserver":
        return None  # mailto:, tel: and other sites
    if link.get("hreflang") == "fi":
        return None
    if address.path.startswith("/en/") or address.path.startswith(LANGUAGE_NEUTRAL):
        return None
    return link["href"]


@pytest.mark.django_db
def test_english_pages_link_only_to_english_pages(demo_site, client):
    """Every link of every English page — menu, brand, breadcrumbs, buttons, cards,
    "Add to calendar", related pages and footer — leads to an English page; only links that
    say they go to Finnish do."""
    kinds_seen = set()
    for url in english_addresses():
        response = client.get(url)
        assert response.status_code == 200, url
        html = BeautifulSoup(response.content, "html.parser")
        assert html.select_one("a.brand")["href"] == "/en/", url
        assert html.select("nav.main-nav a"), f"{url} has no menu"
        kinds_seen |= {kind for kind, selector in LINK_KINDS.items() if html.select(selector)}
        if any(link.get_text().startswith("Add to calendar") for link in html.find_all("a")):
            kinds_seen.add("Add to calendar")
        finnish = [
            href for link in html.find_all("a", href=True) if (href := links_to_finnish(url, link))
        ]
        assert not finnish, f"{url} links to Finnish pages {finnish}"
    assert kinds_seen == {*LINK_KINDS, "Add to calendar"}
