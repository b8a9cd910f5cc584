import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.factories import TranslatableSnippetFactory

from .models import FundingSource, ProjectFundingLine, ProjectIndexPage, ProjectPage


class FundingSourceFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Rahoituslähde {n}")
    kind = FundingSource.Kind.OTHER_PUBLIC

    class Meta:
        model = FundingSource


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Hankkeet"
    slug = "hankkeet"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Hanke {n}")
    summary = "Hanke vahvistaa Lapin kansainvälistä yhteistyötä."
    start_date = datetime.date(2019, 10, 1)
    end_date = datetime.date(2022, 9, 30)

    class Meta:
        model = ProjectPage


class ProjectFundingLineFactory(DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    source = factory.SubFactory(FundingSourceFactory)

    class Meta:
        model = ProjectFundingLine
