"""The personal-data guard: nothing a school publishes may identify a pupil.

One detector, `find_pupil_data(text)`, used wherever public text is written or checked: the
publish guard of every page type, the save of every public record (school details, Local
Offer services and organisations, glossary terms: `refuse_pupil_data` in their `clean()`),
the dashboard's check dp.no_pupil_data and `manage.py privacy_scan`.

It looks for what identifies a child on a school's website:

- a Unique Pupil Number, Unique Learner Number or NHS number (with a valid check character,
  or any such number written next to its name: "UPN", "ULN", "NHS number");
- a date of birth ("born 3 April 2016", "DOB 2016-04-03", "d.o.b. 03/04/16");
- a name tied to a year group, class or age and to a need, diagnosis or plan ("Tom in
  Year 3 has an EHC plan", "Amira (age 7) has autism");
- a count under 5 of pupils, in figures or words ("two children with ADHD", "Autism: 2").

It must not cry wolf on what schools write every day: year groups, age ranges, ratios
("1 in 5 pupils"), times ("3 times a year"), staff ("our 4 teaching assistants"), phone
numbers, dates of events. Each pattern is tried only on text that contains what every one
of its matches must contain (a cheap test first), since the trust overview scans every
page of every school.

Each finding is a `Finding(kind, phrase)`: it unpacks as a pair, and `finding.why` is the
plain-English reason a refusal message quotes.
"""

import re
from functools import cache, lru_cache
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.fields import RichTextField, StreamField
from wagtail.models import COMMENTS_RELATION_NAME

from .text import plain_text

UPN_KIND = "a Unique Pupil Number"
ULN_KIND = "a Unique Learner Number"
NHS_KIND = "an NHS number"
DATE_OF_BIRTH_KIND = "a date of birth"
NAMED_NEED_KIND = "a named child's needs"
SMALL_COUNT_KIND = "a count under 5 that could identify pupils"

WHY = {
    UPN_KIND: "a Unique Pupil Number belongs to one child and follows them through every "
    "school record in England",
    ULN_KIND: "a Unique Learner Number belongs to one young person for life",
    NHS_KIND: "an NHS number belongs to one person and opens their health records",
    DATE_OF_BIRTH_KIND: "a name with a date of birth identifies a child, and a date of birth "
    "on the school's website narrows it to one or two pupils",
    NAMED_NEED_KIND: "a name with a year group, class or age identifies a child, and their "
    "need, diagnosis or plan is private health information about them",
    SMALL_COUNT_KIND: "in one school, a count under 5 can be enough to work out which "
    "children are meant, and so reveals their needs",
}


class Finding(NamedTuple):
    """One match: what it looks like (`kind`) and the words, as written (`phrase`)."""

    kind: str
    phrase: str

    @property
    def why(self):
        return WHY[self.kind]

    def __str__(self):
        return f"{self.kind}: “{self.phrase}”"


# --- Identifiers -----------------------------------------------------------------------------

# The letters a UPN's check character may be: A to Z without I, O and S (DfE).
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
# A check letter, 11 digits and a digit (a letter in a temporary UPN); single spaces or
# dashes may part the characters.
UPN = re.compile(
    r"(?<![\w-])([A-Za-z])((?:[ -]?\d){11})[ -]?([0-9A-Za-z])(?![\w-])",
)
# Ten digits, solid or as 3-3-4 (NHS numbers are printed 943 476 5919), not part of a longer
# number. A leading 0 is a phone number: no NHS number or ULN starts with one.
TEN_DIGITS = re.compile(r"(?<![\d+])(?<!\d[ -])\b([1-9]\d\d)([ -]?)(\d{3})\2(\d{4})\b(?![ -]?\d)")
# Words that name the number just before it: it is flagged then whatever its check digit.
ID_LABEL = re.compile(
    r"\b(?:(?P<upn>UPN|pupil\s+number)|(?P<uln>ULN|learner\s+number)|(?P<nhs>NHS(?:\s+no)?))"
    r"\b[^\n\d]{0,12}$",
    re.IGNORECASE,
)
# Numbers that are something else: "ISBN 1846144434", "tel. 163 296 0123".
NOT_AN_ID = re.compile(
    r"\b(?:ISBN|tel|phone|telephone|fax|mobile|call|text|ring)\b[^\n\d]{0,6}$", re.IGNORECASE
)


def upn_check_letter(digits):
    """The DfE check letter of a UPN's last 12 characters (digits, or 11 and a letter)."""
    total = sum(
        weight * (int(char) if char.isdigit() else UPN_LETTERS.index(char))
        for weight, char in enumerate(digits, start=2)
    )
    return UPN_LETTERS[total % 23]


def _weighted_mod_11(digits):
    return sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11


def is_nhs_number(digits):
    """Modulus 11: weights 10 to 2, the check digit makes the total divisible by 11."""
    check = 11 - _weighted_mod_11(digits)
    return check != 10 and check % 11 == int(digits[9])


def is_uln(digits):
    """The Unique Learner Number's check: 10 minus the weighted total's remainder by 11."""
    remainder = _weighted_mod_11(digits)
    return remainder != 0 and 10 - remainder == int(digits[9])


# At least ten digits close together: what every identifier has (checked first, quickly).
LONG_NUMBER = re.compile(r"\d(?:[ -]?\d){9}")


def _identifiers(text):
    if not LONG_NUMBER.search(text):
        return
    for match in UPN.finditer(text):
        letter, digits, last = match.group(1).upper(), match.group(2), match.group(3).upper()
        body = re.sub(r"\D", "", digits) + last
        label = ID_LABEL.search(text, max(0, match.start() - 30), match.start())
        labelled = label is not None and label.group("upn") is not None
        valid = (last.isdigit() or last in UPN_LETTERS) and upn_check_letter(body) == letter
        if labelled or valid:
            yield match.start(), Finding(UPN_KIND, match.group(0))
    for match in TEN_DIGITS.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        if NOT_AN_ID.search(text, max(0, match.start() - 30), match.start()):
            continue
        label = ID_LABEL.search(text, max(0, match.start() - 30), match.start())
        if label is not None and label.group("nhs"):
            kind = NHS_KIND
        elif label is not None and label.group("uln"):
            kind = ULN_KIND
        elif is_nhs_number(digits):
            kind = NHS_KIND
        elif is_uln(digits):
            kind = ULN_KIND
        else:
            continue
        yield match.start(), Finding(kind, match.group(0))


# --- Dates of birth --------------------------------------------------------------------------

_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_YEAR = r"(?:19|20)\d\d"
_DATE = (
    rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"  # 3rd (of) April (2016)
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"  # April 3(rd)(, 2016)
    r"|(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:(?:19|20)\d\d|\d\d)\b"  # 03/04/16
    rf"|{_YEAR}([/.-])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])\b"  # 2016-04-03
)
# "DOB", "d.o.b.", "date of birth", "born (on) (the)", then a date with a day and a month.
# "born on or after 1 September", "born between ..." (admissions) are not dates of birth.
_DOB_WORDS = r"d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s?date|born"
DATE_OF_BIRTH = re.compile(
    rf"(?:{_DOB_WORDS})(?:[\s:=–-]|\bon\b|\bis\b|\bwas\b|\bthe\b){{0,6}}(?:{_DATE})",
    re.IGNORECASE,
)
# Where one may start, found in the lower-case text (quicker than the pattern itself).
DATE_OF_BIRTH_START = re.compile(_DOB_WORDS)


def _dates_of_birth(text, lower):
    for start in DATE_OF_BIRTH_START.finditer(lower):
        if start.start() and lower[start.start() - 1].isalpha():
            continue  # "reborn", "stubborn"
        match = DATE_OF_BIRTH.match(text, start.start())
        if match:
            yield match.start(), Finding(DATE_OF_BIRTH_KIND, match.group(0))


# --- Needs, year groups, names ---------------------------------------------------------------

# A need, diagnosis or plan, or one of the Code of Practice's four broad areas of need.
# Abbreviations only in capitals ("ADD", not "add").
NEED = (
    r"(?:(?i:autis(?:m|tic)|asperger'?s?|attention\s+deficit|dyslexi[ac]|dyspraxi[ac]"
    r"|dyscalculia|developmental\s+(?:co-?ordination\s+disorder|delay|language\s+disorder)"
    r"|cerebral\s+palsy|down'?s?\s+syndrome|epilep(?:sy|tic)|diabet(?:es|ic)"
    r"|hearing\s+(?:impairment|loss|aids?)|visual(?:ly)?\s+impair(?:ment|ed)|deaf|blind"
    r"|learning\s+(?:difficult(?:y|ies)|disabilit(?:y|ies))|selective\s+mutism|tourette'?s?"
    r"|speech(?:,)?\s+(?:and\s+)?language|communication\s+and\s+interaction"
    r"|cognition\s+and\s+learning|social,?\s+emotional\s+and\s+mental\s+health"
    r"|sensory\s+and(?:/or)?\s+physical"
    r"|(?:special|additional|complex|medical|sensory|physical)\s+(?:educational\s+)?needs"
    r"|sen\s+support|send\s+support|the\s+sen\s+register|education,?\s+health\s+and\s+care"
    r"|statement\s+of\s+sen|(?:health\s+)?care\s+plan|medical\s+condition|mental\s+health"
    r"|disabilit(?:y|ies)|diagnos(?:is|ed|es)|self-harm|anxiety|nurture\s+group"
    # Not "disabled access" or "wheelchair access": facilities, not a child's needs.
    r"|(?:disabled|wheelchair)(?!\s+(?:access|accessible|toilets?|parking|bays?|spaces?"
    r"|facilities|changing|entrance|lift|ramps?))"
    r"|eating\s+disorder|pathological\s+demand|oppositional\s+defiant|sensory\s+processing"
    r"|global\s+delay|looked[\s-]after|child\s+protection)"
    r"|ADHD|ADD|ASD|ASC|SEMH|SLCN|MLD|PMLD|SLD|OCD|ODD|PDA|DLD|DCD|EHCP?|SEND?|IEP|FASD)"
    r"(?:\s+plans?)?"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_AGE_NUMBER = rf"(?:1[0-9]|[1-9]|(?i:{_NUMBER_WORDS}))\b"
# An age: "7", "seven"; not the start of a range ("4 to 11", "5-16", "16 and over").
_AGE = (
    rf"{_AGE_NUMBER}"
    r"(?!\s*(?:to|or|-|–|\+|/)\s*|\s*and\s+(?:\d|over|under|above|up|older|younger))"
)
_YEAR_GROUP = r"(?:[Yy]ear|Yr|Y)\s?(?:1[0-3]|[1-9])\b|Reception\b|Nursery\b"
_YEARS_OLD = rf"{_AGE_NUMBER}[- ]years?[- ]old\b"
# A year group, class or age that one child is in or of, after their name.
GROUP = (
    rf"(?:{_YEAR_GROUP}|{_YEARS_OLD}"
    r"|[A-Z][a-z]+\s+[Cc]lass\b|[Cc]lass\s+[A-Z0-9][A-Za-z0-9]{0,3}\b"
    rf"|(?i:aged?:?)\s+{_AGE}"
    r"|(?:1[0-9]|[1-9])\b(?=\s*[),]))"
)
_NAME_WORD = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
PUPIL_WORD = r"(?:pupil|child|student|boy|girl|learner)"
# Between a name and a group: "Tom in Year 3", "Jack, Year 5,", "Amira (age 7)",
# "Sam, who is in Year 2", "Ella, a Year 4 pupil", "Ben is 7".
_LINK = (
    r"(?:\s*[,(]\s*(?:(?:an?|who\s+is(?:\s+in)?|now\s+in|in)\s+)?"
    r"|\s+(?:(?:who\s+)?(?:is|was)\s+(?:now\s+)?(?:in\s+|an?\s+)?|in\s+|from\s+|of\s+))"
)
# After a need, words that make it about staff or a service: "our autism lead".
_NOT_STAFF = (
    r"(?!\s+(?:champions?|leads?|leaders?|trained|training|specialists?|team|outreach|service"
    r"|awareness|base|unit|provision|hub|friendly|teachers?|nurses?|practitioners?|advis[eo]rs?"
    r"|therapists?|co-?ordinators?)\b)"
)
# What ties the group to a need: "has", "is on", "with", "(EHC plan)", ", autism".
_TO_NEED = (
    rf"(?:\s*\))?(?:\s+{PUPIL_WORD})?\s*,?\s*"
    r"(?:(?:(?:and|who|which)\s+)?(?:has|had|have|is|was|'s|gets|receives|received|needs"
    r"|uses|attends|with)\b(?P<filler>(?:\s+[\w'-]+){0,4}?)\s+|[(:–-]\s*)?"
    rf"(?P<need>{NEED})(?![\w-]){_NOT_STAFF}"
)
TO_NEED = re.compile(_TO_NEED)
# A name (and surname or initial) and the words that link it to the group after them; `$`:
# searched in the few characters before a group, it must end where the group starts.
NAME_BEFORE = re.compile(
    rf"(?P<name>{_NAME_WORD})(?:\s+(?P<surname>{_NAME_WORD}|[A-Z]\b\.?))?{_LINK}$"
)
# "Year 5 pupil Jack", "seven-year-old Amira": the name after the group.
NAME_AFTER = re.compile(
    rf"(?:\s+{PUPIL_WORD})?\s*,?\s*(?P<name>{_NAME_WORD})(?:\s+(?P<surname>{_NAME_WORD}))?"
)
GROUP_AT = re.compile(GROUP)
GROUP_BEFORE_NAME = re.compile(rf"{_YEAR_GROUP}|{_YEARS_OLD}")
# Where a group may be, in the lower-case text: a cheap search that finds every group.
GROUP_HINT = re.compile(
    r"year|yr ?\d|y\d|reception|nursery|class|age|old\b|\( ?1?\d ?\)|, ?1?\d ?[,)]"
)
# The capitalised word before "Class" ("Oak Class"), and the number before "-year-old".
CLASS_NAME_BEFORE = re.compile(r"[A-Z][a-z]+\s+$")
AGE_BEFORE_OLD = re.compile(rf"{_AGE_NUMBER}[- ]years?[- ]$")


def _word_set(words):
    return frozenset(words.split())


# Capitalised words that start sentences or name things, not children.
NOT_NAMES = _word_set(
    """
    a about above after all also an and another any anyone as at autumn because before
    being below between both but by children child class classes club clubs council day
    days dear during each either english even every everybody everyone families family few
    first for from girls boys governors governor group groups he head headteacher help her
    here his homework how i if in into it its just key last learners learner learning
    lessons lesson local lunch lunchtime many maths more most music my new next no none
    nursery of on once one only or other our parents parent phonics playtime please progress
    pupils pupil reading reception residential school schools science senco she since so some
    someone spelling sport sports spring staff stage students student such summer support
    swimming teachers teacher teaching term terms than that the their then there these they
    this those through to today transition trips trip two three four under until visits we
    week weeks what when where whether which while whilst who why winter with within without
    work writing year years you your assessment assessments tests test screening provision
    interventions intervention sessions session therapy therapies outcomes results attendance
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december ofsted nhs camhs older younger
    extra special small big adults adult everything nothing something ask talk see read find
    contact call book note notes thank thanks welcome hello yes anybody nobody somebody
    classroom classrooms lunchtimes mornings afternoons homeworks topic topics subject
    subjects appendix section priority part chapter table figure item step level page wave
    tier option question target action area strand outcome
    """
)
_TITLE_WORDS = (
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Sir",
    "Dame",
    "Lady",
    "Lord",
    "Rev",
)
# A title before a name: an adult ("Mrs Patel, Year 3"), not a pupil.
TITLES = re.compile(rf"\b(?:{'|'.join(_TITLE_WORDS)})d?\.?\s+$")
# Words that show a group is about staff ("Year 3 teacher").
STAFF_AFTER_GROUP = re.compile(
    r"\s*\)?\s*(?:teachers?|team|leaders?|lead|TAs?|assistants?|staff|tutors?|SENCO"
    r"|co-?ordinator)\b"
)
# Words between the verb and the need that show the sentence is about pupils in general:
# "Swimming in Year 4 is adapted for children with ...".
GENERAL_FILLER = _word_set(
    "for children child pupils pupil students student learners people all every any who "
    "that which many most some those them parents families our your"
)


def _groups(text, lower):
    """(start, end, the name may follow) of each year group, class or age in the text."""
    for hint in GROUP_HINT.finditer(lower):
        start = hint.start()
        word = hint.group(0)
        if word in ("age", "old", "class") and start and lower[start - 1].isalpha():
            continue  # "page", "bold", "subclass"
        if word == "class":
            before = CLASS_NAME_BEFORE.search(text, max(0, start - 20), start)
            start = before.start() if before else start
        elif word == "old":
            before = AGE_BEFORE_OLD.search(text, max(0, start - 20), start)
            if before is None:
                continue
            start = before.start()
        elif word[0] in "(,":
            start = hint.start() + len(word) - len(word[1:].lstrip())
        group = GROUP_AT.match(text, start)
        if group is not None:
            yield group.start(), group.end(), GROUP_BEFORE_NAME.fullmatch(group.group(0))


def _name_words(match):
    """The name's words that are not ordinary capitalised words ("Today Tom" is "Tom")."""
    words = [w for w in (match.group("name"), match.group("surname")) if w]
    if words[0] in _TITLE_WORDS or words[0] == "Revd":
        return []
    while words and len(words[0]) > 2 and words[0].lower() in NOT_NAMES:
        words.pop(0)
    if any(len(w) > 2 and w.lower() in NOT_NAMES for w in words):
        return []
    return words


def _tied_need(text, position):
    """The words from `position` to a need they tie to a child ("has an EHC plan"), if any."""
    tail = TO_NEED.match(text, position)
    if tail is None:
        return None
    if GENERAL_FILLER.intersection((tail.group("filler") or "").lower().split()):
        return None
    return tail


def _named_needs(text, lower):
    for start, end, name_may_follow in _groups(text, lower):
        if STAFF_AFTER_GROUP.match(text, end):
            continue
        tail = _tied_need(text, end)
        if tail is not None:
            name = NAME_BEFORE.search(text, max(0, start - 50), start)
            if (
                name is not None
                and _name_words(name)
                and not TITLES.search(text, max(0, name.start() - 8), name.start())
            ):
                yield name.start(), Finding(NAMED_NEED_KIND, text[name.start() : tail.end()])
                continue
        if name_may_follow:
            name = NAME_AFTER.match(text, end)
            if name is not None and _name_words(name):
                tail = _tied_need(text, name.end())
                if tail is not None:
                    yield start, Finding(NAMED_NEED_KIND, text[start : tail.end()])


# --- Small counts ----------------------------------------------------------------------------

_PUPILS = (
    r"(?:pupils?|children|child|students?|learners?|boys?|girls?|young\s+(?:people|persons?)"
    r"|kids?)"
)
# Words between a count and "pupils": "2 autistic pupils", "3 Year 6 children", "one of our
# pupils".
_MODIFIERS = (
    r"(?:(?:more|other|new|older|younger|autistic|disabled|deaf|blind|dyslexic|SEND?|EAL"
    r"|looked[- ]after|vulnerable|individual|named|male|female|particular|specific|current"
    r"|additional|further|identified|of\s+(?:our|the|these|those|its)|Year\s\d{1,2}|Reception"
    r"|Nursery|KS\d)\s+){0,2}"
)
# What may follow, quoted with the count: "two children with ADHD", "3 pupils have autism".
_COUNT_TAIL = (
    r"(?:\s+(?:with|have|has|had|are|were|is|was|on)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?"
    rf"{NEED}(?![\w-]))?"
)
# A count in figures: "3 pupils", "0 children". What comes before is checked apart.
FIGURE_COUNT = re.compile(
    rf"[0-4]\s+{_MODIFIERS}(?P<noun>{_PUPILS})\b(?!\s*%|'s){_COUNT_TAIL}", re.IGNORECASE
)
NOT_BEFORE_A_FIGURE = set("0123456789.,£$%/:–-") | set("abcdefghijklmnopqrstuvwxyz")
# A count in words: "one pupil", "a single child", "two children", "the only child".
_COUNT_WORDS = r"one|two|three|four|a\s+single|only\s+one|just\s+one|the\s+only"
WORD_COUNT = re.compile(
    rf"(?:{_COUNT_WORDS})\s+{_MODIFIERS}(?P<noun>{_PUPILS})\b(?!'s|-){_COUNT_TAIL}",
    re.IGNORECASE,
)
WORD_COUNT_START = re.compile(rf"(?:{_COUNT_WORDS})\s")
# What comes before a count that makes it a ratio, a range, a year group or a rule, not a
# count of pupils: "1 in 4 pupils", "groups of 2 to 4 children", "Year 3 pupils".
NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:in|to|or|and|of|per|than|least|most|up|each|every|any|if|whether|about"
    r"|around|nearly|almost|between|maximum|minimum|no|ratio|under|over|year|yr|y|stage|ks"
    r"|class|group|room|step|level|wave|tier|phase|set|table|form|page|week|day)|[-–/])\s*$",
    re.IGNORECASE,
)
# ... and in words also "for one child" (what works for one child may not work for another).
NOT_A_WORD_COUNT_BEFORE = re.compile(r"\b(?:for|with|than|as|like|no)\s*$", re.IGNORECASE)
NOT_A_COUNT_AFTER = re.compile(
    r"\s*(?:per\b|each\b|at\s+a\s+time|or\s+(?:more|fewer|less|over|under)|to\s+(?:1|one"
    r"|every|each|an?)\b|for\s+every|in\s+(?:every|each|\d+|ten|a\s+hundred)|out\s+of|may\b"
    r"|might\b|could\b|would\b|can\b|should\b|will\b|do\b|does\b|premium\b|or\b"
    r"|from\s+(?:each|every))",
    re.IGNORECASE,
)
# A count counts only when it states a fact: a verb follows, or a need, year group or class
# is in the same sentence, or it stands alone ("Autism: one pupil").
FACT_AFTER = re.compile(
    r"\s*(?:(?:has|have|had|is|are|was|were|joined|left|receives?|received|attends?|attended"
    r"|needs|uses?|with|on|currently|this\s+year|last\s+year)\b"
    r"|in\s+(?:Year|Y\d|Reception|Nursery|[A-Z]\w+\s+class)|[.;,)\n]|$)"
)
FACT_IN_SENTENCE = re.compile(rf"\b{NEED}\b|\b[Yy]ear\s?\d|\bclass\b")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# A breakdown ends in a digit under 5 and a comma, full stop, bracket or the end of a line:
# "Autism: 2", "ADHD 2,", "EHC plans (3)", "Pupils with EHC plans: 3 pupils.", "n=4".
BREAKDOWN_END = re.compile(r"\)?(?:\s*(?:pupils?|children)\b)?(?=\s*(?:[,;.|)]|$))", re.MULTILINE)
BREAKDOWN_LABEL = re.compile(
    rf"(?:\b{NEED}\s*[:=(–-]?\s*"
    rf"|\b(?:{NEED}|(?i:{_PUPILS}))[\w ,/()'-]{{0,30}}?\s*[:=]\s*"
    r"|\b[nN]\s*=\s*)$"
)
SMALL_DIGIT = re.compile(r"[0-4]\b")


def _sentence_around(text, start, end):
    """The sentence (or line) that holds text[start:end]."""
    begin = max(0, start - 300)
    for boundary in SENTENCE_END.finditer(text, begin, start):
        begin = boundary.end()
    after = SENTENCE_END.search(text, end)
    return text[begin : after.start() if after else len(text)]


def _is_a_count(text, match, in_words):
    before = text[max(0, match.start() - 20) : match.start()]
    if NOT_A_COUNT_BEFORE.search(before) or NOT_A_COUNT_AFTER.match(text, match.end("noun")):
        return False
    if in_words and NOT_A_WORD_COUNT_BEFORE.search(before):
        return False
    return bool(
        FACT_AFTER.match(text, match.end("noun"))
        or FACT_IN_SENTENCE.search(_sentence_around(text, match.start(), match.end()))
    )


def _small_counts(text, lower):
    for digit in SMALL_DIGIT.finditer(text):
        at = digit.start()
        if at and text[at - 1].lower() in NOT_BEFORE_A_FIGURE:
            continue
        if at + 1 < len(text) and text[at + 1] in ".,:/" and text[at + 2 : at + 3].isdigit():
            continue  # 3.5, 4,000, 3:30, 3/4
        end = BREAKDOWN_END.match(text, at + 1)
        label = end and BREAKDOWN_LABEL.search(text, max(0, at - 60), at)
        if label:
            yield label.start(), Finding(SMALL_COUNT_KIND, text[label.start() : end.end()])
            continue
        count = FIGURE_COUNT.match(text, at)
        if count is not None and _is_a_count(text, count, in_words=False):
            yield at, Finding(SMALL_COUNT_KIND, count.group(0))
    for start in WORD_COUNT_START.finditer(lower):
        if start.start() and lower[start.start() - 1].isalpha():
            continue  # "someone", "network"
        count = WORD_COUNT.match(text, start.start())
        if count is not None and _is_a_count(text, count, in_words=True):
            yield count.start(), Finding(SMALL_COUNT_KIND, count.group(0))


# --- The detector ----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _find(text):
    lower = text.lower()
    if len(lower) != len(text):  # a few letters lengthen in lower case: keep the positions
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found = [
        *_identifiers(text),
        *_dates_of_birth(text, lower),
        *_named_needs(text, lower),
        *_small_counts(text, lower),
    ]
    findings, seen = [], set()
    for _, finding in sorted(found, key=lambda pair: pair[0]):
        finding = Finding(finding.kind, " ".join(finding.phrase.split()))
        if finding not in seen:
            seen.add(finding)
            findings.append(finding)
    return tuple(findings)


def find_pupil_data(text):
    """[Finding(kind, quoted words)] for each match in the text, in reading order.

    Remembered by the text itself (the function is pure): the dashboard and the trust
    overview read the same pages again on each visit."""
    return list(_find(str(text))) if text else []


# --- Where public text is --------------------------------------------------------------------

TEXT_TYPES = ("CharField", "TextField")
# Page fields that hold addresses and identifiers, not words an editor wrote.
NOT_CONTENT = {"slug", "url_path", "path", "draft_title", "translation_key"}


def _is_words(field):
    """A field an editor writes words in: text and rich text, not addresses or choices."""
    if not getattr(field, "concrete", False) or field.is_relation:
        return False
    if isinstance(field, StreamField | RichTextField):
        return True
    if isinstance(field, models.URLField | models.EmailField | models.SlugField):
        return False
    return field.get_internal_type() in TEXT_TYPES and not field.choices


@cache
def _text_fields(model):
    """(field, attname) of each field of a model that holds editor text."""
    return tuple(
        (field, field.attname)
        for field in model._meta.get_fields()
        if _is_words(field) and field.name not in NOT_CONTENT
    )


@cache
def child_accessors(model):
    # Editors' comments are admin notes, never published.
    return tuple(
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() != COMMENTS_RELATION_NAME
    )


def _label(field):
    return str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:]


def _stream_strings(raw):
    """Every string in a StreamField's stored data (block values, not block types or ids).
    Read from the raw data, so choosers (pages, images, documents) are never fetched."""
    if isinstance(raw, str):
        if not raw.startswith(("http://", "https://", "mailto:", "tel:", "/", "#")):
            yield plain_text(raw) if "<" in raw else raw
    elif isinstance(raw, dict):
        if "type" in raw and "value" in raw:
            yield from _stream_strings(raw["value"])
        else:
            for value in raw.values():
                yield from _stream_strings(value)
    elif isinstance(raw, list | tuple):
        for value in raw:
            yield from _stream_strings(value)


def field_text(instance, field):
    """The words of one field of a page or record, as plain text."""
    value = getattr(instance, field.attname, None)
    if value is None:
        return ""
    if isinstance(field, StreamField):
        raw = value.raw_data if hasattr(value, "raw_data") else value
        return "\n".join(s for s in _stream_strings(list(raw)) if s)
    return plain_text(value) if isinstance(field, RichTextField) else str(value)


def record_texts(instance, fields=None):
    """[(field name, field label, text)] of a record's (or page's) words; `fields` limits
    it to those field names."""
    found = []
    for field, _ in _text_fields(type(instance)):
        if fields is not None and field.name not in fields:
            continue
        text = field_text(instance, field)
        if text:
            found.append((field.name, _label(field), text))
    return found


def page_texts(page, children=None):
    """[(where, text)] of everything an editor wrote on a page: its text fields, rich text,
    StreamField and InlinePanel children (given, or read from the page)."""
    parts = [(name, label, text) for name, label, text in record_texts(page)]
    if children is None:
        children = {
            accessor: getattr(page, accessor).all() for accessor in child_accessors(type(page))
        }
    for relation, objects in children.items():
        for child in objects:
            for _, label, text in record_texts(child):
                parts.append((relation, label, text))
    return [(label, text) for _, label, text in parts]


def page_text(page, children=None):
    """All the words an editor wrote on a page, one field a line (see `page_texts`)."""
    return "\n".join(text for _, text in page_texts(page, children))


# --- Refusing a save -------------------------------------------------------------------------


def refusal(label, findings):
    """The message that refuses text: it names the field, quotes the words, says why."""
    quoted = "; ".join(f"“{f.phrase}” ({f.kind}: {f.why})" for f in findings[:3])
    return (
        f"{label} seems to hold personal data about a pupil: {quoted}. Remove it, or write "
        "about pupils in general without names or small numbers. Nothing has been saved."
    )


def pupil_data_errors(instance, fields=None):
    """{field name: message} for each field of a record whose words identify a pupil."""
    errors = {}
    for name, label, text in record_texts(instance, fields):
        findings = find_pupil_data(text)
        if findings:
            errors[name] = refusal(label, findings)
    return errors


def refuse_pupil_data(instance, fields=None):
    """For a model's `clean()`: raise a ValidationError on each field that holds pupil data,
    so that the form (or importer) shows it against the field and saves nothing."""
    errors = pupil_data_errors(instance, fields)
    if errors:
        raise ValidationError(
            {name: [ValidationError(m, code="pupil_data")] for name, m in errors.items()}
        )
