"""Reading a report: a file, a web address or pasted text to a list of blocks.

Each format goes through a well-kept library to HTML (mammoth for Word, pdfminer.six's
layout analysis for PDF, the page itself for a web address), and one HTML walk
(BeautifulSoup) turns that into blocks. Only what the report's rich text can hold is
kept: paragraphs, headings, lists, bold, italic and web links. Tables become lists,
unless a row's first cell is a question (then it is a question and its answer). Images
are dropped and counted, so the review screen can say so.
"""

import io
import re
import urllib.parse
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.html import escape

from localoffer.fetch import FetchError, fetch

from .errors import ImportProblem

MAX_BYTES = 20 * 1024 * 1024
KINDS = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}
HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
CONTAINER_TAGS = {
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "span",
    "center",
    "font",
    "details",
    "figure",
    "tbody",
    "thead",
    "tfoot",
}
# Parts of a web page that are never the report.
SKIPPED_TAGS = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "template",
    "svg",
    "iframe",
    "button",
    "select",
    "summary",
    "head",
}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
QUESTION_START = re.compile(
    r"^(?:\(?\d{1,2}[.):]?\)?\s+|[a-z][.)]\s+|q\d{1,2}[.:]?\s+)?"
    r"(how|what|who|where|when|which|why|will|does|do|is|are|can|should|if)\b",
    re.IGNORECASE,
)
NUMBERED = re.compile(r"^\s*(?:\(?\d{1,2}[.):]\)?|q\d{1,2}[.:])\s+", re.IGNORECASE)
BULLET = re.compile(r"^\s*[•\-\*–·▪◦●]\s+")


@dataclass
class Block:
    """One paragraph, heading, list or table-row question of the source."""

    kind: str  # "heading", "paragraph" or "list"
    html: str  # clean HTML: only what the report's rich text can hold
    text: str
    level: int = 0  # a heading's level (1 to 6)
    bold: bool = False  # a paragraph that is bold throughout
    from_table: bool = False  # a table row's first cell that asks a question

    @property
    def words(self):
        return len(self.text.split())


@dataclass
class Document:
    kind: str
    source: str
    blocks: list = field(default_factory=list)
    images: int = 0
    notes: list = field(default_factory=list)

    @property
    def words(self):
        return sum(block.words for block in self.blocks)


def is_question(text, max_words=30):
    text = text.strip()
    return (
        bool(text)
        and len(text.split()) <= max_words
        and text.rstrip(" .:").endswith("?")
        and bool(QUESTION_START.match(text))
    )


def kind_for_name(name):
    kind = KINDS.get(Path(name or "").suffix.lower())
    if kind is None:
        raise ImportProblem(
            f"“{name}” is not a file the import can read. Upload a Word file (.docx), a "
            "PDF, a web page saved as .html, or a plain text file (.txt). An old Word file "
            "(.doc) can be saved as .docx from Word."
        )
    return kind


def sniff(data):
    """The format of bytes fetched from an address: by what they start with."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK"):
        return "docx"
    return "html"


def read_bytes(data, kind, source):
    """The document in `data` (bytes of the given kind); ImportProblem if unreadable."""
    if len(data) > MAX_BYTES:
        raise ImportProblem(
            f"“{source}” is larger than 20 MB, the most the import reads. Save it without "
            "pictures, or as a .docx, and try again."
        )
    if not data.strip():
        raise ImportProblem(f"“{source}” is empty: there is nothing to import.")
    if kind == "docx":
        html, images, notes = docx_to_html(data, source)
    elif kind == "pdf":
        html, images, notes = pdf_to_html(data, source), 0, []
    elif kind == "text":
        html, images, notes = text_to_html(decode(data)), 0, []
    else:
        html, images, notes = decode(data), 0, []
    document = html_to_document(html, kind, source)
    document.images += images
    document.notes.extend(notes)
    if not document.blocks:
        raise ImportProblem(f"“{source}” has no text in it: there is nothing to import.")
    return document


def read_upload(upload):
    """A Django uploaded file to a document."""
    kind = kind_for_name(upload.name)
    if upload.size > MAX_BYTES:
        raise ImportProblem(
            f"“{upload.name}” is larger than 20 MB, the most the import reads. Save it "
            "without pictures, or as a .docx, and try again."
        )
    return read_bytes(upload.read(), kind, upload.name)


def read_path(path):
    path = Path(path)
    kind = kind_for_name(path.name)
    try:
        if path.stat().st_size > MAX_BYTES:
            return read_bytes(b"x" * (MAX_BYTES + 1), kind, path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"Could not open “{path}”: {exc.strerror or exc}.") from None
    return read_bytes(data, kind, path.name)


def read_url(url):
    """The page (or file) at a web address, fetched with the Open Referral import's rules:
    public addresses only, redirects within the same site, a deadline and a size limit."""
    try:
        data = fetch(url, accept="text/html, application/pdf, */*;q=0.5")
    except FetchError as exc:
        raise ImportProblem(f"Could not read the web address: {exc}") from None
    document = read_bytes(data, sniff(data), url)
    document.source = url
    return document


def read_text(text, source="Pasted text"):
    return read_bytes(text.encode("utf-8"), "text", source)


def decode(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# Word ------------------------------------------------------------------------------------


def docx_to_html(data, source):
    import mammoth

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportProblem(
            f"“{source}” is password-protected or an old Word file (.doc). Remove the "
            "password, or save it as .docx from Word, and try again."
        )

    def skip_image(image):
        # Not embedded (the draft drops pictures); the <img> is counted with the rest.
        return {"src": "", "alt": image.alt_text or ""}

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data), convert_image=mammoth.images.img_element(skip_image)
        )
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportProblem(
            f"“{source}” could not be read as a Word file ({type(exc).__name__}). Open it in "
            "Word, save it again as .docx, and try again."
        ) from None
    return result.value, 0, []


# PDF -------------------------------------------------------------------------------------


def _is_bold(line):
    from pdfminer.layout import LTChar

    fonts = [
        char.fontname.lower()
        for char in line
        if isinstance(char, LTChar) and char.get_text().strip()
    ]
    return bool(fonts) and all(
        "bold" in font or "black" in font or "heavy" in font for font in fonts
    )


def pdf_to_html(data, source):
    """The text lines of every page, in reading order, to paragraphs: a paragraph ends at
    a gap between lines or a change between bold and plain; lines in bold throughout make
    a bold paragraph (the usual heading of a PDF report); bullet lines are list items."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    lines, pages = [], 0
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
            pages += 1
            lines.append(None)  # a new page: a new paragraph
            for element in layout:
                if not isinstance(element, LTTextContainer):
                    continue
                for line in element:
                    if isinstance(line, LTTextLine):
                        text = " ".join(line.get_text().split())
                        if text:
                            lines.append((text, _is_bold(line), line.y0, line.y1, line.height))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportProblem(
            f"“{source}” is password-protected. Save a copy without the password and try again."
        ) from None
    except PDFSyntaxError:
        raise ImportProblem(
            f"“{source}” is not a readable PDF. Save it again as a PDF, or upload the "
            "Word file it was made from."
        ) from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise ImportProblem(
            f"“{source}” could not be read as a PDF ({type(exc).__name__}). Save it again "
            "as a PDF, or upload the Word file it was made from."
        ) from None
    if pages and not any(lines):
        raise ImportProblem(
            f"“{source}” has no text in it: it looks like a scanned document (pictures of "
            "pages). Upload the Word file it was made from, or paste the text instead."
        )
    return "\n".join(_pdf_paragraphs(lines))


def _pdf_paragraphs(lines):
    parts, run, run_bold, items, previous = [], [], None, [], None

    def flush():
        nonlocal run
        if run:
            text = escape(" ".join(run))
            parts.append(f"<p><b>{text}</b></p>" if run_bold else f"<p>{text}</p>")
        run = []

    def flush_items():
        nonlocal items
        if items:
            parts.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
        items = []

    for line in lines:
        if line is None:
            previous = None
            continue
        text, bold, y0, y1, height = line
        gap = previous is None or previous[2] - y1 > 0.8 * max(height, 1)
        previous = line
        if BULLET.match(text):
            flush()
            flush_items()
            items.append(BULLET.sub("", text))
            continue
        if items and not gap:
            items[-1] += " " + text  # a bullet's second line
            continue
        flush_items()
        if gap or bold != run_bold:
            flush()
        run_bold = bold
        run.append(text)
    flush()
    flush_items()
    return parts


# Plain text ------------------------------------------------------------------------------


def text_to_html(text):
    """Paragraphs are parted by blank lines; lines starting with a bullet are list items."""
    parts = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(BULLET.match(line) for line in lines):
            items = "".join(f"<li>{escape(BULLET.sub('', line))}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
            continue
        # A question, or a short label, on a line of its own, followed by its answer.
        if len(lines) > 1 and is_question(lines[0]):
            parts.append(f"<p>{escape(lines[0])}</p>")
            lines = lines[1:]
        elif len(lines) > 1 and len(lines[0].split()) <= 10 and lines[0][-1] not in ".,;":
            parts.append(f"<p><b>{escape(lines[0])}</b></p>")
            lines = lines[1:]
        parts.append(f"<p>{escape(' '.join(lines))}</p>")
    return "\n".join(parts)


# HTML to blocks --------------------------------------------------------------------------


def html_to_document(html, kind, source):
    soup = BeautifulSoup(html, "html.parser")
    document = Document(kind=kind, source=source)
    document.images = len(soup.find_all("img"))
    for tag in soup.find_all(SKIPPED_TAGS):
        tag.decompose()
    root = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article")
    root = root or soup.body or soup
    _walk(root, document.blocks)
    return document


def _walk(container, blocks):
    loose = []  # inline content directly in a container: one paragraph

    def flush_loose():
        if loose:
            _add_paragraph(blocks, loose)
            loose.clear()

    for node in list(container.children):
        if isinstance(node, NavigableString):
            if type(node) is NavigableString and node.strip():
                loose.append(node)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name.lower()
        if name in HEADING_TAGS:
            flush_loose()
            text = _text(node)
            if text:
                blocks.append(Block("heading", escape(text), text, level=HEADING_TAGS[name]))
        elif name in ("p", "blockquote", "dd", "dt", "address", "pre", "caption"):
            flush_loose()
            if node.find(["p", "ul", "ol", "table", "h2", "h3", "h4"]):
                _walk(node, blocks)
            else:
                _add_paragraph(blocks, [node])
        elif name in ("ul", "ol"):
            flush_loose()
            _add_list(blocks, node, name)
        elif name == "table":
            flush_loose()
            _add_table(blocks, node)
        elif name in ("dl", "li", "tr", "td", "th") or name in CONTAINER_TAGS:
            if name in ("span", "font", "center") and not node.find(["p", "div", "ul", "table"]):
                loose.append(node)
            else:
                flush_loose()
                _walk(node, blocks)
        elif name == "br":
            if loose:
                flush_loose()
        elif name == "img" or name == "hr":
            flush_loose()
        else:  # inline: a, strong, em, b, i...
            loose.append(node)
    flush_loose()


def _text(node):
    return " ".join(node.get_text(" ").split())


def _inline_html(nodes):
    """Inline content as the rich text's own markup: bold, italic, links, line breaks."""
    out = []
    for node in nodes:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                out.append(escape(str(node)))
            continue
        name = node.name.lower()
        inner = _inline_html(node.children)
        if name in ("strong", "b"):
            out.append(f"<b>{inner}</b>" if inner.strip() else inner)
        elif name in ("em", "i"):
            out.append(f"<i>{inner}</i>" if inner.strip() else inner)
        elif name == "a":
            href = (node.get("href") or "").strip()
            scheme = urllib.parse.urlsplit(href).scheme.lower()
            if scheme in LINK_SCHEMES and inner.strip():
                out.append(f'<a href="{escape(href)}">{inner}</a>')
            else:
                out.append(inner)
        elif name == "br":
            out.append("<br/>")
        elif name in ("img", "script", "style"):
            continue
        else:
            out.append(inner)
    html = "".join(out)
    return re.sub(r"\s+", " ", html).strip()


def _all_bold(nodes):
    """Whether every word of the inline content is in bold (a heading in disguise)."""
    text_seen = False
    for node in nodes:
        if isinstance(node, NavigableString):
            if str(node).strip():
                return False
            continue
        name = node.name.lower()
        if name in ("strong", "b") or "bold" in (node.get("style") or "").replace(" ", ""):
            if _text(node):
                text_seen = True
            continue
        if _text(node):
            if not _all_bold(list(node.children)):
                return False
            text_seen = True
    return text_seen


def _add_paragraph(blocks, nodes):
    if len(nodes) == 1 and isinstance(nodes[0], Tag) and nodes[0].name in ("p", "blockquote"):
        children = list(nodes[0].children)
    else:
        children = nodes
    text = " ".join(
        " ".join(n.get_text(" ") if isinstance(n, Tag) else str(n) for n in children).split()
    )
    if not text:
        return
    bold = _all_bold(children)
    html = _inline_html(children)
    blocks.append(Block("paragraph", f"<p>{html}</p>", text, bold=bold))


def _add_list(blocks, node, name):
    items = []
    for item in node.find_all("li", recursive=False) or node.find_all("li"):
        nested = item.find(["ul", "ol"])
        if nested is not None:
            nested.extract()
        html = _inline_html(
            [c for c in item.children if not (isinstance(c, Tag) and c.name == "p")]
            + [grand for p in item.find_all("p") for grand in p.children]
        )
        if html:
            items.append(html)
        if nested is not None:
            for sub in nested.find_all("li"):
                sub_html = _inline_html(list(sub.children))
                if sub_html:
                    items.append(sub_html)
    if items:
        body = "".join(f"<li>{item}</li>" for item in items)
        tag = "ol" if name == "ol" else "ul"
        blocks.append(Block("list", f"<{tag}>{body}</{tag}>", _text(node)))


def _cells(row):
    return list(row.find_all(["td", "th"], recursive=False))


def _add_table(blocks, table):
    """A row whose first cell asks a question is that question and its answer; any other
    table becomes a list, one row an item (cells parted by a dash)."""
    rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
    items = []
    asks = sum(
        1 for row in rows if len(_cells(row)) >= 2 and is_question(_text(_cells(row)[0]), 40)
    )

    def flush_items():
        if items:
            body = "".join(f"<li>{item}</li>" for item in items)
            blocks.append(Block("list", f"<ul>{body}</ul>", " ".join(items)))
            items.clear()

    for index, row in enumerate(rows):
        cells = _cells(row)
        if not cells:
            continue
        first = _text(cells[0])
        if index == 0 and asks >= 2 and len(_text(row).split()) <= 6:
            continue  # the header row of a table of questions ("Question", "Answer")
        if len(cells) >= 2 and is_question(first, max_words=40):
            flush_items()
            blocks.append(Block("heading", escape(first), first, level=0, from_table=True))
            for cell in cells[1:]:
                _walk_cell(cell, blocks)
            continue
        texts = [_inline_html(list(cell.children)) for cell in cells]
        texts = [t for t in texts if t]
        if row.find("th") and not row.find("td"):
            continue  # a header row ("Question", "Our answer")
        if texts:
            items.append(" – ".join(texts))
    flush_items()


def _walk_cell(cell, blocks):
    if cell.find(["p", "ul", "ol", "table", "div"]):
        _walk(cell, blocks)
    else:
        _add_paragraph(blocks, list(cell.children))
