import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the local superuser 'admin' with a random password and print it once. "
        "Development only: refuses to run unless DEBUG is on."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_local_admin is for local development (DEBUG=True) only. "
                "In production use `manage.py createsuperuser`."
            )
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"The local admin account '{USERNAME}' already exists. Forgot its password? "
                f"Run: .venv/bin/python manage.py changepassword {USERNAME}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=USERNAME, email="admin@example.invalid", password=password
        )
        self.stdout.write(
            self.style.SUCCESS(
                "\nLocal admin account created (shown only this once):\n"
                f"  address:  http://127.0.0.1:8000/admin/\n"
                f"  username: {USERNAME}\n"
                f"  password: {password}\n"
            )
        )
