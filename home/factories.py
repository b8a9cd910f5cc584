"""Factories for the home and standard pages; used by tests and the demo content."""

import factory
import wagtail_factories

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Arctic Smartness"
    hero_text = "Lapin älykäs erikoistuminen"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sivu {n}")
    summary = "Lyhyt kuvaus sivusta."

    class Meta:
        model = StandardPage
