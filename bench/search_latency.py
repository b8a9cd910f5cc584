"""Search latency on a large site: p50/p95 for a fixed mix of Finnish and English queries.

Needs an empty PostgreSQL database in DATABASE_URL (the language-aware search is
PostgreSQL's); the script migrates it and grows it with `demo.generate` (the generator
behind `manage.py generate_content`): the demo content, then clusters, projects and news
items whose text is recombined from the demo content's real Finnish and English sentences,
until the site has about --pages pages in both languages together, the English ones
translated through wagtail-localize. Stemming and ranking see realistic words.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/arctic_bench python bench/search_latency.py

It prints the figures and never fails on them. `make bench-search` runs it.
"""

import argparse
import os
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

    from demo.generate import generate_site

    quiet = open(os.devnull, "w")  # noqa: SIM115
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("setup_localisation", stdout=quiet)

    def progress(done, total):
        print(f"\r  {done} / {total} pages", end="", flush=True)

    result = generate_site(args.pages, progress=progress)
    print()
    call_command("update_index", stdout=quiet)
    print(
        f"Site: {result.pages_after} pages ({result.added} generated), built and indexed in "
        f"{time.perf_counter() - started:.0f} s"
    )
    measure()


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
