"""The personal-data check skips its slowest pattern for text that cannot match it: the
findings must be exactly those of the pattern on its own."""

import pytest

from home.privacy import PATTERNS, SMALL_COUNT, find_pupil_data, page_text

SAMPLES = [
    "3 pupils have autism",
    "Autism: 2",
    "Autism: 2 pupils.",
    "Speech and language: 4\nOther: 9",
    "(n=4) of the group",
    "N = 3",
    "Key stage 2: we meet termly.",
    "The office opens at 8:40am and closes at 4pm.",
    "Stage 1: talk to us",
    "We have 12 children in each class and 4 classes.",
    "Year 3: 1, Year 4: 2",
    "born on 3 March 2016; DOB 12/04/2015",
    "A123456789012 is a UPN",
    "Nothing to see: 5 pupils, 10 children.",
    "Ages 4 to 11; 0 children waiting",
]


def unfiltered(text):
    return [
        (kind, " ".join(match.group(0).split()))
        for pattern, kind in PATTERNS
        for match in pattern.finditer(text)
    ]


@pytest.mark.parametrize("text", SAMPLES)
def test_findings_are_those_of_the_patterns_alone(text):
    assert find_pupil_data(text) == unfiltered(text)


def test_small_counts_are_still_found():
    kinds = {kind for kind, _ in find_pupil_data("Autism: 2.")}
    assert kinds == {dict(PATTERNS)[SMALL_COUNT]}


@pytest.mark.django_db
def test_every_demo_page_gives_the_same_findings(demo):
    from wagtail.models import Page

    for page in Page.objects.live().specific():
        text = page_text(page)
        assert find_pupil_data(text) == unfiltered(text), page.title
