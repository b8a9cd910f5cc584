"""Load test: requests/s, latency and SQL queries per page type, under gunicorn with the
production settings, at two site sizes.

For each size (100 pages, then --pages, default 10 000; with --quick 100 and 1 000 pages
and 3 s per URL) it grows the site with `demo.generate` (demo content first), serves it
with gunicorn (config.settings.production, gunicorn.conf.py's workers and threads) on a
free port of 127.0.0.1, and drives one URL per page type with wrk at a fixed concurrency:
requests/s, p50/p95/p99 latency, errors (responses other than 2xx/3xx, and socket
errors), then the SQL queries one request of each URL makes (in this process, through
Django's test client), and requests/s as a share of a static file served by whitenoise,
the ceiling of this machine. It prints one markdown table per size and never fails on
the figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/arctic_load python bench/load.py --quick

DATABASE_URL names an empty PostgreSQL database; without it the script creates a
throwaway one on 127.0.0.1 (`createdb`/`dropdb` as PGUSER, default postgres) and drops it
at the end. wrk is Debian's `wrk` package: the script installs it with apt-get when it
runs as root, or says how. `make bench` runs it.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONNECTIONS, THREADS = 8, 2
SMALL = 100

# wrk's own summary has p50/p75/p90/p99; p95 needs the latency object in done().
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages", type=int, default=10_000, help="the large size (default 10 000 pages)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="100 and 1 000 pages, 3 s per URL (a few minutes)"
    )
    parser.add_argument("--duration", type=int, help="seconds of wrk per URL (default 10, 3)")
    args = parser.parse_args()
    sizes = [SMALL, 1_000 if args.quick else args.pages]
    duration = args.duration or (3 if args.quick else 10)

    # A plain `kill` must still stop gunicorn and drop the temporary database (finally below).
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    wrk = find_wrk()
    temp = Path(tempfile.mkdtemp(prefix="arctic-load-"))
    created_database = None
    if not os.environ.get("DATABASE_URL"):
        created_database = f"arctic_load_{os.getpid()}"
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", pguser(), created_database], check=True
        )
        os.environ["DATABASE_URL"] = f"postgres://{pguser()}@127.0.0.1:5432/{created_database}"
    elif not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("DATABASE_URL must be an empty PostgreSQL database (or unset).")

    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1,testserver",
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",  # plain HTTP on the loopback
        STATIC_ROOT=str(temp / "static"),
        MEDIA_ROOT=str(temp / "media"),
        LOG_LEVEL="WARNING",
        DEMO_TOOLS="true",  # the generator builds the site (demo/)
    )
    sys.path.insert(0, str(ROOT))
    server = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        quiet = open(os.devnull, "w")  # noqa: SIM115
        call_command("migrate", verbosity=0)
        call_command("setup_localisation", stdout=quiet)
        call_command("collectstatic", interactive=False, verbosity=0)
        tables = []
        for size in sizes:
            build_seconds = build(size, quiet)
            urls = pick_urls(temp / "static")
            passes = {}
            # Every request rendered, then (if the site has one) with its page cache as deployed.
            for cached in (False, True) if page_cache_enabled() else (False,):
                queries = count_queries(urls, cached)
                server = Gunicorn(temp, cached)
                results = {
                    name: run_wrk(wrk, server.url + path, duration, temp) for name, path in urls
                }
                server.stop()
                server = None
                passes[cached] = (results, queries)
            tables.append(table(size, build_seconds, urls, passes, duration))
            print(tables[-1], flush=True)
        print("\n\n".join(tables))
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(temp, ignore_errors=True)
        if created_database:
            from django.db import connections

            connections.close_all()
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", pguser(), "--force", created_database],
                check=False,
            )


def pguser():
    return os.environ.get("PGUSER", "postgres")


def find_wrk():
    wrk = shutil.which("wrk")
    if wrk is None and shutil.which("apt-get") and os.geteuid() == 0:
        print("Installing wrk with apt-get…", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, env=env)
        wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is missing: install it with `sudo apt-get install wrk` (Debian/Ubuntu).")
    return wrk


def build(size, quiet):
    """Grow the site to `size` pages and index it; the seconds it took."""
    from django.core.management import call_command

    from demo.generate import generate_site

    started = time.perf_counter()

    def progress(done, total):
        print(f"\r  building: {done} / {total} pages", end="", file=sys.stderr, flush=True)

    result = generate_site(size, log=lambda line: print(line, file=sys.stderr), progress=progress)
    print(file=sys.stderr)
    call_command("update_index", stdout=quiet)
    seconds = time.perf_counter() - started
    print(
        f"Site: {result.pages_after} pages ({result.added} added in {result.seconds:.0f} s; "
        f"with indexing {seconds:.0f} s)",
        file=sys.stderr,
    )
    return seconds


def pick_urls(static_root):
    """One URL per page type, the same objects at every size (the demo content's)."""
    import json

    from django.conf import settings
    from wagtail.models import Locale

    from clusters.models import ClusterPage
    from news.models import NewsIndexPage, NewsPage
    from projects.models import ProjectIndexPage, ProjectPage
    from strategy.models import StrategyPage

    fi = Locale.objects.get(language_code="fi")

    def url(model, **filters):
        return model.objects.live().filter(locale=fi, **filters).order_by("path").first().url

    manifest = json.loads((static_root / "staticfiles.json").read_text())
    project_index = url(ProjectIndexPage)
    return [
        ("home", "/"),
        ("cluster", url(ClusterPage)),
        ("project index", project_index),
        ("project index, filtered", project_index + "?status=ended&sort=budget-desc"),
        ("project", url(ProjectPage)),
        ("news index", url(NewsIndexPage)),
        ("news item (event)", url(NewsPage, event_start__isnull=False)),
        ("strategy", url(StrategyPage)),
        ("search", "/haku/?q=hanke"),
        ("API list", "/api/v2/pages/?type=projects.ProjectPage"),
        ("news feed", "/syotteet/uutiset/"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap file (projects)", "/sitemap-fi-projects.xml"),
        ("static file", settings.STATIC_URL + manifest["paths"]["css/site.css"]),
    ]


def page_cache_enabled():
    from django.conf import settings

    return bool(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def count_queries(urls, cached):
    """(status, SQL queries) of one request per URL, after a first one that warms caches;
    without the page cache unless `cached`."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    with override_settings(**({} if cached else {"PAGE_CACHE_SECONDS": 0})):
        for name, path in urls:
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            counts[name] = (response.status_code, len(captured.captured_queries))
    return counts


class Gunicorn:
    """gunicorn with the production settings and gunicorn.conf.py, on a free local port."""

    def __init__(self, temp, cached):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = temp / "gunicorn.log"
        self.log = open(self.log_path, "a")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--access-logfile",
                os.devnull,
            ],
            cwd=ROOT,
            env=os.environ if cached else {**os.environ, "PAGE_CACHE_SECONDS": "0"},
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        try:
            self.wait_until_ready()
        except BaseException:  # never leave a server behind, whatever stopped us
            self.stop()
            raise

    def wait_until_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=10).close()
                return
            except OSError:  # refused, reset or timed out while the workers boot
                time.sleep(0.3)
        log = self.log_path.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"gunicorn did not answer within {seconds} s. Its log:\n{log}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def run_wrk(wrk, url, duration, temp):
    script = temp / "report.lua"
    script.write_text(WRK_SCRIPT)
    # A short warm-up so every worker has loaded its code and templates.
    warm = [wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", "-d1s", url]
    subprocess.run(warm, capture_output=True, check=False)
    command = [
        wrk,
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    match = re.search(r"^RESULT ((?:\d+ ?){8})$", output, re.MULTILINE)
    if match is None:
        return None
    requests, micros, socket_errors, status_errors, p50, p95, p99, _max = map(
        int, match.group(1).split()
    )
    return {
        "rps": requests / (micros / 1e6) if micros else 0.0,
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "errors": socket_errors + status_errors,
        "requests": requests,
    }


def table(size, build_seconds, urls, passes, duration):
    from django.conf import settings

    rendered, _ = passes[False]
    cached, cached_queries = passes.get(True, ({}, {}))
    ceiling = (rendered.get("static file") or {}).get("rps") or 0
    workers = os.environ.get("WEB_CONCURRENCY", f"{2 * (os.cpu_count() or 1) + 1}")
    lines = [
        f"### {size} pages (built and indexed in {build_seconds:.0f} s)",
        "",
        f"gunicorn {workers} workers × {os.environ.get('GUNICORN_THREADS', '2')} threads, "
        f"{settings.SETTINGS_MODULE}; wrk {THREADS} threads, {CONNECTIONS} connections, "
        f"{duration} s per URL; {os.cpu_count()} CPUs shared by wrk, gunicorn and PostgreSQL. "
        "Every request rendered (page cache off); the last three columns with the page cache "
        "as deployed, after a warm-up.",
        "",
        "| page | URL | req/s | p50 ms | p95 ms | p99 ms | errors | SQL | vs static "
        "| cached req/s | cached p95 ms | cached SQL |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path in urls:
        status, count = passes[False][1][name]
        sql = f"{count}" if status < 400 else f"{count} (HTTP {status})"
        r = rendered[name]
        if r is None:
            row = f"| {name} | `{path}` | wrk failed | | | | | {sql} | |"
        elif not r["requests"]:
            row = f"| {name} | `{path}` | none in {duration} s | | | | | {sql} | |"
        else:
            share = f"{r['rps'] / ceiling:.1%}" if ceiling else "–"
            row = (
                f"| {name} | `{path}` | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | "
                f"{r['p99']:.1f} | {r['errors']} | {sql} | {share} |"
            )
        c = cached.get(name)
        if c is None:
            row += " – | – | – |"
        elif not c["requests"]:
            row += f" none in {duration} s | | {cached_queries[name][1]} |"
        else:
            cached_sql = cached_queries[name][1]
            errors = f" ({c['errors']} errors)" if c["errors"] else ""
            row += f" {c['rps']:.0f}{errors} | {c['p95']:.1f} | {cached_sql} |"
        lines.append(row)
    return "\n".join(lines)


if __name__ == "__main__":
    main()
