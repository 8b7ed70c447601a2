"""A deterministic corpus of realistic French seeds for benchmarks.

Sentences from the French TimeBank texts (real Est Républicain news, 1999)
and from the project's seeds are recombined into articles of 300–900 words
with the AFP seed's header layout: ``date`` line running into a photo
caption, a credit line, title, ``(Ville)`` dateline, agency byline, body.
Same ``seed`` → same files, byte for byte.
"""

from __future__ import annotations

import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
TIMEBANK_DIRS = (ROOT / "eval" / "data" / "fr-timebank" / "Data", ROOT.parent / "shared" / "data" / "fr-timebank" / "Data")
CITIES = ("Paris", "Séoul", "Washington", "Tokyo", "Berlin", "Bruxelles", "Genève", "Kiev", "Moscou", "Pékin",
          "Nancy", "Strasbourg", "Metz", "Lyon", "Londres", "Rome")
AGENCIES = ("Agence France-Presse", "Reuters", "La Presse canadienne")
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý])")


def _timebank_texts() -> list[str]:
    for folder in TIMEBANK_DIRS:
        if folder.is_dir():
            texts = []
            for path in sorted(folder.glob("*.tml")):
                raw = path.read_text("utf-8")
                body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
                texts.append(re.sub(r"<[^>]+>", "", body))
            return texts
    raise FileNotFoundError("French TimeBank not found (eval/data/fr-timebank or ../shared/data/fr-timebank)")


def sentence_pool() -> list[str]:
    texts = _timebank_texts()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        texts.append(seed.read_text("utf-8"))
    pool = []
    for text in texts:
        for chunk in re.split(r"\n\s*\n", text):
            for sentence in _SENTENCE_END.split(" ".join(chunk.split())):
                words = len(sentence.split())
                if 6 <= words <= 60 and sentence[-1] in ".»" and not sentence.isupper():
                    pool.append(sentence)
    return sorted(set(pool))


def make_article(rng: random.Random, pool: list[str]) -> str:
    year = rng.choice(range(1999, 2025))
    month = rng.randint(1, 12)
    date = f"{year}-{month:02d}" if rng.random() < 0.3 else f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    caption = rng.choice(pool)
    title = " ".join(rng.choice(pool).rstrip(".»").split()[:12])
    target = rng.randint(300, 900)
    paragraphs, words = [], 0
    while words < target:
        paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    lead = f"({rng.choice(CITIES)}) {paragraphs[0]}"
    agency = rng.choice(AGENCIES)
    parts = [f"date {date} {caption}", f"PHOTO ARCHIVES VIA {agency.upper()}", title, lead, agency, *paragraphs[1:]]
    return "\n\n".join(parts) + "\n"


def write_corpus(folder: pathlib.Path, count: int = 1000, seed: int = 20231112) -> list[pathlib.Path]:
    """Write ``count`` seeds into ``folder`` and return their paths."""
    rng = random.Random(seed)
    pool = sentence_pool()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"bench_{n:04d}.txt"
        path.write_text(make_article(rng, pool), "utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import sys

    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "bench/corpus")
    files = write_corpus(out, int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    words = sum(len(p.read_text("utf-8").split()) for p in files)
    print(f"{len(files)} seeds, {words} words in {out}")
