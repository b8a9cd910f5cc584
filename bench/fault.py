"""Fault test: the site under steady load while its PostgreSQL restarts, then while its Redis
is down; it must recover by itself and never fail once the database is back.

The script starts its own throwaway PostgreSQL (initdb and pg_ctl from the installed server,
run as the `postgres` user when the script runs as root) and its own redis-server, each on a
free port of 127.0.0.1 in a temporary folder, so it touches no other database. It builds the
demo site there (migrate, setup_localisation, load_demo_content), serves it with gunicorn and
the production settings (bench/load.py's Gunicorn), and drives it from --workers Python
threads over a mix of pages and /healthz:

1. Database: page cache off, so every request reaches PostgreSQL. After --warm seconds
   PostgreSQL is stopped (fast shutdown), held down --down seconds and started again; load
   goes on for --after seconds. Requests are split by when they started: before the stop,
   during the outage (until the first success after the restart) and after recovery.
2. Redis: the site with REDIS_URL pointing at the script's redis and the page cache on. Redis
   is stopped for --down seconds and started again (empty); pages must stay 200 throughout,
   and the site must be writing to the new redis afterwards.
3. Redis frozen: the same site, Redis stopped with SIGSTOP for --freeze seconds (it keeps
   accepting connections and answers nothing, as a stalled host does) and resumed. A news
   item is in the load mix; while Redis is frozen it is unpublished, as a moderator would,
   by a separate process with the same settings. Requests during the freeze must stay 200
   with a p95 under a second, the server's log must stay short (warnings and errors are
   counted), and after the freeze the unpublished item must never come from the cache.

4. Junk query strings: two clients read real pages while two others add a new random query
   parameter to every request, as a scanner does; the real pages must stay as cached as
   before and the junk must not fill Redis.

It prints one table per part and exits 1 if any request failed after the database recovered
or while Redis was down or frozen (or it never recovered), if the frozen p95 reached 1 s,
or if the unpublished page was served after its unpublishing. Everything is bounded in time,
only the loopback is used, and the servers and temporary files go away even on Ctrl-C.

    python bench/fault.py          # or `make bench-fault`; about 3-5 minutes
"""

import argparse
import glob
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from load import ROOT, Gunicorn

MANAGE = [sys.executable, str(ROOT / "manage.py")]
PAGES = [
    "/",
    "/healthz",
    "/klusterit/",
    "/hankkeet/",
    "/ajankohtaista/",
    "/healthz",
    "/en/",
    "/en/projects/",
    "/sitemap.xml",
]
REQUEST_TIMEOUT = 10


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4, help="load threads (default 4)")
    parser.add_argument("--warm", type=float, default=20, help="seconds before the fault")
    parser.add_argument("--down", type=float, default=5, help="seconds the server is down")
    parser.add_argument("--after", type=float, default=40, help="seconds after the restart")
    parser.add_argument("--freeze", type=float, default=15, help="seconds Redis is frozen")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    temp = Path(tempfile.mkdtemp(prefix="arctic-fault-"))
    temp.chmod(0o755)  # the postgres user must reach its data folder inside
    postgres = redis = server = None
    try:
        postgres = Postgres(temp)
        redis = Redis(temp)
        # What an operator reads: the freeze counts the warnings.
        use_production_settings(temp, postgres, LOG_LEVEL="WARNING")
        os.environ.pop("REDIS_URL", None)
        build_site()

        print("\n## PostgreSQL restarted under load (page cache off)\n", flush=True)
        server = Gunicorn(temp, cached=False)
        database = run_database_fault(server.url, postgres, args)
        server.stop()
        server = None

        print("\n## Redis stopped under load (page cache on Redis)\n", flush=True)
        os.environ["REDIS_URL"] = f"redis://127.0.0.1:{redis.port}/0"
        server = Gunicorn(temp, cached=True)
        cache = run_redis_fault(server.url, redis, args)

        print("\n## Redis frozen (SIGSTOP) under load, a page unpublished meanwhile\n", flush=True)
        frozen = run_redis_freeze(server, redis, args)

        print("\n## Junk query strings beside real visitors (page cache on Redis)\n", flush=True)
        junk = run_junk_queries(server, redis, args)
    finally:
        if server is not None:
            server.stop()
        for service in (redis, postgres):
            if service is not None:
                service.stop()
        shutil.rmtree(temp, ignore_errors=True)
    sys.exit(0 if database and cache and frozen and junk else 1)


def use_production_settings(temp, postgres, **extra):
    """The environment of the throwaway site, as a production server's (gunicorn and the
    management commands read it): its database, plain HTTP on the loopback, files in
    `temp`, and `extra`."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{postgres.port}/arctic",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(temp / "static"),
        MEDIA_ROOT=str(temp / "media"),
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "3"),
        DEMO_TOOLS="true",
        **extra,
    )


def build_site():
    started = time.monotonic()
    for command in (
        ["migrate", "--no-input", "--verbosity", "0"],
        ["setup_localisation"],
        ["load_demo_content"],
        ["collectstatic", "--no-input", "--verbosity", "0"],
    ):
        subprocess.run(
            [*MANAGE, *command], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, timeout=1800
        )
    print(f"Demo site built in {time.monotonic() - started:.0f} s.", file=sys.stderr)


def run_database_fault(url, postgres, args):
    load = Load(url, args.workers)
    time.sleep(args.warm)
    stopped = time.monotonic()
    postgres.stop()
    time.sleep(args.down)
    postgres.start()
    restarted = time.monotonic()
    time.sleep(args.after)
    results = load.finish()

    first_success = min(
        (r.started for r in results if r.ok and r.started >= restarted), default=None
    )
    if first_success is None:
        print(f"The site never answered again in {args.after:.0f} s after the restart.")
        return False
    # A request still being answered when PostgreSQL stops belongs to the outage.
    phases = {
        "before": [r for r in results if r.ended < stopped],
        "during outage": [r for r in results if r.ended >= stopped and r.started < first_success],
        "after recovery": [r for r in results if r.started >= first_success],
    }
    print(table(phases))
    print(outcomes(phases))
    print(
        f"\nPostgreSQL down {restarted - stopped:.1f} s (stop until accepting connections "
        f"again); first success {first_success - restarted:.2f} s after it was back; "
        f"recovered {first_success - stopped:.1f} s after the stop."
    )
    failed_after = [r for r in phases["before"] + phases["after recovery"] if not r.ok]
    for result in failed_after[:10]:
        print(f"  outside the outage: {result.path} → {result.outcome}")
    return not failed_after


def run_redis_fault(url, redis, args):
    load = Load(url, args.workers)
    time.sleep(args.warm / 2)
    stopped = time.monotonic()
    redis.stop()
    time.sleep(max(args.down, 10))
    redis.start()
    restarted = time.monotonic()
    # Each web process tries Redis again REDIS_BREAKER_SECONDS after its last failure.
    time.sleep(max(args.warm / 2, float(os.environ.get("REDIS_BREAKER_SECONDS", "10")) + 5))
    results = load.finish()
    keys = redis.key_count()

    phases = {
        "before": [r for r in results if r.ended < stopped],
        "Redis down": [r for r in results if r.ended >= stopped and r.started < restarted],
        "Redis back": [r for r in results if r.started >= restarted],
    }
    print(table(phases))
    print(outcomes(phases))
    failed = [r for r in results if not r.ok]
    for result in failed[:10]:
        print(f"  {result.path} → {result.outcome}")
    print(f"\nKeys in the restarted (empty) Redis after the run: {keys}.")
    if keys == 0:
        print("The site did not use Redis again after it came back.")
    return not failed and keys > 0 and all(phases.values())


def run_redis_freeze(server, redis, args):
    victim_id, victim = live_news_item()
    load = Load(server.url, args.workers, pages=[*PAGES, victim])
    time.sleep(args.warm / 2)
    log_before = log_records(server)
    frozen_at = time.monotonic()
    redis.freeze()
    time.sleep(2)
    unpublish(victim_id)
    unpublished = time.monotonic()
    time.sleep(max(0.0, args.freeze - (unpublished - frozen_at)))
    redis.resume()
    resumed = time.monotonic()
    log_during = log_records(server) - log_before
    time.sleep(args.warm / 2)
    results = load.finish()

    others = [r for r in results if r.path != victim]
    phases = {
        "before": [r for r in others if r.ended < frozen_at],
        "Redis frozen": [r for r in others if r.ended >= frozen_at and r.started < resumed],
        "Redis resumed": [r for r in others if r.started >= resumed],
    }
    print(table(phases))
    print(outcomes(phases))
    stale = [r for r in results if r.path == victim and r.started >= unpublished and r.ok]
    stale_after = [r for r in stale if r.started >= resumed]
    frozen_p95 = percentile(phases["Redis frozen"], 0.95)
    print(
        f"\nRedis frozen {resumed - frozen_at:.1f} s; anonymous p95 while frozen "
        f"{frozen_p95 * 1000:.0f} ms; {log_during.total()} log records of WARNING or above "
        f"while frozen. The unpublished page ({victim}) was served {len(stale)} times after its "
        f"unpublishing, {len(stale_after)} of them after Redis resumed"
        + (f", the last {stale_after[-1].started - resumed:.0f} s after." if stale_after else ".")
    )
    for message, count in log_during.most_common(5):
        print(f"  logged while frozen: {message} × {count}")
    failed = [r for r in others if not r.ok]
    for result in failed[:10]:
        print(f"  {result.path} → {result.outcome}")
    return not failed and frozen_p95 < 1 and not stale and all(phases.values())


def run_junk_queries(server, redis, args):
    pages = [path for path in PAGES if path != "/healthz"]
    visitors = Load(server.url, 2, pages=pages)
    time.sleep(args.warm / 2)
    keys_before = redis.key_count()
    junk_started = time.monotonic()
    junk = Load(server.url, 2, pages=pages, junk=True)
    time.sleep(args.warm)
    junk_results = junk.finish()
    keys_added = redis.key_count() - keys_before
    results = visitors.finish()

    def hit_rate(selected):
        return sum(r.cache == "hit" for r in selected) / max(1, len(selected))

    before = [r for r in results if r.ended < junk_started]
    during = [r for r in results if r.started >= junk_started]
    print(
        f"Real pages from the cache: {hit_rate(before):.0%} of {len(before)} requests before, "
        f"{hit_rate(during):.0%} of {len(during)} while another client sent "
        f"{len(junk_results)} requests with junk query strings; Redis keys added meanwhile: "
        f"{keys_added}. Junk requests: p50 "
        f"{statistics.median(r.seconds for r in junk_results) * 1000:.0f} ms, "
        f"{hit_rate(junk_results):.0%} from the cache."
    )
    failed = [r for r in results + junk_results if not r.ok]
    for result in failed[:10]:
        print(f"  {result.path} → {result.outcome}")
    # The junk may add at most one key per real page (its pages stored on a first miss).
    return not failed and keys_added <= len(pages) and hit_rate(during) >= 0.9 * hit_rate(before)


def live_news_item():
    script = (
        "from news.models import NewsPage\n"
        "page = NewsPage.objects.live().filter(locale__language_code='fi').first()\n"
        "print(page.pk, page.get_url())"
    )
    answer = subprocess.run(
        [*MANAGE, "shell", "-c", script], cwd=ROOT, check=True, capture_output=True, text=True
    )
    page_id, path = answer.stdout.strip().splitlines()[-1].split()
    return int(page_id), path


def unpublish(page_id):
    script = f"from wagtail.models import Page\nPage.objects.get(pk={page_id}).unpublish()"
    subprocess.run([*MANAGE, "shell", "-c", script], cwd=ROOT, check=True, timeout=120)


def log_records(server):
    """The messages of the server's log records of level WARNING or above so far (one JSON
    line each)."""
    messages = []
    for line in server.log_path.read_text(errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("level") in ("WARNING", "ERROR", "CRITICAL"):
            messages.append(f"{record.get('logger')}: {record.get('message', '')[:100]}")
    return Counter(messages)


def percentile(results, share):
    times = sorted(r.seconds for r in results)
    return times[min(len(times) - 1, round(share * (len(times) - 1)))] if times else 0.0


@dataclass
class Result:
    path: str
    started: float
    seconds: float
    outcome: str  # the HTTP status, or the exception's name
    cache: str = ""  # the X-Page-Cache header: "hit", "miss" or ""

    @property
    def ok(self):
        return self.outcome == "200"

    @property
    def ended(self):
        return self.started + self.seconds


class Load:
    """`workers` threads requesting PAGES in turn, as fast as answers come, until finish()."""

    def __init__(self, url, workers, pages=PAGES, junk=False):
        self.url = url
        self.pages = pages
        self.junk = junk  # a new random query parameter on every request
        self.results = []
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self.run, args=(offset,), daemon=True)
            for offset in range(workers)
        ]
        for thread in self.threads:
            thread.start()

    def run(self, offset):
        turn = offset
        while not self.stopping.is_set():
            path = self.pages[turn % len(self.pages)]
            turn += 1
            if self.junk:
                path += f"?utm_{secrets.token_hex(3)}={secrets.token_hex(6)}"
            started = time.monotonic()
            cache = ""
            try:
                with urllib.request.urlopen(self.url + path, timeout=REQUEST_TIMEOUT) as answer:
                    answer.read()
                    outcome = str(answer.status)
                    cache = answer.headers.get("X-Page-Cache", "")
            except urllib.error.HTTPError as error:
                outcome = str(error.code)
            except OSError as error:  # refused, reset, timed out
                outcome = type(error).__name__
                time.sleep(0.05)  # a refused socket answers at once: don't spin
            elapsed = time.monotonic() - started
            self.results.append(Result(path, started, elapsed, outcome, cache))

    def finish(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(REQUEST_TIMEOUT + 5)
        return sorted(self.results, key=lambda result: result.started)


def outcomes(phases):
    """What the failed requests got, per phase: a status code or a connection error."""
    lines = []
    for name, results in phases.items():
        failures = Counter(r.outcome for r in results if not r.ok)
        if failures:
            listed = ", ".join(f"{outcome} × {count}" for outcome, count in failures.most_common())
            lines.append(f"Errors {name}: {listed}.")
    return "\n".join(lines) or "No errors."


def table(phases):
    lines = [
        "| phase | seconds | requests | errors | error rate | p50 ms | p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, results in phases.items():
        if not results:
            lines.append(f"| {name} | | 0 | | | | |")
            continue
        span = results[-1].started + results[-1].seconds - results[0].started
        errors = sum(not r.ok for r in results)
        times = sorted(r.seconds * 1000 for r in results)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        lines.append(
            f"| {name} | {span:.1f} | {len(results)} | {errors} | {errors / len(results):.1%} "
            f"| {statistics.median(times):.0f} | {p95:.0f} |"
        )
    return "\n".join(lines)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"Nothing answered on 127.0.0.1:{port} within {seconds} s.")


class Postgres:
    """A throwaway PostgreSQL cluster in `temp`, trusting local connections, on a free port."""

    def __init__(self, temp):
        self.bindir = postgres_bindir()
        self.port = free_port()
        self.folder = temp / "postgres"
        self.folder.mkdir()
        # As root, PostgreSQL refuses to run: the cluster belongs to the postgres user.
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.folder, self.user, self.user)
        self.data = self.folder / "data"
        self.run(
            "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        self.running = False
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "arctic")

    def run(self, program, *arguments):
        subprocess.run(
            [str(Path(self.bindir) / program), *map(str, arguments)],
            user=self.user,
            cwd=self.folder,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=120,
        )

    def start(self):
        # A throwaway cluster: no fsync, so building the site costs minutes less. A restart
        # with -m fast still shuts down cleanly, so nothing is lost across it.
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run("pg_ctl", "-D", self.data, "-o", options, "-l", self.folder / "log", "-w", "start")
        self.running = True

    def stop(self):
        if self.running:
            self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
            self.running = False


def postgres_bindir():
    candidates = []
    if shutil.which("pg_config"):
        bindir = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        candidates.append(bindir)
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for bindir in candidates:
        if (Path(bindir) / "initdb").exists() and (Path(bindir) / "pg_ctl").exists():
            return bindir
    sys.exit("initdb and pg_ctl are missing: install the PostgreSQL server (postgresql).")


class Redis:
    """A redis-server without persistence on a free port; start() after stop() is empty."""

    def __init__(self, temp):
        self.program = shutil.which("redis-server")
        if self.program is None:
            sys.exit("redis-server is missing: install it (Debian: redis-server).")
        self.port = free_port()
        self.folder = temp
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [
                self.program,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def key_count(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2).dbsize()


if __name__ == "__main__":
    main()
