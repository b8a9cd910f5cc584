"""Factories for the shared snippets; used by tests and the demo content."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from .models import Organisation, Person


def default_locale():
    return Locale.get_default()


class TranslatableSnippetFactory(DjangoModelFactory):
    """Snippets are written in the default (source) language unless a test says otherwise."""

    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True


class OrganisationFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Organisaatio {n}")
    short_name = ""
    kind = Organisation.Kind.OTHER

    class Meta:
        model = Organisation


class PersonFactory(TranslatableSnippetFactory):
    name = factory.Faker("name", locale="fi_FI")
    role = "Projektipäällikkö"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"henkilo{n}@example.fi")
    phone = "040 123 4567"

    class Meta:
        model = Person
