"""Time (and optionally profile) uncached renders in-process: prints figures, asserts nothing.

On a fresh SQLite database with the demo school and the production settings, with the page
cache off, Django's test client requests each address once to warm the per-process caches,
then `--repeat` more times: the median and mean time per request and the SQL queries of one
request. Less noisy than `serve_bench.py` on a shared machine (no HTTP server, no wrk).

    .venv/bin/python bench/render_profile.py                       # report and directory
    .venv/bin/python bench/render_profile.py --profile 25          # and cProfile's top 25
    .venv/bin/python bench/render_profile.py --paths /send/ --repeat 50

Results and how to read them: docs/benchmarks.md.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import PYTHON, ROOT  # noqa: E402

PATHS = ["/send/sen-information-report/", "/send/local-offer/"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paths", nargs="+", default=PATHS)
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per address")
    parser.add_argument("--profile", type=int, default=0, help="print cProfile's top N")
    parser.add_argument("--dump", default="", help="also save each profile to DUMP-<n>.prof")
    parser.add_argument("--in-django", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def measure(args):
    """In a process with Django's settings in the environment: time and profile each path."""
    import cProfile
    import pstats
    import time
    from statistics import mean, median

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", headers=common.PROXY_HEADERS)
    results = {}
    for number, path in enumerate(args.paths, start=1):
        response = client.get(path)  # warm: content types, site root paths, templates
        assert response.status_code == 200, (path, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        query_count = len(queries)  # now: the next request empties Django's query log
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        results[path] = {
            "queries": query_count,
            "median_ms": round(median(timings), 2),
            "mean_ms": round(mean(timings), 2),
            "min_ms": round(min(timings), 2),
        }
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                client.get(path)
            profiler.disable()
            if args.dump:
                profiler.dump_stats(f"{args.dump}-{number}.prof")
            print(f"\n=== {path}: cProfile over {args.repeat} requests ===", file=sys.stderr)
            for order in ("cumulative", "tottime"):
                stats = pstats.Stats(profiler, stream=sys.stderr).sort_stats(order)
                stats.print_stats(args.profile)
    print(json.dumps(results))


def main():
    args = parse_args()
    if args.in_django:
        measure(args)
        return
    with common.database("sqlite") as (database_url, data_dir):
        env = common.server_env(database_url, data_dir, port=80, page_cache=False)
        env["ALLOWED_HOSTS"] = "127.0.0.1"
        common.prepare(env)
        command = [PYTHON, __file__, "--in-django", "--repeat", str(args.repeat)]
        command += ["--profile", str(args.profile), "--paths", *args.paths]
        if args.dump:
            command += ["--dump", str(Path(args.dump).resolve())]
        result = subprocess.run(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, check=True
        )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"{'address':<34} {'queries':>7} {'median ms':>9} {'mean ms':>8} {'min ms':>7}")
    for path, f in figures.items():
        print(
            f"{path:<34} {f['queries']:>7} {f['median_ms']:>9.1f} {f['mean_ms']:>8.1f} "
            f"{f['min_ms']:>7.1f}"
        )


if __name__ == "__main__":
    main()
