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
        dates_without_month_names()


def dates_without_month_names():
    """wagtail-localize tells translators when each segment was translated ("Translated
    manually on 5 December 2026") with strftime, whose month names are always English: a
    Finnish translator read "Käännetty manuaalisesti 5 December 2026". Day, month and year
    as numbers read right in both languages."""
    import wagtail_localize.models

    wagtail_localize.models.DATE_FORMAT = "%-d.%-m.%Y"
