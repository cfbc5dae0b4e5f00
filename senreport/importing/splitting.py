"""Splitting a document's blocks into sections, by the layout the school used.

Where a section starts:

- a heading at the document's section level: the shallowest heading level used at least
  twice (a single shallower heading is the document's title; deeper headings stay inside
  their section as sub-headings);
- a table row whose first cell is a question;
- a numbered question ("3. How will I know how my child is doing?");
- where the document has no such headings: a bold paragraph of a line or two, or a
  paragraph that is a question on its own.

What comes before the first section is the introduction. Nothing is dropped: a section
with no text of its own is still a section (the review shows it).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.html import escape

from .reading import NUMBERED, is_question

MAX_HEADING_WORDS = 25
# Numbering and labels a school puts before its heading: "3.", "Q3:", "(c)", "Section 4 -".
HEADING_PREFIX = re.compile(
    r"^\s*(?:(?:section|question|part)\s+\d{1,2}\s*[-–:.]?\s*|q?\d{1,2}(?:\.\d{1,2})?[.):]?\s+|"
    r"\(?[a-g]\)\s+)",
    re.IGNORECASE,
)

TITLE_WORDS = re.compile(
    r"\b(report|information|school|academy|college|policy|local offer)\b", re.IGNORECASE
)


@dataclass
class Section:
    heading: str
    blocks: list = field(default_factory=list)  # clean HTML of each paragraph or list
    texts: list = field(default_factory=list)  # the plain words of each

    @property
    def text(self):
        return "\n".join(self.texts)

    @property
    def words(self):
        return len(self.text.split())

    @property
    def html(self):
        return "".join(self.blocks)


def clean_heading(text):
    """The school's heading without its numbering, ready to show as the section's own."""
    return HEADING_PREFIX.sub("", text, count=1).strip(" :-–").strip()


def section_level(blocks):
    levels = Counter(block.level for block in blocks if block.kind == "heading" and block.level)
    repeated = sorted(level for level, count in levels.items() if count >= 2)
    return repeated[0] if repeated else None


def _is_boundary(block, level, plain_layout):
    if block.kind == "heading":
        if block.from_table:
            return True
        return level is not None and block.level <= level
    if block.kind == "list":
        return plain_layout and is_question(block.text) and "</li><li>" not in block.html
    if NUMBERED.match(block.text) and is_question(block.text):
        return True
    if not plain_layout:
        return False
    if block.bold and block.words <= MAX_HEADING_WORDS:
        return True
    return is_question(block.text, max_words=MAX_HEADING_WORDS)


def split(document):
    """(title, sections) of the document: title is '' when it has none."""
    blocks = list(document.blocks)
    level = section_level(blocks)
    plain_layout = level is None
    title = ""
    # A lone heading shallower than the section level (or first of all) is the title.
    if blocks and blocks[0].kind == "heading" and not blocks[0].from_table:
        # ...or a heading with no text of its own right before the next.
        bare = (
            len(blocks) > 1 and blocks[1].kind == "heading" and TITLE_WORDS.search(blocks[0].text)
        )
        if level is None or blocks[0].level < level or bare:
            title = blocks.pop(0).text
    elif (
        len(blocks) > 1
        and blocks[0].bold
        and TITLE_WORDS.search(blocks[0].text)
        and not is_question(blocks[0].text)
    ):
        # A bold first line that names the report or the school: the title.
        title = blocks.pop(0).text
    sections = []
    current = Section(heading="")
    for block in blocks:
        if _is_boundary(block, level, plain_layout):
            if current.heading or current.blocks:
                sections.append(current)
            current = Section(heading=block.text)
            continue
        if block.kind == "heading":
            # A sub-heading inside a section (or a shallower one left over).
            tag = "h4" if level is not None and block.level > level + 1 else "h3"
            current.blocks.append(f"<{tag}>{escape(block.text)}</{tag}>")
            current.texts.append(block.text)
            continue
        current.blocks.append(block.html)
        current.texts.append(block.text)
    if current.heading or current.blocks:
        sections.append(current)
    return title, sections
