"""How well and how fast the report importer works (senreport/importing/).

    .venv/bin/python bench/import_bench.py            # best of 5 timings

Over the test corpus (tests/senreport/importing/corpus.py: eight made-up reports in the
layouts schools use, each as a Word file, a PDF and a web page) it prints:

- the share of sections matched to the right report item (target 90 % or more);
- the share of legal items the audit gets right (covered or missing);
- the same two for the held-out reports (written after the tuning; see corpus.py);
- the time to read, split and match a Word file of about 6,000 words (target under
  5 seconds), and the same for its PDF; best of N runs.

No database is needed: the importer reads and matches without one. Figures depend on the
machine: printed, not asserted (the tests assert the targets).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schoolsite.settings.test")

import django  # noqa: E402

django.setup()

from senreport.importing.analysis import analyse  # noqa: E402
from senreport.importing.reading import read_bytes  # noqa: E402
from tests.senreport.importing.corpus import (  # noqa: E402
    FORMATS,
    HELD_OUT,
    REPORTS,
    long_report,
    measure,
    to_pdf,
)


def best_time(data, kind, runs):
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        document = read_bytes(data, kind, f"long.{kind}")
        _, sections = analyse(document)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best, document.words, len(sections)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    matched, audited, misses = measure()
    sections = sum(len(r.sections) for r in REPORTS) * len(FORMATS)
    print(f"Corpus: {len(REPORTS)} reports x {len(FORMATS)} formats, {sections} sections")
    print(f"Sections matched to the right item: {matched:.1%} (target 90%)")
    print(f"Legal items the audit gets right:   {audited:.1%}")
    for miss in misses:
        print("  miss:", " | ".join(str(part) for part in miss))

    matched, audited, misses = measure(HELD_OUT)
    sections = sum(len(r.sections) for r in HELD_OUT) * len(FORMATS)
    print(f"Held out ({len(HELD_OUT)} reports written after the tuning, {sections} sections):")
    print(f"  matched to the right item: {matched:.1%}; audit right: {audited:.1%}")
    for miss in misses:
        print("  miss:", " | ".join(str(part) for part in miss))

    report, docx = long_report(6000)
    seconds, words, count = best_time(docx, "docx", args.runs)
    print(f"A {words:,}-word Word file ({count} sections): {seconds:.2f} s (target under 5 s)")
    seconds, words, count = best_time(to_pdf(report), "pdf", args.runs)
    print(f"The same as a PDF ({words:,} words, {count} sections): {seconds:.2f} s")


if __name__ == "__main__":
    main()
