"""What a visitor sees of the languages: the switcher, `lang` and hreflang markup, the notice
on pages that are not translated yet, chrome in the page's own language, and a language
added by settings alone.

Finnish is the source language at `/`, English is translated through wagtail-localize and
served under `/en/`. Pages are translated here the way a translator's work reaches the site:
a translation source, a translation per segment, then wagtail-localize publishes the target.
"""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import override as override_language
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from home.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from projects.factories import FundingSourceFactory, ProjectIndexPageFactory, ProjectPageFactory
from projects.models import FundingSource, ProjectFundingLine
from strategy.factories import StrategyPageFactory, StrategyPriorityPageFactory
from tests.html import parse, texts

pytestmark = pytest.mark.django_db

UNTRANSLATED_NOTICE = "This page has not been translated yet"
SWITCHER_NOTE_EN = "(this page is not translated: goes to the home page)"
SWITCHER_NOTE_FI = "(tätä sivua ei ole käännetty: linkki vie etusivulle)"

# The same pieces of chrome in each language, as rendered. Each pair must appear in its own
# language only; the markup around the shorter ones keeps page content from matching.
CHROME = [
    ("Siirry sisältöön", "Skip to content"),
    ("Hae sivustolta", "Search the site"),
    (">Hae</button>", ">Search</button>"),
    ('aria-label="Päävalikko"', 'aria-label="Main"'),
    (">Sivukartta</a>", ">Sitemap</a>"),
    (">Yhteystiedot</h2>", ">Contact</h2>"),
    (">Tietoa sivustosta</h2>", ">About this site</h2>"),
    (">Sivun alkuun</a>", ">Back to top</a>"),
]

SWEDISH = [("fi", "Finnish"), ("en", "English"), ("sv", "Swedish")]


@pytest.fixture
def translate(english, django_capture_on_commit_callbacks):
    """Translate a Finnish page or snippet into English and publish it (or save a draft).

    `texts` maps Finnish segments to English; any other segment gets an "[en]" prefix, so
    it is visibly translated and slugs stay unique. Returns the English version.
    """

    def translate(obj, texts=None, publish=True):
        texts = texts or {}
        source, _ = TranslationSource.get_or_create_from_instance(obj)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=english, defaults={"enabled": True}
        )
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            finnish = segment.string.data
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": texts.get(finnish, f"[en] {finnish}")},
            )
        # wagtail-localize publishes the translated page in transaction.on_commit.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=publish)
        return obj.get_translation(english).specific

    return translate


@pytest.fixture
def project_pages(home, translate):
    """A Finnish project page and its English translation: (fi, en)."""
    index = ProjectIndexPageFactory(parent=home)
    project = ProjectPageFactory(parent=index, title="Kasvua yhteistyöllä", slug="kasvua")
    translate(index, {"Hankkeet": "Projects", "hankkeet": "projects"})
    english = translate(
        project,
        {"Kasvua yhteistyöllä": "Growth through Cooperation", "kasvua": "growth"},
    )
    return project, english


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def switcher_link(url, code, name):
    return f'<a href="{url}" hreflang="{code}">{name}</a>'


def alternates(html):
    """{hreflang: href} of the page's <link rel="alternate">s."""
    links = parse(html).select('link[rel~="alternate"][hreflang]')
    return {link["hreflang"]: link["href"] for link in links}


def sitemap_list(html):
    """The sitemap's list of pages (the menu above it lists pages too)."""
    found = parse(html).select_one("ul.sitemap")
    assert found, "no sitemap list"
    return found


def switcher_item(html, code):
    """The language switcher's entry for one language."""
    found = parse(html).select_one(f'.language-switcher li[lang="{code}"]')
    assert found, f"no switcher entry for {code}"
    return found


# --- The language switcher --------------------------------------------------------------


def test_switcher_links_a_translated_page_to_the_same_page_in_the_other_language(
    client, project_pages
):
    finnish, english = project_pages
    assert english.url == "/en/projects/growth/"

    html = html_of(client, finnish.url)
    assert switcher_link("/en/projects/growth/", "en", "English") in html
    assert '<li lang="en">' in html
    assert SWITCHER_NOTE_EN not in html

    html = html_of(client, english.url)
    assert switcher_link(finnish.url, "fi", "Suomi") in html
    assert '<li lang="fi">' in html
    assert SWITCHER_NOTE_FI not in html


def test_switcher_on_an_untranslated_page_goes_to_the_english_home_with_a_note(
    client, home, finnish, english
):
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    aliased = StandardPageFactory(parent=home, title="Palaute", slug="palaute")
    aliased.copy_for_translation(english, copy_parents=True, alias=True)

    for url in (page.url, aliased.url):
        item = switcher_item(html_of(client, url), "en")
        link = item.select_one("a")
        assert (link["href"], link["hreflang"], link.get_text()) == ("/en/", "en", "English"), url
        # The note is for English readers, so it is in English inside the Finnish page.
        assert SWITCHER_NOTE_EN in item.get_text(), url


@pytest.mark.parametrize(
    ("finnish_url", "english_url"),
    [("/haku/?q=arktinen", "/en/search/?q=arktinen"), ("/sivukartta/", "/en/sitemap/")],
)
def test_switcher_on_search_and_sitemap_keeps_the_view_and_the_query(
    client, home, finnish_url, english_url
):
    assert switcher_link(english_url, "en", "English") in html_of(client, finnish_url)
    assert switcher_link(finnish_url, "fi", "Suomi") in html_of(client, english_url)


# --- lang and hreflang --------------------------------------------------------------------


def test_pages_declare_their_language_and_list_live_translations_as_alternates(
    client, project_pages
):
    finnish, english = project_pages
    expected = {
        "fi": "http://testserver/hankkeet/kasvua/",
        "en": "http://testserver/en/projects/growth/",
        "x-default": "http://testserver/hankkeet/kasvua/",
    }

    html = html_of(client, finnish.url)
    assert '<html lang="fi">' in html
    assert alternates(html) == expected

    html = html_of(client, english.url)
    assert '<html lang="en">' in html
    assert alternates(html) == expected


def test_an_english_placeholder_is_not_an_alternate_of_the_finnish_page(client, home, english):
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    page.copy_for_translation(english, copy_parents=True, alias=True)

    assert alternates(html_of(client, page.url)) == {
        "fi": "http://testserver/tietoa/",
        "x-default": "http://testserver/tietoa/",
    }


def test_an_unpublished_translation_is_not_an_alternate_nor_a_switcher_target(
    client, home, translate
):
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    draft = translate(page, {"tietoa": "about"}, publish=False)
    assert not draft.live

    html = html_of(client, page.url)
    assert set(alternates(html)) == {"fi", "x-default"}
    assert switcher_link("/en/", "en", "English") in html
    assert "/en/about/" not in html


# --- An untranslated page in English ------------------------------------------------------


def test_untranslated_page_in_english_shows_the_finnish_text_marked_as_finnish(
    client, home, english
):
    page = StandardPageFactory(
        parent=home, title="Saavutettavuusseloste", slug="saavutettavuus", show_in_menus=True
    )
    placeholder = page.copy_for_translation(english, copy_parents=True, alias=True)
    assert placeholder.url == "/en/saavutettavuus/"

    html = html_of(client, placeholder.url)
    assert '<html lang="en">' in html
    assert '<main id="main" class="site-main" tabindex="-1" lang="fi">' in html
    notice = parse(html).select_one("div.container:has(> div.notice:first-child)")
    assert notice and notice.get("lang") == "en"  # the notice itself is English
    assert UNTRANSLATED_NOTICE in html
    assert "(Finnish)" in html  # names the language the visitor will read
    assert "Saavutettavuusseloste" in html
    for finnish_chrome, english_chrome in CHROME:
        assert english_chrome in html
        assert finnish_chrome not in html

    sitemap = sitemap_list(html_of(client, "/en/sitemap/"))
    addresses = [link["href"] for link in sitemap.select("a[href]")]
    assert "/en/" in addresses
    assert not any("saavutettavuus" in address for address in addresses)
    assert "saavutettavuus" not in sitemap.get_text()


def test_untranslated_items_in_english_lists_and_menus_are_marked_as_finnish(
    client, home, english, translate
):
    index = NewsIndexPageFactory(parent=home, title="Ajankohtaista", slug="ajankohtaista")
    translate(index, {"Ajankohtaista": "News", "ajankohtaista": "news"})
    NewsPageFactory(parent=index, title="Uutinen suomeksi", summary="Vain suomeksi.")
    StandardPageFactory(parent=home, title="Tietoa", slug="tietoa", show_in_menus=True)
    call_command("setup_localisation", stdout=io.StringIO())  # the English placeholders

    html = html_of(client, "/en/news/")
    assert "Uutinen suomeksi" in texts(html, 'h3.card__title[lang="fi"] > a')
    assert '<p class="card__text" lang="fi">Vain suomeksi.</p>' in html
    link = parse(html).select_one('a.main-nav__link[href="/en/tietoa/"]')
    assert link.get("lang") == "fi" and link.get_text() == "Tietoa"
    # Finnish pages are Finnish anyway: nothing to mark there.
    assert 'lang="fi">Uutinen suomeksi' not in html_of(client, "/ajankohtaista/")


def test_setup_localisation_gives_every_untranslated_page_an_english_placeholder(client, home):
    page = StandardPageFactory(parent=home, title="Palaute", slug="palaute")

    call_command("setup_localisation", stdout=io.StringIO())

    html = html_of(client, "/en/palaute/")
    assert UNTRANSLATED_NOTICE in html and "Palaute" in html
    # Still only an alias: the Finnish page does not claim an English alternate.
    assert set(alternates(html_of(client, page.url))) == {"fi", "x-default"}


# --- Chrome and numbers in the page's own language ----------------------------------------


@pytest.fixture
def page_of_each_type(home, english, translate):
    """One page of each main type in Finnish and in English: {name: (fi, en)}."""
    clusters = ClusterIndexPageFactory(parent=home, show_in_menus=True)
    cluster = ClusterPageFactory(parent=clusters)
    projects = ProjectIndexPageFactory(parent=home, show_in_menus=True)
    project = ProjectPageFactory(parent=projects)
    news = NewsIndexPageFactory(parent=home, show_in_menus=True)
    story = NewsPageFactory(parent=news)
    strategy = StrategyPageFactory(parent=home, show_in_menus=True)
    priority = StrategyPriorityPageFactory(parent=strategy)
    about = StandardPageFactory(parent=home)
    finnish = {
        "cluster index": clusters,
        "cluster": cluster,
        "project index": projects,
        "project": project,
        "news index": news,
        "news": story,
        "strategy": strategy,
        "strategy priority": priority,
        "standard page": about,
    }
    # Parents before children, as a translator would work through the tree.
    pages = {name: (page, translate(page)) for name, page in finnish.items()}
    pages["home"] = (home, home.get_translation(english))
    return pages


def test_english_pages_have_english_chrome_only(client, page_of_each_type):
    for name, (_finnish, english) in page_of_each_type.items():
        html = html_of(client, english.url)
        assert '<html lang="en">' in html, name
        for finnish_chrome, english_chrome in CHROME:
            assert english_chrome in html, (name, english_chrome)
            assert finnish_chrome not in html, (name, finnish_chrome)


def test_finnish_pages_have_finnish_chrome_only(client, page_of_each_type):
    for name, (finnish, _english) in page_of_each_type.items():
        html = html_of(client, finnish.url)
        assert '<html lang="fi">' in html, name
        for finnish_chrome, english_chrome in CHROME:
            assert finnish_chrome in html, (name, finnish_chrome)
            assert english_chrome not in html, (name, english_chrome)


def test_money_and_percentages_are_written_the_way_each_language_writes_them(
    client, home, translate
):
    index = ProjectIndexPageFactory(parent=home)
    erdf = FundingSourceFactory(name="Euroopan aluekehitysrahasto", kind=FundingSource.Kind.EU_FUND)
    project = ProjectPageFactory.build(total_budget=Decimal("154597"))
    # 136 200 € of 154 597 € is the 88.1 % EU co-financing rate.
    project.funding_lines = [ProjectFundingLine(source=erdf, amount=Decimal("136200"))]
    index.add_child(instance=project)
    translate(index)
    english = translate(project)

    html = html_of(client, project.url)
    assert "136\xa0200\xa0€" in html  # the EU contribution, in the funding table too
    assert "154\xa0597\xa0€" in html
    assert "88,1\xa0%" in html
    assert "€136" not in html and "88.1%" not in html

    html = html_of(client, english.url)
    assert "€136,200" in html
    assert "€154,597" in html
    assert "88.1%" in html
    assert "136\xa0200" not in html and "88,1" not in html


def test_not_found_page_is_in_the_visitors_language_and_offers_the_other_home(client, home):
    response = client.get("/ei-ole-olemassa/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="fi">' in html and "Sivua ei löytynyt" in html
    # The same address in English would not be found either: offer the English home.
    assert switcher_link("/en/", "en", "English") in html

    response = client.get("/en/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="en">' in html and "Page not found" in html
    assert switcher_link("/", "fi", "Suomi") in html


# --- A language added by settings alone ---------------------------------------------------


SWEDISH_TEXTS = {
    "Skip to content": "Hoppa till innehållet",
    UNTRANSLATED_NOTICE + ". It is shown in the original language (%(source_name)s).": (
        "Den här sidan har inte översatts ännu. Den visas på originalspråket (%(source_name)s)."
    ),
    SWITCHER_NOTE_EN: "(sidan är inte översatt: länken går till startsidan)",
}


def write_swedish_catalogue(directory):
    """A Swedish catalogue as a deployment would ship it: every message of the English
    catalogue (pre-filled with the English text, as `msgen` does) and a few in Swedish."""
    import polib
    from django.conf import settings

    english = polib.pofile(str(settings.LOCALE_PATHS[0] / "en" / "LC_MESSAGES" / "django.po"))
    swedish = polib.POFile()
    swedish.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "sv",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for entry in english:
        entry.msgstr = SWEDISH_TEXTS.get(entry.msgid, entry.msgid)
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        swedish.append(entry)
    target = directory / "sv" / "LC_MESSAGES"
    target.mkdir(parents=True)
    swedish.save_as_mofile(str(target / "django.mo"))


@pytest.fixture
def swedish(home, tmp_path):
    """Swedish added to the settings, with its catalogue, and set up with
    `setup_localisation`, as a deployment would. Django clears its language caches
    (supported languages, catalogues) and Wagtail its content-language cache on
    setting_changed, so `/sv/` resolves with no clearing here; the tests below would fail
    with a 404 if a stale cache kept Swedish out."""
    from django.conf import settings

    write_swedish_catalogue(tmp_path)
    with override_settings(
        LANGUAGES=SWEDISH,
        WAGTAIL_CONTENT_LANGUAGES=SWEDISH,
        WAGTAILADMIN_PERMITTED_LANGUAGES=SWEDISH,
        LOCALE_PATHS=[*settings.LOCALE_PATHS, tmp_path],
    ):
        call_command("setup_localisation", stdout=io.StringIO())
        yield Locale.objects.get(language_code="sv")


def test_a_language_added_in_settings_gets_a_site_of_placeholders(client, home, swedish):
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    call_command("setup_localisation", stdout=io.StringIO())
    with override_language("sv"):
        assert reverse("search") == "/sv/search/"  # i18n_patterns knows the new prefix

    html = html_of(client, "/sv/")
    assert '<html lang="sv">' in html
    assert '<main id="main" class="site-main" tabindex="-1" lang="fi">' in html
    assert "notice--untranslated" in html
    # The Swedish home is a placeholder, so it offers the real Finnish and English pages.
    assert switcher_link("/", "fi", "Suomi") in html
    assert switcher_link("/en/", "en", "English") in html
    assert set(alternates(html)) == {"fi", "en", "x-default"}

    assert '<html lang="sv">' in html_of(client, "/sv/tietoa/")

    html = html_of(client, page.url)
    assert switcher_link("/sv/", "sv", "Svenska") in html
    assert set(alternates(html)) == {"fi", "x-default"}


def test_a_new_language_gets_its_own_chrome_and_never_finnish(client, home, swedish):
    """The chrome of a Swedish page comes from the Swedish catalogue (English where it is
    not yet translated), never Finnish text marked up as Swedish."""
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    call_command("setup_localisation", stdout=io.StringIO())

    html = html_of(client, "/sv/")
    assert '<html lang="sv">' in html
    for finnish_chrome, _english_chrome in CHROME:
        assert finnish_chrome not in html, finnish_chrome
    assert "Tätä sivua ei ole vielä käännetty" not in html
    assert "Hoppa till innehållet" in html
    assert "Den här sidan har inte översatts ännu" in html

    # The switcher's note for Swedish readers on a Finnish page, marked lang="sv".
    note = switcher_item(html_of(client, page.url), "sv")
    assert SWITCHER_NOTE_FI not in note.get_text()
    assert "(sidan är inte översatt: länken går till startsidan)" in note.get_text()


def test_a_language_without_its_catalogue_fails_the_system_checks(tmp_path):
    from django.conf import settings
    from django.core.checks import run_checks

    with override_settings(LANGUAGES=SWEDISH):
        assert [error.id for error in run_checks()] == ["localisation.E001"]
    write_swedish_catalogue(tmp_path)
    with override_settings(LANGUAGES=SWEDISH, LOCALE_PATHS=[*settings.LOCALE_PATHS, tmp_path]):
        assert run_checks() == []
