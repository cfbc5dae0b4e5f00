"""The pupil-data detector (home/privacy.py): what real school pages must never publish, and
the ordinary sentences it must leave alone."""

from io import StringIO

import pytest
from django.core.management import call_command

from home.privacy import (
    DATE_OF_BIRTH_KIND,
    NAMED_NEED_KIND,
    NHS_KIND,
    SMALL_COUNT_KIND,
    ULN_KIND,
    UPN_KIND,
    WHY,
    Finding,
    find_pupil_data,
    is_nhs_number,
    is_uln,
    page_text,
    page_texts,
    upn_check_letter,
)

DOB, NAMED, COUNT = DATE_OF_BIRTH_KIND, NAMED_NEED_KIND, SMALL_COUNT_KIND

# (text, kind, the quoted words)
FOUND = [
    # A date of birth, in every common UK form.
    ("born 3 April 2016", DOB, "born 3 April 2016"),
    ("DOB 2016-04-03", DOB, "DOB 2016-04-03"),
    ("d.o.b. 3rd April 2016", DOB, "d.o.b. 3rd April 2016"),
    ("born 03/04/2018", DOB, "born 03/04/2018"),
    ("born on April 3, 2016", DOB, "born on April 3, 2016"),
    ("Date of birth: 03.04.2016", DOB, "Date of birth: 03.04.2016"),
    ("DoB: 3/4/16", DOB, "DoB: 3/4/16"),
    ("Jay Smith, DOB 12/03/2016, chose his targets.", DOB, "DOB 12/03/2016"),
    ("Tom, born on the 3rd of April 2016, joined us.", DOB, "born on the 3rd of April 2016"),
    ("Maisie (born 14 Feb 2017) loves art.", DOB, "born 14 Feb 2017"),
    ("Birthdate: 2015/09/30", DOB, "Birthdate: 2015/09/30"),
    # A name with a year group, class or age and a need, diagnosis or plan.
    ("Tom in Year 3 has an EHC plan", NAMED, "Tom in Year 3 has an EHC plan"),
    ("Amira (age 7) has autism", NAMED, "Amira (age 7) has autism"),
    ("Jack, Year 5, is on SEN support", NAMED, "Jack, Year 5, is on SEN support"),
    ("Year 5 pupil Jack has ADHD.", NAMED, "Year 5 pupil Jack has ADHD"),
    ("Ella, a Year 4 pupil, has dyslexia.", NAMED, "Ella, a Year 4 pupil, has dyslexia"),
    ("Our seven-year-old Amira has autism.", NAMED, "seven-year-old Amira has autism"),
    ("Sam, who is in Year 2, was diagnosed with ADHD.", NAMED, "Sam, who is in Year 2, was"),
    ("Ben (Year 6, EHC plan) visits his new school.", NAMED, "Ben (Year 6, EHC plan"),
    ("Priya in Oak Class is autistic.", NAMED, "Priya in Oak Class is autistic"),
    ("Tom S. in Year 3 has an EHCP.", NAMED, "Tom S. in Year 3 has an EHCP"),
    ("Leo, aged 9, has cerebral palsy.", NAMED, "Leo, aged 9, has cerebral palsy"),
    ("Amira (7) has autism.", NAMED, "Amira (7) has autism"),
    ("Today Tom in Year 3 has his EHC plan review.", NAMED, "Tom in Year 3 has his EHC"),
    ("Mia-Rose in Reception is in the nurture group.", NAMED, "Mia-Rose in Reception is in"),
    # Unique Pupil Numbers: a valid check letter, or labelled, with or without spaces.
    ("UPN: A123456789012", UPN_KIND, "A123456789012"),
    ("B801200005001", UPN_KIND, "B801200005001"),
    ("Pupil number B801 2000 05001.", UPN_KIND, "B801 2000 05001"),
    ("B-801-200005-001", UPN_KIND, "B-801-200005-001"),
    ("Temporary: " + upn_check_letter("80120000500A") + "80120000500A", UPN_KIND, "80120000500A"),
    ("UPN Z999999999999 (a typo is still a UPN)", UPN_KIND, "Z999999999999"),
    # Unique Learner Numbers and NHS numbers, with their check digits.
    ("ULN 1234567890", ULN_KIND, "1234567890"),
    ("Her learner number is 9999999999.", ULN_KIND, "9999999999"),
    ("NHS number 943 476 5919", NHS_KIND, "943 476 5919"),
    ("9434765919", NHS_KIND, "9434765919"),
    ("943-476-5919", NHS_KIND, "943-476-5919"),
    ("Reference 1234567899 on file.", ULN_KIND, "1234567899"),
    # Small numbers, in figures and in words.
    ("one pupil", COUNT, "one pupil"),
    ("a single child", COUNT, "a single child"),
    ("two children with ADHD", COUNT, "two children with ADHD"),
    ("Year 3: autism 1, ADHD 2", COUNT, "autism 1"),
    ("Year 3: autism 1, ADHD 2", COUNT, "ADHD 2"),
    ("3 pupils have autism", COUNT, "3 pupils have autism"),
    ("Autism: 2", COUNT, "Autism: 2"),
    ("Autism: 2 pupils.", COUNT, "Autism: 2 pupils"),
    ("Speech and language: 4\nOther: 9", COUNT, "Speech and language: 4"),
    ("(n=4) of the group", COUNT, "n=4"),
    ("Only one child in Year 6 has an EHC plan.", COUNT, "Only one child"),
    ("We have two autistic pupils in Reception.", COUNT, "two autistic pupils"),
    ("Pupils with EHC plans: 3", COUNT, "Pupils with EHC plans: 3"),
    ("Last year, one pupil joined us with an EHC plan.", COUNT, "one pupil"),
    ("Three children have hearing aids.", COUNT, "Three children have hearing aids"),
    ("The only child with a hearing impairment sits at the front.", COUNT, "The only child"),
    ("Cognition and learning: 4", COUNT, "Cognition and learning: 4"),
    ("EHC plans (3)", COUNT, "EHC plans (3)"),
    ("4 of our pupils are on SEN support.", COUNT, "4 of our pupils are on SEN support"),
]

# What schools write every day: none of it is pupil data.
NOT_FOUND = [
    "Year 3",
    "1 in 5 pupils nationally have SEN.",
    "1 in 4 pupils is on SEN support.",
    "The school opened in 2016.",
    "We meet parents 3 times a year.",
    "Key Stage 2",
    "Phone 01632 960 123.",
    "Call 0800 123 4567 or +44 1632 960123.",
    "Tel: 163 296 0123",
    "Our 4 teaching assistants support every class.",
    "Sports day is on 3 April 2026.",
    "Version 2 of the SEND policy was approved on 3 April 2025.",
    "Children born on or after 1 September 2020 start Reception in September 2025.",
    "Children born between 1 September 2019 and 31 August 2020 can apply.",
    "He was born to be a teacher.",
    "We are a school for children aged 4 to 11.",
    "Sixth forms use it for young people aged 16 to 25.",
    "From age 14, each annual review looks at adult life.",
    "Every child can join the Year 6 residential.",
    "Classes have up to eight pupils.",
    "Small groups of 2 to 4 children meet each week.",
    "Up to 2 children with EHC plans may join each class.",
    "A ratio of 1 adult to 4 children.",
    "What works for one child may not work for another.",
    "The SENCO sees one child at a time.",
    "Support may be one-to-one, with the family, or in a group.",
    "Every pupil who needs one uses an aid each day.",
    "Two bays by the main gate; ask the office to reserve one.",
    "If you have two children at the school, tell the office.",
    "2 pupils from each class are elected to the school council.",
    "Year 3 pupils visit the farm.",
    "Year 3 and 4 pupils share a playground.",
    "Mrs Patel, our Year 3 teacher, leads on autism.",
    "Mrs Smith (Year 3) has ADHD training.",
    "Mr Khan in Year 5 is on SEN support duty.",
    "Mr Brown (Year 4) runs the chess club for children with autism.",
    "The Year 6 teacher, Miss Jones, is trained in autism.",
    "Sarah Jones in Year 3 is our autism champion.",
    "Children in Year 3 with an EHC plan have a review each term.",
    "Pupils in Year 6 with SEN support visit their new school twice.",
    "Swimming in Year 4 is adapted for children with physical disabilities.",
    "Phonics in Year 1 helps children with dyslexia.",
    "Willow Class has autism-friendly resources.",
    "Oak (Year 3) has a calm corner for autistic pupils.",
    "Hazel (Year 5) has disabled access.",
    "Lily Class (Year 1) has a sensory corner for children with autism.",
    "Oak class (Year 2) visits the library on Tuesdays.",
    "Appendix (3) SEN register",
    "Stage 1: talk to us",
    "Key stage 2: we meet termly.",
    "The office opens at 8:40am and closes at 4pm.",
    "Ages 4 to 11; 0 places left.",
    "Toilets: 2.",
    "Parking spaces: 2",
    "Priority 1: improve signage.",
    "Term 1: 3 sessions.",
    "Charity number 1012345. Our URN is 123456.",
    "The ISBN is 1846144434.",
    "Registered company number 09876543.",
    "Pupils with SEND: 12%.",
    "Kids Club runs 3:15 to 5:30pm for children aged 4 to 11.",
    "Westmere CAMHS sees children aged 5 to 18 with anxiety.",
    "SEND Code of Practice: 0 to 25 years (GOV.UK)",
    "We teach about 3 children's authors each term.",
    "one pupil premium grant",
    "Hearing loss of any level, from mild to profound, in one or both ears.",
    "Funded places for 3 and 4 year old children.",
    "Ofsted inspected us on 3-4 May 2023.",
    "Parents' evening: 2 sessions.",
    "The law says one child or young person with SEN is entitled to this.",
]


@pytest.mark.parametrize(("text", "kind", "words"), FOUND)
def test_finds_pupil_data(text, kind, words):
    findings = find_pupil_data(text)
    assert any(f.kind == kind and words in f.phrase for f in findings), findings


@pytest.mark.parametrize("text", NOT_FOUND)
def test_does_not_cry_wolf(text):
    assert find_pupil_data(text) == []


def test_a_finding_unpacks_as_kind_and_words_and_says_why():
    [finding] = find_pupil_data("UPN: A123456789012")
    kind, words = finding
    assert (kind, words) == ("a Unique Pupil Number", "A123456789012")
    assert finding.why == WHY[UPN_KIND]
    assert str(finding) == "a Unique Pupil Number: “A123456789012”"
    assert set(WHY) == {UPN_KIND, ULN_KIND, NHS_KIND, DOB, NAMED, COUNT}


def test_findings_come_in_reading_order_once_each():
    text = "Autism: 2. Tom in Year 3 has an EHC plan. Autism: 2."
    assert [f.kind for f in find_pupil_data(text)] == [COUNT, NAMED]


def test_check_characters():
    # The DfE's UPN check letter; the NHS's modulus 11; the ULN's "10 minus".
    assert upn_check_letter("801200005001") == "B"
    assert find_pupil_data("A801200005001") == []  # wrong check letter, no label
    assert is_nhs_number("9434765919") and not is_nhs_number("9434765918")
    assert is_uln("1234567899") and not is_uln("1234567890")
    assert is_uln("9434765918")  # the same ten digits less one: a learner number
    assert find_pupil_data("9434765917") == []  # neither check digit holds


def test_words_are_quoted_on_one_line():
    [finding] = find_pupil_data("born\n3 April\n2016")
    assert finding.phrase == "born 3 April 2016"


@pytest.mark.django_db
def test_page_text_reads_every_field_and_stream_block_without_queries(
    home, django_assert_num_queries
):
    from tests import factories

    page = factories.standard_page(
        introduction="Tom in Year 3 has an EHC plan.",
        body=[("paragraph", "<p>Amira <b>(age 7)</b> has autism.</p>")],
    )
    page = type(page).objects.get(pk=page.pk)
    with django_assert_num_queries(0):
        texts = dict(page_texts(page, children={}))
    assert texts["Introduction"] == "Tom in Year 3 has an EHC plan."
    assert "Amira (age 7) has autism." in texts["Body"]
    assert "Visiting the school" in page_text(page, children={})


@pytest.mark.django_db
def test_nothing_in_the_two_demo_schools_trips_it():
    """Every live page and public record that `seed_demo --schools 2` builds."""
    from wagtail.models import Site

    from home.privacy_sources import scan_site

    call_command("seed_demo", "--schools", "2", stdout=StringIO())
    sites = list(Site.objects.select_related("root_page"))
    assert len(sites) == 2
    scanned = {site.hostname: scan_site(site) for site in sites}
    assert scanned == {site.hostname: [] for site in sites}


def test_finding_is_a_plain_tuple_too():
    assert Finding("a date of birth", "born 3 April 2016") == (
        "a date of birth",
        "born 3 April 2016",
    )
