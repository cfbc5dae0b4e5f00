"""The audit of an old report against the checklist, from its sections as the review
has them: which items it covers, which are thin or missing, whether it names the SENCO
with contact details, links the Local Offer and gives review dates, how easy it is to
read, and any personal data the privacy detector finds."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from ..readability import TARGET, describe, reading_ease
from ..report_items import REPORT_ITEMS, SENCO
from .analysis import INTRODUCTION, LEAVE_OUT, NOT_USED, section_text, section_words

# A section shorter than this answers its item only thinly.
THIN_WORDS = 25
COVERED, THIN, MISSING, NOT_APPLICABLE = "covered", "thin", "missing", "not_applicable"
STATUS_LABELS = {
    COVERED: "Covered",
    THIN: "Thin: say more",
    MISSING: "Missing",
    NOT_APPLICABLE: "Not required for this school",
}

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A UK phone number: 0 and 9 to 10 more digits, spaces or dashes between groups.
PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)")
TITLE = r"(?:Mrs|Mr|Miss|Ms|Mx|Dr)\.?"
NAME_WORD = r"[A-Z][a-zA-Z'’-]+"
PERSON = rf"{TITLE}\s+(?:[A-Z]\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})?"
SENCO_WORDS = (
    r"(?:SENCO|SENDCo|SENCo|special educational needs(?: and disabilities)? "
    r"co-?ordinator|SEN co-?ordinator)"
)
SENCO_NAME = [
    re.compile(rf"{SENCO_WORDS}[^.]{{0,25}}?\b(?:is|:|,|–|-)\s*({PERSON})", re.IGNORECASE),
    re.compile(rf"({PERSON})[^.]{{0,20}}?\b(?:is|as)\s+(?:our|the)\s+{SENCO_WORDS}", re.I),
    re.compile(rf"{SENCO_WORDS},?\s+({PERSON})", re.IGNORECASE),
]
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = rf"(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
REVIEW_DATE = re.compile(
    rf"\b(?:reviewed|review|updated|approved|next review)\b[^.]{{0,60}}?\b({DATE})",
    re.IGNORECASE,
)
LOCAL_OFFER_LINK = re.compile(r'<a href="([^"]+)">([^<]*)</a>')
URL = re.compile(r"https?://[^\s<>()\"']+")


def senco_details(text):
    """The SENCO's name, e-mail and phone as the text gives them ('' where not found)."""
    name, where = "", None
    for pattern in SENCO_NAME:
        found = pattern.search(text)
        if found:
            name = " ".join(found.group(1).split()).rstrip(".")
            where = found.start()
            break
    # The contact details near where the SENCO is named (a few sentences on).
    if where is None:
        mention = re.search(SENCO_WORDS, text, re.IGNORECASE)
        where = mention.start() if mention else 0
    near = text[where : where + 400]
    email = ""
    for candidate in EMAIL.findall(near):
        candidate = candidate.rstrip(".")
        try:
            validate_email(candidate)
        except ValidationError:
            continue
        email = candidate
        break
    phone_match = PHONE.search(near)
    phone = " ".join(phone_match.group(0).split()) if phone_match else ""
    return {"name": name[:150], "email": email[:254], "phone": phone[:30]}


def senco_text(sections):
    """The text where the SENCO is most likely named: the SENCO's own sections first."""
    own = [section_text(s) for s in sections if s["item"] == SENCO.field]
    rest = [f"{s['heading']}\n{section_text(s)}" for s in sections if s["item"] != SENCO.field]
    return "\n".join(own + rest)


def local_offer_link(sections):
    """The first link (or written-out address) that leads to a Local Offer."""
    for section in sections:
        html = "".join(section["blocks"])
        for href, words in LOCAL_OFFER_LINK.findall(html):
            if "local offer" in words.lower() or "localoffer" in href.lower().replace("-", ""):
                return href
        text = f"{section['heading']}\n{section_text(section)}"
        if "local offer" in text.lower():
            for address in URL.findall(text):
                return address.rstrip(".,;")
    return ""


def run(sections, mainstream=True):
    """The audit, as a dict the review screen and the command's JSON both show."""
    counted = [s for s in sections if s["item"] != LEAVE_OUT or s["findings"]]
    words_by_item = {}
    for section in counted:
        target = section["item"]
        if target == LEAVE_OUT:  # held back for personal data: it still answers its item
            target = section["matched"]
        if target in (NOT_USED, INTRODUCTION, LEAVE_OUT, ""):
            continue
        words_by_item[target] = words_by_item.get(target, 0) + section_words(section)
    senco = senco_details(senco_text(sections))
    link = local_offer_link(sections)
    items = []
    for item in REPORT_ITEMS:
        words = words_by_item.get(item.field)
        if item.mainstream_only and not mainstream:
            status = NOT_APPLICABLE
        elif item is SENCO:
            has_contact = senco["name"] and (senco["email"] or senco["phone"])
            status = (
                COVERED if has_contact else THIN if senco["name"] or words is not None else MISSING
            )
        elif words is None:
            status = MISSING
        elif words < THIN_WORDS:
            status = THIN
        else:
            status = COVERED
        items.append(
            {
                "check_id": item.check_id,
                "field": item.field,
                "question": item.question,
                "must": item.must,
                "status": status,
                "label": STATUS_LABELS[status],
                "words": words or 0,
            }
        )
    whole = "\n".join(
        f"{s['heading']}\n{section_text(s)}" for s in sections if s["item"] != LEAVE_OUT
    )
    score = reading_ease(whole)
    personal = [
        {"section": index, "heading": s["heading"], **finding}
        for index, s in enumerate(sections)
        for finding in s["findings"]
    ]
    applicable_must = [i for i in items if i["must"] and i["status"] != NOT_APPLICABLE]
    return {
        "items": items,
        "must_covered": sum(1 for i in applicable_must if i["status"] == COVERED),
        "must_total": len(applicable_must),
        "missing": [i["question"] for i in applicable_must if i["status"] == MISSING],
        "thin": [i["question"] for i in applicable_must if i["status"] == THIN],
        "senco": senco,
        "senco_named_with_contact": bool(senco["name"] and (senco["email"] or senco["phone"])),
        "local_offer_link": link,
        "review_dates": sorted({m.group(0).strip() for m in REVIEW_DATE.finditer(whole)})[:5],
        "reading_ease": score,
        "reading_ease_label": describe(score),
        "reading_ease_target": TARGET,
        "personal_data": personal,
    }
