"""Throughput and latency of the public site: prints figures, asserts nothing.

For each database (SQLite, then a throwaway PostgreSQL 15 cluster): a fresh database with
the demo school, gunicorn with the production settings (2 workers) on a free 127.0.0.1
port, and wrk against the home page, the SEN Information Report, the services directory,
the Open Referral services feed and one static file, with the page cache off and on.

    .venv/bin/python bench/serve_bench.py                 # both databases, 10 s per run
    .venv/bin/python bench/serve_bench.py --databases sqlite --duration 5

Every row gives its ratio to the static file served by the same server in the same run (the
steadier figure on a shared machine); the summary ends with the targets the render path is
held to and whether this run met them.

"Cache off" is the page cache off (PAGE_CACHE=off): every request is rendered, as for a
signed-in reader. Page fragments (pagecache/fragments.py) stay on, as in production, so
after the warming request the report's and the directory's bodies are remembered;
`--fragments off` measures every body built too (the first reader after a publish).

Not run in CI. Results and how to read them: docs/benchmarks.md.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGETS = [
    ("home page", "/"),
    ("SEN Information Report", "/send/sen-information-report/"),
    ("services directory", "/send/local-offer/"),
    ("/openreferral/services", "/openreferral/services"),
    ("static file", None),  # the stylesheet, under its hashed name
]


def bench_database(kind, args):
    rows = []
    with common.database(kind) as (database_url, data_dir):
        port = common.free_port()
        common.prepare(common.server_env(database_url, data_dir, port, page_cache=False))
        for cache in (False, True):
            port = common.free_port()
            env = common.server_env(database_url, data_dir, port, page_cache=cache)
            env["PAGE_FRAGMENTS"] = args.fragments
            with common.gunicorn(env, port) as base:
                static = common.static_url(base)
                figures = {}
                for name, path in TARGETS:
                    url = base + (path or static)
                    common.get(url)  # warm: per-process caches (and the page cache)
                    figures[name], _ = common.run_wrk(
                        url, args.duration, args.connections, args.threads
                    )
                static_rps = figures["static file"]["rps"] or float("nan")
                for name, _ in TARGETS:
                    f = figures[name]
                    rows.append(
                        (
                            kind,
                            "on" if cache else "off",
                            name,
                            f["rps"],
                            f["p50"],
                            f["p99"],
                            f["non_2xx"] + f["socket_errors"],
                            f["rps"] / static_rps,
                        )
                    )
                    print_row(rows[-1], flush=True)
    return rows


# (page cache, target, lowest ratio to the static file)
TARGET_RATIOS = [
    ("off", "SEN Information Report", 0.06),
    ("off", "services directory", 0.06),
    ("on", "SEN Information Report", 0.8),
]

HEADER = (
    f"{'database':<9} {'cache':<5} {'target':<24} {'req/s':>8} {'p50 ms':>8} "
    f"{'p99 ms':>8} {'errors':>6} {'vs static':>9}"
)


def print_row(row, flush=False):
    kind, cache, name, rps, p50, p99, errors, ratio = row
    print(
        f"{kind:<9} {cache:<5} {name:<24} {rps:>8.0f} {p50:>8.1f} {p99:>8.1f} {errors:>6d} "
        f"{ratio:>9.3f}",
        flush=flush,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--fragments", choices=["on", "off"], default="on", help="page fragments (PAGE_FRAGMENTS)"
    )
    args = parser.parse_args()
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency; gunicorn "
        "2 sync workers; production settings; errors = non-2xx/3xx + socket errors; "
        f"page fragments {args.fragments}"
    )
    print(HEADER, flush=True)
    rows = []
    for kind in args.databases.split(","):
        rows += bench_database(kind.strip(), args)
    print("\nSummary")
    print(HEADER)
    for row in rows:
        print_row(row)
    print("\nTargets (ratio to the static file in the same run)")
    for kind, cache, name, *_, ratio in rows:
        for target_cache, target_name, lowest in TARGET_RATIOS:
            if (cache, name) == (target_cache, target_name):
                verdict = "met" if ratio >= lowest else "NOT met"
                print(
                    f"{kind:<9} cache {cache:<3} {name:<24} {ratio:>6.3f} (at least {lowest}): "
                    f"{verdict}"
                )


if __name__ == "__main__":
    main()
