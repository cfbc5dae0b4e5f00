"""Matching a school's sections to the report items they answer: deterministic and
explainable, with no network service.

Each item has a profile: the words of its question, its legal wording and its typical
phrasings (`ReportItem.phrasings`), and its guidance, each word weighted by how few
items use it (a word every item uses, like "pupils", says nothing). A section is scored
against every profile, its heading counting for more than its text, as the cosine of
the two weighted word lists; a heading that names the law ("Schedule 1, paragraph
3(b)") or a distinctive phrase ("Local Offer", "looked after") adds to the score. The
best item wins; how sure the match is depends on its score and its lead over the next
item, and the words that matched are the explanation the review screen shows.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import snowballstemmer

from ..report_items import REPORT_ITEMS

_stemmer = snowballstemmer.stemmer("english")
WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "again",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "for",
        "from",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "may",
        "me",
        "more",
        "most",
        "my",
        "no",
        "not",
        "of",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "us",
        "ours",
        "each",
        "every",
        "many",
        "much",
        "made",
        "make",
        "makes",
        "within",
        "school",
        "schools",
        "child",
        "children",
        "pupil",
        "pupils",
        "young",
        "people",
        "person",
        "special",
        "educational",
        "education",
        "sen",
        "send",
        "sends",
        "student",
        "students",
        "learner",
        "learners",
        "provide",
        "provided",
        "provision",
        "available",
        "arrangement",
        "arrangements",
        "information",
        "question",
        "questions",
        "answer",
        "section",
        "report",
        "local",
        "find",
        "found",
    ]
)
# Heading against text: a school's heading says what the section is about.
HEADING_WEIGHT = 0.6
TEXT_WEIGHT = 0.4
PHRASE_BONUS_HEADING = 0.12
PHRASE_BONUS_TEXT = 0.03
LAW_BONUS = 0.5
# How sure: a score and a lead over the next item.
SURE_SCORE, SURE_LEAD = 0.3, 0.08
FAIRLY_SURE_SCORE = 0.18
LEAST_SCORE = 0.1

SURE = "sure"
FAIRLY_SURE = "fairly sure"
UNSURE = "unsure"
CONFIDENCE_LABELS = {
    SURE: "Sure",
    FAIRLY_SURE: "Fairly sure",
    UNSURE: "Unsure: please check",
    "": "No match",
}
# "Schedule 1, paragraph 3(b)", "para 7", "Sch 1 para 3 (g)".
LAW_REFERENCE = re.compile(
    r"\b(?:paragraph|para\.?)\s*(\d{1,2})\s*(?:\(\s*([a-g])\s*\))?", re.IGNORECASE
)


def stem(word):
    return _stem(word.lower().replace("’", "'").strip("'-"))


@cache
def _stem(word):
    if word.endswith("'s"):
        word = word[:-2]
    return _stemmer.stemWord(word)


# Phrases every item uses: they say nothing about which item a section answers.
COMMON_PHRASES = re.compile(
    r"special educational needs?(?: and(?: or)? disabilit(?:y|ies))?|"
    r"children and young people|\bsend\b|\bsen\b",
    re.IGNORECASE,
)


def terms(text):
    """The stems of the meaningful words of `text`, in order (with repeats)."""
    out = []
    for word in WORD.findall(COMMON_PHRASES.sub(" ", text.lower())):
        word = word.replace("’", "'").strip("'-")
        if word and word not in STOPWORDS and len(word) > 1:
            stemmed = stem(word)
            if stemmed not in STOPWORDS:
                out.append(stemmed)
    return out


def _keyword_phrases(item):
    """Distinctive multi-word phrases from the item's keyword lists ("Local Offer")."""
    phrases = set()
    for phrasing in item.phrasings:
        if phrasing.endswith("?"):
            continue
        for part in re.split(r"[;,]", phrasing):
            stems = terms(part)
            if 1 < len(stems) <= 4:
                phrases.add(tuple(stems))
    return phrases


@dataclass(frozen=True)
class Profile:
    item: object
    weights: dict  # stem -> weight (before idf)
    phrases: frozenset
    paragraphs: tuple  # the Schedule 1 paragraphs the item is (e.g. ("3b",))


def _law_paragraphs(item):
    found = []
    for number, letter in LAW_REFERENCE.findall(item.legal_basis):
        found.append(f"{number}{letter.lower()}")
    return tuple(found) if "Schedule 1" in item.legal_basis else ()


@cache
def profiles():
    result = []
    for item in REPORT_ITEMS:
        weights = Counter()
        for stemmed in set(terms(item.question)):
            weights[stemmed] += 2
        for phrasing in item.phrasings:
            for stemmed in set(terms(phrasing)):
                weights[stemmed] += 1.5
        for stemmed in set(terms(item.guidance)):
            weights[stemmed] += 0.5
        result.append(
            Profile(item, dict(weights), frozenset(_keyword_phrases(item)), _law_paragraphs(item))
        )
    return tuple(result)


@cache
def idf():
    """How distinctive each word is: rare among the items' profiles weighs more."""
    count = len(profiles())
    document_frequency = Counter()
    for profile in profiles():
        document_frequency.update(set(profile.weights))
    return {
        term: math.log((1 + count) / (1 + frequency)) + 0.1
        for term, frequency in document_frequency.items()
    }


@cache
def _profile_vectors():
    weights = idf()
    vectors = []
    for profile in profiles():
        vector = {term: w * weights[term] for term, w in profile.weights.items()}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        vectors.append((profile, vector, norm))
    return tuple(vectors)


def _section_vector(stems):
    weights = idf()
    counts = Counter(stems)
    vector = {
        term: (1 + math.log(count)) * weights[term]
        for term, count in counts.items()
        if term in weights
    }
    return vector, math.sqrt(sum(v * v for v in vector.values()))


def _cosine(vector, norm, item_vector, item_norm):
    if not norm or not item_norm:
        return 0.0, {}
    contributions = {
        term: value * item_vector[term] for term, value in vector.items() if term in item_vector
    }
    return sum(contributions.values()) / (norm * item_norm), contributions


def _contains(stems, phrase):
    length = len(phrase)
    return any(tuple(stems[i : i + length]) == phrase for i in range(len(stems) - length + 1))


@dataclass
class Match:
    field: str  # the item's field, or "" when nothing matches
    score: float
    confidence: str
    why: list = field(default_factory=list)  # the words that matched, heading first
    runner_up: str = ""

    @property
    def label(self):
        return CONFIDENCE_LABELS[self.confidence]


def _originals(text, wanted):
    """The words of `text` as written whose stems are in `wanted`, first use of each."""
    seen, out = set(), []
    for word in WORD.findall(text.lower()):
        stemmed = stem(word)
        if stemmed in wanted and stemmed not in seen:
            seen.add(stemmed)
            out.append(word)
    return out


def match(heading, text):
    """The item a section (its heading and its text) answers, with how sure and why."""
    heading_stems, text_stems = terms(heading), terms(text)
    heading_vector, heading_norm = _section_vector(heading_stems)
    text_vector, text_norm = _section_vector(text_stems)
    law = {f"{number}{letter.lower()}" for number, letter in LAW_REFERENCE.findall(heading or "")}
    # With only a heading, or only text, the one there counts in full.
    heading_weight = HEADING_WEIGHT if text_norm else 1.0
    text_weight = TEXT_WEIGHT if heading_norm else 1.0
    scored = []
    for profile, item_vector, item_norm in _profile_vectors():
        heading_score, heading_terms = _cosine(
            heading_vector, heading_norm, item_vector, item_norm
        )
        text_score, text_terms = _cosine(text_vector, text_norm, item_vector, item_norm)
        score = heading_weight * heading_score + text_weight * text_score
        phrases = []
        for phrase in profile.phrases:
            if _contains(heading_stems, phrase):
                score += PHRASE_BONUS_HEADING
                phrases.append(phrase)
            elif _contains(text_stems, phrase):
                score += PHRASE_BONUS_TEXT
                phrases.append(phrase)
        # "Paragraph 3" alone names all of 3(a) to 3(g): only an exact paragraph counts.
        named_law = bool(law & set(profile.paragraphs))
        if named_law:
            score += LAW_BONUS
        scored.append((score, profile, heading_terms, text_terms, named_law))
    scored.sort(key=lambda entry: entry[0], reverse=True)
    best, second = scored[0], scored[1]
    score, profile, heading_terms, text_terms, named_law = best
    lead = score - second[0]
    if score >= SURE_SCORE and lead >= SURE_LEAD:
        confidence = SURE
    elif score >= FAIRLY_SURE_SCORE:
        confidence = FAIRLY_SURE
    elif score >= LEAST_SCORE:
        confidence = UNSURE
    else:
        return Match("", round(score, 3), "", [], "")
    why = []
    if named_law:
        why.append(f"names {profile.item.legal_basis.split(';')[0]}")
    top_heading = sorted(heading_terms, key=heading_terms.get, reverse=True)[:4]
    top_text = sorted(text_terms, key=text_terms.get, reverse=True)[:5]
    why.extend(f"“{word}” in the heading" for word in _originals(heading, set(top_heading)))
    why.extend(f"“{word}”" for word in _originals(text, set(top_text) - set(top_heading)))
    return Match(
        profile.item.field,
        round(score, 3),
        confidence,
        why[:7],
        runner_up=second[1].item.field,
    )
