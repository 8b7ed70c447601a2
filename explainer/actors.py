"""Actors: spaCy's PER/LOC/ORG/MISC spans → the who's who an editor would list.

1. **collect** surface mentions: the NER's spans, cleaned (determiners and
   elisions off the left, office words such as "Défense" clipped, credit-line
   junk dropped), plus what the NER missed: names from the knowledge file and
   ministries ("le ministère sud-coréen de la Défense").
2. **type** each mention: knowledge first (states, organisations), then the
   NER label, then the context: a capital that acts ("Séoul et Washington ont
   intensifié", "par Pyongyang") is its state; one that is a location ("à
   Séoul") is a place.
3. **merge** mentions into actors: knowledge ids, surnames into full names
   ("Austin" → Lloyd Austin).
4. **roles** for people from title constructions and appositions ("le
   secrétaire américain à la Défense Lloyd Austin", "Minoru Kihara, ministre
   …"), "son homologue sud-coréen" resolved against the person it mirrors,
   and affiliation from the nationality adjective.  No stated role, no role.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .knowledge import Entry, Knowledge, fold, slug
from .model import Actor, Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_LEFT_JUNK = re.compile(r"^(?:(?:l['’]|d['’]|la|le|les|de|du|des|au|aux|à|en)\s*)+", re.IGNORECASE)
_MODEL_NAME = re.compile(r"^[A-Z][\w]*-\d+[A-Z]?$|^[A-Z]{1,4}-?\d+$")
_EVENT_WORDS = {"sommet", "guerre", "élection", "élections", "conférence", "jeux", "coupe", "festival", "affaire",
                "crise", "accord", "accords", "traité", "révolution", "forum", "championnat", "tournoi", "mondial",
                "olympiques", "g7", "g20", "cop"}
_MINISTRY = re.compile(
    r"\b(?P<org>(?:ministère|département|secrétariat)(?:\s+(?P<adj>[a-zéèêëïîôûç-]+))?\s+"
    r"(?:de\s+la|de\s+l['’]|du|des)\s+(?P<domain>[A-ZÉÈ][\w’'-]+(?:\s+(?:et\s+des|et\s+de\s+la|étrangères|intérieure?s?)\s*[\w’'-]*)?))",
)
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9-]{1,9})\)")

TITLES = frozenset("""président présidente ministre secrétaire chef directeur directrice porte-parole ambassadeur
ambassadrice général générale commandant dirigeant dirigeante chancelier chancelière roi reine prince princesse
maire député députée sénateur sénatrice juge procureur procureure patron patronne pdg fondateur fondatrice homologue
envoyé envoyée représentant représentante conseiller conseillère gouverneur gouverneure pape émir vice-président
vice-présidente candidat candidate avocat avocate entraîneur sélectionneur capitaine leader opposant opposante
militant militante chercheur chercheuse professeur professeure écrivain écrivaine journaliste acteur actrice
chanteur chanteuse commissaire préfet préfète évêque archevêque cardinal colonel lieutenant amiral maréchal
ayatollah coordinateur coordinatrice délégué déléguée négociateur négociatrice ministre-président
premier première vice-premier""".split())
_ROLE_GLUE = {"de", "d'", "d’", "à", "la", "l'", "l’", "du", "des", "et", "aux", "au"}
_DETERMINERS = {"le", "la", "l'", "l’", "les", "son", "sa", "ses", "leur", "leurs", "un", "une", "ce", "cette", "notre"}


@dataclass(frozen=True)
class Surface:
    """One mention before merging: where, what, and what it refers to."""

    start: int
    end: int
    text: str
    key: str  # actor id
    name: str
    type: str
    confidence: float
    affiliation: str | None = None


def extract_actors(doc: "Doc", knowledge: Knowledge) -> list[Actor]:
    """The actors of one article, ordered by first mention (offsets into ``doc.text``)."""
    surfaces = _collect(doc, knowledge)
    surfaces = _merge_surnames(surfaces)
    return _build(doc, surfaces, knowledge)


# -- collect -------------------------------------------------------------------

def _collect(doc: "Doc", knowledge: Knowledge) -> list[Surface]:
    text = doc.text
    found: list[Surface] = []
    for ent in doc.ents:
        for start, end in _split_lines(text, ent.start_char, ent.end_char):
            surface = _classify(doc, knowledge, start, end, ent.label_)
            if surface:
                found.append(surface)
    found += _ministries(doc, knowledge, found)
    found += _gazetteer(doc, knowledge, found)
    return sorted(found, key=lambda s: s.start)


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, pos = [], start
    for m in re.finditer(r"\s*\n\s*", text[start:end]):
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s]


def _clean(text: str, start: int, end: int, knowledge: Knowledge) -> tuple[int, int]:
    """Clip determiners/prepositions on the left, office words ("Défense") and punctuation."""
    surface = text[start:end]
    m = _LEFT_JUNK.match(surface)
    if m and m.end() < len(surface):
        start += m.end()
    while True:
        words = text[start:end].split(" ", 1)
        if len(words) == 2 and knowledge.is_not_actor(words[0]) and not knowledge.lookup(text[start:end]):
            start += len(words[0]) + 1
            continue
        break
    while end > start and text[end - 1] in " ,.;:»«\"'’)(":
        end -= 1
    while start < end and text[start] in " «\"(":
        start += 1
    return start, end


def _classify(doc: "Doc", knowledge: Knowledge, start: int, end: int, label: str) -> Surface | None:
    text = doc.text
    start, end = _clean(text, start, end, knowledge)
    surface = text[start:end]
    if len(surface) < 2 or knowledge.is_not_actor(surface):
        return None
    entry = knowledge.lookup(surface)
    if entry:
        return _from_entry(entry, start, end, surface)
    capital_of = knowledge.capital_of(surface)
    if capital_of:
        if _acts(doc, start, end):
            return Surface(start, end, surface, capital_of.id, capital_of.name, "state", 0.8)
        return Surface(start, end, surface, slug(surface), surface, "place", 0.85, affiliation=capital_of.id)
    if surface[0].islower() or (surface.isupper() and len(surface) > 6 and " " in surface):
        return None  # "ministres de la Défense", an all-caps credit line
    if knowledge.state_of_demonym(surface):
        return None  # a nationality adjective alone is no actor
    kind, confidence = _type_from_label(doc, label, start, surface)
    return Surface(start, end, surface, slug(surface), surface, kind, confidence)


def _from_entry(entry: Entry, start: int, end: int, surface: str) -> Surface:
    return Surface(start, end, surface, entry.id, entry.name, entry.type, 0.95, affiliation=entry.affiliation)


def _type_from_label(doc: "Doc", label: str, start: int, surface: str) -> tuple[str, float]:
    before = doc.text[max(0, start - 12):start]
    if _MODEL_NAME.match(surface):
        return "work", 0.7  # "Hwasongpho-18", "F-35": a named weapon or model
    if label == "PER":
        if re.search(r"(?:\bà|\ben)\s+$", before):
            return "place", 0.6  # "à Camp David": the NER took a place for a person
        return "person", 0.9
    if label == "LOC":
        return "place", 0.75
    if label == "ORG":
        return "organization", 0.75
    if any(w in _EVENT_WORDS for w in fold(surface).split()):
        return "event", 0.7
    return "other", 0.4


def _acts(doc: "Doc", start: int, end: int) -> bool:
    """Is a place name the agent of something (a metonym for its state)?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    deps = {root.dep_}
    if root.dep_ == "conj":
        deps.add(root.head.dep_)
    if deps & {"nsubj", "nsubj:pass", "obl:agent"}:
        return True
    after = doc.text[end:end + 20].lower()
    if re.match(r"\s*(?:pour|avec)\s+(?:son|sa|ses|leur|leurs)\b", after):
        return True  # "Moscou pour son invasion"
    before = doc.text[max(0, start - 40):start].lower()
    if re.search(r"\bpar\s+$", before):
        return True  # the agent: "des essais d'armes par Pyongyang"
    return bool(re.search(r"\bentre\s+$|\bentre\s+\S+\s+et\s+$", before))  # relations between states


def _ministries(doc: "Doc", knowledge: Knowledge, found: Sequence[Surface]) -> list[Surface]:
    out = []
    for m in _MINISTRY.finditer(doc.text):
        start, end = m.start("org"), m.end("org")
        if _overlaps(found, start, end):
            continue
        adj = m.group("adj")
        state = knowledge.state_of_demonym(adj) if adj else None
        name = m.group("org")
        name = name[0].lower() + name[1:]
        key = slug(name if not state else f"{name}")
        out.append(Surface(start, end, doc.text[start:end], key, name, "organization", 0.85,
                           affiliation=state.id if state else None))
    return out


def _gazetteer(doc: "Doc", knowledge: Knowledge, found: Sequence[Surface]) -> list[Surface]:
    """Known names the NER missed, and acronyms in parentheses."""
    text = doc.text
    out: list[Surface] = []
    for m in re.finditer(r"[A-ZÀ-Ý][\w’'-]*(?:\s+(?:de\s+la\s+|du\s+|des\s+|de\s+l['’]|d['’])?[A-ZÀ-Ý][\w’'-]*){0,4}", text):
        for start, end in _split_lines(text, m.start(), m.end()):
            candidate = _longest_known(text, start, end, knowledge)
            if candidate is None:
                continue
            s, e, entry = candidate
            if _overlaps(found, s, e) or _overlaps(out, s, e):
                continue
            out.append(_from_entry(entry, s, e, text[s:e]))
    return out


def _longest_known(text: str, start: int, end: int, knowledge: Knowledge) -> tuple[int, int, Entry] | None:
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    for size in range(len(words), 0, -1):
        for k in range(len(words) - size + 1):
            s, e = words[k][0], words[k + size - 1][1]
            s, e = _clean(text, s, e, knowledge)
            entry = knowledge.lookup(text[s:e])
            if entry:
                return s, e, entry
    return None


def _overlaps(surfaces: Sequence[Surface], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in surfaces)


# -- merge ---------------------------------------------------------------------

def _merge_surnames(surfaces: list[Surface]) -> list[Surface]:
    """A one-word person mention joins the full name it ends ("Austin" → "Lloyd Austin")."""
    full = {}
    for s in surfaces:
        if s.type == "person" and " " in s.name:
            full.setdefault(fold(s.name.split()[-1]), s)
    out = []
    for s in surfaces:
        if s.type == "person" and " " not in s.name and fold(s.name) in full:
            target = full[fold(s.name)]
            s = Surface(s.start, s.end, s.text, target.key, target.name, "person", s.confidence)
        out.append(s)
    return out


# -- build -----------------------------------------------------------------------

def _build(doc: "Doc", surfaces: list[Surface], knowledge: Knowledge) -> list[Actor]:
    groups: OrderedDict[str, list[Surface]] = OrderedDict()
    for s in surfaces:
        groups.setdefault(s.key, []).append(s)
    roles: dict[str, tuple[str, str | None]] = {}
    for key, group in groups.items():
        if group[0].type == "person":
            for s in group:
                found = role_of(doc, s, knowledge, roles)
                if found:
                    roles[key] = found
                    break
    ids = set(groups)
    actors = []
    for key, group in groups.items():
        entry = knowledge.entries.get(key)
        name = entry.name if entry else max((s.name for s in group), key=len)
        kind = max((s.type for s in group), key=[s.type for s in group].count)
        role, affiliation = roles.get(key, (None, None))
        affiliation = affiliation or next((s.affiliation for s in group if s.affiliation), None)
        if affiliation not in ids or affiliation == key:
            affiliation = None
        aliases = tuple(dict.fromkeys(s.text for s in group if fold(s.text) != fold(name)))
        mentions = tuple(Mention(0, s.start, s.end, s.text) for s in group)
        actors.append(Actor(
            id=key, name=name, type=kind, role=role, aliases=aliases, affiliation=affiliation,
            mentions=mentions, description=entry.description if entry else None,
            confidence=sum(s.confidence for s in group) / len(group),
        ))
    return actors


def role_of(doc: "Doc", s: Surface, knowledge: Knowledge, known: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """``(role, state id)`` from the words before the name, or an apposition after it."""
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None:
        return None
    role_tokens = _title_before(doc, span.start) or _apposition_after(doc, span.end)
    if not role_tokens:
        return None
    words = [t.text for t in role_tokens]
    role = _join(role_tokens)
    state = next((knowledge.state_of_demonym(w) for w in words if knowledge.state_of_demonym(w)), None)
    if fold(words[0]) == "homologue":
        role = _homologue(role_tokens, known, doc, span.start) or role
    if state is None:
        state = _demonym_nearby(doc, role_tokens[0], knowledge)
        if state is not None:
            demonym = next(w for w in (t.text for t in role_tokens[0].head.children) if knowledge.state_of_demonym(w))
            role = f"{role} {demonym}"
    return role, state.id if state else None


def _title_before(doc: "Doc", i: int) -> list["Token"]:
    """The title noun phrase right before a name: "le secrétaire américain à la Défense"."""
    tokens = []
    j = i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    while j >= 0 and len(tokens) < 9:
        tok = doc[j]
        low = tok.text.lower()
        if tok.is_sent_start and low not in TITLES and tok.pos_ not in ("ADJ", "NOUN"):
            break
        if tok.pos_ in ("VERB", "AUX", "PUNCT") and low != "-":
            break
        if low in _DETERMINERS and tok.pos_ == "DET" and not (j > 0 and doc[j - 1].text.lower() in ("à", "de", "d'", "d’")):
            break
        if tok.pos_ == "PROPN" and not (tok.text[:1].isupper() and tokens and doc[j - 1].text.lower() in _ROLE_GLUE):
            if not (j > 0 and doc[j - 1].text.lower() in _ROLE_GLUE):
                break
        tokens.insert(0, tok)
        j -= 1
    while tokens and tokens[0].text.lower() not in TITLES:
        tokens.pop(0)
    while tokens and tokens[-1].text.lower() in _ROLE_GLUE | {","}:
        tokens.pop()
    return tokens


def _apposition_after(doc: "Doc", i: int) -> list["Token"]:
    """", ministre japonais de la Défense," after a name."""
    if i >= len(doc) or doc[i].text != ",":
        return []
    tokens = []
    j = i + 1
    if j < len(doc) and doc[j].text.lower() in _DETERMINERS:
        j += 1
    if j >= len(doc) or doc[j].text.lower() not in TITLES:
        return []
    while j < len(doc) and len(tokens) < 9 and doc[j].text not in (",", ".", ";", ":", "(", ")") and doc[j].pos_ not in ("VERB", "AUX"):
        tokens.append(doc[j])
        j += 1
    return tokens


def _join(tokens: Sequence["Token"]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip().rstrip(",")


def _homologue(tokens: Sequence["Token"], known: dict[str, tuple[str, str | None]], doc: "Doc", i: int) -> str | None:
    """"son homologue sud-coréen" → the counterpart's office with this nationality."""
    previous = [role for role, _ in known.values()]
    if not previous:
        return None
    model = previous[-1]
    domain = re.search(r"\b(?:à|de)\s+(la|l['’]|du|des)\s*(.+)$", model)
    adjective = " ".join(t.text for t in tokens[1:])
    if domain:
        article = domain.group(1)
        article = "de la" if article == "la" else f"de {article}" if article not in ("du", "des") else article
        return f"ministre {adjective} {article} {domain.group(2)}".replace("  ", " ").replace("de l' ", "de l’").strip()
    return None


def _demonym_nearby(doc: "Doc", title: "Token", knowledge: Knowledge) -> Entry | None:
    """"le gouvernement conservateur sud-coréen du président X": the adjective on the head noun."""
    head = title.head
    if head is title:
        return None
    for child in head.children:
        if child.pos_ == "ADJ" and knowledge.state_of_demonym(child.text):
            return knowledge.state_of_demonym(child.text)
    return None
