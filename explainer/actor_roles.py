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

from . import actor_types
from .knowledge import Entry, Knowledge
from .nlp import lemma

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
responsable archéologue membre rédacteur rédactrice numéro
saxophoniste pianiste guitariste violoniste chef-d'orchestre
gendarme policier policière douanier douanière soldat électricien électricienne ouvrier ouvrière
agriculteur agricultrice commerçant commerçante chauffeur chauffeuse infirmier infirmière
instituteur institutrice enseignant enseignante mécanicien mécanicienne
académicien académicienne
propriétaire gérant gérante exploitant exploitante
copilote co-pilote employé employée
trésorier trésorière intermédiaire photojournaliste photographe reporter
""".split())
# Kinship nouns in apposition or before a name are the role the text gives
# ("Abdallah X, beau-frère du dirigeant", "sa fille Léa"); they are not in
# TITLE_NOUNS, whose definite forms alone ("le fils a dit") would make
# subject_titles give the role to the person named before.
KIN_NOUNS = frozenset("""
beau-frère belle-sœur belle-soeur beau-père belle-mère beau-fils belle-fille gendre bru demi-frère demi-sœur
demi-soeur fils fille frère sœur soeur neveu nièce cousin cousine oncle tante veuve veuf
""".split())
# Words that may stand just before the title noun and belong to the role.
TITLE_PREFIXES = frozenset({"premier", "première", "ancien", "ancienne", "nouveau", "nouvelle", "futur",
                            "future", "ex", "vice", "haut", "haute", "grand", "grande", "actuel", "actuelle",
                            "proche"})
# Nouns of closeness that make a role in "un de ses proches, X" (not titles elsewhere).
RELATION_NOUNS = frozenset({"proche", "fidèle", "ami", "amie", "adjoint", "adjointe", "lieutenant", "partisan",
                            "partisane", "bras droit"})
# Honorifics between a title and the names it heads: "les avocates, Mes X et Y".
HONORIFICS = frozenset({"m.", "mm.", "mme", "mmes", "me", "mes", "mgr", "cheikh", "cheik", "sir", "lord", "dr"})
PLURAL_HONORIFICS = frozenset({"mm.", "mmes", "mes"})
# "X était le Premier ministre", "dont X est le président": a copula before the title.
COPULA = frozenset({"est", "était", "fut", "sera", "serait", "devenu", "devenue", "redevenu"})
# "X, responsable de …, et son épouse": a possessive after "et" starts another person.
POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})
# "chargé de …" names a title's domain wherever it stands: "ministre délégué chargé de
# l'Industrie", "commissaire européen chargé du Climat".
CHARGED = frozenset({"chargé", "chargée", "chargés", "chargées"})
# Words that coordinate a second title in an apposition: "X, beau-frère du dirigeant
# et ancien chef de ses services", "ex-secrétaire général puis ministre".
NEXT_TITLE = frozenset({"et", "puis", "ou"})
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
# A pronoun before a title-like word makes it a verb: "qui juge", "il pilote".
SUBJECT_PRONOUNS = frozenset({"qui", "il", "elle", "ils", "elles", "on", "je", "tu", "nous", "vous"})
MAX_ROLE_TOKENS = 14
DOMAIN = re.compile(r"\b(?:à|de|du|des)\s+(?:la\s+|l['’]|les\s+)?(?P<domain>[A-ZÉÈ][\w’'-]*(?:\s+[a-zéèêàç]+(?:es|s|e)?)?)")


@dataclass(frozen=True)
class RoleFound:
    """A role read off the text around one person mention."""

    role: str
    title_token: int  # index of the title noun in the Doc
    demonym_state: Entry | None  # state named by a demonym inside the role


def _is_title(tok: "Token") -> bool:
    low = tok.lower_
    if low.startswith("ex-"):
        low = low[3:]  # "ex-secrétaire général de l'Élysée": the title after "ex-"
    return low in TITLE_NOUNS or low in KIN_NOUNS or lemma(tok).lower() in TITLE_NOUNS


def is_prefix(tok: "Token") -> bool:
    """"ancien", "Premier", and hyphenated compounds of them: "vice-Premier", "ex-premier"."""
    low = tok.lower_
    return low in TITLE_PREFIXES or ("-" in low and all(p in TITLE_PREFIXES for p in low.split("-") if p))


def _blocks(tok: "Token") -> bool:
    """Tokens a title construction never crosses."""
    if tok.pos_ in ("VERB", "AUX") and not _is_title(tok):
        # A participle qualifying the title belongs to it: "commissaire sortant".
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if tok.lower_ in CHARGED and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in COMPLEMENT:
            return False  # "vice-président de la Commission chargé du Commerce": the title's domain
        return not (prev is not None and _is_title(prev) and "Part" in tok.morph.get("VerbForm"))
    if tok.pos_ == "VERB" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in SUBJECT_PRONOUNS:
        return True  # "la cour qui juge …": a verb spelt like a title noun
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
        distributed = _distributed_role(span, knowledge)
        if distributed is not None:
            return distributed
        shared = _shared_plural_role(span, knowledge)
        if shared is not None:
            return shared
    if j >= 0 and doc[j].lower_ in HONORIFICS:
        j -= 1  # "le quatuor des avocates, Mes X, Y et Z"
    if j >= 0 and doc[j].text == ",":
        one_of = _one_of_role(doc, j, knowledge)
        if one_of is not None:
            return one_of
        j -= 1  # "le ministre japonais de la Défense, Minoru Kihara"
    window: list["Token"] = []
    while j >= 0 and len(window) < MAX_ROLE_TOKENS:
        tok = doc[j]
        # "président de la" tagged PER is no person, nor "le groupe paramilitaire Wagner"
        person = tok.ent_type_ == "PER" and not tok.is_lower \
            and not actor_types.named_by_body_noun(doc, _entity_start(doc, j))
        if person and not _blocks(tok):
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
        if _blocks(tok) or person or tok.pos_ in ("CCONJ", "PRON"):
            break
        window.insert(0, tok)
        j -= 1
    # The title nearest the name wins: in "le conseiller du président X",
    # X is the president.
    for k in range(len(window) - 1, -1, -1):
        if _is_title(window[k]):
            if k >= 2 and window[k - 1].lower_ in ("des", "de", "d'", "d’") and "Plur" in window[k].morph.get("Number"):
                # "la cheffe de file des députés RN, X": a plural title after "des" is the
                # complement of an earlier one, which X holds.
                earlier = next((e for e in range(k - 2, -1, -1) if _is_title(window[e])), None)
                if earlier is not None:
                    k = earlier
            if window[k].lower_ == "chef" and k >= 2 and window[k - 1].lower_ == "en" \
                    and window[k - 2].pos_ in ("NOUN", "ADJ"):
                k -= 2  # "le rédacteur en chef", "le négociateur en chef palestinien"
            start = _title_start(window, k)
            tokens = _trim(window[start:])
            if not tokens:
                return None
            role = _span_text(doc, tokens)
            if "Plur" in window[k].morph.get("Number"):
                role = singular(role)  # "les députés X et Y": each is "député"
            return RoleFound(role, window[k].i, _demonym_state(tokens, knowledge))
    return None


def _one_of_role(doc: "Doc", comma: int, knowledge: Knowledge) -> RoleFound | None:
    """"… à un de ses proches, X", "l'un des conseillers du ministre, X": X is
    "proche", "conseiller du ministre" (the plural noun in the singular, with
    its complement up to the comma)."""
    for u in range(comma - 3, max(comma - 12, -1), -1):
        if doc[u].lower_ not in ("un", "une"):
            continue
        n = u + 1
        if doc[n].lower_ == "des":
            n += 1
        elif doc[n].lower_ in ("de", "d'", "d’") and n + 1 < comma and doc[n + 1].lower_ in POSSESSIVES:
            n += 2
        else:
            return None
        if n >= comma:
            return None
        noun = doc[n]
        if "Plur" not in noun.morph.get("Number") and not noun.lower_.endswith(("s", "x")):
            return None
        if not (_is_title(noun) or noun.lower_.rstrip("sx") in RELATION_NOUNS):
            return None
        tokens = list(doc[n:comma])
        if any(_blocks(t) or t.ent_type_ == "PER" and doc[t.i - 1].lower_ not in COMPLEMENT for t in tokens):
            return None
        tokens = _trim(tokens)
        if not tokens:
            return None
        return RoleFound(singular(_span_text(doc, tokens)), noun.i, _demonym_state(tokens, knowledge))
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
    if j < 0 or (doc[j].ent_type_ != "PER" and not in_honorific_list(doc, j)):
        return None
    s = _entity_start(doc, j)
    found = role_before(doc[s: j + 1], knowledge)
    if found is None or "Plur" not in doc[found.title_token].morph.get("Number"):
        return None
    return RoleFound(singular(found.role), found.title_token, found.demonym_state)


def _distributed_role(span: "Span", knowledge: Knowledge) -> RoleFound | None:
    """"Les présidents français et russe, X et Y": X is "président français",
    Y "président russe" (a plural title, coordinated demonyms, then as many
    coordinated names); what follows the demonyms is shared ("les ministres
    français et allemand des Affaires étrangères")."""
    doc = span.doc
    j = span.start - 1
    if j < 1:
        return None
    index = 0
    if doc[j].lower_ == "et" and doc[j - 1].ent_type_ == "PER":
        j, index = _entity_start(doc, j - 1) - 1, 1
    if j < 3 or doc[j].text != ",":
        return None
    # Back from the comma to "<title>s <dem1> et <dem2>", over a short complement.
    for c in range(j - 1, max(j - 8, 1), -1):
        tok = doc[c]
        if _blocks(tok):
            return None
        if tok.lower_ != "et":
            continue
        dems = (doc[c - 1], doc[c + 1])
        title = doc[c - 2]
        if not all(knowledge.state_of_demonym(d.text) is not None for d in dems) \
                or not _is_title(title) or "Plur" not in title.morph.get("Number"):
            return None
        start = c - 3 if c >= 3 and is_prefix(doc[c - 3]) else c - 2
        head = singular(doc[start: c - 1].text)
        tail = doc[c + 2: j].text if c + 2 < j else ""
        dem = dems[index]
        role = " ".join(p for p in (head, dem.text, tail) if p)
        return RoleFound(role, title.i, knowledge.state_of_demonym(dem.text))
    return None


def in_honorific_list(doc: "Doc", i: int) -> bool:
    """Token ``i`` is a name listed after a plural honorific: "Mes X, Y et Z",
    "MM. X et Y" (the NER may take some of them for places)."""
    for k in range(i - 1, max(i - 16, -1), -1):
        tok = doc[k]
        if tok.lower_ in PLURAL_HONORIFICS:
            return True
        if not (tok.text in (",", "et", "-") or tok.text[:1].isupper() or tok.lower_ in ("de", "d'", "d’")):
            return False
    return False


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
    if start > 0 and is_prefix(window[start - 1]):
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
        if j + 2 < len(doc) and doc[j].like_num and doc[j + 1].lower_ in ("ans", "an") and doc[j + 2].text == ",":
            j += 3  # "Alain Martin, 53 ans, employé de …": the age before the title
    while j < len(doc) and doc[j].lower_ in DETERMINERS:
        j += 1
    first = j  # "Tony Blair, le Premier ministre", "Chris Patten, ancien gouverneur"
    while j < len(doc) and is_prefix(doc[j]) and not _is_title(doc[j]):
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
        if tok.ent_type_ == "PER" and tok.ent_iob_ == "B" and not tok.is_lower \
                and doc[tok.i - 1].lower_ not in COMPLEMENT:
            break  # the next person: "X, ancienne ministre …, et Pedro Solbes"
        if tok.pos_ == "CCONJ" and j + 1 < len(doc) and doc[j + 1].lower_ in POSSESSIVES:
            break  # "X, responsable de …, et son épouse": another person
        if tokens and tok.lower_ in NEXT_TITLE and _title_follows(doc, j + 1):
            break  # "X, beau-frère du dirigeant et ancien chef de …": the first title is the role
        tokens.append(tok)
        j += 1
    tokens = _trim(tokens)
    if not tokens:
        return None
    title = next((t for t in tokens if _is_title(t)), tokens[0])
    role = _span_text(doc, tokens)
    if "Plur" in title.morph.get("Number") and title.i >= 2 and doc[title.i - 1].lower_ == "des" \
            and doc[title.i - 2].lower_ in ("un", "une", "l'un", "l’un"):
        role = singular(role[role.index(title.text):])  # "un des conseillers du ministre" → "conseiller du ministre"
    return RoleFound(role, title.i, _demonym_state(tokens, knowledge))


def _title_follows(doc: "Doc", i: int) -> bool:
    """A title (after determiners and prefixes) starts at token ``i``."""
    while i < len(doc) and (doc[i].lower_ in DETERMINERS or is_prefix(doc[i])):
        i += 1
    return i < len(doc) and _is_title(doc[i])


_ANAPHORIC = re.compile(
    r"(?<![\w’'])(?P<det>[Ll]e |[Ll]a |[Ll]['’]|[Cc]e |[Cc]et |[Cc]ette )(?P<pre>(?:[a-zéèêàâîôûç-]+ ){0,2}?)"
    r"(?P<title>" + "|".join(sorted((re.escape(w) for w in TITLE_NOUNS), key=len, reverse=True)) + r")(?![\w’'-])")
_FORMER = frozenset({"ancien", "ancienne", "ex"})
# Who speaks for someone else: a definite "le porte-parole" is rarely the person named before.
SPOKESMEN = frozenset({"porte-parole"})


def subject_titles(doc: "Doc", text: str, knowledge: Knowledge) -> list[RoleFound]:
    """Titles without a name heading a subject or set off by commas: "Aujourd'hui,
    ce grand saxophoniste américain poursuit …", "…, l'ancien ministre
    socialiste, se définit …", "Laurent Dumas se dit favorable … Dans une
    tribune, le président de l'Assemblée juge …" — they speak of someone
    already named (see actors.finish): never when a name follows the title
    ("le secrétaire d'Etat américain William Burn"), nor for a definite title
    the text has already given someone unnamed ("X a rencontré le président.
    Le président a dit …"), nor for a spokesman ("le porte-parole"), who
    speaks for someone else."""
    out = []
    for m in _ANAPHORIC.finditer(text):
        if m.group("det")[0] in "Ll" and not any(w.strip("-") in _FORMER for w in m.group("pre").split()):
            title = m.group("title")
            if title in SPOKESMEN:
                continue
            if re.search(r"(?<![\w’'])(?:[Ll]e |[Ll]a |[Ll]['’]|[Dd]u |[Aa]u )" + re.escape(title) + r"(?![\w’'-])",
                         text[:m.start()]):
                continue  # the same title said before of someone unnamed (or of the named one: nothing to add)
        span = doc.char_span(m.start("title"), m.end("title"))
        if span is None:
            continue
        tok = span[0]
        if not (tok.dep_.startswith("nsubj") or tok.dep_ == "appos") or "Plur" in tok.morph.get("Number"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.ent_type_ == "PER" or nxt.pos_ == "PROPN"):
            continue  # "le président Joe Biden": a name of its own
        prev = doc[tok.i - 1 - len(m.group("pre").split())] if tok.i > 1 else None
        if prev is not None and prev.i > 0 and doc[prev.i - 1].lower_ in COMPLEMENT:
            continue
        first = doc.char_span(m.start("det"), m.end("det"), alignment_mode="expand")
        tokens = []
        for t in doc[first.end if first is not None else tok.i: tok.right_edge.i + 1]:
            if _blocks(t) or t.lower_ in RELATIVES or t.ent_type_ == "PER":
                break
            if t.i > tok.i and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("que", "qu'", "qu’") \
                    and doc[t.i - 1].lower_ not in DETERMINERS:
                break  # "le président de l'Assemblée juge que …": a verb the parser took for a noun
            tokens.append(t)
        after = doc[tokens[-1].i + 1] if tokens and tokens[-1].i + 1 < len(doc) else None
        if after is not None and (after.ent_type_ == "PER" or after.pos_ == "PROPN" and after.text[:1].isupper()):
            continue  # "le secrétaire d'Etat américain William Burn": his own name follows
        tokens = _trim(tokens)
        if tokens and len(tokens) <= MAX_ROLE_TOKENS:
            out.append(RoleFound(_span_text(doc, tokens), tok.i, _demonym_state(tokens, knowledge)))
    return out


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
            article = "des " if dom.split()[0].endswith("s") else ("de l’" if dom[0] in "AEIOUÉÈ" else "de la ")
            return f"ministre {demonym} {article}{dom}"
        first = other_role.split()[0].lower()
        if first in ("président", "présidente", "chancelier", "chancelière", "roi", "reine"):
            return f"{first} {demonym}"
    return own_role
