"""Reading and splitting each format, and the plain messages for input that cannot be
imported."""

import io

import pytest

from senreport.importing import ImportProblem
from senreport.importing.analysis import analyse
from senreport.importing.matching import match
from senreport.importing.reading import read_bytes, read_text
from senreport.importing.splitting import split

from .corpus import BOLD, MIXED, REPORTS, TABLE, to_docx, to_html, to_pdf

OAK_LANE = REPORTS[0]
HAZEL_BANK = next(r for r in REPORTS if r.layout == BOLD)
MEADOW_VIEW = next(r for r in REPORTS if r.layout == TABLE)
ST_AIDANS = next(r for r in REPORTS if r.layout == MIXED)


def headings(document):
    return [section.heading for section in split(document)[1]]


@pytest.mark.parametrize("build, kind", [(to_docx, "docx"), (to_pdf, "pdf"), (to_html, "html")])
def test_word_pdf_and_web_page_split_at_the_schools_own_headings(build, kind):
    document = read_bytes(build(OAK_LANE), kind, f"oak-lane.{kind}")
    title, sections = split(document)
    assert title == OAK_LANE.title
    assert [s.heading for s in sections] == [s.heading for s in OAK_LANE.sections]


def test_bold_paragraphs_are_headings_when_a_document_has_no_real_ones():
    document = read_bytes(to_docx(HAZEL_BANK), "docx", "hazel-bank.docx")
    assert headings(document) == [s.heading for s in HAZEL_BANK.sections]


def test_a_table_of_questions_is_a_question_and_its_answer_a_row():
    document = read_bytes(to_docx(MEADOW_VIEW), "docx", "meadow-view.docx")
    title, sections = split(document)
    assert [s.heading for s in sections] == [s.heading for s in MEADOW_VIEW.sections]
    assert "Question" not in " ".join(s.text for s in sections)  # the header row


def test_links_lists_and_bold_are_kept_and_pictures_counted():
    document = read_bytes(to_docx(ST_AIDANS), "docx", "st-aidans.docx")
    html = "".join(block.html for block in document.blocks)
    assert '<a href="https://localoffer.example.org/send">Local Offer</a>' in html
    assert "<ul><li>Communication and interaction</li>" in html
    # The contacts table (not questions) becomes a list, one row an item.
    assert "<li>School office – 01632 960 000</li>" in html
    assert document.images == 1
    assert "<img" not in html


def test_pasted_text_splits_at_questions_on_their_own_line():
    text = (
        "How will you know if my child needs help?\n"
        "Teachers check progress every half term and talk to you about any worries.\n\n"
        "How are parents involved?\nWe meet you three times a year.\n\n"
        "Who can I complain to?\nTalk to the head teacher first."
    )
    _, sections = split(read_text(text))
    assert [s.heading for s in sections] == [
        "How will you know if my child needs help?",
        "How are parents involved?",
        "Who can I complain to?",
    ]


def test_a_match_explains_itself_with_the_words_that_matched():
    found = match(
        "What if I am not happy?",
        "Talk to the class teacher first. Our complaints procedure explains the next steps.",
    )
    assert found.field == "complaints"
    assert found.confidence in ("sure", "fairly sure")
    assert "“complaints”" in found.why


def test_headings_that_name_the_law_match_their_paragraph():
    found = match("Paragraph 3(f)", "")
    assert found.field == "activities"
    assert found.why[0].startswith("names SEND Regulations 2014, Schedule 1 paragraph 3(f)")


@pytest.mark.parametrize(
    "data, kind, message",
    [
        (b"", "docx", "is empty"),
        (b"   ", "text", "is empty"),
        (b"PK\x03\x04 not really a zip", "docx", "could not be read as a Word file"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "docx",
            "password-protected or an old",
        ),
        (b"%PDF-1.4 broken", "pdf", "PDF"),
    ],
)
def test_unreadable_files_get_a_plain_message(data, kind, message):
    with pytest.raises(ImportProblem, match=message):
        read_bytes(data, kind, f"report.{kind}")


def test_a_scanned_pdf_without_text_says_so():
    from fpdf import FPDF
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (200, 300), (240, 240, 240)).save(picture, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=100)
    with pytest.raises(ImportProblem, match="looks like a scanned document"):
        read_bytes(bytes(pdf.output()), "pdf", "scan.pdf")


def test_a_password_protected_pdf_says_so():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="Secret report")
    pdf.set_encryption(owner_password="owner", user_password="open-sesame")
    with pytest.raises(ImportProblem, match="password-protected"):
        read_bytes(bytes(pdf.output()), "pdf", "locked.pdf")


def test_a_page_that_is_not_a_report_is_refused():
    document = read_text(
        "Lunch menu\n\nMonday: pasta bake.\n\nTuesday: fish fingers.\n\nWednesday: curry."
    )
    with pytest.raises(ImportProblem, match="does not look like an SEN Information Report"):
        analyse(document)
