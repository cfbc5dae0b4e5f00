"""Bringing a school's existing SEN Information Report in: a Word file, a PDF, a web page
or pasted text becomes a reviewed draft of the report, with an audit of what is missing.

The steps, one module each:

1. `reading`: the source to a list of blocks (headings, paragraphs, lists, table rows),
   with the well-kept libraries: mammoth for .docx, pdfminer.six for PDF, BeautifulSoup
   for HTML, the Open Referral import's safe fetcher for web addresses;
2. `splitting`: the blocks to sections, by the school's own layout (headings, numbered
   questions, bold one-line paragraphs, table rows whose first cell is a question);
3. `matching`: each section to the report item it answers, with how sure and why (the
   words that matched), from each item's question, legal wording and typical phrasings
   (kept with the item in `senreport.report_items`);
4. `audit`: the old report against the checklist (items covered, thin or missing, the
   SENCO's contact, the Local Offer link, review dates, reading ease, personal data);
5. `draft`: the sections as a draft revision of the school's report, never published.

Every refusal is an `ImportProblem` with a plain message; nothing is written before the
office worker asks for the draft.
"""

from .errors import ImportProblem

__all__ = ["ImportProblem"]
