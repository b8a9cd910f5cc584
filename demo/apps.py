from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content, the large-site generator for benchmarks and the local accounts.

    Installed only where DEMO_TOOLS is on (development and tests, and the throwaway sites
    the benchmarks build); production does not have these commands."""

    name = "demo"
    verbose_name = "Demo content"
