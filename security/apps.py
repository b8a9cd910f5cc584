from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Security")

    def ready(self):
        from . import (
            guessing,  # noqa: F401 (counts failed sign-ins)
            media_permissions,
            password_reset,  # noqa: F401 (registers its system checks)
        )

        media_permissions.apply()
