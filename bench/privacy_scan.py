"""How long the pupil-data detector (home/privacy.py) takes over all the demo content.

    .venv/bin/python bench/privacy_scan.py            # 2 demo schools, best of 20 passes

On a fresh SQLite database (bench/common.py) with `manage.py seed_demo --schools 2`, it
reads every live page (`page_text`) and the text of every Local Offer service and
organisation, school details and glossary term, once; then it times:

- the detector alone: `find_pupil_data` over all those texts, best of N passes, each with
  the detector's memory of texts it has read emptied (a first visit), then remembered;
- the compliance engine's run over both schools (`evaluate_site` per school, every check, as the
  trust overview runs it), best of N, the detector's memory emptied each time, with its
  number of SQL queries.

Figures depend on the machine: printed, not asserted (docs/benchmarks.md).
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import PYTHON, ROOT  # noqa: E402


def record_texts():
    """The text fields of every Local Offer record, school details and glossary term, read
    from the models' own fields (the same set before and after a change to the detector)."""
    from django.apps import apps

    names = [
        ("localoffer", "Service"),
        ("localoffer", "Organisation"),
        ("home", "SchoolSettings"),
        ("senreport", "GlossaryTerm"),
    ]
    texts = []
    for app_label, model_name in names:
        model = apps.get_model(app_label, model_name)
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.get_internal_type() in ("CharField", "TextField") and not f.choices
        ]
        for record in model.objects.all():
            texts.extend(str(getattr(record, name) or "") for name in fields)
    return [t for t in texts if t]


def forget():
    """Empty the detector's memory of texts it has read, where it has one."""
    from home import privacy

    cached = getattr(privacy, "_find", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()


def best(run, passes, cold=True):
    times = []
    for _ in range(passes):
        if cold:
            forget()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(passes):
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page, Site

    from home.privacy import find_pupil_data, page_text
    from senreport.compliance import evaluate_site

    def evaluate_sites(sites):
        return [evaluate_site(site) for site in sites]

    texts = [page_text(page) for page in Page.objects.live().specific() if page.depth > 1]
    texts += record_texts()
    size = sum(len(t) for t in texts)
    findings = [f for text in texts for f in find_pupil_data(text)]
    detector = best(lambda: [find_pupil_data(t) for t in texts], passes)
    remembered = best(lambda: [find_pupil_data(t) for t in texts], passes, cold=False)

    sites = list(Site.objects.select_related("root_page"))
    evaluate_sites(sites)  # fills Django's and Wagtail's per-process caches
    with CaptureQueriesContext(connection) as queries:
        evaluate_sites(sites)
    engine = best(lambda: evaluate_sites(sites), passes)
    return {
        "texts": len(texts),
        "characters": size,
        "findings": [list(f) for f in findings],
        "detector_ms": round(detector * 1000, 2),
        "detector_mb_per_s": round(size / detector / 1e6, 1),
        "remembered_ms": round(remembered * 1000, 2),
        "engine_ms": round(engine * 1000, 1),
        "engine_queries": len(queries),
        "sites": len(sites),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.passes)))
        return
    with common.database("sqlite") as (database_url, data_dir):
        env = common.server_env(database_url, data_dir, port=80, page_cache=False)
        env["DJANGO_SETTINGS_MODULE"] = "schoolsite.settings.test"
        for command in (["migrate", "--noinput"], ["seed_demo", "--schools", "2"]):
            subprocess.run(
                [PYTHON, "manage.py", *command],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
        result = subprocess.run(
            [PYTHON, __file__, "--measure", "--passes", str(args.passes)],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")},
            capture_output=True,
            text=True,
            check=True,
        )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(
        f"{figures['texts']} texts, {figures['characters']:,} characters "
        f"({figures['sites']} sites); {len(figures['findings'])} findings"
    )
    for kind, phrase in figures["findings"]:
        print(f"  finding: {kind}: {phrase!r}")
    print(
        f"detector alone: {figures['detector_ms']} ms a pass "
        f"({figures['detector_mb_per_s']} MB/s), best of {args.passes}; texts read before: "
        f"{figures['remembered_ms']} ms"
    )
    print(
        f"compliance engine, every check on every site: {figures['engine_ms']} ms, "
        f"{figures['engine_queries']} queries, best of {args.passes}"
    )


if __name__ == "__main__":
    main()
