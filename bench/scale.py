"""Scale figures for a trust of many schools, on PostgreSQL (docs/benchmarks.md).

    .venv/bin/python bench/scale.py                  # 1, 50 and 500 schools
    .venv/bin/python bench/scale.py --sizes 1 50     # quicker
    .venv/bin/python bench/scale.py --database-url postgres://user@127.0.0.1:5432

For each number of schools N, on a fresh database: `manage.py seed_schools N` (timed),
then, with the production settings:

- the trust overview (/admin/trust/): time and number of SQL queries, in-process through
  Django's test client, logged in as a superuser (median of 5 after one warm-up);
- one school's compliance dashboard (/admin/compliance/?site=<school 1>), the same way;
- school 1's public SEN Information Report rendered the same way (anonymous, its Host);
- a public SEN Information Report of school 1: requests per second from wrk against
  gunicorn with 2 workers, with school 1's Host header;
- `manage.py compliance --all-sites --format json`: wall time, Django's start-up included.

Without --database-url it makes a throwaway PostgreSQL 15 cluster (as .ci/run does) on a
free 127.0.0.1 port and removes it afterwards. Nothing here is a test: the figures depend
on the machine, so they are printed, not asserted.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))
REPORT_PATH = "/send/sen-information-report/"


def free_port():
    for port in random.sample(range(15000, 32000), 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port")


def as_postgres(args):
    if os.getuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@contextmanager
def throwaway_postgres():
    """A PostgreSQL cluster in a temporary folder; yields its base URL."""
    folder = Path(tempfile.mkdtemp(prefix="scale-pg-"))
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    port = free_port()
    data = folder / "data"
    subprocess.run(
        as_postgres([str(PGBIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        as_postgres(
            [
                str(PGBIN / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "server.log"),
                "-w",
                "-o",
                f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgres://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            as_postgres([str(PGBIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def given_server(url):
    yield url.rstrip("/")


def environment(database_url, static_root):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
            "DATABASE_URL": database_url,
            "SECRET_KEY": "scale-benchmark-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,.localhost",
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(static_root),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    return env


def manage(env, *args, check=True):
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started, result


def create_database(base_url, name):
    port = base_url.rsplit(":", 1)[1]
    subprocess.run(
        as_postgres(
            [str(PGBIN / "createdb"), "-h", "127.0.0.1", "-p", port, "-U", "postgres", name]
        ),
        check=True,
        capture_output=True,
    )
    return f"{base_url}/{name}"


def analyze(base_url, name):
    port = base_url.rsplit(":", 1)[1]
    subprocess.run(
        as_postgres(
            [
                str(PGBIN / "vacuumdb"),
                "--analyze",
                "-h",
                "127.0.0.1",
                "-p",
                port,
                "-U",
                "postgres",
                name,
            ]
        ),
        check=True,
        capture_output=True,
    )


def in_django(env, step):
    """Run one of this file's Django steps in a child process; returns its JSON output."""
    result = subprocess.run(
        [PYTHON, __file__, "--step", step],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Step {step} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


@contextmanager
def gunicorn(env, port):
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "schoolsite.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("gunicorn did not start")
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def public_rps(env, host, duration):
    port = free_port()
    with gunicorn(env, port):
        url = f"http://127.0.0.1:{port}{REPORT_PATH}"
        request = urllib.request.Request(url, headers={"Host": host})
        for _ in range(20):  # warm both workers' caches
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 200, response.status
                body = response.read().decode()
        assert "SEN Information Report" in body
        result = subprocess.run(
            ["wrk", "-t2", "-c8", f"-d{duration}s", "-H", f"Host: {host}", url],
            capture_output=True,
            text=True,
            check=True,
        )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    latency = re.search(r"Latency\s+([\d.]+\w+)", result.stdout).group(1)
    return rps, latency, int(errors.group(1)) if errors else 0


def run_size(base_url, count, duration, static_root):
    name = f"scale_{count}"
    database_url = create_database(base_url, name)
    env = environment(database_url, static_root)
    manage(env, "migrate", "--noinput")
    in_django(env, "prepare")
    seed_seconds, _ = manage(env, "seed_schools", str(count), "--no-progress")
    analyze(base_url, name)
    figures = in_django(env, "measure")
    compliance_seconds, result = manage(
        env, "compliance", "--all-sites", "--format", "json", check=False
    )
    schools = json.loads(result.stdout)["schools"]
    assert len(schools) == count, len(schools)
    rps, latency, errors = public_rps(env, figures["host"], duration)
    return {
        "schools": count,
        "seed_seconds": seed_seconds,
        "overview_ms": figures["overview_ms"],
        "overview_queries": figures["overview_queries"],
        "dashboard_ms": figures["dashboard_ms"],
        "dashboard_queries": figures["dashboard_queries"],
        "report_ms": figures["report_ms"],
        "report_queries": figures["report_queries"],
        "report_rps": rps,
        "report_latency": latency,
        "report_errors": errors,
        "compliance_seconds": compliance_seconds,
    }


def print_table(rows):
    print()
    print(
        "| schools | seed_schools | trust overview (queries) | one dashboard (queries) "
        "| SEN report render (queries) | SEN report req/s, gunicorn (avg latency) "
        "| compliance --all-sites |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        errors = f", {r['report_errors']} errors" if r["report_errors"] else ""
        print(
            f"| {r['schools']} | {r['seed_seconds']:.1f} s "
            f"| {r['overview_ms']:.0f} ms ({r['overview_queries']}) "
            f"| {r['dashboard_ms']:.0f} ms ({r['dashboard_queries']}) "
            f"| {r['report_ms']:.0f} ms ({r['report_queries']}) "
            f"| {r['report_rps']:.1f} ({r['report_latency']}{errors}) "
            f"| {r['compliance_seconds']:.1f} s |"
        )


# Steps run inside Django (child processes with the benchmark's settings).


def step_prepare():
    """Remove Wagtail's placeholder site and welcome page, so the database holds only the
    schools, and add the superuser the admin figures are taken as."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from wagtail.models import Site

    for site in Site.objects.filter(hostname="localhost", port=80):
        page = site.root_page
        site.delete()
        if page.depth == 2 and not page.get_children().exists():
            page.delete()
    get_user_model().objects.create_superuser("bench", "bench@example.com", "x" * 20)
    print(json.dumps({"ok": True}))


def step_measure():
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from home.demo_schools import generated_school

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="bench"))
    first = generated_school(1)
    site = Site.objects.get(hostname=first.hostname)

    def measure(url, client=client):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        # Counted now: the next request empties the log the context reads from.
        query_count = len(queries)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        return median(times), query_count

    overview_ms, overview_queries = measure("/admin/trust/")
    dashboard_ms, dashboard_queries = measure(f"/admin/compliance/?site={site.pk}")
    report_ms, report_queries = measure(REPORT_PATH, client=Client(HTTP_HOST=first.hostname))
    print(
        json.dumps(
            {
                "host": first.hostname,
                "report_ms": report_ms,
                "report_queries": report_queries,
                "overview_ms": overview_ms,
                "overview_queries": overview_queries,
                "dashboard_ms": dashboard_ms,
                "dashboard_queries": dashboard_queries,
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 50, 500])
    parser.add_argument("--duration", type=int, default=10, help="wrk seconds per size")
    parser.add_argument("--database-url", help="an existing PostgreSQL server (no database)")
    parser.add_argument("--step", choices=["prepare", "measure"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.step == "prepare":
        return step_prepare()
    if args.step == "measure":
        return step_measure()

    static_root = Path(tempfile.mkdtemp(prefix="scale-static-"))
    rows = []
    try:
        server = given_server(args.database_url) if args.database_url else throwaway_postgres()
        with server as base_url:
            env = environment(f"{base_url}/postgres", static_root)
            manage(env, "collectstatic", "--noinput")
            for count in args.sizes:
                print(f"{count} school(s)...", file=sys.stderr, flush=True)
                rows.append(run_size(base_url, count, args.duration, static_root))
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    print_table(rows)


if __name__ == "__main__":
    main()
