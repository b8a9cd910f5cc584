"""The site's URLconf plus views that fail on purpose, for the error page tests only."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.urls import path

from config import urls as site_urls

SECRET_DETAIL = "password=hunter2 in /srv/app/secret.py"


def fails(request, code):
    if code == "400":
        raise SuspiciousOperation(SECRET_DETAIL)
    if code == "403":
        raise PermissionDenied(SECRET_DETAIL)
    if code == "503-database-starting":
        # What psycopg raises while PostgreSQL restarts: SQLSTATE 57P03.
        starting = Exception("the database system is starting up")
        starting.sqlstate = "57P03"
        raise OperationalError("the database system is starting up") from starting
    if code == "503-database-down":
        raise OperationalError(f"connection refused: {SECRET_DETAIL}")
    if code == "500-database":
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM table_that_does_not_exist")
    raise RuntimeError(SECRET_DETAIL)


def form(request):
    """A form target under the site's CSRF protection."""
    return HttpResponse("lomake-tallennettu")


urlpatterns = [
    *i18n_patterns(
        path("testivirhe/<str:code>/", fails),
        path("testilomake/", form),
        prefix_default_language=False,
    ),
    *site_urls.urlpatterns,
]
handler404 = site_urls.handler404
handler500 = site_urls.handler500
