"""Production hardening: security headers on every response and the /healthz probe.

Middleware and a view only, no models or templates, so it is not in INSTALLED_APPS.
"""
