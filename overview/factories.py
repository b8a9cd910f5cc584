import wagtail_factories

from .models import FundingOverviewPage, ProjectTimelinePage


class FundingOverviewPageFactory(wagtail_factories.PageFactory):
    title = "Rahoituskatsaus"
    slug = "rahoitus"
    summary = "Hankkeiden rahoitus lähteittäin, klustereittain ja vuosittain."

    class Meta:
        model = FundingOverviewPage


class ProjectTimelinePageFactory(wagtail_factories.PageFactory):
    title = "Hankkeiden aikajana"
    slug = "aikajana"
    summary = "Kaikki hankkeet aikajanalla alusta loppuun."

    class Meta:
        model = ProjectTimelinePage
