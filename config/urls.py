from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import account as admin_account
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from core.admin_views import CreatePageWithoutAutosave
from home import views as home_views
from home.api import api_router
from home.sitemaps import SITEMAPS
from localisation.moderation import ConfirmedWorkflowAction
from news.calendar import events_calendar
from news.feeds import NewsFeed
from search import suggestions as search_suggestions
from search import views as search_views
from security.guessing import refuse_sign_in_spraying, throttled_page_password
from security.health import healthz
from security.password_reset import ThrottledPasswordResetView

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Ahead of Wagtail's own views at the same addresses, which they change (a confirmation
    # of approval; no autosave before a new page exists); with the checks Wagtail puts on
    # every admin view (signed in with admin access, the user's admin language, never
    # cached).
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        never_cache(require_admin_access(ConfirmedWorkflowAction.as_view())),
    ),
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        never_cache(require_admin_access(CreatePageWithoutAutosave.as_view())),
    ),
    # Wagtail's reset form, throttled; open to signed-out users, as Wagtail's is.
    path("admin/password_reset/", never_cache(ThrottledPasswordResetView.as_view())),
    # Wagtail's sign-in, refused to an address that failed too often (security/guessing.py).
    path("admin/login/", refuse_sign_in_spraying(admin_account.LoginView.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    path("sitemap.xml", home_views.sitemap_index, name="sitemap_xml"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("api/v2/", api_router.urls),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Finnish, the default language, lives at the root; English under /en/. The addresses of
# the search and sitemap are translated too (/haku/ and /en/search/).
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "search/"), search_views.search, name="search"),
    path(
        pgettext_lazy("URL path", "search/suggestions/"),
        search_suggestions.suggestions,
        name="search_suggestions",
    ),
    path(pgettext_lazy("URL path", "sitemap/"), home_views.sitemap, name="sitemap"),
    path(pgettext_lazy("URL path", "feeds/news/"), NewsFeed(), name="news_feed"),
    path(pgettext_lazy("URL path", "feeds/events.ics"), events_calendar, name="events_calendar"),
    # Wagtail's visitor sign-in and page passwords, limited per address (security/guessing.py);
    # the same names as Wagtail's, so its reverse() finds these.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        refuse_sign_in_spraying(
            auth_views.LoginView.as_view(template_name=wagtail_urls.WAGTAIL_FRONTEND_LOGIN_TEMPLATE)
        ),
        name="wagtailcore_login",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
