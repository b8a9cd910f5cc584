"""The request id of the current request, and how log records carry and print it."""

import contextvars
import logging

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

# Set by the middleware for the duration of a request; "-" outside one (commands, startup).
request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every record as `request_id`; drops nothing."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class OneLineWarning(logging.Filter):
    """Makes a record a warning of one line, without its traceback. For Django's report of
    a request with a Host header the site does not serve: scanners send thousands, each
    logged at ERROR with a full traceback, which buried the errors that matter. The
    request is answered with 400 all the same."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        # Kept only where warnings are logged (LOG_LEVEL=ERROR leaves them out).
        return logging.getLogger(record.name).isEnabledFor(logging.WARNING)


class JsonFormatter(BaseJsonFormatter):
    """One JSON object a line: timestamp, level, logger, message, request_id and any extras.

    Django attaches the request object itself to its error records (`extra={"request": ...}`);
    its text holds the query string and it is no data for a log line, so it is left out. The
    message of those records says the path without the query string.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("timestamp", True)
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request", "taskName"])
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args or ("%(levelname)s %(name)s %(message)s",), **kwargs)
