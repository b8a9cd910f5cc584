"""Gunicorn configuration, read automatically by `gunicorn config.wsgi`.

Every value can be overridden from the environment, so one file serves a laptop and a server.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Django is synchronous: workers as processes, a couple of threads each for slow clients.
# The threaded worker is named rather than implied: gunicorn silently switches a `sync`
# worker to `gthread` when threads > 1, and the two behave differently under load.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Django, Wagtail and the templates are imported once in the master and shared by the
# forked workers: a worker starts in milliseconds instead of about a second, and the
# pages shared by copy-on-write are counted once. Nothing opens a database or Redis
# connection at import, so no connection is shared across the fork.
preload_app = True
# Each worker is replaced after about this many requests, so memory cannot creep up
# unnoticed. Not much more often: a new worker starts with cold caches (templates, the
# page tree), and at 2 000 a busy worker was replaced every second or two (`make bench`).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# No access log of gunicorn's own: the app writes one line per request with its request id,
# status and duration (requestlog/). Gunicorn's messages (worker starts, timeouts) go to
# stdout like the app's, as JSON lines unless LOG_FORMAT=plain.
accesslog = None
errorlog = "-"
if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "root": {"level": "INFO", "handlers": ["json"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["json"], "propagate": False},
            # A logging configuration switches gunicorn's access log on again; keep it silent.
            "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
        },
        "handlers": {
            "json": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id"],
                "stream": "ext://sys.stdout",
            }
        },
        "filters": {"request_id": {"()": "requestlog.log.RequestIdFilter"}},
        "formatters": {"json": {"()": "requestlog.log.JsonFormatter"}},
    }
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
