"""The statutory pages' PDFs: how long the first PDF of the SEN Information Report takes,
and how fast the kept (cached) PDF is served next to a static file. Prints figures and
ratios; asserts nothing. Targets (issue 19): the first PDF under 3 s; a cached PDF about
as fast as a static file.

A fresh SQLite database with the demo school, gunicorn (two workers) with the production
settings and the page cache on, on a free 127.0.0.1 port; wrk for the throughput. It stops
by itself.

    .venv/bin/python bench/pdf_bench.py
    .venv/bin/python bench/pdf_bench.py --duration 10 --connections 8 --renders 5

- first PDF, cold: the first PDF a new worker makes (WeasyPrint loads its fonts then);
- first PDF, warm: after a purge of the page cache (a publish does the same), the median
  of `--renders` new PDFs;
- the kept PDF, the kept HTML page and a static file: requests a second with wrk, and
  the ratios to the static file.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import PYTHON, ROOT  # noqa: E402

REPORT_PDF = "/send/sen-information-report.pdf"
REPORT_HTML = "/send/sen-information-report/"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds of wrk per address")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--renders", type=int, default=3, help="warm first-PDF samples")
    return parser.parse_args()


def timed_get(url):
    started = time.perf_counter()
    status, headers, body = common.get(url, timeout=60)
    elapsed = time.perf_counter() - started
    assert status == 200, (url, status)
    return elapsed, headers, body


def purge(env):
    subprocess.run(
        [PYTHON, "manage.py", "clear_page_cache"], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip


def main():
    args = parse_args()
    with common.database("sqlite") as (database_url, data_dir):
        port = common.free_port()
        env = common.server_env(database_url, data_dir, port=port, page_cache=True)
        common.prepare(env)
        with common.gunicorn(env, port) as base:
            cold, headers, body = timed_get(base + REPORT_PDF)
            size_kb = len(body) / 1024
            warm = []
            for _ in range(args.renders):
                purge(env)
                # Both workers: each request after a purge makes the PDF again.
                elapsed, headers, _ = timed_get(base + REPORT_PDF)
                warm.append(elapsed)
            hit, headers, _ = timed_get(base + REPORT_PDF)
            cache_header = headers.get("X-Page-Cache", "-")
            static = common.static_url(base)
            timed_get(base + REPORT_HTML)  # kept by the page cache from now on
            rows = [
                (f"{name}", common.run_wrk(base + path, args.duration, args.connections)[0])
                for name, path in (
                    (REPORT_PDF + " (kept)", REPORT_PDF),
                    (REPORT_HTML + " (kept)", REPORT_HTML),
                    (static, static),
                )
            ]

    print(f"SEN Information Report PDF: {size_kb:.0f} KB")
    print(f"first PDF, cold worker:        {cold:6.2f} s   (target < 3 s)")
    print(
        f"first PDF after a purge:       {statistics.median(warm):6.2f} s   median of "
        f"{len(warm)} ({', '.join(f'{w:.2f}' for w in warm)})"
    )
    print(f"kept PDF, one request:         {hit * 1000:6.1f} ms  (X-Page-Cache: {cache_header})")
    print(f"{'address':<40} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}")
    for name, figures in rows:
        errors = figures["non_2xx"] + figures["socket_errors"]
        print(
            f"{name:<40} {figures['rps']:>8.0f} {figures['p50']:>7.1f} {figures['p99']:>7.1f} "
            f"{errors:>6}"
        )
    pdf_rps, html_rps, static_rps = (figures["rps"] for _, figures in rows)
    if static_rps:
        print(f"kept PDF / static file throughput: {pdf_rps / static_rps:.2f}")
        print(f"kept page / static file throughput: {html_rps / static_rps:.2f}")


if __name__ == "__main__":
    main()
