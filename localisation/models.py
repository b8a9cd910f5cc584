"""The one permission the translation workflow adds to Django's and Wagtail's own."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceLanguageContent(models.Model):
    """Carries the permission to edit snippets in the source language (Finnish).

    Page permissions are given per language tree, but a snippet permission covers every
    language at once: this permission is what separates communicators, who write the
    Finnish organisations, people and funding sources, from translators, who may only
    touch their translations. The model has no table.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("edit_source_language", _("Can edit snippets in the source language"))]
        verbose_name = _("source-language content")
