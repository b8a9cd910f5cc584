"""How much there is to translate, and how long a source edit takes to reach English.

Loads the demo content into a throwaway database (SQLite in a temporary directory, or
DATABASE_URL if set — give it an empty database), then prints:

- the translatable string segments per page type, and
- for the page with the most segments, the time of each step of the cycle a communicator
  and a translator go through: publish the Finnish edit (which refreshes the translation
  source), translate the changed segment, publish the English page. Median of 5 rounds.

Run by hand: `make bench-translation`. It reports; it never fails on a figure.
"""

import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROUNDS = 5


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    workdir = tempfile.mkdtemp(prefix="translation-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Locale, Page
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0)
    call_command("setup_localisation", stdout=quiet)
    call_command("load_demo_content", stdout=quiet)
    english = Locale.objects.get(language_code="en")

    segments = defaultdict(list)
    page_sources = []
    for source in TranslationSource.objects.select_related("specific_content_type"):
        model = source.specific_content_type.model_class()
        if issubclass(model, Page):
            page_sources.append(source)
            segments[model.__name__].append(source.stringsegment_set.count())

    print(f"Database: {connection.vendor}")
    print("Translatable string segments per page type (demo content):")
    print(f"  {'page type':<22} {'pages':>5} {'total':>6} {'min':>4} {'mean':>6} {'max':>4}")
    for name, counts in sorted(segments.items()):
        print(
            f"  {name:<22} {len(counts):>5} {sum(counts):>6} {min(counts):>4} "
            f"{statistics.mean(counts):>6.1f} {max(counts):>4}"
        )

    largest = max(page_sources, key=lambda source: source.stringsegment_set.count())
    translation = Translation.objects.get(source=largest, target_locale=english)
    steps = defaultdict(list)
    for number in range(ROUNDS):
        page = largest.get_source_instance()
        page.title = f"{largest.object_repr.split(' (')[0]} ({number})"

        started = time.perf_counter()
        with transaction.atomic():  # the sync runs when the publication commits
            page.save_revision().publish()
        published = time.perf_counter()

        for segment in largest.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": f"Title in English ({number})"},
            )
        translated = time.perf_counter()

        with transaction.atomic():
            translation.save_target(publish=True)
        finished = time.perf_counter()

        steps["publish Finnish + refresh source"].append(published - started)
        steps["translate the changed segment"].append(translated - published)
        steps["publish English"].append(finished - translated)
        steps["whole cycle"].append(finished - started)

    print(
        f"Source edit → translation update, largest page ({largest.object_repr}, "
        f"{largest.stringsegment_set.count()} segments), median of {ROUNDS} rounds:"
    )
    for step, seconds in steps.items():
        print(f"  {step:<34} {statistics.median(seconds) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
