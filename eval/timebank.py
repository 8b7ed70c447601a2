"""Evaluate the date tagger on the French TimeBank: ``python -m eval.timebank`` (``make eval``).

Each document's raw text is the ``<TEXT>`` content with every tag removed and
whitespace kept; the tagger runs on it with the document's creation time
(DCT).  Scoring follows TempEval-3: one gold timex is matched to at most one
system timex; strict extent needs identical offsets, relaxed extent an
overlap; value F1 counts a relaxed match whose value is identical; type
accuracy is over relaxed matches.  Figures are printed overall and per gold
type (recall-side breakdown: a system timex counts for the type of the gold
it matches, unmatched ones for their own type).
"""

from __future__ import annotations

import argparse
import collections
import html
import pathlib
import re
import sys
import time
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "eval" / "data" / "fr-timebank" / "Data"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    dct: str
    gold: tuple[Span, ...]


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_document(path: pathlib.Path) -> Document:
    """Strip the tags of one .tml file, keeping gold TIMEX3 offsets into the stripped text."""
    raw = path.read_text("utf-8")
    dct_match = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    dct = dict(_ATTR.findall(dct_match.group(1)))["value"] if dct_match else ""
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    out: list[str] = []
    pos = 0
    length = 0
    open_timex: list[tuple[int, dict]] = []
    gold: list[Span] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            gold.append(Span(start, length, "", a.get("type", ""), a.get("value", "")))
    tail = html.unescape(body[pos:])
    out.append(tail)
    text = "".join(out)
    gold = [Span(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in gold]
    return Document(path.stem, text, dct, tuple(sorted(gold, key=lambda s: s.start)))


def load_corpus(folder: pathlib.Path = DATA) -> list[Document]:
    return [load_document(p) for p in sorted(folder.glob("*.tml"))]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(gold: list[Span], system: list[Span]) -> list[tuple[Span | None, Span | None]]:
    """One-to-one pairs by overlap (largest overlap first); unmatched sides pair with None."""
    pairs = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((overlap, g, s))
    pairs.sort(key=lambda x: (-x[0], x[1].start, x[2].start))
    used_g, used_s, out = set(), set(), []
    for _, g, s in pairs:
        if id(g) in used_g or id(s) in used_s:
            continue
        used_g.add(id(g))
        used_s.add(id(s))
        out.append((g, s))
    out += [(g, None) for g in gold if id(g) not in used_g]
    out += [(None, s) for s in system if id(s) not in used_s]
    return out


def score(pairs, counts: dict[str, Counts]) -> None:
    for g, s in pairs:
        key = g.type if g else s.type
        for c in (counts["ALL"], counts.setdefault(key, Counts())):
            if g:
                c.gold += 1
            if s:
                c.system += 1
            if g and s:
                c.relaxed += 1
                c.strict += (g.start, g.end) == (s.start, s.end)
                c.value += g.value == s.value
                c.type += g.type == s.type


def error_kind(g: Span | None, s: Span | None) -> str | None:
    if g and not s:
        return f"missed {g.type}"
    if s and not g:
        return f"spurious {s.type}"
    if g.value != s.value:
        if g.value.endswith("_REF") or s.value.endswith("_REF"):
            return f"{g.type} value: REF vs date"
        if len(g.value) != len(s.value):
            return f"{g.type} value: wrong precision"
        return f"{g.type} value: wrong anchor/direction"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description="Score the date tagger on the French TimeBank.",
                                     epilog="example: python -m eval.timebank --errors /tmp/errors.tsv")
    parser.add_argument("--model", default=None, help="spaCy model (default: the project's)")
    parser.add_argument("--errors", type=pathlib.Path, help="write every error as TSV")
    parser.add_argument("--no-doc", action="store_true", help="tag without spaCy (rules only)")
    args = parser.parse_args()

    from explainer import nlp as nlp_mod
    from explainer import timex
    from explainer.model import PubDate

    docs = load_corpus()
    t0 = time.perf_counter()
    nlp = None if args.no_doc else nlp_mod.load(args.model or nlp_mod.DEFAULT_MODEL)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs], batch_size=16)) if nlp else [None] * len(docs)
    spacy_s = time.perf_counter() - t0
    counts = {"ALL": Counts()}
    errors: list[str] = []
    kinds: collections.Counter[str] = collections.Counter()
    tag_s = 0.0
    for doc, parsed_doc in zip(docs, parsed):
        t0 = time.perf_counter()
        found = timex.tag(doc.text, parsed_doc, PubDate.parse(doc.dct))
        tag_s += time.perf_counter() - t0
        system = [Span(t.start, t.end, t.text, t.type, t.value) for t in found]
        pairs = match(list(doc.gold), system)
        score(pairs, counts)
        for g, s in pairs:
            kind = error_kind(g, s)
            if kind:
                kinds[kind] += 1
                errors.append("\t".join([doc.id, kind, g.text if g else "", g.value if g else "",
                                         s.text if s else "", s.value if s else ""]))
    print(f"French TimeBank: {len(docs)} documents, {counts['ALL'].gold} gold TIMEX3, "
          f"{counts['ALL'].system} found (model: {'none' if not nlp else nlp.meta['name'] + ' ' + nlp.meta['version']})")
    print(f"{'type':9} {'gold':>5} {'sys':>5} | {'strict P':>8} {'R':>6} {'F1':>6} | {'relaxed P':>9} {'R':>6} {'F1':>6} | "
          f"{'value P':>7} {'R':>6} {'F1':>6} | {'type acc':>8}")
    for key in ("ALL", *TYPES):
        c = counts.get(key, Counts())
        sp, sr, sf = c.prf(c.strict)
        rp, rr, rf = c.prf(c.relaxed)
        vp, vr, vf = c.prf(c.value)
        acc = c.type / c.relaxed if c.relaxed else 0.0
        print(f"{key:9} {c.gold:5} {c.system:5} | {sp:8.3f} {sr:6.3f} {sf:6.3f} | {rp:9.3f} {rr:6.3f} {rf:6.3f} | "
              f"{vp:7.3f} {vr:6.3f} {vf:6.3f} | {acc:8.3f}")
    print("HeidelTime 2.2 on the same setup: value F1 0.733 overall, 0.784 DATE; relaxed extent F1 0.909")
    print(f"speed: {len(docs) / (spacy_s + tag_s):.1f} docs/s with the model loaded (spaCy {spacy_s:.2f} s, "
          f"tagger {tag_s:.3f} s = {100 * tag_s / max(spacy_s, 1e-9):.1f}% of spaCy; model load {load_s:.1f} s)")
    print("most common errors:")
    for kind, n in kinds.most_common(10):
        print(f"  {n:4}  {kind}")
    if args.errors:
        args.errors.write_text("doc\tkind\tgold text\tgold value\tsystem text\tsystem value\n" + "\n".join(errors) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
