"""Read: a seed file on disk → a typed ``Seed`` record.

Seeds are plain-text wire stories and they are messy.  Three layouts are
understood:

* the AFP export: ``date 2023-11`` possibly followed, on the same line, by
  the photo caption; a credit line (``PHOTO … AGENCE FRANCE-PRESSE``); the
  title; a lead opening with a ``(Séoul)`` dateline; an agency byline on a
  line of its own; the body;
* the simple form: a ``date YYYY-MM-DD`` line, the title, the body;
* YAML front matter between ``---`` lines (``title``, ``date``, ``byline``,
  ``dateline``, ``photo``, ``credit``), then the body.

Blocks are separated by blank lines; lines inside a block are joined with a
space (hard-wrapped archives).  Text is otherwise kept exactly: typographic
quotes, apostrophes and « » are never normalised.
"""

from __future__ import annotations

import pathlib
import re
import unicodedata
from dataclasses import dataclass

import yaml

from .errors import SeedError
from .model import Photo, PubDate, Seed

# A long-read runs to ~60,000 characters; a file five times that is a mistake (a
# whole archive pasted into one seed), and spaCy parses an article as one Doc,
# whose memory and time grow with its length (its own limit is 1,000,000).
MAX_CHARS = 300_000

_HEADER = re.compile(r"^\s*date\s*:?\s+(?P<date>\S+)(?:\s+(?P<rest>.*\S))?\s*$", re.IGNORECASE)
# "(Séoul)" or "(Séoul, Corée du Sud)" at the very start of the lead.
_DATELINE_PAREN = re.compile(r"^\((?P<place>[^()\n]{2,60})\)\s+")
# "SÉOUL — …" / "PARIS - …" / "Séoul, 12 nov 2023 (AFP) - …"
_DATELINE_DASH = re.compile(r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý' -]{1,40}?)\s+[—–-]\s+")
_DATELINE_AGENCY = re.compile(r"^(?P<place>[A-ZÀ-Ý][\w' -]{1,40}?),[^()\n]{0,40}\((?:AFP|Reuters|AP)\)\s+[—–-]\s+")
_CREDIT = re.compile(r"^(?:PHOTOS?\b|Photos?\s*:|CR[ÉE]DIT|Cr[ée]dit\s*:|©)", re.UNICODE)
_AGENCIES = (
    "agence france-presse", "afp", "reuters", "associated press", "the associated press",
    "la presse canadienne", "presse canadienne", "bloomberg", "ansa", "dpa", "efe", "belga",
)
_BYLINE_PERSON = re.compile(r"^(?:Par|De notre (?:envoyée?|correspondante?) (?:spéciale? )?à \w+,?)\s+\S", re.UNICODE)
# Control characters (Unicode category Cc) other than tab and newlines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FRONT_KEYS = {"title", "date", "byline", "dateline", "photo", "credit", "source", "language"}


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines, joined; ``line`` is where it starts (1-based)."""

    text: str
    line: int


def read_seed(path: pathlib.Path, slug: str | None = None, data: bytes | None = None) -> Seed:
    """Parse the seed at ``path`` (its bytes ``data`` if already read).

    Raise ``SeedError`` (file, line, fix) if unusable.
    """
    text = decode(path, data)
    return parse_seed(text, str(path), slug)


def decode(path: pathlib.Path, data: bytes | None = None) -> str:
    """Return the file's text, refusing what cannot be a seed.

    Newsroom archives are often Windows-1252: a file that is not valid UTF-8
    is reported with the line of the first bad byte rather than guessed at,
    because a wrong guess silently corrupts names.
    """
    if data is None:
        data = path.read_bytes()
    if not data.strip():
        raise SeedError(str(path), 1, "the file is empty", "write the article, or delete the file")
    if b"\x00" in data[:8192]:
        raise SeedError(str(path), 1, "this is a binary file, not a text article",
                        "seeds must be plain-text UTF-8 (.txt)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = "re-save it as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)"
        try:
            sample = data[exc.start: exc.start + 1].decode("cp1252")
            hint = f"byte {data[exc.start]:#x} looks like Windows-1252 {sample!r}: {hint}"
        except UnicodeDecodeError:
            pass
        raise SeedError(str(path), line, "the file is not valid UTF-8", hint) from None
    if len(text) > MAX_CHARS:
        raise SeedError(str(path), 1, f"the file has {len(text):,} characters; the limit is {MAX_CHARS:,}",
                        "a seed is one article: split the file")
    controls = len(_CONTROL.findall(text))
    if controls > 0.01 * len(text):
        raise SeedError(str(path), 1, "the file is full of control characters (binary data?)",
                        "seeds must be plain-text UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_seed(text: str, source_file: str, slug: str | None = None) -> Seed:
    """Parse seed text (already decoded) into a ``Seed``."""
    if text.lstrip().startswith("---"):
        return _parse_front_matter(text, source_file, slug)
    blocks = split_blocks(text)
    if not blocks:
        raise SeedError(source_file, 1, "the file has no text", "write the article")
    published, caption = None, None
    header = _HEADER.match(blocks[0].text)
    if header:
        published = _parse_date(header["date"], source_file, blocks[0].line)
        caption = header["rest"]
        blocks = blocks[1:]
    elif re.match(r"^\s*date\b", blocks[0].text, re.IGNORECASE):
        raise SeedError(source_file, blocks[0].line, f"malformed date header {blocks[0].text[:40]!r}",
                        "write it as `date YYYY-MM-DD` (or YYYY-MM, YYYY) on the first line")
    return _parse_body(blocks, source_file, slug, published, caption)


def split_blocks(text: str) -> list[Block]:
    """Split text on blank lines; join wrapped lines with single spaces."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append(Block(" ".join(current), start))
            current = []
    if current:
        blocks.append(Block(" ".join(current), start))
    return blocks


def _parse_date(value: str, source_file: str, line: int) -> PubDate:
    try:
        return PubDate.parse(value)
    except ValueError as exc:
        raise SeedError(source_file, line, f"malformed date header: {exc}",
                        "write it as `date YYYY-MM-DD` (or YYYY-MM, YYYY)") from None


def _is_credit(block: Block) -> bool:
    if _CREDIT.match(block.text):
        return True
    letters = [c for c in block.text if c.isalpha()]
    # An all-capitals line under a caption is a credit ("AFP / JUNG YEON-JE").
    return len(letters) >= 6 and sum(c.isupper() for c in letters) > 0.9 * len(letters) and len(block.text) < 200


def _is_byline(text: str) -> bool:
    folded = text.strip().lower().strip(".")
    if folded in _AGENCIES:
        return True
    if _BYLINE_PERSON.match(text) and len(text.split()) <= 12 and not text.rstrip().endswith((".", "»")):
        return True
    return False


def _split_dateline(lead: str) -> str | None:
    for pattern in (_DATELINE_PAREN, _DATELINE_AGENCY, _DATELINE_DASH):
        m = pattern.match(lead)
        if m:
            return m["place"].strip()
    return None


def _parse_body(blocks: list[Block], source_file: str, slug: str | None,
                published: PubDate | None, caption: str | None,
                title: str | None = None, byline: str | None = None,
                dateline: str | None = None, credit: str | None = None) -> Seed:
    # A caption under the header is recognised by the credit line after it.
    if caption is None and len(blocks) >= 2 and _is_credit(blocks[1]) and not _is_credit(blocks[0]):
        caption, blocks = blocks[0].text, blocks[1:]
    if blocks and _is_credit(blocks[0]) and credit is None:
        credit, blocks = blocks[0].text, blocks[1:]
    if title is None:
        if not blocks:
            raise SeedError(source_file, 1, "no title found", "put the title on its own line after the header")
        title, blocks = blocks[0].text, blocks[1:]
    if not blocks:
        raise SeedError(source_file, 1, "the article has a title but no body", "add the article text")
    # The agency byline sits on its own line near the top (after the lead in AFP exports).
    if byline is None:
        for k, block in enumerate(blocks[:3]):
            if _is_byline(block.text):
                byline = block.text
                blocks = blocks[:k] + blocks[k + 1:]
                break
    if not blocks:
        raise SeedError(source_file, 1, "the article has no body text", "add the article text")
    if dateline is None:
        dateline = _split_dateline(blocks[0].text)
    photo = Photo(caption=caption, credit=credit) if caption else None
    return Seed(
        source_file=source_file,
        slug=slug or slugify(title),
        title=title,
        published=published,
        dateline=dateline,
        byline=byline,
        photo=photo,
        paragraphs=tuple(b.text for b in blocks),
        lines=tuple(b.line for b in blocks),
    )


def _parse_front_matter(text: str, source_file: str, slug: str | None) -> Seed:
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    try:
        end = next(i for i in range(first + 1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise SeedError(source_file, first + 1, "front matter opened with `---` is never closed",
                        "add a `---` line after the metadata") from None
    try:
        meta = yaml.safe_load("\n".join(lines[first + 1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first + 2 + (mark.line if mark else 0)
        raise SeedError(source_file, line, f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})",
                        "fix the YAML between the `---` lines") from None
    if not isinstance(meta, dict):
        raise SeedError(source_file, first + 2, "front matter must be `key: value` lines",
                        f"use the keys {', '.join(sorted(_FRONT_KEYS))}")
    unknown = sorted(set(map(str, meta)) - _FRONT_KEYS)
    if unknown:
        raise SeedError(source_file, first + 2, f"unknown front-matter key(s) {', '.join(unknown)}",
                        f"use only {', '.join(sorted(_FRONT_KEYS))}")
    offset = end + 1
    body = split_blocks("\n".join(lines[end + 1:]))
    body = [Block(b.text, b.line + offset) for b in body]
    published = None
    if meta.get("date") is not None:
        published = _parse_date(str(meta["date"]), source_file, first + 2)
    title = str(meta["title"]) if meta.get("title") else None
    return _parse_body(
        body, source_file, slug, published,
        caption=str(meta["photo"]) if meta.get("photo") else None,
        title=title,
        byline=str(meta["byline"]) if meta.get("byline") else None,
        dateline=str(meta["dateline"]) if meta.get("dateline") else None,
        credit=str(meta["credit"]) if meta.get("credit") else None,
    )


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII, lower-case, hyphenated; cut at a word boundary."""
    # Accents go (é → e); every other non-ASCII character separates words, so
    # "L’ONU" gives "l-onu" rather than "lonu".
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", decomposed.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "article"
