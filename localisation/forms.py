"""The page editor's form for pages that refer to other translatable content."""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, Page, TranslatableMixin


class SourceLanguageChoicesForm(WagtailAdminPageForm):
    """Lists only Finnish items in the choices of related clusters, priorities, topics
    and projects.

    The relations are synchronised to the English page as they are (wagtail-localize's
    SynchronizedField), and the public templates show each item in the page's language,
    so they always point at the source language's items. Offering the English copies
    too showed every item twice. Items already chosen stay listed, whatever their
    language, so that saving never drops a relation silently."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        source_locale = Locale.get_default()
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelMultipleChoiceField):
                continue
            model = field.queryset.model
            if not issubclass(model, TranslatableMixin):
                continue
            chosen = self.initial.get(name) or []
            chosen_ids = [getattr(item, "pk", item) for item in chosen]
            queryset = field.queryset.filter(Q(locale=source_locale) | Q(pk__in=chosen_ids))
            if issubclass(model, Page):
                queryset = queryset.order_by("title")
            field.queryset = queryset
