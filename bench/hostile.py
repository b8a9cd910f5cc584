"""Hostile input against the served site: paths, headers and every query parameter of every
public address and of the API, as a scanner sends them. No answer may be a 500.

Like bench/fault.py it starts a throwaway PostgreSQL and Redis on free local ports, builds
the demo site, serves it with gunicorn and the production settings (page cache on Redis),
then sends --requests requests (default 3 600) from a fixed random seed:

- every page of the sitemap, the search, the feeds, the calendar, the project exports and
  the API, each with junk query parameters, the parameters the site reads with hostile
  values (quotes, SQL, markup, NUL and control characters, huge numbers, long strings,
  repeated keys, broken percent-encoding), and the API's field filters;
- mutated paths (traversal, doubled slashes, encoded characters, very long segments);
- hostile headers (Host, Accept with odd parameters, X-Forwarded-For, cookies, Range,
  conditional dates, a body on GET) and form posts to the feedback form.

It prints the answers by status code and lists every 5xx with its request, and exits 1 if
any request got a 500 (a 503 is allowed only while the database is unreachable, which it
never is here).

    python bench/hostile.py          # or `make bench-hostile`; about 3 minutes
"""

import argparse
import http.client
import json
import random
import shutil
import signal
import sys
import tempfile
import urllib.parse
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from fault import Postgres, Redis, build_site, use_production_settings
from load import Gunicorn

HOSTILE_VALUES = [
    "'",
    '"',
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "%00",
    "\x00",
    "\x1b[31m",
    "../../../../etc/passwd",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e400",
    "NaN",
    "2020-13-45",
    "x" * 5000,
    "ä" * 300,
    "%",
    "%ZZ",
    "{{7*7}}",
    "${jndi:ldap://x/a}",
    "true",
    "[]",
    "{}",
]
SITE_PARAMETERS = [
    "q", "page", "status", "cluster", "funding", "lead", "from", "to", "sort", "year",
    "topic", "type", "language", "format",
]  # fmt: skip
API_PARAMETERS = [
    "type", "fields", "order", "search", "search_operator", "limit", "offset", "locale",
    "child_of", "descendant_of", "ancestor_of", "translation_of", "slug", "title",
    "show_in_menus", "has_children", "html_path", "site", "first_published_at", "start_date",
    "end_date", "total_budget", "clusters", "lead_organisation", "id", "date", "event_start",
]  # fmt: skip
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
API_TYPES = ["projects.ProjectPage", "news.NewsPage", "clusters.ClusterPage", "wagtailcore.Page"]
FIXED = [
    "/", "/en/", "/haku/", "/en/search/", "/haku/suggestions/", "/sitemap.xml", "/robots.txt",
    "/feeds/news/", "/en/feeds/news/", "/feeds/events.ics", "/hankkeet/export/csv/",
    "/hankkeet/export/json/", "/api/v2/pages/", "/api/v2/pages/find/", "/documents/1/x.pdf",
    "/healthz", "/admin/login/", "/_util/login/",
]  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3600, help="how many (default 3600)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    temp = Path(tempfile.mkdtemp(prefix="arctic-hostile-"))
    temp.chmod(0o755)
    postgres = redis = server = None
    try:
        postgres = Postgres(temp)
        redis = Redis(temp)
        use_production_settings(
            temp,
            postgres,
            REDIS_URL=f"redis://127.0.0.1:{redis.port}/0",
            LOG_LEVEL="ERROR",
            # The limits would answer a scanner with 429 long before 3 600 requests; what
            # is tested here is what lies behind them.
            SEARCH_LOG_LIMIT_PER_CLIENT="100000",
            SIGN_IN_FAILURES_PER_CLIENT="100000",
            PASSWORD_RESET_LIMIT_PER_CLIENT="100000",  # noqa: S106 (a count, not a password)
        )
        build_site()
        server = Gunicorn(temp, cached=True)
        host, port = urllib.parse.urlsplit(server.url).netloc.split(":")
        pages = sitemap_paths(host, int(port))
        results = run(host, int(port), pages, args)
    finally:
        if server is not None:
            server.stop()
        for service in (redis, postgres):
            if service is not None:
                service.stop()
        shutil.rmtree(temp, ignore_errors=True)
    statuses = Counter(status for status, _request in results)
    print(f"{len(results)} requests to {len(pages)} pages and {len(FIXED)} other addresses:")
    print(", ".join(f"{status} × {count}" for status, count in sorted(statuses.items())))
    failures = [(status, request) for status, request in results if status >= 500]
    for status, request in failures[:30]:
        print(f"  {status}  {request[:300]}")
    sys.exit(1 if any(status == 500 for status, _request in failures) else 0)


def sitemap_paths(host, port):
    _status, body = send(host, port, "GET", "/sitemap.xml")
    # Our own server's sitemap, on the loopback.
    tree = ElementTree.fromstring(body)  # noqa: S314
    locations = tree.iter(f"{{{SITEMAP_NAMESPACE}}}loc")
    return sorted({urllib.parse.urlsplit(location.text).path for location in locations})


def send(host, port, method, path, headers=None, body=None):
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        headers = {"Host": f"{host}:{port}", **(headers or {})}
        for name, value in headers.items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def quoted(value):
    # Some values are sent raw on purpose (broken percent-encoding); the rest encoded.
    return value if value in ("%", "%ZZ", "%00") else urllib.parse.quote(value, safe="")


def query(pairs):
    return "&".join(f"{quoted(name)}={quoted(value)}" for name, value in pairs)


def requests(pages, rng):
    """Endless (method, path, headers, body) of every kind, in a fixed random order."""
    addresses = pages + FIXED
    while True:
        kind = rng.choice(["site", "site", "api", "api", "path", "headers", "form"])
        base = rng.choice(addresses)
        if kind == "site":
            pairs = [(rng.choice(SITE_PARAMETERS), rng.choice(HOSTILE_VALUES))]
            pairs += [(f"utm_{rng.randrange(10**6)}", "x")] * rng.randrange(2)
            yield "GET", f"{base}?{query(pairs)}", {}, None
        elif kind == "api":
            pairs = [("type", rng.choice(API_TYPES))] if rng.random() < 0.5 else []
            pairs += [(rng.choice(API_PARAMETERS), rng.choice(HOSTILE_VALUES))]
            endpoint = rng.choice(["/api/v2/pages/", "/api/v2/pages/find/", "/api/v2/pages/3/"])
            accept = rng.choice(["application/json", "application/json; indent=8", "*/*"])
            yield "GET", f"{endpoint}?{query(pairs)}", {"Accept": accept}, None
        elif kind == "path":
            mutation = rng.choice(
                [
                    base + "../../../../etc/passwd",
                    base + "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                    "//" + base.lstrip("/"),
                    base + "x" * 3000 + "/",
                    base + "%00/",
                    base + "%ff%fe/",
                    base.upper(),
                    base + "<script>/",
                    base + ";jsessionid=1",
                    base.rstrip("/") + ".php",
                ]
            )
            yield "GET", mutation, {}, None
        elif kind == "headers":
            headers = rng.choice(
                [
                    {"Host": "evil.example"},
                    {"Host": "127.0.0.1:1@evil.example"},
                    {"Accept": "application/json; indent=99999999"},
                    {"Accept": "text/html; q=abc"},
                    {"Accept-Language": "x" * 500},
                    {"X-Forwarded-For": "' OR 1=1, <script>"},
                    {"X-Forwarded-Host": "evil.example"},
                    {"X-Request-ID": "\u0000" * 10},
                    {"Cookie": "sessionid=" + "x" * 4000},
                    {"Cookie": "csrftoken=<script>; django_language=zz"},
                    {"Range": "bytes=999999999-"},
                    {"If-Modified-Since": "not a date"},
                    {"If-None-Match": '"' + "x" * 1000},
                    {"Content-Type": "application/json"},
                ]
            )
            body = b"{" if headers.get("Content-Type") == "application/json" else None
            yield "GET", base, headers, body
        else:
            fields = {
                rng.choice(["aihe", "viesti", "nimi", "sahkoposti", "x", "extra_info"]): (
                    rng.choice(HOSTILE_VALUES)
                )
                for _ in range(rng.randrange(1, 5))
            }
            body = urllib.parse.urlencode(fields).encode()
            target = rng.choice(["/palaute/", "/en/feedback/", "/haku/", "/api/v2/pages/"])
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            yield "POST", target, headers, body


def run(host, port, pages, args):
    rng = random.Random(args.seed)  # noqa: S311 (repeatable choices, not secrets)
    results = []
    for number, (method, path, headers, body) in enumerate(requests(pages, rng)):
        if number >= args.requests:
            break
        try:
            status, _answer = send(host, port, method, path, headers, body)
        except (OSError, http.client.HTTPException) as error:
            status = 599
            path = f"{path} ({type(error).__name__})"
        results.append((status, json.dumps([method, path, headers])))
    return results


if __name__ == "__main__":
    main()
