"""Article texts for the evaluation, as the extraction stage sees them.

A seed in the AFP export layout (``date …`` header, caption, credit, title,
lead, byline, body) becomes caption + credit + paragraphs + byline joined by
blank lines, without the title — what ``extract.Layout`` builds from a parsed
``Seed``.  Plain texts (TimeBank) are used as they are.
"""

from __future__ import annotations

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
_HEADER = re.compile(r"^\s*date\s*:?\s+\S+[ \t]*", re.IGNORECASE)


def article_text(source: str) -> str:
    """The analysis text of the article at ``source`` (path from the repository root)."""
    raw = (ROOT / source).read_text("utf-8")
    if not _HEADER.match(raw):
        return raw.strip()
    raw = _HEADER.sub("", raw, count=1)
    blocks = [re.sub(r"\s*\n\s*", " ", b.strip()) for b in re.split(r"\n\s*\n", raw) if b.strip()]
    # caption, credit, title, then the lead: the title is not annotated text.
    credit = 1 if len(blocks) > 1 and re.match(r"^(PHOTO|Photo|©|CR[ÉE]DIT)", blocks[1]) else None
    if credit is not None and len(blocks) > 2:
        blocks = blocks[:2] + blocks[3:]
    # The agency byline ("Agence France-Presse") goes last, as in Layout.
    agencies = [b for b in blocks if b in ("Agence France-Presse", "Associated Press", "Reuters")]
    blocks = [b for b in blocks if b not in agencies] + agencies
    return "\n\n".join(blocks)
