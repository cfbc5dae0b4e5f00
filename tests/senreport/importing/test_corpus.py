"""The importer measured on the corpus: eight made-up reports in the layouts schools use,
each as a Word file, a PDF and a web page (tests/senreport/importing/corpus.py)."""

import time

from senreport.importing.analysis import analyse
from senreport.importing.reading import read_bytes

from .corpus import REPORTS, long_report, measure

MATCHED_TARGET = 0.90
AUDIT_TARGET = 0.90


def test_the_corpus_has_eight_reports_in_every_layout():
    assert len(REPORTS) >= 8
    assert len({report.layout for report in REPORTS}) >= 8
    for report in REPORTS:
        assert all(s.expected is None or isinstance(s.expected, str) for s in report.sections)


def test_at_least_nine_sections_in_ten_go_to_the_right_item_and_the_audit_is_right():
    matched, audited, misses = measure()
    assert matched >= MATCHED_TARGET, misses
    assert audited >= AUDIT_TARGET, misses


def test_a_6000_word_report_is_read_and_matched_in_under_5_seconds():
    report, data = long_report(6000)
    started = time.perf_counter()
    document = read_bytes(data, "docx", "long.docx")
    _, sections = analyse(document)
    elapsed = time.perf_counter() - started
    assert document.words >= 6000
    assert len(sections) > 100
    assert elapsed < 5
