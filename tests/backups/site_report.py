"""What a restore must bring back, as plain JSON: the HTML of every live page, revisions,
wagtail-localize's sources, segments and translations, and the media files' contents.

Built the same way in this process (before the backup) and in a fresh one against the
restored database (tests/backups/restored_site.py), then compared whole.
"""

import hashlib
import re

from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationSource,
)

from backups.archive import media_names

# The only part of a page that legitimately differs between two requests: the feedback
# form's CSRF token, new for every visitor.
CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+"')


def file_storages(media_dir):
    """The test settings' storages with the media on disk in `media_dir`, as on a server."""
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media_dir)},
        },
    }


def site_report():
    site = Site.objects.get(is_default_site=True)
    client = Client(HTTP_HOST=site.hostname, raise_request_exception=True)
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
        url = page.get_url()
        response = client.get(url)
        html = CSRF_TOKEN.sub(r'\1…"', response.content.decode())
        pages[url] = {
            "status": response.status_code,
            "language": page.locale.language_code,
            "html": html,
        }
    return {
        "pages": pages,
        "revisions": [
            [r.base_content_type.model, r.object_id, r.created_at.isoformat(), r.content]
            for r in Revision.objects.select_related("base_content_type").order_by("id")
        ],
        "latest_revisions": dict(
            Page.objects.filter(depth__gt=1)
            .order_by("path")
            .values_list("path", "latest_revision__content__title")
        ),
        "translation_sources": [
            [s.specific_content_type.model, s.object_id, s.locale.language_code, s.content_json]
            for s in TranslationSource.objects.select_related("locale").order_by("id")
        ],
        "segments": sorted(
            [s.source_id, s.string.data, s.context.path, s.order]
            for s in StringSegment.objects.select_related("string", "context")
        ),
        "other_segments": [
            model.objects.count()
            for model in (TemplateSegment, RelatedObjectSegment, OverridableSegment)
        ],
        "strings": sorted(String.objects.values_list("data", flat=True)),
        "translations": sorted(
            [t.source_id, t.target_locale.language_code, t.enabled]
            for t in Translation.objects.select_related("target_locale")
        ),
        "string_translations": sorted(
            [t.translation_of.data, t.locale.language_code, t.data]
            for t in StringTranslation.objects.select_related("translation_of", "locale")
        ),
        "media": {
            name: hashlib.sha256(default_storage.open(name, "rb").read()).hexdigest()
            for name in media_names(default_storage)
        },
        "unapplied_migrations": [
            f"{migration.app_label}.{migration.name}"
            for migration, _backwards in MigrationExecutor(connection).migration_plan(
                MigrationExecutor(connection).loader.graph.leaf_nodes()
            )
        ],
    }
