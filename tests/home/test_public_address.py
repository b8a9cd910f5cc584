"""Every absolute link the site writes uses its public address, SITE_URL, which the deploy
step writes into the Site record: never http://localhost/."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Site

from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from tests.sitemaps import index_locations, sitemap_entries

pytestmark = pytest.mark.django_db

PUBLIC = "https://arcticsmartness.example"


@pytest.fixture
def deployed(home, settings):
    settings.SITE_URL = PUBLIC
    settings.WAGTAILAPI_BASE_URL = PUBLIC
    # Requests may come by another name (an internal one behind the load balancer).
    settings.ALLOWED_HOSTS = ["arcticsmartness.example", "web-1.internal"]
    call_command("setup_localisation", stdout=io.StringIO())
    index = ProjectIndexPageFactory(parent=home)
    return ProjectPageFactory(parent=index, title="Kasvua yhteistyöllä")


def get(client, path, **headers):
    return client.get(path, HTTP_HOST="web-1.internal", **headers)


def test_the_deploy_step_gives_the_site_its_public_address(deployed):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "arcticsmartness.example",
        443,
        PUBLIC,
    )


def test_pages_links_feeds_sitemap_and_api_agree_on_the_address(client, deployed):
    html = BeautifulSoup(get(client, deployed.url).content, "html.parser")
    addresses = [
        html.find("link", rel="canonical")["href"],
        html.find("meta", property="og:url")["content"],
        html.find("meta", property="og:image")["content"],
        *(link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)),
    ]
    robots = get(client, "/robots.txt").content.decode()
    fetch = lambda path: get(client, path).content  # noqa: E731
    api = get(client, "/api/v2/pages/", HTTP_ACCEPT="application/json").json()

    assert addresses and all(address.startswith(PUBLIC + "/") for address in addresses)
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
    locations = [*index_locations(fetch), *sitemap_entries(fetch)]
    assert locations and all(location.startswith(PUBLIC + "/") for location in locations)
    assert all(item["meta"]["html_url"].startswith(PUBLIC + "/") for item in api["items"])
    assert all(item["meta"]["detail_url"].startswith(PUBLIC + "/") for item in api["items"])
