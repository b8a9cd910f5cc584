"""Search latency on a large site: p50/p95 for a fixed mix of Finnish and English queries.

Needs an empty PostgreSQL database in DATABASE_URL (the language-aware search is
PostgreSQL's); the script migrates it, loads the demo content and adds synthetic news items
and projects until the site has about --pages pages in both languages together. Their text
is recombined from the demo content's real Finnish and English sentences, so stemming and
ranking see realistic words. The English pages are created as translations of the Finnish
ones (same translation key) directly, without wagtail-localize's records: this benchmark
measures search, not translation.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/arctic_bench python bench/search_latency.py

It prints the figures and never fails on them. `make bench-search` runs it.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

FINNISH_QUERIES = [
    "hankkeiden",
    "kiertotaloudessa",
    "klustereita",
    "matkailussa",
    "Lapin liitto",
    "yhteistyötä yritysten kanssa",
    "kansainvälistyminen",
    "ASP",
    "Brysselissä",
    "älykäs erikoistuminen",
]
ENGLISH_QUERIES = [
    "projects",
    "circular economy",
    "clusters",
    "tourism",
    "cooperation with companies",
    "internationalisation",
]
ROUNDS = 20


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages in both languages")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to an empty PostgreSQL database.")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"  # no query logging, no debug toolbar-like overhead

    import django

    django.setup()

    from django.core.management import call_command
    from wagtail.models import Page

    quiet = open(os.devnull, "w")  # noqa: SIM115
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("setup_localisation", stdout=quiet)
    call_command("load_demo_content", stdout=quiet)
    existing = Page.objects.filter(depth__gt=1).count()
    added = build_site(max(0, args.pages - existing))
    call_command("update_index", stdout=quiet)
    total = Page.objects.filter(depth__gt=1).count()
    print(
        f"Site: {total} pages ({added} synthetic), built and indexed in "
        f"{time.perf_counter() - started:.0f} s"
    )
    measure()


def build_site(count):
    """Add `count` pages, half Finnish news items and projects, half their English versions.
    Indexing waits for one `update_index` at the end."""
    from django.db import transaction
    from django.test import override_settings
    from wagtail.models import Locale
    from wagtail.rich_text import RichText

    from home.demo import content as c
    from news.models import NewsIndexPage, NewsPage
    from projects.models import ProjectIndexPage, ProjectPage

    random.seed(2018)
    finnish, english = (
        Locale.objects.get(language_code="fi"),
        Locale.objects.get(language_code="en"),
    )
    sentences = demo_sentences(c)
    parents = {
        NewsPage: NewsIndexPage.objects.get(locale=finnish),
        ProjectPage: ProjectIndexPage.objects.get(locale=finnish),
    }
    english_parents = {model: parent.get_translation(english) for model, parent in parents.items()}
    pairs = count // 2
    search_off = {"default": {"BACKEND": "search.backends", "AUTO_UPDATE": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=search_off):
        for number in range(pairs):
            model = NewsPage if number % 3 else ProjectPage
            picked = random.sample(sentences, 6)
            with transaction.atomic():
                source = parents[model].add_child(
                    instance=page(model, number, [fi for fi, _en in picked], RichText)
                )
                translation = page(model, number, [en for _fi, en in picked], RichText)
                translation.locale = english
                translation.translation_key = source.translation_key
                english_parents[model].add_child(instance=translation)
            if number % 500 == 0:
                print(f"  {2 * number} / {2 * pairs} pages", flush=True)
    return 2 * pairs


def page(model, number, texts, RichText):  # noqa: N803
    import datetime

    title = texts[0].split(".")[0][:120] or f"Sivu {number}"
    fields = {
        "title": f"{title} {number}",
        "slug": f"p-{number}",
        "summary": texts[1][:500],
        "body": [("paragraph", RichText(f"<p>{text}</p>")) for text in texts[2:]],
    }
    day = datetime.date(2014, 1, 1) + datetime.timedelta(days=number % 3600)
    if model.__name__ == "NewsPage":
        fields["date"] = day
    else:
        fields["start_date"] = day
        fields["end_date"] = day + datetime.timedelta(days=700)
    return model(**fields)


def demo_sentences(c):
    """(Finnish, English) sentence pairs from every text of the demo content."""
    pairs = []

    def collect(value):
        if isinstance(value, c.T):
            if value.fi and value.en:
                fi = [s.strip() for s in strip(value.fi).split(". ") if s.strip()]
                en = [s.strip() for s in strip(value.en).split(". ") if s.strip()]
                pairs.extend(zip(fi, en, strict=False))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)

    for name in dir(c):
        if name.isupper():
            collect(getattr(c, name))
    return pairs


def strip(html):
    from django.utils.html import strip_tags

    return strip_tags(html)


def measure():
    from django.test import Client
    from django.utils import translation
    from wagtail.models import Locale, Page

    client = Client()
    view = {"fi": [], "en": []}
    backend = {"fi": [], "en": []}
    errors = []
    for language, queries, url in (
        ("fi", FINNISH_QUERIES, "/haku/"),
        ("en", ENGLISH_QUERIES, "/en/search/"),
    ):
        locale = Locale.objects.get(language_code=language)
        for query in queries:
            client.get(url, {"q": query})  # warm up
        for _round in range(ROUNDS):
            for query in queries:
                started = time.perf_counter()
                response = client.get(url, {"q": query})
                view[language].append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {url}?q={query}")
                with translation.override(language):
                    started = time.perf_counter()
                    list(Page.objects.live().filter(locale=locale).search(query)[:10])
                    backend[language].append(time.perf_counter() - started)

    print(
        f"Search latency, {ROUNDS} rounds of {len(FINNISH_QUERIES)} Finnish and "
        f"{len(ENGLISH_QUERIES)} English queries (ms):"
    )
    print(f"  {'':<48} {'p50':>6} {'p95':>6} {'max':>6}")
    for label, timings in (
        ("search page, Finnish (ranking + facets + HTML)", view["fi"]),
        ("search page, English", view["en"]),
        ("backend query only, Finnish (top 10)", backend["fi"]),
        ("backend query only, English (top 10)", backend["en"]),
    ):
        ms = sorted(t * 1000 for t in timings)
        p95 = ms[int(len(ms) * 0.95) - 1]
        print(f"  {label:<48} {statistics.median(ms):6.1f} {p95:6.1f} {ms[-1]:6.1f}")
    print(f"Errors: {len(errors)}", *errors[:10], sep="\n  ")


if __name__ == "__main__":
    main()
