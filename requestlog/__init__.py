"""Structured request logging: a request id in every log record and one access line a request.

`middleware.RequestLogMiddleware` (outermost in MIDDLEWARE) takes the request id from the
incoming X-Request-ID header when it is well-formed, makes one otherwise, returns it in the
response and keeps it in a context variable for the request's duration. `log.RequestIdFilter`
copies it onto every record the console handler writes, Django's own error logs included, and
`log.JsonFormatter` writes the records as JSON lines (LOG_FORMAT=json, production's default).
"""
