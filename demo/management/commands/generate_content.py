from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from demo.generate import MAX_PAGES, generate_site


class Command(BaseCommand):
    help = (
        "Grow the site to about --pages pages (Finnish and English together) for benchmarks: "
        "clusters, projects with funding lines, partners and contacts, news and events, their "
        "text recombined from the demo content, the English pages translated through "
        "wagtail-localize. Loads the demo content first if it is missing. Running it again "
        "adds only what is missing to reach --pages (nothing if the site is that big already); "
        "it never removes pages. Rebuilds the search index at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pages",
            type=int,
            required=True,
            help=f"Pages wanted in both languages together, 1–{MAX_PAGES}.",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Leave the search index out of date (run update_index later).",
        )

    def handle(self, *args, pages, no_index, **options):
        if not 0 < pages <= MAX_PAGES:
            raise CommandError(f"--pages must be between 1 and {MAX_PAGES}, not {pages}.")
        progress = self.progress if options["verbosity"] > 0 else None
        result = generate_site(pages, log=self.stdout.write, progress=progress)
        if result.added and not no_index:
            self.stdout.write("Updating the search index…")
            call_command("update_index", verbosity=0)
        if result.missing_translations:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(result.missing_translations)} segments had no English text and "
                    "were copied in Finnish."
                )
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {result.pages_after} pages ({result.added} added) "
                f"in {result.seconds:.0f} s."
            )
        )

    def progress(self, done, total):
        # One line rewritten in place; the final newline once everything is there.
        self.stderr.write(f"\r  {done} / {total} pages", ending="\n" if done >= total else "")
        self.stderr.flush()
