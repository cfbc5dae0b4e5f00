"""Scale figures for a trust of many schools, on PostgreSQL (docs/benchmarks.md).

    .venv/bin/python bench/scale.py                  # 1, 50 and 500 schools
    .venv/bin/python bench/scale.py --sizes 1 50     # quicker

For each number of schools N, on a fresh database: `manage.py seed_schools N` (timed),
then, with the production settings:

- the trust overview (/admin/trust/): time and number of SQL queries, in-process through
  Django's test client, logged in as a superuser (median of 5 after one warm-up);
- one school's compliance dashboard (/admin/compliance/?site=<school 1>), the same way;
- school 1's public SEN Information Report rendered the same way (anonymous, its Host);
- a public SEN Information Report of school 1: requests per second and latency from wrk
  against gunicorn with 2 workers, with school 1's Host header, with the page cache off
  (every request renders) and on;
- `manage.py compliance --all-sites --format json`: wall time, Django's start-up included,
  reading the stored results that `manage.py compliance --all-sites --refresh` (the nightly
  job, run right after seeding and timed too) has just stored.

It runs on a throwaway PostgreSQL 15 cluster (bench/common.py) on a free 127.0.0.1 port,
removed afterwards. Nothing here is a test: the figures depend on the machine, so they are
printed, not asserted.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import PYTHON, ROOT  # noqa: E402

REPORT_PATH = "/send/sen-information-report/"


def environment(database_url, data_dir, page_cache=True):
    """bench/common.py's production environment, for the generated schools' host names; the
    in-process steps use Django's test client over plain HTTP."""
    env = common.server_env(database_url, data_dir, port=80, page_cache=page_cache)
    env.update({"ALLOWED_HOSTS": "127.0.0.1,.localhost", "SECURE_SSL_REDIRECT": "false"})
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


def public_report_figures(database_url, data_dir, host, duration):
    """wrk at school `host`'s SEN Information Report, page cache off then on."""
    figures = {}
    for page_cache in (False, True):
        env = environment(database_url, data_dir, page_cache)
        with common.gunicorn(env, common.free_port()) as base:
            url = base + REPORT_PATH
            for _ in range(10):  # both workers: their first requests import and warm up
                status, _, body = common.get(url, headers={"Host": host}, timeout=30)
            assert status == 200 and b"SEN Information Report" in body, status
            result, _ = common.run_wrk(
                url, duration, connections=8, extra_args=["-H", f"Host: {host}"]
            )
        figures["cached" if page_cache else "uncached"] = result
    return figures


def run_size(base_url, count, duration, data_dir):
    name = f"scale_{count}"
    database_url = common.create_database(base_url, name)
    env = environment(database_url, data_dir)
    manage(env, "migrate", "--noinput")
    in_django(env, "prepare")
    seed_seconds, _ = manage(env, "seed_schools", str(count), "--no-progress")
    # The nightly refresh of the stored compliance results (docs/operations.md): what the
    # trust overview and the dashboards then read.
    refresh_seconds, _ = manage(
        env, "compliance", "--all-sites", "--refresh", "--format", "json", check=False
    )
    common.vacuum_analyze(base_url, name)
    # Uncached: the render itself, not a read from the page cache.
    figures = in_django(environment(database_url, data_dir, page_cache=False), "measure")
    compliance_seconds, result = manage(
        env, "compliance", "--all-sites", "--format", "json", check=False
    )
    schools = json.loads(result.stdout)["schools"]
    assert len(schools) == count, len(schools)
    wrk = public_report_figures(database_url, data_dir, figures.pop("host"), duration)
    return {
        "schools": count,
        "seed_seconds": seed_seconds,
        "refresh_seconds": refresh_seconds,
        **figures,
        "wrk": wrk,
        "compliance_seconds": compliance_seconds,
    }


def _wrk_cell(figures):
    errors = figures["non_2xx"] + figures["socket_errors"]
    cell = f"{figures['rps']:.0f} ({figures['p50']:.0f} / {figures['p99']:.0f} ms)"
    return cell + (f", {errors} errors" if errors else "")


def print_table(rows):
    print()
    print(
        "| schools | seed_schools | trust overview (queries) | one dashboard (queries) "
        "| SEN report render (queries) | SEN report req/s uncached (p50 / p99) "
        "| SEN report req/s cached (p50 / p99) | compliance --all-sites "
        "| compliance --all-sites --refresh |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['schools']} | {r['seed_seconds']:.1f} s "
            f"| {r['overview_ms']:.0f} ms ({r['overview_queries']}) "
            f"| {r['dashboard_ms']:.0f} ms ({r['dashboard_queries']}) "
            f"| {r['report_ms']:.0f} ms ({r['report_queries']}) "
            f"| {_wrk_cell(r['wrk']['uncached'])} | {_wrk_cell(r['wrk']['cached'])} "
            f"| {r['compliance_seconds']:.1f} s | {r['refresh_seconds']:.1f} s |"
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

    from demo.schools import generated_school

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
    parser.add_argument("--duration", type=int, default=10, help="wrk seconds per run")
    parser.add_argument("--step", choices=["prepare", "measure"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # the steps import the project
    if args.step == "prepare":
        return step_prepare()
    if args.step == "measure":
        return step_measure()

    data_dir = Path(tempfile.mkdtemp(prefix="scale-data-"))
    rows = []
    try:
        with common.postgres_server(durable=False) as base_url:
            manage(environment(f"{base_url}/postgres", data_dir), "collectstatic", "--noinput")
            for count in args.sizes:
                print(f"{count} school(s)...", file=sys.stderr, flush=True)
                rows.append(run_size(base_url, count, args.duration, data_dir))
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    print_table(rows)


if __name__ == "__main__":
    main()
