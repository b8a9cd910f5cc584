import pytest

from home.factories import StandardPageFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_every_page_has_skip_link_navigation_and_footer(client, home):
    about = StandardPageFactory(parent=home, title="Tietoa", show_in_menus=True)
    html = client.get(about.url).content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert 'id="main"' in html
    assert 'aria-current="page"' in html  # the menu marks where the visitor is
    assert 'class="breadcrumbs' in html
    assert 'href="/sivukartta/"' in html
    assert '<html lang="fi">' in html


def test_missing_page_gets_a_friendly_404(client, home):
    response = client.get("/ei-ole-olemassa/")
    assert response.status_code == 404
    assert 'href="/sivukartta/"' in response.content.decode()


def test_server_error_page_stands_alone(rf):
    from home import views

    request = rf.get("/")
    response = views.server_error(request)
    assert response.status_code == 500
    assert "<main" in response.content.decode()


def test_server_error_page_speaks_the_visitors_language(rf):
    from django.utils.translation import override

    from home import views

    with override("en"):
        html = views.server_error(rf.get("/en/projects/")).content.decode()
    assert '<html lang="en">' in html
    assert '<a href="/en/">Go to the front page</a>' in html
    with override("fi"):
        html = views.server_error(rf.get("/hankkeet/")).content.decode()
    assert '<html lang="fi">' in html and '<a href="/">' in html


def test_sitemap_lists_the_pages_of_the_visitors_language(client, home):
    StandardPageFactory(parent=home, title="Saavutettavuusseloste")
    html = client.get("/sivukartta/").content.decode()
    assert "Saavutettavuusseloste" in html


def test_snippets_are_listed_with_search_and_filters(
    admin_client, django_capture_on_commit_callbacks
):
    from core.factories import OrganisationFactory

    # The search index is updated in on-commit tasks; run them as a real commit would.
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Geologian tutkimuskeskus", short_name="GTK")
        OrganisationFactory(name="Lapin liitto")
    response = admin_client.get("/admin/snippets/core/organisation/", {"q": "Geologian"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geologian tutkimuskeskus" in html and "Lapin liitto" not in html
    for url in ("/admin/snippets/core/person/", "/admin/snippets/projects/fundingsource/"):
        assert admin_client.get(url).status_code == 200


def test_footer_links_the_privacy_notice_in_the_visitors_language(client, home, english):
    from core.models import SiteFooterSettings

    page = StandardPageFactory(parent=home, title="Tietosuojaseloste", slug="tietosuojaseloste")
    translation = page.copy_for_translation(english, copy_parents=True)
    translation.slug = "privacy-notice"
    translation.save_revision().publish()
    footer = SiteFooterSettings.for_site(home.get_site())
    footer.privacy_page = page
    footer.save()

    assert '<a href="/tietosuojaseloste/">Tietosuojaseloste</a>' in client.get("/").content.decode()
    html = client.get("/en/").content.decode()
    assert '<a href="/en/privacy-notice/">Privacy notice</a>' in html


def test_pages_load_only_their_own_assets_and_no_script_blocks_rendering(client, home, settings):
    page = parse(client.get(home.url))

    stylesheets = [link["href"] for link in page.select('link[rel~="stylesheet"][href]')]
    scripts = page.select("script")
    assert stylesheets and all(href.startswith(settings.STATIC_URL) for href in stylesheets)
    elsewhere = ("http://", "https://", "//")
    external = [tag for tag in scripts if tag.get("src", "").startswith(elsewhere)]
    assert not external
    blocking = [tag for tag in scripts if tag.has_attr("src") and not tag.has_attr("defer")]
    assert not blocking
