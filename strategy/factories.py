import factory
import wagtail_factories

from .models import StrategyPage, StrategyPriorityPage


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = "Lappi – arktinen ja kansainvälinen menestyjä"
    period_start = 2018
    period_end = 2022

    class Meta:
        model = StrategyPage


class StrategyPriorityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Painopiste {n}")
    summary = "Painopiste tukee Lapin kasvua."

    class Meta:
        model = StrategyPriorityPage
