from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Load the demo content (clusters, projects, news, strategy, standard pages and "
        "snippets) in Finnish and, through wagtail-localize, in English. Safe to run again: "
        "only what is missing is created."
    )

    def handle(self, *args, **options):
        self.stdout.write("Loading demo content…")
        loader = DemoLoader(log=self.stdout.write)
        created = loader.run()
        if loader.missing_translations:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(loader.missing_translations)} segments had no English text and "
                    "were copied in Finnish:"
                )
            )
            for text in loader.missing_translations:
                self.stderr.write(f"  {text[:80]}")
        if created:
            self.stdout.write(self.style.SUCCESS(f"Done: {created} objects created."))
        else:
            self.stdout.write(self.style.SUCCESS("Done: the demo content was already there."))
