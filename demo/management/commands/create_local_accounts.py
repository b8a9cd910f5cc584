import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from core.site_address import set_default_site
from localisation.roles import COMMUNICATORS, MODERATORS, TRANSLATORS, apply_roles

# (username, group or None for a superuser, what the account is for)
ACCOUNTS = [
    ("admin", None, "administrator: everything"),
    ("viestija", COMMUNICATORS, "communicator: writes Finnish content, submits it to moderation"),
    ("moderaattori", MODERATORS, "moderator: approves and publishes Finnish content"),
    ("kaantaja", TRANSLATORS, "translator: translates and publishes English"),
]


class Command(BaseCommand):
    help = (
        "Create the local accounts 'admin' (superuser), 'viestija' (Communicators), "
        "'moderaattori' (Moderators) and 'kaantaja' (Translators) with random passwords "
        "printed once, and point the default site at SITE_URL (the address "
        "`make run` serves on), so the links in notification e-mails lead there. "
        "Development only: refuses to run unless DEBUG is on."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_local_accounts is for local development (DEBUG=True) only. "
                "In production use `manage.py createsuperuser` and the Users admin."
            )
        apply_roles()
        set_default_site()
        address = settings.SITE_URL
        User = get_user_model()
        created = []
        for username, group_name, purpose in ACCOUNTS:
            if User.objects.filter(username=username).exists():
                self.stdout.write(
                    f"The local account '{username}' already exists. Forgot its password? "
                    f"Run: .venv/bin/python manage.py changepassword {username}"
                )
                continue
            password = secrets.token_urlsafe(12)
            email = f"{username}@example.invalid"
            if group_name is None:
                User.objects.create_superuser(username=username, email=email, password=password)
            else:
                user = User.objects.create_user(username=username, email=email, password=password)
                user.groups.add(Group.objects.get(name=group_name))
            created.append(f"  {username:<12} {password:<18} {purpose}")
        if created:
            self.stdout.write(
                self.style.SUCCESS(
                    "\nLocal accounts created (passwords shown only this once), "
                    f"sign in at {address}/admin/\n"
                    "  username     password           role\n" + "\n".join(created) + "\n"
                )
            )
