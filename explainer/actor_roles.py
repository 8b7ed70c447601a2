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
from .nlp import lemma, span_ents
from .timex_rules import find_all

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
militaire agent agente doyen doyenne laborantin laborantine adjoint adjointe bénévole habitant habitante
retraité retraitée étudiant étudiante technicien technicienne fonctionnaire cuisinier cuisinière
trésorier trésorière animateur animatrice éducateur éducatrice assistant assistante pharmacien pharmacienne
successeur prédécesseur éleveur éleveuse
administrateur administratrice dramaturge coleader co-leader coprésident coprésidente cofondateur cofondatrice
metteur metteuse judoka sprinteur sprinteuse paysagiste nonce escrimeur escrimeuse rugbyman tennisman tenniswoman
eurodéputé eurodéputée entrepreneur entrepreneuse empereur impératrice tsar tsarine
physicien physicienne chimiste biologiste mathématicien mathématicienne philosophe
vitrier vitrière menuisier menuisière plombier plombière maçon serrurier serrurière boulanger boulangère
charpentier peintre sculpteur sculptrice bijoutier bijoutière joaillier joaillière
""".split())
# Kinship nouns in apposition or before a name are the role the text gives
# ("Abdallah X, beau-frère du dirigeant", "sa fille Léa"); they are not in
# TITLE_NOUNS, whose definite forms alone ("le fils a dit") would make
# subject_titles give the role to the person named before.
KIN_NOUNS = frozenset("""
beau-frère belle-sœur belle-soeur beau-père belle-mère beau-fils belle-fille gendre bru demi-frère demi-sœur
demi-soeur fils fille frère sœur soeur neveu nièce cousin cousine oncle tante veuve veuf père mère
""".split())
# Title nouns that are also adjectives after another noun ("le mouvement étudiant").
ADJECTIVAL_TITLES = frozenset("""militaire militaires étudiant étudiante étudiants bénévole bénévoles retraité
retraitée assistant assistante général générale généraux cycliste cyclistes ouvrier ouvrière ouvriers ouvrières
""".split())  # "le classement général", "l'Union cycliste internationale", "Force ouvrière"
# Adjectives of a title that the tagger may take for verbs: "la vice-présidente exécutive de …".
TITLE_QUALIFIERS = frozenset("""exécutif exécutive exécutifs exécutives intérimaire intérimaires honoraire
honoraires""".split())
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
# "1er adjoint", "2e vice-président", "deuxième adjointe": ordinals before a title.
_ORDINAL_PREFIX = re.compile(r"^(?:\d+(?:er|re|ère|e|ème)|deuxième|second|seconde|troisième|quatrième)$")
DOMAIN = re.compile(r"\b(?:à|de|du|des)\s+(?:la\s+|l['’]|les\s+)?(?P<domain>[A-ZÉÈ][\w’'-]*(?:\s+[a-zéèêàç]+(?:es|s|e)?)?)")


@dataclass(frozen=True)
class RoleFound:
    """A role read off the text around one person mention."""

    role: str
    title_token: int  # index of the title noun in the Doc
    demonym_state: Entry | None  # state named by a demonym inside the role


def _is_title(tok: "Token") -> bool:
    low = tok.lower_
    if low.startswith(("ex-", "vice-")):
        low = low[low.index("-") + 1:]  # "ex-secrétaire général de l'Élysée", "vice-chancelier": the title after it
    if low in KIN_NOUNS:
        return True
    if low == "guide":  # "le guide suprême": a title only with its adjective
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "suprême"
    if low == "prix":  # "le prix Nobel de la paix X": a laureate ("le prix du pétrole" is none)
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "nobel"
    if not (low in TITLE_NOUNS or lemma(tok).lower() in TITLE_NOUNS):
        return False
    if low in ADJECTIVAL_TITLES and tok.i > 0:
        # "le mouvement étudiant", "le tribunal militaire": an adjective of the noun before
        prev = tok.doc[tok.i - 1]
        return not (prev.pos_ in ("NOUN", "PROPN") and prev.lower_ not in TITLE_NOUNS)
    return True


def is_prefix(tok: "Token") -> bool:
    """"ancien", "Premier", and hyphenated compounds of them: "vice-Premier", "ex-premier";
    ordinals: "1er adjoint", "deuxième adjointe"."""
    low = tok.lower_
    return low in TITLE_PREFIXES or ("-" in low and all(p in TITLE_PREFIXES for p in low.split("-") if p)) \
        or bool(_ORDINAL_PREFIX.match(low))


def _blocks(tok: "Token") -> bool:
    """Tokens a title construction never crosses."""
    if tok.pos_ in ("VERB", "AUX") and not _is_title(tok) \
            and not (tok.ent_iob_ == "I" and tok.ent_type_ in ("ORG", "LOC", "MISC")) \
            and not (tok.ent_iob_ == "B" and not tok.is_lower and tok.i + 1 < len(tok.doc)
                     and tok.doc[tok.i + 1].ent_iob_ == "I"):  # "l'établissement public Reconstruire X"
        # (a word inside a name is no verb: "le Haut-Commissaire des Nations unies")
        # A participle qualifying the title belongs to it: "commissaire sortant".
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if tok.lower_ in TITLE_QUALIFIERS and prev is not None and _is_title(prev):
            return False  # "la vice-présidente exécutive de la Commission"
        if tok.lower_ in CHARGED and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in COMPLEMENT:
            return False  # "vice-président de la Commission chargé du Commerce": the title's domain
        return not (prev is not None and _is_title(prev) and "Part" in tok.morph.get("VerbForm"))
    if tok.pos_ == "VERB" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in SUBJECT_PRONOUNS:
        return True  # "la cour qui juge …": a verb spelt like a title noun
    if tok.is_punct and tok.text not in ("-", "'", "’", "(", ")"):
        return True
    if tok.text.endswith((".-", ".–", ".—")):
        return True  # "Remaniement d'adjoints à Paris.- Jean X": a run-in headline ends there
    return "\n" in tok.text or tok.is_space


def _demonym_state(tokens: list["Token"], knowledge: Knowledge) -> Entry | None:
    for tok in tokens:
        state = knowledge.state_of_demonym(tok.text)
        if state is not None:
            return state
    return None


def _trim(tokens: list["Token"]) -> list["Token"]:
    """Drop dangling commas/determiners and a trailing "(ACRONYM)"; an age ("de 58 ans") ends the
    role, a trailing "de formation" goes ("inspecteur des impôts de formation")."""
    for n, tok in enumerate(tokens):
        if tok.lower_ in ("de", "d'", "d’") and n + 2 < len(tokens) and tokens[n + 1].like_num \
                and tokens[n + 2].lower_ in ("ans", "an"):
            tokens = tokens[:n]  # "agriculteur de 58 ans du village de …" → "agriculteur"
            break
    if len(tokens) > 2 and tokens[-2].lower_ == "de" and tokens[-1].lower_ in _BY_TRAINING:
        tokens = tokens[:-2]
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


_BY_TRAINING = frozenset({"formation", "profession", "métier"})


def _own_noun(doc: "Doc", j: int, knowledge: Knowledge) -> bool:
    """A determiner and a noun that is no title right before the name ("la démocrate X",
    "le Danois X", "le milliardaire X"): that noun is what the text calls the person,
    and a title further back is someone else's — not a title's domain ("le ministre de
    la coopération X", "le secrétaire américain à la Défense X")."""
    if j < 1 or doc[j - 1].lower_ not in ("le", "la", "l'", "l’"):
        return False
    tok = doc[j]
    if _is_title(tok) or is_prefix(tok) or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if not (tok.is_lower and not tok.ent_type_ or knowledge.state_of_demonym(tok.text) is not None):
        return False
    if j >= 2 and doc[j - 2].lower_ in COMPLEMENT | {"à", "au", "aux"}:
        return not any(_is_title(t) for t in doc[max(j - 5, 0): j - 2])
    return True


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
    if j >= 0 and (doc[j].lower_ in COMPLEMENT or doc[j].lower_ in LED_BY
                   and not (j > 0 and doc[j - 1].lower_ in ("d'", "d’"))):
        return None  # "le conseiller de Jacques Chirac": Chirac holds no title here
        # ("le président du conseil d'administration X" is no "administration X")
    if j >= 1 and doc[j].lower_ in ("la", "l'", "l’", "les") and doc[j - 1].lower_ in COMPLEMENT | {"à"}:
        return None  # "le fondateur de la Grameen Bank": a name after "de la" is the complement
    if _own_noun(doc, j, knowledge):
        if j >= 3 and doc[j - 2].text == "," and doc[j - 1].lower_ in ("le", "la", "l'", "l’"):
            # "Le vice-chancelier, l'écologiste X", "son ministre, le libéral X": the title
            # before the comma is X's, the noun after it only qualifies X.
            found = _role_ending_at(doc, j - 3, True, knowledge)
            if found is not None:
                return found
        return None  # "… président face à la démocrate Kamala Harris": her noun, not the title before it
    if j > 0 and doc[j].lower_ in ("et", ","):
        distributed = _distributed_role(span, knowledge)
        if distributed is not None:
            return distributed
        shared = _shared_plural_role(span, knowledge)
        if shared is not None:
            return shared
    if j >= 0 and doc[j].lower_ in HONORIFICS:
        j -= 1  # "le quatuor des avocates, Mes X, Y et Z"
        if j >= 0 and doc[j].lower_ in COMPLEMENT:
            return None  # "un successeur possible de M. X": X is the complement, not the successor
    comma = j >= 0 and doc[j].text == ","
    if comma:
        one_of = _one_of_role(doc, j, knowledge)
        if one_of is not None:
            return one_of
        j -= 1  # "le ministre japonais de la Défense, Minoru Kihara"
    return _role_ending_at(doc, j, comma, knowledge)


def _role_ending_at(doc: "Doc", j: int, comma: bool, knowledge: Knowledge) -> RoleFound | None:
    """The title phrase whose last token is ``doc[j]`` (read backwards from there)."""
    window: list["Token"] = []
    while j >= 0 and len(window) < MAX_ROLE_TOKENS:
        tok = doc[j]
        # "président de la" tagged PER is no person, nor "le groupe paramilitaire Wagner"
        person = tok.ent_type_ == "PER" and not tok.is_lower and not (_is_title(tok) or is_prefix(tok)) \
            and not actor_types.named_by_body_noun(doc, _entity_start(doc, j))
        if person and not _blocks(tok):
            # A person inside the role's complement: "l'ancien directeur de
            # cabinet de Jacques Delors, Pascal Lamy".
            s = _entity_start(doc, j)
            if s > 0 and doc[s - 1].lower_ in COMPLEMENT and len(window) + j - s < MAX_ROLE_TOKENS:
                window[:0] = list(doc[s: j + 1])
                j = s - 1
                continue
            if window and s > 1 and _is_title(doc[s - 1]) and doc[s - 2].lower_ in ("du", "de") \
                    and len(window) + j - s < MAX_ROLE_TOKENS - 1:
                # "le conseiller principal du président Donald Trump pour l'Afrique, X":
                # the president is the complement of X's title.
                window[:0] = list(doc[s - 2: j + 1])
                j = s - 3
                continue
            break
        if tok.lower_ == "et" and window and window[0].lower_ in COMPLEMENT | {"à", "au", "aux"} \
                and not any(_is_title(w) for w in window):
            # Coordinated domains: "ministre de la culture et des affaires sociales".
            window.insert(0, tok)
            j -= 1
            continue
        if tok.lower_ == "et" and window and j > 0 and (_is_title(window[0]) or is_prefix(window[0])) \
                and _is_title(doc[j - 1]) and not any(w.ent_type_ == "PER" for w in window):
            # Coordinated titles: "le vice-chancelier et ministre de l'Économie".
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
            if k + 1 < len(window) and window[k + 1].ent_type_ == "PER" and not window[k + 1].is_lower \
                    and k >= 1 and window[k - 1].lower_ in ("du", "de"):
                continue  # "… du président Donald Trump …": the president's title, not the role's
            if k >= 2 and window[k - 1].lower_ == "et" and _is_title(window[k - 2]) \
                    and not any(w.ent_type_ == "PER" for w in window[k:]):
                k -= 2  # "vice-chancelier et ministre de l'Économie": both titles
            if k >= 2 and window[k - 1].lower_ in ("des", "de", "d'", "d’") and "Plur" in window[k].morph.get("Number"):
                # "la cheffe de file des députés RN, X": a plural title after "des" is the
                # complement of an earlier one, which X holds.
                earlier = next((e for e in range(k - 2, -1, -1) if _is_title(window[e])), None)
                if earlier is not None:
                    k = earlier
            if comma and k >= 2:
                # "l'épouse du chef de l'État, X": the apposition names the kin, not the title
                # in her complement.
                link = k - 1 if window[k - 1].lower_ in COMPLEMENT else k - 2
                if link >= 1 and window[link].lower_ in COMPLEMENT \
                        and (link == k - 1 or window[k - 1].lower_ in ("la", "l'", "l’")) \
                        and (window[link - 1].lower_ in KIN_NOUNS or window[link - 1].lower_ in KINSHIP_TITLES):
                    k = link - 1
            if window[k].lower_ == "chef" and k >= 2 and window[k - 1].lower_ == "en" \
                    and window[k - 2].pos_ in ("NOUN", "ADJ"):
                k -= 2  # "le rédacteur en chef", "le négociateur en chef palestinien"
            start = _title_start(window, k)
            if comma and start >= 2 and window[start - 1].lower_ in ("un", "une") and window[start - 2].pos_ == "ADP" \
                    and window[start - 2].lower_ not in ("selon", "d'après", "d’après"):
                return None  # "… un paiement à une ancienne actrice, Donald Trump doit …": someone else
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
    while start > 0 and is_prefix(window[start - 1]):
        start -= 1  # "l'ancien Premier ministre"
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
        j = _after_lead_in(doc, j)
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
                and doc[tok.i - 1].lower_ not in COMPLEMENT | {"chez"}:
            break  # the next person: "X, ancienne ministre …, et Pedro Solbes" (not "délégué chez X")
        if tokens and tok.lower_ == "sur" and j + 1 < len(doc) and doc[j + 1].lower_ in ("place", "le"):
            if doc[j + 1].lower_ == "place" or j + 2 < len(doc) and doc[j + 2].lower_ == "terrain":
                break  # "coordinateur du projet sur place": where he works, not his title
        if tokens and _is_title(tokens[0]) and tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") \
                and "Past" in tok.morph.get("Tense") and tok.lower_ not in CHARGED | TITLE_QUALIFIERS \
                and j + 1 < len(doc) and doc[j + 1].pos_ == "ADP" and doc[j + 1].lower_ not in COMPLEMENT:
            break  # "économiste passée par la Banque d'Angleterre": a past, not the title
        if tok.pos_ == "CCONJ" and j + 1 < len(doc) and doc[j + 1].lower_ in POSSESSIVES:
            break  # "X, responsable de …, et son épouse": another person
        if tokens and tok.lower_ in NEXT_TITLE and _title_follows(doc, j + 1):
            break  # "X, beau-frère du dirigeant et ancien chef de …": the first title is the role
        if tok.lower_ in _RESIDENCE:
            break  # "militaire dans l'armée de l'air demeurant 49, route …": where he lives
        if tok.lower_ == "et" and _resumes_complement(span, j):
            break  # "la fille de X, 1er adjoint, et de Y": the next name of the outer list
        tokens.append(tok)
        j += 1
    if len(tokens) == MAX_ROLE_TOKENS:
        tokens = _close_entity(doc, tokens)
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
    for m in find_all(_ANAPHORIC, text):
        if m.group("det")[0] in "Ll" and not any(w.strip("-") in _FORMER for w in m.group("pre").split()):
            title = m.group("title")
            if title in SPOKESMEN:
                continue
            before = text[:m.start()]
            # (the plain ``in`` first: most titles are not in the text before, and the scan costs more)
            if title in before and re.search(r"(?<![\w’'])(?:[Ll]e |[Ll]a |[Ll]['’]|[Dd]u |[Aa]u )"
                                             + re.escape(title) + r"(?![\w’'-])", before):
                continue  # the same title said before of someone unnamed (or of the named one: nothing to add)
        span = doc.char_span(m.start("title"), m.end("title"))
        if span is None:
            continue
        tok = span[0]
        if not (tok.dep_.startswith("nsubj") or tok.dep_ == "appos" or _inverted_speaker(tok)) \
                or "Plur" in tok.morph.get("Number"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.ent_type_ == "PER" and not (tok.ent_type_ == "PER" and nxt.ent_iob_ == "I"
                                                             and nxt.is_lower)
                                or nxt.pos_ == "PROPN"):
            continue  # "le président Joe Biden": a name of its own
        prev = doc[tok.i - 1 - len(m.group("pre").split())] if tok.i > 1 else None
        if prev is not None and prev.i > 0 and doc[prev.i - 1].lower_ in COMPLEMENT:
            continue
        first = doc.char_span(m.start("det"), m.end("det"), alignment_mode="expand")
        tokens = []
        for t in doc[first.end if first is not None else tok.i: tok.right_edge.i + 1]:
            if _blocks(t) or t.lower_ in RELATIVES:
                break
            if t.ent_type_ == "PER" and not (tok.ent_type_ == "PER" and (t.i == tok.i or t.ent_iob_ == "I")):
                break  # (a title the NER took for a name, "le président de la République", is read whole)
            if t.i > tok.i and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("que", "qu'", "qu’") \
                    and doc[t.i - 1].lower_ not in DETERMINERS:
                break  # "le président de l'Assemblée juge que …": a verb the parser took for a noun
            tokens.append(t)
        after = doc[tokens[-1].i + 1] if tokens and tokens[-1].i + 1 < len(doc) else None
        if after is not None and after.text == "," and after.i + 1 < len(doc):
            nxt = doc[after.i + 1]
            if nxt.ent_type_ == "PER" and nxt.text[:1].isupper():
                continue  # "le manager de son équipe, Mauro X, a répondu": his name in apposition
            n = after.i + 1
            while n < len(doc) and n - after.i <= 5 and (doc[n].lower_ in DETERMINERS or is_prefix(doc[n])
                                                          or _is_title(doc[n])):
                n += 1
            if n > after.i + 1 and n < len(doc) and doc[n].text[:1].isupper() and doc[n].is_alpha \
                    and any(_is_title(t) for t in doc[after.i + 1: n]):
                continue  # "La cheffe de ce parti, l'ancienne Première ministre X, a …": X, titled again
        if after is not None and (after.ent_type_ == "PER" or after.pos_ == "PROPN" and after.text[:1].isupper()):
            continue  # "le secrétaire d'Etat américain William Burn": his own name follows
        tokens = _trim(tokens)
        if tokens and len(tokens) <= MAX_ROLE_TOKENS:
            out.append(RoleFound(_span_text(doc, tokens), tok.i, _demonym_state(tokens, knowledge)))
    return out


# Verbs of saying after a quotation, their subject after them: "», explique cette habitante".
SPEECH_VERBS = frozenset("""dire expliquer souligner ajouter affirmer déclarer estimer confier indiquer préciser
raconter assurer poursuivre reconnaître témoigner lancer confirmer conclure rappeler insister soupirer détailler
commenter regretter résumer relever noter observer s'exclamer""".split())


def _inverted_speaker(tok: "Token") -> bool:
    """"« … », explique cette habitante du quartier": the parser may take the
    speaker after the verb of saying for its object."""
    verb = tok.head
    if verb.i >= tok.i or lemma(verb).lower() not in SPEECH_VERBS or verb.i == 0:
        return False
    before = tok.doc[verb.i - 1]
    return before.text in (",", "»", "”", "\"") and all(
        t.pos_ in ("DET", "ADJ") for t in tok.doc[verb.i + 1: tok.i])


def find_role(span: "Span", knowledge: Knowledge) -> RoleFound | None:
    """The role the text gives the person at ``span``, if any."""
    before = role_before(span, knowledge)
    if before is not None and _bare_kinship(span.doc, before):
        return role_after(span, knowledge) or before
    return before or role_after(span, knowledge)


# -- batch L: lead-ins, kinship verb phrases, coordinated complements --------

# "X, connue pour être la doyenne …", "X, nommé directeur …": words between the
# comma and the title of an apposition.
_LEAD_INS = frozenset("""connu connue connus connues considéré considérée réputé réputée devenu devenue élu élue
réélu réélue nommé nommée désigné désignée""".split())
TIME_LEAD_INS = frozenset({"alors", "désormais", "actuellement", "aujourd'hui", "aujourd’hui", "toujours"})
_LEAD_IN_LINKS = (("pour", "être"), ("comme",), ("être",))
# Where someone lives or comes from ends the apposition's role.
_RESIDENCE = frozenset("demeurant domicilié domiciliée résidant résidante originaire".split())
# Family titles that a verb phrase gives without a determiner: "prendra pour épouse X".
KINSHIP_TITLES = frozenset({"épouse", "époux"})


def _after_lead_in(doc: "Doc", j: int) -> int:
    """Skip "connue pour être", "considéré comme", "nommé", "alors" after an apposition's comma."""
    if j < len(doc) and doc[j].lower_ in TIME_LEAD_INS:
        j += 1  # "Nancy X, alors présidente de la Chambre"
    if j >= len(doc) or doc[j].lower_ not in _LEAD_INS:
        return j
    k = j + 1
    for link in _LEAD_IN_LINKS:
        if tuple(t.lower_ for t in doc[k: k + len(link)]) == link:
            return k + len(link)
    return k


def _bare_kinship(doc: "Doc", found: RoleFound) -> bool:
    """"prendra pour épouse X, laborantine": a family title in a verb phrase (no
    determiner) says less than the apposition after the name."""
    title = doc[found.title_token]
    prev = doc[title.i - 1] if title.i > 0 else None
    return title.lower_ in KINSHIP_TITLES and prev is not None and prev.lower_ not in DETERMINERS


def _resumes_complement(span: "Span", j: int) -> bool:
    """"la fille de X, 1er adjoint de la commune et de Y": the name is the complement
    of a preposition and "et" + that preposition + a capitalised word in its
    apposition starts the next complement of the outer phrase."""
    doc = span.doc
    if span.start == 0 or j + 2 >= len(doc):
        return False
    prep = doc[span.start - 1].lower_
    if prep not in ("de", "d'", "d’", "à", "pour", "avec", "par"):
        return False
    nxt = doc[j + 1]
    same = nxt.lower_ == prep or (prep in COMPLEMENT and nxt.lower_ in ("de", "d'", "d’"))
    return same and doc[j + 2].text[:1].isupper()


def _close_entity(doc: "Doc", tokens: list["Token"]) -> list["Token"]:
    """A role cut by the length limit inside a name ("… habitante de la rue" +
    "de l'Ornain") takes the rest of the name, when short, or stops before it."""
    last = tokens[-1]
    if not last.ent_type_:
        return tokens
    end = last.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and end - last.i <= 4:
        end += 1
    if end < len(doc) and doc[end].ent_iob_ == "I":
        start = _entity_start(doc, last.i)
        return [t for t in tokens if t.i < start]
    return tokens + list(doc[last.i + 1: end])


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


# Offices a lead may name before their holder (not occupations: "l'avocat de la
# défense a plaidé. Jean Martin a été condamné" is about two people).
OFFICES = frozenset("""président présidente ministre chancelier chancelière maire roi reine pape gouverneur
gouverneure préfet préfète sénateur sénatrice député députée candidat candidate dirigeant dirigeante
secrétaire-général secrétaire-générale émir sultan""".split())


def leading_title(doc: "Doc", name_start: int, knowledge: Knowledge) -> RoleFound | None:
    """"L'avantage du Premier ministre dans les sondages est fragile. Lionel Jospin
    a …": a lead naming an office before anyone, then a name heading the next
    sentence — the office is that person's (see actors.finish for the other
    conditions).  Only when the sentence before holds one singular definite
    title and no name follows it."""
    sent = doc[name_start].sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if prev.start > 0 and "\n" not in doc[prev.start - 1].text_with_ws:
        return None  # only a paragraph's first sentence, a lead
    titles = [t for t in prev if _is_title(t) and "Plur" not in t.morph.get("Number") and t.lower_ not in SPOKESMEN]
    if len(titles) != 1 or lemma(titles[0]).lower() not in OFFICES and titles[0].lower_ not in OFFICES:
        return None
    return _office_phrase(doc, titles[0], prev.start, prev.end, knowledge, ("le", "la", "l'", "l’", "du", "au"),
                          extended=True)


def _office_phrase(doc: "Doc", tok: "Token", lo: int, hi: int, knowledge: Knowledge,
                   dets: tuple[str, ...], extended: bool = False) -> RoleFound | None:
    """The office headed by ``tok`` between a definite determiner and its last complement
    ("le ministre de l'Intérieur"); ``extended`` also takes a title noun after it, "chargé
    de …" and coordinated complements ("le ministre délégué chargé de l'Industrie", "le
    ministre de l'Intérieur et des Outre-mer")."""
    k = tok.i - 1
    while k > lo and is_prefix(doc[k]):
        k -= 1
    if doc[k].lower_ not in dets:
        return None
    end = tok.i + 1
    while end < hi:
        t = doc[end]
        if end == tok.i + 1 and (t.pos_ == "PROPN" or t.ent_iob_ == "B" and t.ent_type_ == "PER") \
                and t.text[:1].isupper():
            return None  # "le président Joe Biden": his own name
        if t.pos_ == "ADJ" and not _blocks(t):
            end += 1
            continue
        if extended and end == tok.i + 1 and _is_title(t) and "Plur" not in t.morph.get("Number"):
            end += 1  # "le ministre délégué"
            continue
        if extended and t.lower_ in CHARGED and end + 1 < hi and doc[end + 1].lower_ in COMPLEMENT:
            end += 1  # "chargé de l'Industrie"
            continue
        if extended and t.lower_ == "et" and end + 1 < hi and doc[end + 1].lower_ in COMPLEMENT:
            end += 1  # "de l'Intérieur et des Outre-mer"
            continue
        if t.lower_ in COMPLEMENT:
            noun = end + 1
            while noun < hi and doc[noun].pos_ == "DET":
                noun += 1
            if noun < hi and doc[noun].pos_ in ("NOUN", "PROPN") \
                    and not (doc[noun].ent_iob_ == "B" and doc[noun].ent_type_ == "PER"):
                end = noun + 1
                while extended and end < hi and doc[end].ent_iob_ == "I":
                    end += 1  # the rest of a name: "des Outre-mer"
                continue
        break
    tokens = _trim(list(doc[k + 1: end]))
    if not tokens:
        return None
    return RoleFound(_span_text(doc, tokens), tok.i, _demonym_state(tokens, knowledge))


def office_before(doc: "Doc", name_start: int, knowledge: Knowledge) -> RoleFound | None:
    """"À Paris, le chef de la diplomatie française a appelé au calme. Jean X, qui …":
    a sentence whose subject is a definite office with no name, then a name as the
    first person of the next sentence — the office is that person's (see
    actors.finish for the other conditions).  Never when the sentence before names
    someone, nor for an occupation ("l'avocat de la défense a plaidé. X a été condamné")."""
    sent = doc[name_start].sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    while prev.start > 0 and all(t.is_punct for t in prev):
        prev = doc[prev.start - 1].sent  # "«" cut off as a sentence of its own
    lo = max((t.i + 1 for t in prev if "\n" in t.text_with_ws), default=prev.start)
    if lo >= prev.end:
        return None  # a paragraph ends the sentence: no lead into the name
    prev = doc[lo: prev.end]  # spaCy may run a sentence over a paragraph break
    if any(e.label_ == "PER" and not e[0].is_lower for e in span_ents(prev)):
        return None
    titles = []
    for t in prev:
        if not _is_title(t) or "Plur" in t.morph.get("Number") or t.lower_ in SPOKESMEN or t.pos_ in ("VERB", "AUX"):
            continue  # ("finalement reportée" is no reporter)
        if t.i > prev.start and _is_title(doc[t.i - 1]):
            continue  # "ministre délégué": one title
        office = lemma(t).lower() in OFFICES or t.lower_ in OFFICES \
            or t.lower_ == "chef" and t.i + 1 < prev.end and doc[t.i + 1].lower_ in COMPLEMENT
        titles.append((t, office))
    if len(titles) != 1 or not titles[0][1]:
        return None
    tok = titles[0][0]
    if not (tok.dep_.startswith("nsubj") or tok.i - prev.start <= 5):
        return None
    return _office_phrase(doc, tok, prev.start, prev.end, knowledge, ("le", "la", "l'", "l’"), extended=True)

