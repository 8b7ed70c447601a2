"""Roles of people from the text: title constructions and appositions.

"Le secrétaire américain à la Défense Lloyd Austin" → "secrétaire américain à
la Défense"; "le ministre japonais de la Défense, Minoru Kihara" → "ministre
japonais de la Défense"; "Louise Arbour, procureur du Tribunal …" →
"procureur du Tribunal …"; "son homologue sud-coréen Shin Won-sik" next to a
defence secretary → "ministre sud-coréen de la Défense".  A person the text
gives no title gets no role: nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .knowledge import Entry, Knowledge

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

# Nouns that head a title.  French political/press vocabulary, not names.
TITLE_NOUNS = frozenset("""
président présidente vice-président vice-présidente ministre ministres secrétaire secrétaire-général
secrétaire-générale chancelier chancelière porte-parole chef cheffe dirigeant dirigeante leader
directeur directrice ambassadeur ambassadrice envoyé envoyée émissaire procureur procureure juge
roi reine prince princesse émir sultan pape général générale amiral colonel commandant commandante
gouverneur gouverneure maire sénateur sénatrice député députée conseiller conseillère représentant
représentante négociateur négociatrice patron patronne pdg fondateur fondatrice homologue dictateur
premier-ministre coordinateur coordinatrice commissaire haut-commissaire médiateur médiatrice
présidentiable candidat candidate rapporteur rapporteuse délégué déléguée inspecteur inspectrice
préfet préfète magistrat magistrate avocat avocate officier lieutenant capitaine évêque archevêque
cardinal imam rabbin pasteur terroriste militant militante opposant opposante dissident dissidente
journaliste écrivain écrivaine romancier romancière chanteur chanteuse acteur actrice comédien
comédienne réalisateur réalisatrice cinéaste artiste architecte historien historienne économiste
politologue sociologue chercheur chercheuse professeur professeure médecin patineur patineuse skieur
skieuse joueur joueuse entraîneur entraîneuse sélectionneur pilote coureur coureuse cycliste nageur
nageuse athlète champion championne boxeur footballeur épouse époux attaquant attaquante défenseur
gardien gardienne manageur manager ingénieur ingénieure substitut collaborateur collaboratrice
responsable archéologue
""".split())
# Words that may stand just before the title noun and belong to the role.
TITLE_PREFIXES = frozenset({"premier", "première", "ancien", "ancienne", "nouveau", "nouvelle", "futur",
                            "future", "ex", "vice", "haut", "haute", "grand", "grande", "actuel", "actuelle",
                            "proche"})
# "X était le Premier ministre", "dont X est le président": a copula before the title.
COPULA = frozenset({"est", "était", "fut", "sera", "serait", "devenu", "devenue", "redevenu"})
# "X, responsable de …, et son épouse": a possessive after "et" starts another person.
POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})
# A name right after "de" is the complement of the title, not its holder:
# "le directeur de cabinet de Jacques Delors" (Delors is no director).
COMPLEMENT = frozenset({"de", "d'", "d’", "du", "des"})
# Relative pronouns end an apposition: "le président tchèque qui souffre".
# "le gouvernement Aznar", "l'administration Bush": the name leads the body;
# a title before the body is someone else's ("ministre du gouvernement Aznar").
LED_BY = frozenset({"gouvernement", "administration", "cabinet", "commission"})
RELATIVES = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"})
DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "au", "aux", "son", "sa", "ses",
                         "leur", "un", "une", "ce", "cette", "notre", "votre", "de", "d'", "d’"})
MAX_ROLE_TOKENS = 14
DOMAIN = re.compile(r"\b(?:à|de|du|des)\s+(?:la\s+|l['’]|les\s+)?(?P<domain>[A-ZÉÈ][\w’'-]*(?:\s+[a-zéèêàç]+(?:es|s|e)?)?)")


@dataclass(frozen=True)
class RoleFound:
    """A role read off the text around one person mention."""

    role: str
    title_token: int  # index of the title noun in the Doc
    demonym_state: Entry | None  # state named by a demonym inside the role


def _is_title(tok: "Token") -> bool:
    return tok.lower_ in TITLE_NOUNS or tok.lemma_.lower() in TITLE_NOUNS


def _blocks(tok: "Token") -> bool:
    """Tokens a title construction never crosses."""
    if tok.pos_ in ("VERB", "AUX") and not _is_title(tok):
        # A participle qualifying the title belongs to it: "commissaire sortant".
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return not (prev is not None and _is_title(prev) and "Part" in tok.morph.get("VerbForm"))
    if tok.is_punct and tok.text not in ("-", "'", "’", "(", ")"):
        return True
    return "\n" in tok.text or tok.is_space


def _demonym_state(tokens: list["Token"], knowledge: Knowledge) -> Entry | None:
    for tok in tokens:
        state = knowledge.state_of_demonym(tok.text)
        if state is not None:
            return state
    return None


def _trim(tokens: list["Token"]) -> list["Token"]:
    """Drop dangling commas/determiners and a trailing "(ACRONYM)"."""
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in DETERMINERS or tokens[-1].pos_ == "CCONJ"):
        if tokens[-1].text == ")":
            # drop "( … )" at the end: "procureur du Tribunal … (TPI)"
            opening = max((k for k, t in enumerate(tokens) if t.text == "("), default=None)
            if opening is None:
                break
            tokens = tokens[:opening]
            continue
        tokens = tokens[:-1]
    return tokens


def _span_text(doc: "Doc", tokens: list["Token"]) -> str:
    # The tokens are contiguous: their span's text, not ``doc.text`` (which joins the whole Doc each time).
    text = doc[tokens[0].i: tokens[-1].i + 1].text
    return re.sub(r"^(?:[lLdD]['’]|[Ll]es? |[Ll]a |[Dd]u |[Ss]on |[Ss]a )", "", text)  # "L'envoyé" → "envoyé"


def _entity_start(doc: "Doc", i: int) -> int:
    """First token of the entity that token ``i`` belongs to."""
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def role_before(span: "Span", knowledge: Knowledge) -> RoleFound | None:
    """A title right before the name: "le président américain Joe Biden"."""
    doc = span.doc
    j = span.start - 1
    if j >= 0 and (doc[j].lower_ in COMPLEMENT or doc[j].lower_ in LED_BY):
        return None  # "le conseiller de Jacques Chirac": Chirac holds no title here
    if j > 0 and doc[j].lower_ in ("et", ","):
        shared = _shared_plural_role(span, knowledge)
        if shared is not None:
            return shared
    if j >= 0 and doc[j].text == ",":
        j -= 1  # "le ministre japonais de la Défense, Minoru Kihara"
    window: list["Token"] = []
    while j >= 0 and len(window) < MAX_ROLE_TOKENS:
        tok = doc[j]
        if tok.ent_type_ == "PER" and not _blocks(tok):
            # A person inside the role's complement: "l'ancien directeur de
            # cabinet de Jacques Delors, Pascal Lamy".
            s = _entity_start(doc, j)
            if s > 0 and doc[s - 1].lower_ in COMPLEMENT and len(window) + j - s < MAX_ROLE_TOKENS:
                window[:0] = list(doc[s: j + 1])
                j = s - 1
                continue
            break
        if tok.lower_ == "et" and window and window[0].lower_ in COMPLEMENT | {"à", "au", "aux"} \
                and not any(_is_title(w) for w in window):
            # Coordinated domains: "ministre de la culture et des affaires sociales".
            window.insert(0, tok)
            j -= 1
            continue
        # Never cross another person, a conjunction or a relative pronoun:
        # "du chancelier Schröder ni les conservateurs d'Edmund Stoiber".
        if _blocks(tok) or tok.ent_type_ == "PER" or tok.pos_ in ("CCONJ", "PRON"):
            break
        window.insert(0, tok)
        j -= 1
    # The title nearest the name wins: in "le conseiller du président X",
    # X is the president.
    for k in range(len(window) - 1, -1, -1):
        if _is_title(window[k]):
            start = _title_start(window, k)
            tokens = _trim(window[start:])
            if not tokens:
                return None
            role = _span_text(doc, tokens)
            if "Plur" in window[k].morph.get("Number"):
                role = singular(role)  # "les députés X et Y": each is "député"
            return RoleFound(role, window[k].i, _demonym_state(tokens, knowledge))
    return None


def _shared_plural_role(span: "Span", knowledge: Knowledge) -> RoleFound | None:
    """"les députés X (PS) et Y (RPR)": Y shares X's title when it is plural,
    in the singular ("député"); a singular title is X's alone."""
    doc = span.doc
    j = span.start - 2  # before "et" / ","
    if j >= 0 and doc[j].text == ")":  # X's "(PS)"
        while j >= 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    if j < 0 or doc[j].ent_type_ != "PER":
        return None
    s = _entity_start(doc, j)
    found = role_before(doc[s: j + 1], knowledge)
    if found is None or "Plur" not in doc[found.title_token].morph.get("Number"):
        return None
    return RoleFound(singular(found.role), found.title_token, found.demonym_state)


def singular(role: str) -> str:
    """"anciens députés européens" → "ancien député européen" (up to the first preposition)."""
    words = role.split(" ")
    for i, w in enumerate(words):
        if w.lower() in COMPLEMENT or w.lower() in ("à", "au", "aux") or "'" in w or "’" in w:
            break
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            words[i] = w[:-1]
    return " ".join(words)


def _title_start(window: list["Token"], k: int) -> int:
    """Where the title at ``window[k]`` begins: split compounds, a title noun
    just before ("procureur général", "délégué général"), a prefix ("ancien")."""
    start = k
    while start > 0 and (not window[start - 1].whitespace_ or _is_title(window[start - 1])):
        start -= 1  # "secrétaire-général" may be split into "secrétaire-" + "général"
    if start > 0 and window[start - 1].lower_ in TITLE_PREFIXES:
        start -= 1
    return start


def role_after(span: "Span", knowledge: Knowledge) -> RoleFound | None:
    """An apposition after the name: "Louise Arbour, procureur du Tribunal …"."""
    doc = span.doc
    j = span.end
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
        j += 3  # "X (PS), député de …"
    if j + 1 < len(doc) and doc[j].lower_ in COPULA and doc[j + 1].lower_ in DETERMINERS:
        j += 1  # "dont X était le Premier ministre"
    elif j >= len(doc) or doc[j].text != ",":
        return None
    else:
        j += 1
    while j < len(doc) and doc[j].lower_ in DETERMINERS:
        j += 1
    first = j  # "Tony Blair, le Premier ministre", "Chris Patten, ancien gouverneur"
    while j < len(doc) and doc[j].lower_ in TITLE_PREFIXES and not _is_title(doc[j]):
        j += 1
    if j >= len(doc) or not _is_title(doc[j]):
        return None
    j = first
    tokens: list["Token"] = []
    depth = 0
    while j < len(doc) and len(tokens) < MAX_ROLE_TOKENS:
        tok = doc[j]
        depth += tok.text == "("
        depth -= tok.text == ")"
        if depth <= 0 and tok.text != ")" and (_blocks(tok) or tok.lower_ in RELATIVES):
            break
        if tok.ent_type_ == "PER" and tok.ent_iob_ == "B" and doc[tok.i - 1].lower_ not in COMPLEMENT:
            break  # the next person: "X, ancienne ministre …, et Pedro Solbes"
        if tok.pos_ == "CCONJ" and j + 1 < len(doc) and doc[j + 1].lower_ in POSSESSIVES:
            break  # "X, responsable de …, et son épouse": another person
        tokens.append(tok)
        j += 1
    tokens = _trim(tokens)
    if not tokens:
        return None
    title = next((t for t in tokens if _is_title(t)), tokens[0])
    return RoleFound(_span_text(doc, tokens), title.i, _demonym_state(tokens, knowledge))


def find_role(span: "Span", knowledge: Knowledge) -> RoleFound | None:
    """The role the text gives the person at ``span``, if any."""
    return role_before(span, knowledge) or role_after(span, knowledge)


def governing_state(doc: "Doc", title_index: int, knowledge: Knowledge) -> Entry | None:
    """The state of the noun a title depends on.

    "Le gouvernement conservateur sud-coréen du président Yoon Suk Yeol":
    "président" hangs off "gouvernement", whose "sud-coréen" names the state.
    """
    head = doc[title_index].head
    if head.i == title_index or head.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in head.children:
        if child.dep_.startswith("amod") or child.pos_ == "ADJ":
            state = knowledge.state_of_demonym(child.text)
            if state is not None:
                return state
    return None


def counterpart_role(own_role: str, other_role: str | None, demonym: str) -> str:
    """What "son homologue <demonym>" is, given the role of whom he mirrors.

    A defence secretary's counterpart is a defence minister; a president's is
    a president.  Without a usable role the text's own words are kept.
    """
    if other_role:
        domain = DOMAIN.search(other_role)
        if domain and re.match(r"(secrétaire|ministre)", other_role):
            dom = domain.group("domain")
            article = "de l’" if dom[0] in "AEIOUÉÈ" else ("des " if dom.split()[0].endswith("s") else "de la ")
            return f"ministre {demonym} {article}{dom}"
        first = other_role.split()[0].lower()
        if first in ("président", "présidente", "chancelier", "chancelière", "roi", "reine"):
            return f"{first} {demonym}"
    return own_role
