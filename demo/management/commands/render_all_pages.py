from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page, Site


class Command(BaseCommand):
    help = (
        "Request every live page (every language), the sitemap and a search through Django's "
        "test client and fail if any does not answer 200. A quick check that a database is "
        "fit to serve."
    )

    def handle(self, *args, **options):
        site = Site.objects.get(is_default_site=True)
        client = Client(HTTP_HOST=site.hostname, raise_request_exception=False)
        failures = []
        pages = Page.objects.live().filter(depth__gt=1).order_by("path")
        for page in pages:
            url = page.get_url()
            status = client.get(url).status_code
            if status != 200:
                failures.append(f"{status} {url}")
        extras = []
        for code, _name in settings.LANGUAGES:
            with override(code):
                extras += [reverse("sitemap"), reverse("search") + "?q=hanke"]
        for extra in extras:
            status = client.get(extra).status_code
            if status != 200:
                failures.append(f"{status} {extra}")
        if failures:
            raise CommandError("Pages that did not render:\n" + "\n".join(failures))
        self.stdout.write(self.style.SUCCESS(f"All {pages.count()} pages rendered."))
