"""Languages, tree synchronisation and editorial groups: run after every `migrate`."""

from django.core.management.base import BaseCommand
from django.db import transaction

from localisation.roles import apply_roles
from localisation.sync import ensure_languages, synchronise_language_trees


class Command(BaseCommand):
    help = (
        "Create a locale for each content language, synchronise the translated page trees "
        "from Finnish (placeholders for untranslated pages) and create or correct the "
        "Communicators and Translators groups. Idempotent."
    )

    def handle(self, **options):
        with transaction.atomic():
            created = ensure_languages()
            groups = apply_roles()
        # Outside the transaction: wagtail-localize builds each placeholder in its own steps.
        placeholders = synchronise_language_trees()
        self.stdout.write(
            f"Languages added: {', '.join(created) or 'none'}; "
            f"placeholder pages added: {placeholders}; groups: {', '.join(groups)}."
        )
