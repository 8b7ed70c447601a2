"""Typing one mention: spaCy's label is a start, the context and knowledge decide.

French-language lexicons only (no article-specific names): the words that
introduce places, events and works, and the cues that tell a capital acting
for its state ("Washington a réagi") from the city as a location ("à Séoul").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .knowledge import Entry, Knowledge, fold
from .nlp import ents, lemma, sent_start

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

# Prepositions after which a city is where something happens, not who acts.
LOCATIVE = frozenset({"à", "a", "en", "vers", "depuis", "dans", "près", "sur", "au", "aux", "via", "jusqu'à"})
# Nouns whose "à X" complement receives something: "le soutien à Kiev" (Ukraine), not a location.
RECIPIENT_NOUNS = frozenset("soutien aide appui assistance livraisons ultimatum".split())
# Nouns whose "de X" complement is the city as a place ("les rues de
# Belgrade", "le maire de Moscou"); after other nouns a capital acts ("la
# décision de Washington").
SPATIAL_NOUNS = frozenset("""
rue rues quartier quartiers centre banlieue environs périphérie région aéroport port gare habitants
habitant maire mairie université hôpital nord sud est ouest ville population porte portes entrée
sortie route routes pont ponts ciel transformateurs relais immeuble immeubles bâtiment siège
cathédrale place places musée stade métro avenue boulevard
""".split())
# First words that make a name a place / an event / a work.
PLACE_HEADS = frozenset("""
camp mont monts lac île îles cap fort port golfe mer océan baie vallée col canal détroit péninsule
place rue avenue boulevard quartier plateau désert bande région province état-major cours quai impasse
allée chemin parc stade square
""".split()) - {"état-major"}
EVENT_HEADS = frozenset("""
sommet guerre guerres élection élections affaire révolution crise conférence jeux coupe championnat
festival tournoi bataille conflit massacre attentat attentats accord accords printemps forum mondial
olympiades exposition salon grand-prix intifada supercoupe rallye marathon biennale
""".split())
# First words that make a name an organisation ("Parquet de Francfort",
# "1er régiment de Tirailleurs", "Assemblée nationale").
ORG_HEADS = frozenset("""
commandement parquet tribunal cour conseil parti ministère commission comité agence banque groupe union fédération
confédération association syndicat groupement collectif régiment bataillon brigade division armée police gendarmerie société
compagnie fondation institut office assemblée congrès sénat parlement gouvernement coalition mouvement
front ligue organisation force organisme instance institution coordination bourse
""".split())
# The same, folded ("assemblee"): for comparisons with folded names.
ORG_HEADS_FOLDED = frozenset(fold(w) for w in ORG_HEADS)
# Nouns (in the singular) that name a body by the proper name right after them,
# adjectives allowed between: "le groupe paramilitaire Wagner", "le mouvement
# Hamas", "l'agence Tass" (not the bodies named after a person or a place: "le
# gouvernement Aznar", "la commission Juppé", "le tribunal de Paris").
BODY_NAMING_NOUNS = frozenset("""
groupe union fédération confédération association syndicat groupement collectif régiment bataillon brigade
division armée société compagnie fondation institut mouvement front ligue organisation force organisme agence
banque parti coalition milice établissement
""".split())
# Nouns that gloss a name as a body in apposition: "X, l'organisme chargé de …".
GLOSS_HEADS = frozenset("organisme institution instance organisation association agence fondation société".split())
# ... and that gloss a name as a party or a coalition, unless the name is where something happens.
PARTY_GLOSS_HEADS = frozenset("coalition alliance parti".split())
# Nouns after which a name is a building or a site: "l'hôtel Adriatik",
# "la place Tahrir", "l'aéroport Charles-de-Gaulle".
VENUE_NOUNS = frozenset("école lycée collège centre gymnase salle piscine médiathèque bibliothèque musée".split())
SITE_NOUNS = frozenset("""
hôtel palais prison stade aéroport hôpital gare château cathédrale église mosquée synagogue temple
place rue avenue boulevard quartier pont mont lac île
""".split()) | VENUE_NOUNS
# "le PDG d'Elf": the complement of these nouns is a company or a body.
COMPANY_HEADS = frozenset("""
pdg président-directeur patron patronne actionnaire actionnaires filiale filiales salarié salariés
dirigeants direction syndicats
""".split())
# Assemblies named by one word: "le Congrès a adopté", "la Knesset".
INSTITUTIONS = frozenset(fold(w) for w in """
Congrès Sénat Parlement Knesset Douma Bundestag Bundesrat Storting Diète Cortes Majlis
""".split())
# Of these, only a company: "le PDG d'Elvor" even when the NER says LOC.
COMPANY_ONLY = frozenset({"pdg", "président-directeur", "actionnaire", "actionnaires", "filiale", "filiales"})
# "le patron de Tesla": one word after these is a company even when the NER says PER.
COMPANY_ONE_WORD = frozenset({"patron", "patronne"})
# "le Tour de France", "le Tour du Pays basque": a stage race, not a tower ("la tour de Pise").
STAGE_RACE = re.compile(r"^Tour (?:de |du |des |d['’])[A-ZÀ-Ý]")
# Determiners that no person's one-word name takes: "le Pastef réclame".
_ARTICLES = frozenset({"le", "la", "l'", "l’"})
# "l'avocat de X", "le fils de X": X is a person, whatever the NER says.
PERSON_RELATIONS = frozenset("""
avocat avocate client cliente fils fille père mère frère sœur soeur épouse époux mari femme veuve veuf
oncle tante neveu nièce cousin cousine grand-père grand-mère petit-fils petite-fille
""".split())
# "l'administration Bush", "le gouvernement Aznar": the name is a person.
LED_BY_NOUNS = frozenset({"gouvernement", "administration", "cabinet"})
ORDINAL = re.compile(r"^\d+(?:er|re|e|ème|es|èmes)$")
WORK_HEADS = frozenset("""
missile missiles fusée fusées roquette char drone programme logiciel application journal quotidien
hebdomadaire magazine revue livre roman film série opération charte traité loi convention résolution
satellite sous-marin navire porte-avions système album disque pacte
""".split())
# Nouns in an apposition after a title that make it a work: "« Funkoverload »,
# son dernier album", "« Les Ombres », un roman".
WORK_APPOSITION = frozenset("""
album disque single chanson titre roman livre essai film documentaire pièce spectacle tableau opéra
thriller comédie drame polar western long-métrage court-métrage biopic série feuilleton fresque chronique
mélodrame histoire récit saga
""".split())
# Words just before a name that make it a news site or a platform: "le site
# d'information Mediapart", "le réseau social X", "la messagerie Signal".
NEWS_SITE_BEFORE = ("site d'information", "site d'informations", "site d'investigation", "site internet",
                    "site web", "journal en ligne", "média en ligne")
PLATFORM_BEFORE = ("réseau social", "messagerie", "plateforme")
# A climate conference by its number: "la COP28", "COP 21".
NUMBERED_CONFERENCE = re.compile(r"^COP\s?\d{1,2}$")
# "la société lorraine de surveillance X": a name closing a noun phrase headed
# by one of these is a company.
FIRM_NOUNS = frozenset("société sociétés entreprise entreprises firme firmes".split())
# "Le Foyer d'Art-sur-Meurthe": a name then "de" and a commune (hyphenated
# with a linking word) is a local body named with its town.
LOCAL_BODY = re.compile(r"^[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)?\s+(?:de\s+|d['’]|du\s+)"
                        r"[A-ZÀ-Ý][\w’']*-(?:sur|sous|lès|lez|les|en|le|la|de|du|des|aux|au|et)-[A-ZÀ-Ý][\w’'-]*$")
# "la ville de X": X is a place whatever the NER says.
PLACE_NOUNS = frozenset("""
ville villes localité village commune région province quartier capitale île comté canton département
district faubourg banlieue port camp colonie colonies implantation
""".split())
# "Hwasongpho-18", "Soyouz-2", "Iskander-M": a name with a model number is a
# weapon, vehicle or product.
MODEL_NUMBER = re.compile(r"^[A-ZÀ-Ý][\w]+-(?:\d+[\w]*|[A-Z]{1,2}\d*)$")
# ... but an acronym of four capitals or more with a number is a local branch
# of an organisation: "UIMM-88" (the Vosges federation).
BRANCH_NUMBER = re.compile(r"^[A-ZÀ-Ý]{4,}-\d+$")


@dataclass(frozen=True)
class Typed:
    """What a mention names: its type, its knowledge entry if any, and how sure."""

    type: str
    entry: Entry | None
    confidence: float


def is_locative(span: "Span") -> bool:
    """The span is where something happens: "à Séoul", "(Séoul)", "en visite à Séoul"."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    # A dateline in capitals: "WASHINGTON. _ Les …", "LONDRES.- Le …".
    if span.text.isupper() and (prev is None or "\n" in prev.text_with_ws or prev.is_space) \
            and nxt is not None and nxt.text.startswith("."):
        return True
    if prev is None:
        return False
    if prev.lower_ in LOCATIVE:
        # "le soutien à Kiev", "l'aide à Kiev": the capital receives, it acts for its state
        return not (prev.lower_ == "à" and prev.i > 0 and doc[prev.i - 1].lower_ in RECIPIENT_NOUNS)
    if prev.lower_ in PLACE_NOUNS:
        return True  # "la capitale Alger", "la ville Sainte": the city named in apposition
    if prev.lower_ in ("et", "ou") and prev.i > 0:
        # "sur Singapour et Bangkok": the second of two names shares the first's preposition.
        j = prev.i - 1
        while j > 0 and doc[j].text[:1].isupper() and (doc[j].pos_ == "PROPN" or doc[j].ent_type_):
            j -= 1
        if j < prev.i - 1 and doc[j].lower_ in LOCATIVE:
            return True
    # A dateline: "(Séoul)" at the start of a line.
    if prev.text == "(" and nxt is not None and nxt.text == ")":
        before = doc[prev.i - 1] if prev.i > 0 else None
        return before is None or "\n" in before.text_with_ws or before.is_space
    if prev.lower_ in ("de", "d'", "d’", "du"):
        if prev.i > 0 and doc[prev.i - 1].lower_ in ("près", "loin", "proximité", "autour", "environs"):
            return True  # "une base aérienne près de New Delhi": where
        # "l'ire de Washington" acts; "les rues de Belgrade" is the city.
        noun = span.root.head
        return noun.lower_ in SPATIAL_NOUNS or lemma(noun).lower() in SPATIAL_NOUNS
    # "entre X et Y", "par X", subjects, objects, appositions: X acts.
    return False


def _plain_city(tok, knowledge: Knowledge) -> bool:
    """A token of a LOC entity naming no state, capital or known body: a city."""
    if tok.ent_type_ != "LOC" or not tok.text[:1].isupper():
        return False
    ent = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end), None)
    text = ent.text if ent is not None else tok.text
    return knowledge.lookup(text) is None and knowledge.state_of_capital(text) is None \
        and knowledge.lookup(tok.text) is None and knowledge.state_of_capital(tok.text) is None


def _listed_with_cities(span: "Span", knowledge: Knowledge) -> bool:
    """"Paris, Marseille et Nice", "de Paris et Marseille": a capital listed
    with cities that are no capitals is one more city, not its state acting."""
    doc = span.doc
    listed = (span.end + 1 < len(doc) and doc[span.end].text in (",", "et", "ou")
              and _plain_city(doc[span.end + 1], knowledge)) \
        or (span.start >= 2 and doc[span.start - 1].text in (",", "et", "ou")
            and _plain_city(doc[span.start - 2], knowledge))
    if not listed or span.root.dep_.startswith("nsubj"):
        return False
    # "Moscou et Grozny ont signé": the list is the subject of a verb, its capitals act.
    i = span.end
    while i < len(doc) and (doc[i].text in (",", "et", "ou") or doc[i].ent_type_ == "LOC"):
        i += 1
    while i < len(doc) and doc[i].lower_ in ("se", "s'", "s’", "ne", "n'", "n’", "l'", "l’", "y", "en"):
        i += 1
    return not (i < len(doc) and doc[i].pos_ in ("VERB", "AUX"))


_LIST_PREPS = frozenset({"de", "d'", "d’", "en", "au", "du"})


def _listed_among_regions(span: "Span", knowledge: Knowledge) -> bool:
    """"les États-clés de Pennsylvanie, de Géorgie et de Caroline du Nord": a state's
    name between two places that are no states, each with its preposition, is a
    region named like it (the US state), not the state."""
    doc = span.doc
    s, e = span.start, span.end
    if s < 3 or e + 2 >= len(doc) or doc[s - 1].lower_ not in _LIST_PREPS or doc[s - 2].text != "," \
            or doc[e].text not in (",", "et") or doc[e + 1].lower_ not in _LIST_PREPS:
        return False
    return _plain_city(doc[s - 3], knowledge) and _plain_city(doc[e + 2], knowledge)


def head_word(text: str) -> str:
    """The first word that says what a name is, ordinals skipped ("1er régiment")."""
    words = [w for w in text.split() if not ORDINAL.match(w)]
    return words[0].lower() if words else ""


def _singular(word: str) -> str:
    """"brigades" → "brigade", "forces" → "force": heads are listed in the singular."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _work_apposition(span: "Span") -> bool:
    """« X », son dernier album / un roman: the title of a work."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text in ("»", "”", "\""):
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return False
    for tok in doc[i + 1: i + 4]:
        if tok.lower_ in WORK_APPOSITION:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            # "À la Bourse de Milan, le titre a perdu 6 %": the subject of the next clause
            return not (nxt is not None and nxt.pos_ in ("AUX", "VERB"))
        if tok.pos_ not in ("DET", "ADJ"):
            return False
    return False


def _body_gloss(span: "Span", knowledge: Knowledge | None = None) -> bool:
    """X (l'organisme de …), X, l'institution chargée de …: a body glossed by its kind."""
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text not in ("(", ","):
        return False
    det, noun = doc[i + 1], doc[i + 2]
    if det.pos_ != "DET" and det.lower_ not in ("l'", "l’"):
        return False
    if doc[i].text == ",":  # an apposition: only the nouns that say "a body" ("la police" may be a subject)
        if fold(noun.text) in INSTITUTIONS | {"assemblee"} and i + 3 < len(doc) and noun.text[:1].isupper() \
                and doc[i + 3].is_lower and knowledge is not None and knowledge.is_demonym(doc[i + 3].text) and not (
                    span.start > 0 and doc[span.start - 1].lower_ in ("à", "en", "dans", "vers", "près", "depuis")):
            return True  # "au Yuan législatif, le Parlement taïwanais": a national assembly's own name
        if _singular(noun.lower_) in PARTY_GLOSS_HEADS:
            return not is_locative(span)  # "pour Ensemble, la coalition du président" (not "En Écosse, le parti …")
        return _singular(noun.lower_) in GLOSS_HEADS
    return _singular(noun.lower_) in ORG_HEADS and noun.lower_ not in LED_BY_NOUNS


_COPULAS = frozenset({"est", "était", "reste", "demeure", "sera"})


def _work_by_copula(span: "Span", knowledge: Knowledge) -> bool:
    """"Le quotidien le plus vendu est le Néerlandais De Volkskrat": the name
    after a copula whose subject is headed by a work noun is that work."""
    doc = span.doc
    first = sent_start(doc, span.start)  # of the span's sentence
    i = span.start - 1
    while i > first and (doc[i].pos_ in ("DET", "ADJ") or doc[i].lower_ in ("de", "the", "die", "der", "het")
                         or knowledge.is_demonym(doc[i].text)):
        i -= 1
    if i <= first or doc[i].lower_ not in _COPULAS:
        return False
    nouns = [t for t in doc[first: i] if t.pos_ == "NOUN"]
    return bool(nouns) and nouns[0].lower_ in WORK_HEADS


def _noun(tok) -> str:
    """A noun's lower form without "ex-" ("l'ex-hôtel Adriatik")."""
    low = tok.lower_
    return low[3:] if low.startswith("ex-") else low


_NAME_SHAPE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ’'-]+(?:\s+(?:de\s+|van\s+|von\s+)?[A-ZÀ-Ý][a-zà-ÿ’'-]+){1,2}$")


def _titled_name(span: "Span", text: str, knowledge: Knowledge) -> bool:
    """A first name and a surname right after a title, or before a title in
    apposition: a person whatever the NER label."""
    if not _NAME_SHAPE.match(text):
        return False
    from . import actor_roles  # noqa: PLC0415 (actor_roles imports this module: imported here, no cycle)
    found = actor_roles.find_role(span, knowledge)
    return found is not None and not (span.start <= found.title_token < span.end)


def _title_after(span: "Span", knowledge: Knowledge) -> bool:
    """A title in apposition right after the name: "Jean Tiberi, maire de Paris"."""
    from . import actor_roles  # noqa: PLC0415
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].pos_ == "ADP" and not (
            span.start > 1 and doc[span.start - 1].lower_ in ("de", "d'", "d’")
            and doc[span.start - 2].lower_ not in PLACE_NOUNS):
        return False  # "En route pour Salt Lake City, le patineur X": a place; not "la visite de X, …"
    first = span.end + 1
    if first < len(doc) and doc[first].lower_ in actor_roles.TIME_LEAD_INS:
        first += 1  # "X, alors présidente de …"
    if first >= len(doc) or doc[span.end].text != "," or not (
            actor_roles.is_prefix(doc[first]) or doc[first].lower_ in actor_roles.TITLE_NOUNS):
        return False
    return actor_roles.role_after(span, knowledge) is not None


def _coordinated_relative(span: "Span") -> bool:
    """"la fille de Jean, 1er adjoint, et de Marylène": a name after "et de"
    that continues "<relation> de <person>" is a person too."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in ("de", "d'", "d’") or doc[span.start - 2].lower_ != "et":
        return False
    for i in range(span.start - 3, max(span.start - 20, 0), -1):
        tok = doc[i]
        if tok.is_sent_start or tok.pos_ == "VERB":
            return False
        if tok.ent_type_ == "PER" and tok.ent_iob_ == "B" and i >= 2 and doc[i - 1].lower_ in ("de", "d'", "d’"):
            return doc[i - 2].lower_ in PERSON_RELATIONS
    return False


# "en partenariat avec X", "avec le soutien de X": X is a body.
PARTNER_NOUNS = frozenset("partenariat collaboration soutien concours partenaire partenaires".split())


def _partner(span: "Span") -> bool:
    """"en partenariat avec la Prévention routière", "avec le concours de X"."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i >= 1 and doc[i].lower_ in ("avec", "de", "du", "des", "d'", "d’") and doc[i - 1].lower_ in PARTNER_NOUNS


def _listed_with_bodies(span: "Span") -> bool:
    """A name coordinated ("," or "et") right after an organisation the NER tagged."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].text not in (",", "et"):
        return False
    before = doc[i - 1]
    return before.ent_type_ == "ORG"


def _in_firm_name(span: "Span") -> bool:
    """"employé de la société lorraine de surveillance Protec": the name ends a
    noun phrase headed by "société" (no verb or punctuation in between)."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 5:
        tok = doc[i]
        if tok.lower_ in FIRM_NOUNS:
            return True
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM"):
            return False
        i -= 1
    return False


def named_by_body_noun(doc, start: int) -> bool:
    """The name at token ``start`` follows a noun that names a body by it, up to two
    adjectives between: "le groupe paramilitaire Wagner", "la milice russe Wagner"."""
    i = start - 1
    for _ in range(2):
        if i > 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i -= 1
    return i >= 0 and doc[i].is_lower and _singular(doc[i].lower_) in BODY_NAMING_NOUNS


# "trois rames de TGV": parts of a vehicle whose complement is its model.
VEHICLE_PARTS = frozenset("rame rames wagon wagons voiture voitures motrice motrices".split())
# Texts whose initials follow them in brackets: "le règlement européen sur les marchés numériques (DMA)".
LAW_HEADS = frozenset("règlement directive loi traité convention charte pacte code décret ordonnance".split())


def _initials_of_a_text(span: "Span", text: str) -> bool:
    """Initials in brackets after a lower-case phrase headed by a text noun: a law, not a body."""
    doc = span.doc
    if not (text.isupper() and span.start > 1 and doc[span.start - 1].text == "("
            and span.end < len(doc) and doc[span.end].text == ")"):
        return False
    for i in range(span.start - 2, max(span.start - 12, 0), -1):
        tok = doc[i]
        if tok.lower_ in LAW_HEADS and (doc[i - 1].pos_ == "DET" or doc[i - 1].lower_ in ("du", "au", "des", "aux")):
            return True
        if not (tok.is_lower or tok.text in ("'", "’")) or tok.is_punct:
            return False
    return False


def _work_noun_phrase(span: "Span") -> bool:
    """"des systèmes de défense antiaérienne Patriot": one word right after a
    lower-case noun phrase headed by a work noun (adjectives and "de" + noun between)."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].pos_ == "ADP":
        return False
    for _ in range(5):
        if i < 0:
            return False
        tok = doc[i]
        if not tok.is_lower or not tok.is_alpha:
            return False
        if _singular(tok.lower_) in WORK_HEADS and tok.pos_ == "NOUN":
            return True
        if tok.lower_ in ("de", "d'", "d’") and i + 1 < span.start and doc[i + 1].pos_ == "NOUN":
            i -= 1
            continue
        if tok.pos_ not in ("ADJ", "NOUN"):
            return False
        i -= 1
    return False


def _words_before(span: "Span", doc_text: str, n: int = 3) -> str:
    """The ``n`` words before the span, lower case, apostrophes straight ("site d'information").

    Read off ``doc_text`` (``span.doc.text``): what ``Span.text`` of those
    words gives, without making the Span and joining its tokens.
    """
    if span.start == 0:
        return ""
    doc = span.doc
    last = doc[span.start - 1]
    words = doc_text[doc[max(0, span.start - n)].idx: last.idx + len(last.text)]
    return words.lower().replace("’", "'").replace("' ", "'")


# An apposition that says a name is a town or where it lies.
_NEAR_PLACE = re.compile(r",\s+(?:près|non\s+loin|à\s+proximité)\s+(?:de\s+|d['’])[A-ZÀ-Ý]")
_PLACE_GLOSS = re.compile(r",\s+(?:(?:(?:l[ae]|une?)\s+)?"
                          r"(?:(?!(?:de|du|des|d|sur|à|au|aux|dans|en|pour|par|avec|vers|près|la|le|les|un|une)\b)"
                          r"[a-zàâéèêîôûç-]+\s+){0,3}?"
                          r"(?:ville|localité|village|bourgade|commune|capitale|cité|agglomération)\s+"
                          r"(?:de|du|des|d['’])"
                          r"|dans\s+le\s+(?:nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|sud-ouest)\s+"
                          r"(?:de|du|des|d['’]))")
_AUTHORS = frozenset("auteur auteure autrice auteurs autrices coauteur coautrice réalisateur réalisatrice".split())
def _by_author(span: "Span") -> bool:
    """"autrice de « La Cavalière »": a quoted title after "auteur de"."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].pos_ == "DET" and doc[k].text[:1].isupper():
        k -= 1  # the title's own article, cut off the mention
    return k >= 2 and doc[k].text in ("«", "“") and doc[k - 1].lower_ in ("de", "d'", "d’") \
        and doc[k - 2].lower_ in _AUTHORS


# Ranks and royal titles that head only a person's name: "le général X", "la reine X".
RANKS_BEFORE_NAME = frozenset("""général générale colonel maréchal amiral commandant capitaine lieutenant sergent
caporal adjudant roi reine prince princesse pape cardinal impératrice empereur""".split())
_KIN_BEFORE_NAME = frozenset("épouse époux mari femme fils fille frère sœur soeur mère père compagne compagnon".split())


def _office_of_city(span: "Span") -> bool:
    """"la procureure de Paris", "le maire de Londres": a capital after a title and "de" is the city
    the office serves, not the state."""
    from . import actor_roles  # noqa: PLC0415
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ in ("de", "d'", "d’") \
        and doc[span.start - 2].lower_ in actor_roles.TITLE_NOUNS


def type_mention(span: "Span", text: str, label: str, knowledge: Knowledge, *,
                 doc_text: str | None = None) -> Typed | None:
    """Type the cleaned mention ``text`` of ``span``; None when it is no actor.

    ``doc_text`` is ``span.doc.text`` when the caller has it (spaCy joins every
    token of the Doc again on each access: ~1 ms for a long article, per mention).

    Knowledge first (a known state is a state whatever the NER says), then the
    capital-city decision, then lexical cues, then spaCy's label.
    """
    if span.start >= 2 and " " not in text and span.doc[span.start - 1].lower_ in _KIN_BEFORE_NAME \
            and span.doc[span.start - 2].lower_ in ("son", "sa", "leur", "mon", "ma", "notre"):
        return Typed("person", None, 0.85)  # "son épouse Victoria": a first name, not the capital
    entry = knowledge.lookup(text)
    if entry is not None:
        if entry.type != "state" and knowledge.is_capital(text) \
                and (is_locative(span) or _listed_with_cities(span, knowledge)):
            # A capital known as the metonym of a body ("Bruxelles" acting is the
            # Commission) is still the city where something happens: "à Bruxelles".
            return Typed("place", None, 0.85)
        if entry.type == "state" and _listed_among_regions(span, knowledge):
            return Typed("place", None, 0.8)
        if entry.type == "state" and span.start > 0 and span.doc[span.start - 1].lower_ == "à" \
                and any(fold(c) == fold(text) for c in entry.capitals):
            return Typed("place", entry, 0.85)  # "à Luxembourg", "à Monaco": the city ("au Luxembourg": the state)
        return Typed(entry.type, entry, 1.0)
    state = knowledge.state_of_capital(text)
    if state is not None:
        if is_locative(span) or _listed_with_cities(span, knowledge) or _office_of_city(span):
            return Typed("place", None, 0.85)
        return Typed("state", state, 0.85)
    doc_text = span.doc.text if doc_text is None else doc_text
    if _PLACE_GLOSS.match(doc_text, span.end_char):
        return Typed("place", None, 0.9)  # "X, dernière grande ville du Darfour", "X, dans le nord du pays"
    if label != "PER" and _NEAR_PLACE.match(doc_text, span.end_char):
        return Typed("place", None, 0.8)  # "un centre de traitement de Munigi, près de Goma"
    if NUMBERED_CONFERENCE.match(text):
        return Typed("event", None, 0.85)  # "la COP28": a conference, whatever the NER says
    if re.fullmatch(r"[A-Z][a-z]{0,3}exit", text):
        return Typed("event", None, 0.85)  # "le Brexit", "un Grexit": a country's leaving the EU
    if STAGE_RACE.match(text):
        return Typed("event", None, 0.85)
    first = head_word(text)
    if first not in EVENT_HEADS and first not in PLACE_HEADS and first not in ORG_HEADS:
        first = _singular(first)  # "Brigades des martyrs", "Forces armées"
    if BRANCH_NUMBER.match(text):
        return Typed("organization", None, 0.8)
    if MODEL_NUMBER.match(text):
        return Typed("work", None, 0.8)
    if first in EVENT_HEADS:
        return Typed("event", None, 0.8)
    if first in WORK_HEADS:
        return Typed("work", None, 0.7)
    if first in PLACE_HEADS:
        return Typed("place", None, 0.8)
    if first in SITE_NOUNS and text[:1].islower() and " " in text:
        return Typed("place", None, 0.8)  # "école Maurice-Durand", "centre Jean-Moulin": a venue
    if first in ORG_HEADS and len(text.split()) > 1:
        return Typed("organization", None, 0.8)
    if fold(text) in INSTITUTIONS:
        return Typed("organization", None, 0.8)  # "le Congrès", "la Knesset" alone
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    prev2 = doc[span.start - 2] if span.start > 1 else None
    if prev is not None and (label != "PER" or " " not in text or prev.pos_ == "ADJ" and prev.is_lower) \
            and named_by_body_noun(doc, span.start):
        # "le groupe paramilitaire Wagner" (tagged PER); "l'établissement public X Y": an
        # adjective after the body noun says the name is the body's
        return Typed("organization", None, 0.85)
    if prev is not None and (label != "PER" or " " not in text):
        before = _words_before(span, doc_text)
        if before.endswith(NEWS_SITE_BEFORE):
            return Typed("work", None, 0.85)  # "le site d'information Mediapart": a medium, like a newspaper
        if before.endswith(PLATFORM_BEFORE) or (text == "X" and prev.lower_ == "sur"):
            return Typed("organization", None, 0.85)  # "le réseau social Bluesky", "a réagi sur X"
    if prev is not None and prev.pos_ == "ADJ" and prev2 is not None and prev2.lower_ in WORK_HEADS:
        prev, prev2 = prev2, None  # "le quotidien local Deseret News"
    if prev is not None and label != "PER":
        # The noun before the name says what it is, more surely than the NER.
        if prev.lower_ in WORK_HEADS:
            return Typed("work", None, 0.9)  # "le missile Hwasong", "le journal Le Monde"
        if prev.lower_ in ("type", "modèle", "marque", "classe"):
            return Typed("work", None, 0.9)  # "des roquettes de type Qassam"
    if prev is not None and label == "MISC" and " " not in text and text[:1].isupper():
        if prev2 is not None and prev.lower_ in ("de", "d'", "d’") and prev2.lower_ in PERSON_RELATIONS:
            return Typed("person", None, 0.8)  # "l'avocate de Bernard": a client is a person
        if prev.text in (",", "et") and prev2 is not None and prev2.ent_type_ == "PER" \
                and (prev.text == "et" or span.end < len(doc) and doc[span.end].text in (",", "et")):
            return Typed("person", None, 0.8)  # "Jessica, Jennifer et Nadia": a list of people
    if prev is not None and prev.text in ("«", "“", '"') and prev2 is not None and label != "PER" \
            and prev2.lower_ in ORG_HEADS and prev2.lower_ not in LED_BY_NOUNS:
        return Typed("organization", None, 0.85)  # "le comité « Stop Essais ! »"
    if prev is not None and label == "MISC" and prev.lower_ == "les" and " " not in text and text[:1].isupper() \
            and not knowledge.is_demonym(text):
        return Typed("organization", None, 0.6)  # "les Knicks", "les Verts": a team or a party
    if prev is not None and _noun(prev) in SITE_NOUNS and not (_noun(prev) in VENUE_NOUNS and text.isupper()):
        return Typed("place", None, 0.75)  # "l'hôtel Adriatik" (even if the NER says PER; not "le centre UDF")
    if prev is not None and prev.lower_ in LED_BY_NOUNS and len(text.split()) == 1 and text[:1].isupper():
        return Typed("person", None, 0.7)  # "le gouvernement Aznar"
    if prev2 is not None and prev is not None and prev.lower_ in ("de", "d'", "d’"):
        if prev2.lower_ in PLACE_NOUNS or span.root.head.lower_ in PLACE_NOUNS:
            return Typed("place", None, 0.8)  # "la localité de Beit Hanoun", "le camp d'extermination de X"
        if prev2.lower_ in ("type", "modèle", "marque", "classe"):
            return Typed("work", None, 0.9)  # "une roquette de type Qassam"
        if prev2.lower_ in VEHICLE_PARTS and text.isupper():
            return Typed("work", None, 0.8)  # "trois rames de TGV": a train model
        if prev2.lower_ in COMPANY_HEADS and (label in ("MISC", "ORG") or prev2.lower_ in COMPANY_ONLY
                                              or prev2.lower_ in COMPANY_ONE_WORD and " " not in text):
            return Typed("organization", None, 0.8)  # "le PDG d'Elf", "la filiale de X"
        if prev2.lower_ in ("général", "générale") and prev2.i > 0 \
                and span.doc[prev2.i - 1].lower_ in ("directeur", "directrice") and " " not in text:
            return Typed("organization", None, 0.8)  # "le directeur général de Valtrix": a company
    if _by_author(span):
        return Typed("work", None, 0.9)  # "autrice de « La Cavalière »"
    if _work_apposition(span) and (label != "PER" or (prev is not None and prev.text in ("«", "“", '"'))):
        # (a person's name before the apposition is the author, not the work: "… du
        # Norvégien Joachim Trier, chronique familiale …")
        return Typed("work", None, 0.85)
    if _work_by_copula(span, knowledge):
        return Typed("work", None, 0.8)
    if _initials_of_a_text(span, text):
        return Typed("work", None, 0.8)  # "le règlement européen sur les marchés numériques (DMA)"
    if " " not in text and label in ("PER", "MISC") and _work_noun_phrase(span):
        return Typed("work", None, 0.8)  # "des systèmes de défense antiaérienne Patriot"
    if _body_gloss(span, knowledge):
        return Typed("organization", None, 0.85)  # "le Dar el-ifta (l'organisme de la fatwa)"
    if prev2 is not None and prev is not None and prev.lower_ in ("de", "d'", "d’") \
            and prev2.lower_ in ("fonction", "fonctions"):
        return Typed("other", None, 0.8)  # "la fonction de Mufti de la République": an office, no person
    if label == "MISC" and LOCAL_BODY.match(text):
        return Typed("organization", None, 0.7)  # "le Foyer d'Art-sur-Meurthe"
    if label == "MISC" and _partner(span):
        return Typed("organization", None, 0.75)  # "en partenariat avec la Prévention routière"
    if label == "MISC" and " " in text and _listed_with_bodies(span):
        return Typed("organization", None, 0.7)  # "la Caisse d'allocations et Enfance et loisirs ont signé"
    if label == "MISC" and _in_firm_name(span):
        return Typed("organization", None, 0.75)  # "la société de surveillance Protec"
    if label in ("MISC", "ORG") and _titled_name(span, text, knowledge):
        return Typed("person", None, 0.8)  # "le ministre de la Défense, Peter Struck" tagged MISC
    if label != "PER" and prev is not None and prev.lower_ in RANKS_BEFORE_NAME and prev2 is not None \
            and prev2.lower_ in ("le", "la", "l'", "l’", "du", "au") and text[:1].isupper() \
            and len(text.split()) <= 3:
        return Typed("person", None, 0.8)  # "le général Waker-Uz-Zaman" tagged MISC: a rank heads a person's name
    if label != "PER" and " " not in text and text[:1].isupper() and _coordinated_relative(span):
        return Typed("person", None, 0.8)  # "la fille de Jean, …, et de Marylène" tagged LOC
    if label == "LOC" and _NAME_SHAPE.match(text) and _title_after(span, knowledge):
        return Typed("person", None, 0.8)  # "Jean Tiberi, maire de Paris" tagged LOC
    if label == "PER" and " " not in text and prev is not None and prev.lower_ in _ARTICLES and prev.pos_ == "DET" \
            and text[:1].isupper() and not knowledge.is_demonym(text):
        return Typed("organization", None, 0.6)  # "Le Pastef réclame": a name with an article is no person
    if label == "PER":
        return Typed("person", None, 0.9)
    if prev is not None and prev.lower_ in ("un", "une") and text.isupper() and text.isalpha() and 2 <= len(text) <= 6 \
            and label != "PER":
        return Typed("work", None, 0.7)  # "un TGV sur cinq": counted, so a model, not a body
    if label == "ORG" or (label == "MISC" and len(text) >= 3 and text.isupper() and text.isalpha()):
        return Typed("organization", None, 0.85 if label == "ORG" else 0.6)  # "CUGN" tagged MISC
    if label == "LOC":
        return Typed("place", None, 0.8)
    if label == "MISC" and prev is not None and prev.lower_ == "à" and not text[:1].isdigit():
        return Typed("place", None, 0.6)  # "rendez-vous à Val-et-Châtillon": where, so a place
    return Typed("other", None, 0.5)
