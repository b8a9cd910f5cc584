from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalisationConfig(AppConfig):
    name = "localisation"
    verbose_name = _("Languages and translation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, sync  # noqa: F401 (registers the check, connects the receivers)
        from .workflow import show_names_translated

        show_names_translated()
