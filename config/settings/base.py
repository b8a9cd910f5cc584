"""Settings shared by every environment; production-safe on their own (no DEBUG, no secret).

Everything that differs between machines comes from the environment, twelve-factor style.
See `.env.example` for the variables.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so their templates override Wagtail's where they share a name.
    "core",
    "home",
    "clusters",
    "projects",
    "news",
    "strategy",
    "overview",
    "search",
    "localisation",
    "feedback",
    "pagecache",
    "security",
    "backups",
    "guide",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
]
# The demo content, the large-site generator and the local accounts (demo/): on in development
# and tests; a production server does not have these commands unless DEMO_TOOLS is set, as the
# benchmarks do for the throwaway sites they build.
DEMO_TOOLS = env_bool("DEMO_TOOLS", False)
if DEMO_TOOLS:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    # Outermost: the request id covers every log line of the request, and the access line's
    # duration includes the page cache (requestlog/).
    "requestlog.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so cached pages get the Content-Security-Policy too.
    "security.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a cached page for an anonymous visitor costs no session or locale work.
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A form post no browser form could send is a 400, not a 500 (security/middleware.py).
    "security.middleware.MalformedFormDataMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# Brute-force protection for the admin login (django-axes): after AXES_FAILURE_LIMIT failed
# attempts for one username from one address, that pair is locked out for AXES_COOLOFF_HOURS
# (every attempt logged, and kept in the database under Django admin → Axes). An
# administrator unlocks early with `manage.py axes_reset_username NAME` (README, "Security").
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
# Username and address together: failing with a colleague's name from elsewhere does not
# lock the colleague out, and guessing at one account from one address meets the limit.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# How many proxies (load balancer, CDN) append to X-Forwarded-For in front of the app; 0 reads
# the connection's own address (security/login_lockout.py).
LOGIN_PROXY_COUNT = int(os.environ.get("LOGIN_PROXY_COUNT", "0"))
# Where the visitors' sign-in (Wagtail's, for pages restricted to signed-in users) goes when
# it was not sent from a page: the home page, not Django's default /accounts/profile/ (404).
LOGIN_REDIRECT_URL = "/"
AXES_CLIENT_IP_CALLABLE = "security.login_lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "security.login_lockout.lockout_response"

# Security headers. Django's SecurityMiddleware sends X-Content-Type-Options, Referrer-Policy
# and Cross-Origin-Opener-Policy (HSTS in production.py); security/middleware.py adds the
# Content-Security-Policy and Permissions-Policy. strict-origin-when-cross-origin: other sites
# (and YouTube, whose embeds refuse to play without a referrer) learn the origin, never the path.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = os.environ.get("SECURE_REFERRER_POLICY", "strict-origin-when-cross-origin")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DENY everywhere; Wagtail's preview views answer SAMEORIGIN themselves for the editor's iframe.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Wagtail's admin and wagtail-localize take the CSRF token from the page (wagtailConfig, the
# form field), never from the cookie, and no script of ours reads it: scripts need no access.
CSRF_COOKIE_HTTPONLY = env_bool("CSRF_COOKIE_HTTPONLY", True)

# Content-Security-Policy. Public pages: only our own deferred scripts and stylesheets (the
# JSON-LD <script type="application/ld+json"> is data, which CSP does not govern) and no
# inline style attributes, so neither script-src nor style-src needs 'unsafe-inline'. Embedded
# media (EmbedBlock) may frame only the hosts in CSP_FRAME_SRC; CSP_MEDIA_HOSTS adds image
# and media hosts, e.g. object storage or a CDN for uploaded files.
CSP_FRAME_SRC = env_list(
    "CSP_FRAME_SRC",
    "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com",
)
CSP_MEDIA_HOSTS = env_list("CSP_MEDIA_HOSTS")
SECURITY_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *CSP_MEDIA_HOSTS],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", *CSP_MEDIA_HOSTS],
    "frame-src": CSP_FRAME_SRC or ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The Wagtail admin (including its previews, which it frames from the same origin) still has
# inline scripts and styles, so it gets them there and only there; the dashboard asks
# releases.wagtail.org for the latest version; image uploads preview as blob: URLs.
SECURITY_CSP_ADMIN_PATHS = ["/admin/"]
SECURITY_CSP_ADMIN = {
    **SECURITY_CSP,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *CSP_MEDIA_HOSTS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", "https://releases.wagtail.org"],
    "media-src": ["'self'", "blob:", *CSP_MEDIA_HOSTS],
    "frame-src": ["'self'", *CSP_FRAME_SRC],
    "frame-ancestors": ["'self'"],
}
# Report-only first when trying a policy change on a live site; violations go to the URI.
SECURITY_CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
SECURITY_CSP_REPORT_URI = os.environ.get("CSP_REPORT_URI", "")
# Browser features the site never uses; embeds keep fullscreen, autoplay and the like.
SECURITY_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "magnetometer",
        "browsing-topics",
    )
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: one URL. SQLite file by default so `make run` needs nothing installed;
# PostgreSQL in CI and production (postgres://user:pass@host:5432/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Outages: a persistent connection is health-checked before each request reuses it, so after a
# database restart the next request reconnects by itself (bench/fault.py measures it). A
# server that does not answer at all fails the connect after DB_CONNECT_TIMEOUT seconds
# instead of holding a web worker until gunicorn kills it; DB_STATEMENT_TIMEOUT_MS (off by
# default, as migrations may run long) ends a runaway query, e.g. 25000 for web processes,
# below GUNICORN_TIMEOUT.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options.setdefault("connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5")))
    _statement_timeout = int(os.environ.get("DB_STATEMENT_TIMEOUT_MS", "0"))
    if _statement_timeout:
        _db_options["options"] = (
            f"{_db_options.get('options', '')} -c statement_timeout={_statement_timeout}"
        ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Finnish is the default and the source language of all content;
# English is produced from it through wagtail-localize.
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", _("Finnish")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's own catalogue first (written by `make messages`), then the admin catalogue:
# Wagtail's and wagtail-localize's messages that their Finnish catalogues lack or get wrong,
# kept by hand because makemessages drops every message our code does not use (README,
# "The admin in Finnish"; `manage.py check_messages` keeps it complete). Both win over the
# apps' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "localisation" / "admin_catalogue"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media (images, documents) in S3-compatible object storage when a bucket is named, so that
# every app server sees every upload. Credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (or the server's IAM role), read by boto3 itself. Objects are
# private: documents are always streamed through Wagtail's view, which checks collection
# privacy (WAGTAILDOCS_SERVE_METHOD); images are linked either through a CDN domain that reads
# the bucket (AWS_S3_CUSTOM_DOMAIN) or, without one, by signed addresses valid for
# AWS_QUERYSTRING_EXPIRE seconds, which must outlast a cached page (PAGE_CACHE_SECONDS and
# FRONTEND_CACHE_SECONDS). Other providers (UpCloud, Hetzner, MinIO, ...) need
# AWS_S3_ENDPOINT_URL and are addressed path-style (https://endpoint/bucket/key).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": "path" if AWS_S3_ENDPOINT_URL else None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            "default_acl": "private",
            "querystring_auth": not AWS_S3_CUSTOM_DOMAIN,
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
            # Two uploads with the same name must not replace each other's file.
            "file_overwrite": False,
        },
    }
    # The browser loads images from the media host, so the Content-Security-Policy allows it.
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_HOST = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_HOST = "{0.scheme}://{0.netloc}".format(urlsplit(AWS_S3_ENDPOINT_URL))
    else:
        MEDIA_HOST = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    for policy in (SECURITY_CSP, SECURITY_CSP_ADMIN):
        for directive in ("img-src", "media-src"):
            if MEDIA_HOST not in policy[directive]:
                policy[directive] = [*policy[directive], MEDIA_HOST]

# The page editor of a project with many inline rows posts a lot of fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Arctic Smartness"
# No Gravatar: the admin would send a hash of each editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The site's public address (core/site_address.py): the Site record, and with it every absolute
# link, are set from it; the admin's links in e-mails too unless WAGTAILADMIN_BASE_URL differs.
SITE_URL_CONFIGURED = bool(os.environ.get("SITE_URL"))
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILAPI_BASE_URL = SITE_URL
# Search: modelsearch's database backend; on PostgreSQL each language is stemmed with its own
# text search configuration (search/backends.py). A language missing here is matched exactly.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "LANGUAGE_CONFIGS": {"fi": "finnish", "en": "english", "sv": "swedish"},
    },
}
# Or an OpenSearch cluster when OPENSEARCH_URL is set (comma-separated nodes, credentials in
# the URL): modelsearch's backend with Finnish and English analysis (search/cluster.py).
# SEARCH_BACKEND picks modelsearch's client for the server's major version.
SEARCH_BACKEND = os.environ.get(
    "SEARCH_BACKEND", "opensearch3" if os.environ.get("OPENSEARCH_URL") else "database"
)
if SEARCH_BACKEND not in {"database", "opensearch2", "opensearch3"}:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be database, opensearch2 or opensearch3, not {SEARCH_BACKEND!r}."
    )
if SEARCH_BACKEND != "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.cluster",
            "ENGINE": SEARCH_BACKEND,
            "URLS": env_list("OPENSEARCH_URL", "http://localhost:9200"),
            # One cluster can hold several sites or environments (staging, production).
            "INDEX_PREFIX": os.environ.get("OPENSEARCH_INDEX_PREFIX", "arctic_"),
            "TIMEOUT": int(os.environ.get("OPENSEARCH_TIMEOUT", "5")),
            "LANGUAGE_ANALYZERS": {"fi": "finnish_text", "en": "english_text"},
        },
    }
# Keep 30 days of daily search counts for the Search terms report
# (`manage.py searchpromotions_garbage_collect` deletes older ones).
WAGTAILSEARCH_HITS_MAX_AGE = 30
# Uploads (security/uploads.py): images are checked by the format Willow reads from the file,
# SVG refused (it can carry scripts); documents by size, extension and content (an HTML page
# renamed .pdf is refused); every file name cleaned. Each extension listed here needs a
# content check in security.uploads.DOCUMENT_CONTENT_CHECKS, or it is refused.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "security.uploads.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# 40 megapixels (e.g. 8000 × 5000): any camera's photo, while every rendition of a larger
# one would cost the server memory for nothing a web page shows.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.uploads.ImageForm"
# Documents always pass through Wagtail's serve view, also from object storage (no redirect to
# the bucket), so collection privacy applies and the headers below are always sent: PDFs open
# in the browser (their viewer runs no page script of ours); everything else downloads
# (Content-Disposition: attachment), and security/middleware.py adds a sandboxing policy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"

# Machine translation in the translation editor: DeepL when a key is configured, none
# otherwise (dev and test settings switch on wagtail-localize's dummy translator instead).
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# wagtail-localize's stand-in, which reverses the words of each segment: proves the pipeline
# without an outside service (dev unless DeepL is configured; tests always).
DUMMY_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}

# E-mail: SMTP when EMAIL_HOST is set, and only then do feedback forms send notifications;
# without it mail goes to the console and form submissions are only stored.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))  # a visitor waits for the send
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "arcticsmartness@lapinliitto.fi")
# Password reset requests an hour, per address asked for and per client
# (security/password_reset.py).
PASSWORD_RESET_LIMIT_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_ADDRESS", "3"))
PASSWORD_RESET_LIMIT_PER_CLIENT = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_CLIENT", "10"))
# Failed sign-ins (any user names) and page passwords tried an hour from one address
# (security/guessing.py), beside django-axes' lockout of one user name.
SIGN_IN_FAILURES_PER_CLIENT = int(os.environ.get("SIGN_IN_FAILURES_PER_CLIENT", "30"))
PAGE_PASSWORDS_PER_CLIENT = int(os.environ.get("PAGE_PASSWORDS_PER_CLIENT", "20"))
# Searches an hour from one client that are counted in the Search terms report (search/).
SEARCH_LOG_LIMIT_PER_CLIENT = int(os.environ.get("SEARCH_LOG_LIMIT_PER_CLIENT", "60"))

# Logging: everything to stdout, where the process manager or container platform collects it.
# LOG_FORMAT=json writes one JSON object a line (production's default); plain text otherwise.
# Every record carries the request id of the request it was written in (requestlog/), and
# the "requestlog" logger writes one access line per request.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "requestlog.log.RequestIdFilter"},
        "one_line_warning": {"()": "requestlog.log.OneLineWarning"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "requestlog.log.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Background-task and publish chatter drowns real messages; raise when debugging.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        # The access lines; WARNING turns them off where the proxy logs requests already.
        "requestlog": {"level": os.environ.get("ACCESS_LOG_LEVEL", "INFO")},
        # Django's request log repeats each 4xx/5xx that the access line records already;
        # its errors (with the traceback) still come through.
        "django.request": {"level": "ERROR"},
        # A request for a host the site does not serve: one warning line, no traceback.
        "django.security.DisallowedHost": {"filters": ["one_line_warning"]},
    },
}

# Caches: per-process memory by default; Redis, shared by every web process and server, when
# REDIS_URL is set (e.g. redis://127.0.0.1:6379/0). A Redis server that is down or stalled
# costs one short wait (REDIS_TIMEOUT_SECONDS) per web process: its circuit breaker then
# skips Redis for REDIS_BREAKER_SECONDS and the site renders uncached (pagecache/backends.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.25"))
    CACHES = {
        "default": {
            "BACKEND": "pagecache.backends.RedisCacheWithBreaker",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "arctic"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "IGNORE_EXCEPTIONS": True,
                "BREAKER_SECONDS": float(os.environ.get("REDIS_BREAKER_SECONDS", "10")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions: in the database, which every app server shares; with Redis, "cached_db" reads
# them from Redis and writes them through to the database, so a Redis that restarts or evicts
# keys (the page cache shares its memory) logs nobody out. "cache" keeps them only in Redis.
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "db")
if SESSION_ENGINE in {"cache", "cached_db"} and not REDIS_URL:
    raise ImproperlyConfigured(
        f"SESSION_ENGINE={SESSION_ENGINE} needs REDIS_URL: a memory cache is per process."
    )
if "." not in SESSION_ENGINE:
    SESSION_ENGINE = f"django.contrib.sessions.backends.{SESSION_ENGINE}"

# Full pages for anonymous visitors (pagecache/): how long a page may stay in the cache
# (every published change outdates it at once anyway), 0 to turn the cache off.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/django-admin/", "/documents/", "/healthz"]

# A CDN or caching proxy in front of the site, purged when pages are published
# (wagtail.contrib.frontend_cache; pagecache/frontend.py adds the listings). Either an HTTP
# purge address (Varnish, nginx) or Cloudflare's zone and API token.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
# How long the CDN may keep an anonymous page (Cache-Control s-maxage); 0 keeps it private.
FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "0"))
