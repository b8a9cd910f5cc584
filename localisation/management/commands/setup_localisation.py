"""Languages, tree synchronisation, editorial groups and the moderation workflow: run after
every `migrate`."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from core.site_address import set_default_site
from localisation.roles import apply_roles
from localisation.sync import ensure_languages, synchronise_language_trees


class Command(BaseCommand):
    help = (
        "Create a locale for each content language, synchronise the translated page trees "
        "from Finnish (placeholders for untranslated pages), create or correct the "
        "Communicators, Moderators, Translators and Administrators groups and the moderation "
        "workflow on the Finnish pages, and remove Wagtail's default Editors group. Idempotent."
    )

    def handle(self, **options):
        pages_before = Page.objects.count()
        with transaction.atomic():
            # A new language's synchronisation record already makes wagtail-localize fill
            # its tree; synchronise_language_trees() then adds whatever is still missing.
            created = ensure_languages()
        synchronise_language_trees()
        # After the trees: the groups' rights and the workflow are granted on each
        # language's home page, which a new language has only now.
        with transaction.atomic():
            groups = apply_roles()
        # Every absolute link of the site is built from the Site record.
        site = set_default_site()
        placeholders = Page.objects.count() - pages_before
        self.stdout.write(
            f"Languages added: {', '.join(created) or 'none'}; "
            f"placeholder pages added: {placeholders}; groups: {', '.join(groups)}; "
            + (
                f"site: {site.root_url}."
                if site
                else "site record left as it is: set SITE_URL to the public address."
            )
        )
