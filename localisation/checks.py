"""A language without its catalogue would get Finnish chrome marked up as that language:
Django falls back to the default language's catalogue (Finnish here) for every message a
catalogue lacks, except for English, whose message ids are the English text."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


def catalogue_path(locale_path, language_code):
    return Path(locale_path) / language_code / "LC_MESSAGES" / "django.mo"


@register()
def every_language_has_a_catalogue(app_configs, **kwargs):
    errors = []
    for code, _name in settings.LANGUAGES:
        if code.startswith("en") or code == settings.LANGUAGE_CODE:
            continue
        if not any(catalogue_path(path, code).exists() for path in settings.LOCALE_PATHS):
            errors.append(
                Error(
                    f"The language {code!r} is in LANGUAGES but has no compiled catalogue in "
                    "LOCALE_PATHS, so its pages would show Finnish site texts.",
                    hint=f"Run `make messages` with `--locale {code}`, translate "
                    f"locale/{code}/LC_MESSAGES/django.po (msgen pre-fills it with English) "
                    "and compile it.",
                    id="localisation.E001",
                )
            )
    return errors
