"""The site's URLs plus one view that fails, to see what an error leaves in the log."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("the view failed")


urlpatterns = [path("failing/", failing_view), *site_urlpatterns]
