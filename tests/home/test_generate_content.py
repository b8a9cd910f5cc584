"""`manage.py generate_content`: a large bilingual site for benchmarks, built on the demo
content and translated through wagtail-localize like an editor's site."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from demo.generate import GENERATED_SLUG, site_page_count
from news.models import NewsPage
from projects.funding import funding_problems
from projects.models import ProjectPage
from tests.demo_content import demo_content_loaded

# Added to the demo content's pages (about 55): 13 Finnish pages and their English.
ADDED = 26


@pytest.fixture(scope="module")
def generated_site(django_db_setup, django_db_blocker):
    # Real commits (wagtail-localize publishes translations on commit), undone afterwards.
    with django_db_blocker.unblock(), demo_content_loaded():
        pages = site_page_count() + ADDED
        call_command(
            "generate_content",
            pages=pages,
            no_index=True,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        yield pages


def generated(model=Page, language="fi"):
    return model.objects.filter(
        locale__language_code=language, slug__regex=GENERATED_SLUG
    ).order_by("path")


@pytest.mark.django_db
def test_site_has_about_the_pages_asked_for_half_in_each_language(generated_site):
    live = Page.objects.live().filter(depth__gt=1)
    assert generated_site <= live.count() <= generated_site + 1
    finnish = live.filter(locale__language_code="fi").count()
    english = live.filter(locale__language_code="en").count()
    assert finnish == english
    assert generated().count() >= 10


@pytest.mark.django_db
def test_english_pages_are_wagtail_localize_translations_in_english(generated_site):
    en = Locale.objects.get(language_code="en")
    for page in generated():
        english = page.get_translation(en)
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=english.locale
        ).exists(), page.url_path
        assert english.title != page.title, page.url_path
        assert english.slug != page.slug, page.url_path


@pytest.mark.django_db
def test_projects_have_consistent_funding_lines_partners_and_contacts(generated_site):
    projects = generated(ProjectPage, "fi")
    assert projects.count() >= 3
    sources = set()
    for language in ("fi", "en"):
        for project in generated(ProjectPage, language):
            lines = list(project.funding_lines.select_related("source"))
            assert lines and project.contacts.exists() and project.partners.exists()
            assert (
                funding_problems(project.total_budget, [(li.amount, li.share) for li in lines])
                == []
            )
            sources |= {line.source.kind for line in lines}
    assert "eu_fund" in sources and "municipal" in sources


@pytest.mark.django_db
def test_some_news_are_events_linked_to_projects_or_clusters(generated_site):
    news = generated(NewsPage)
    assert news.filter(event_start__isnull=False).exists()
    assert news.filter(event_start__isnull=True).exists()
    assert any(item.related_projects.exists() or item.related_clusters.exists() for item in news)


@pytest.mark.django_db
def test_every_generated_page_renders(generated_site, client):
    pages = Page.objects.live().filter(slug__regex=GENERATED_SLUG).specific()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


@pytest.mark.django_db
def test_running_it_again_adds_nothing_and_says_so(generated_site):
    before = (site_page_count(), Translation.objects.count())
    out = io.StringIO()
    call_command("generate_content", pages=generated_site, stdout=out)
    assert "nothing to add" in out.getvalue()
    assert (site_page_count(), Translation.objects.count()) == before


@pytest.mark.parametrize("pages", [0, -5, 20_001])
def test_page_count_out_of_range_is_refused(pages):
    with pytest.raises(CommandError, match="between 1 and 20000"):
        call_command("generate_content", pages=pages)
